/** The optional `prices` argument: omitted → the built-in ILLUSTRATIVE table; a range → parsed and cached. */
import { tariffErrors, type PbrError } from "../core/errors";
import { illustrativePrices } from "../core/tariff/builtin";
import { parsePriceTable, type PriceTable } from "../core/tariff/priceTable";
import { isOmitted, type Grid } from "../core/values";
import { tableCache } from "./tableCache";

const parse = tableCache((grid: Grid) => parsePriceTable(grid));

export function priceArg(arg: unknown): PriceTable | PbrError {
  if (isOmitted(arg)) return illustrativePrices();
  if (!Array.isArray(arg)) return tariffErrors.pricesNotRange(arg);
  return parse(arg as Grid);
}
