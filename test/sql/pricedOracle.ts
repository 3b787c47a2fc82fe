/** priced.sql's oracle over a set of rows: the functions' core at each row's MFF and date. */
import {
  corePricedRow,
  type DatedPrice,
  type PriceInput,
  type PricedRow,
} from "../../scripts/mhnrg-sql/oracle";
import type { Row } from "./cases";

export const PRICED_NUMERIC: ReadonlySet<string> = new Set(["unit_price", "mff", "price_with_mff"]);

export function pricedOracle(
  rows: readonly Row[],
  inputs: PriceInput[],
  dated: readonly DatedPrice[]
): PricedRow[] {
  const cache = new Map();
  return rows.map((r, i) => corePricedRow(i + 1, r, inputs[i], dated, cache));
}
