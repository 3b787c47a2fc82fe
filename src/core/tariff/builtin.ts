/** The built-in ILLUSTRATIVE price table, parsed once; used when a function's `prices` is omitted. */
import { PbrError } from "../errors";
import type { Grid } from "../values";
import { ILLUSTRATIVE_PRICES, type BuiltInTable } from "./illustrative";
import { parsePriceTable, type PriceTable } from "./priceTable";

/** A built-in table as a worksheet range: header row, then data rows. */
export function builtInGrid(table: BuiltInTable): Grid {
  return [table.header, ...table.rows];
}

/**
 * A built-in ILLUSTRATIVE table, parsed on first use as if a user had given it ("illustrative
 * <what>" in messages) and kept. A problem is a bug in the shipped data, so it throws.
 */
export function builtInOnce<T>(
  table: BuiltInTable,
  what: string,
  parse: (grid: Grid, name: string) => T | PbrError
): () => T {
  let cached: T | undefined;
  return () => {
    if (cached === undefined) {
      const parsed = parse(builtInGrid(table), `illustrative ${what}`);
      if (parsed instanceof PbrError)
        throw new Error(`built-in ${what} is broken: ${parsed.message}`);
      cached = parsed;
    }
    return cached;
  };
}

const prices = builtInOnce(ILLUSTRATIVE_PRICES, "price table", parsePriceTable);

export function illustrativePrices(): PriceTable {
  return prices();
}
