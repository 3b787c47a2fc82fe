/**
 * The `prices` argument of PBR.VARIANCE, either:
 * - a column of prices aligned with the codes (or one price for every code), or
 * - a price table read by the tariff family's parser (core/tariff/priceTable.ts), so VARIANCE
 *   accepts the tables PBR.TARIFF does (Code | Day price, or Unit price for resource groups) and
 *   reports their problems in the same words. A table whose price column is headed just `Price`
 *   is read as a unit price. Each code's current (latest) price is used.
 */
import { PbrError, shapeErrors, tariffErrors } from "../errors";
import { Column, readNonNegative } from "../args";
import { lookupPrice, parsePriceTable, type PriceTable } from "../tariff/priceTable";
import { headerKey, type CellValue, type Grid } from "../values";

export type PriceSource =
  | { readonly kind: "column"; readonly values: Column }
  | { readonly kind: "table"; readonly table: PriceTable };

const PRICE_COLUMNS = new Set(["dayprice", "unitprice", "nonadmitteddayprice"]);

function isTable(arg: CellValue): arg is Grid {
  if (!Array.isArray(arg) || arg.length === 0 || !Array.isArray(arg[0])) return false;
  const header = arg[0] as unknown[];
  return header.length >= 2 && (arg.length > 1 || header.some((c) => headerKey(c) === "code"));
}

/** A price table; a lone `Price` header (no Day or Unit price) is the unit price. */
function readTable(grid: Grid): PriceTable | PbrError {
  const keys = grid[0].map(headerKey);
  if (!keys.some((k) => PRICE_COLUMNS.has(k))) {
    const j = keys.indexOf("price");
    if (j < 0) return shapeErrors.tableMissingColumns("price table", ["Price or Day price"]);
    grid = [grid[0].map((c, k) => (k === j ? "Unit price" : c)), ...grid.slice(1)];
  }
  return parsePriceTable(grid);
}

export function readPrices(arg: CellValue, rows: number): PriceSource | PbrError {
  if (isTable(arg)) {
    const table = readTable(arg);
    return table instanceof PbrError ? table : { kind: "table", table };
  }
  const values = Column.of(arg, "prices");
  if (values instanceof PbrError) return values;
  if (!values.single && values.length !== rows)
    return shapeErrors.lengthMismatch("prices", values.length, "codes", rows);
  return { kind: "column", values };
}

/** The price for row `i` (0-based) with code `code`: a number ≥ 0, or an error naming the row. */
export function priceFor(source: PriceSource, i: number, code: CellValue): number | PbrError {
  const row = i + 1;
  if (source.kind === "column") {
    return readNonNegative(source.values.at(i), row, "price");
  }
  const found = lookupPrice(source.table, code, row, NaN);
  if (found instanceof PbrError) return found;
  if (found.day !== found.day)
    return tariffErrors.missingPrice(row, code, "price", source.table.name, found.row);
  return found.day;
}
