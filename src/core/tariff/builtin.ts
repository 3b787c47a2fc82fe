/** The built-in ILLUSTRATIVE price table, parsed once; used when a function's `prices` is omitted. */
import { PbrError } from "../errors";
import type { Grid } from "../values";
import { ILLUSTRATIVE_PRICES, type BuiltInTable } from "./illustrative";
import { parsePriceTable, type PriceTable } from "./priceTable";

/** A built-in table as a worksheet range: header row, then data rows. */
export function builtInGrid(table: BuiltInTable): Grid {
  return [table.header, ...table.rows];
}

let cached: PriceTable | undefined;

export function illustrativePrices(): PriceTable {
  if (!cached) {
    const parsed = parsePriceTable(builtInGrid(ILLUSTRATIVE_PRICES), "illustrative price table");
    if (parsed instanceof PbrError)
      throw new Error(`built-in price table is broken: ${parsed.message}`);
    cached = parsed;
  }
  return cached;
}
