/**
 * The `prices` argument of PBR.VARIANCE, either:
 * - a column of prices aligned with the codes (or one price for every code), or
 * - a price table: a range at least 2 columns wide whose header row has `Code` and a price
 *   column, `Price` or `Day price` (case, spaces, dashes and underscores ignored). Other columns
 *   (Admitted day price, Source …) are ignored.
 *
 * This is a deliberately small lookup local to the risk-share family; it could later be switched
 * to the tariff family's price-table parser.
 */
import { PbrError, riskErrors, shapeErrors } from "../errors";
import {
  headerKey,
  isBlank,
  isBlankRow,
  toColumn,
  toKey,
  toNumber,
  type CellValue,
  type Grid,
} from "../values";

export type PriceSource =
  | { readonly kind: "column"; readonly values: readonly CellValue[] }
  | { readonly kind: "table"; readonly byCode: ReadonlyMap<string, number> };

const CODE = "code";
const PRICE_HEADERS = ["price", "dayprice"];

function isTable(arg: CellValue): arg is Grid {
  return (
    Array.isArray(arg) &&
    arg.length > 0 &&
    Array.isArray(arg[0]) &&
    (arg[0] as unknown[]).length >= 2
  );
}

/** Read a price table (header row first); rows are counted as in the range, header = row 1. */
export function readPriceTable(grid: Grid): ReadonlyMap<string, number> | PbrError {
  const header = grid[0].map(headerKey);
  const codeCol = header.indexOf(CODE);
  let priceCol = -1;
  for (const h of PRICE_HEADERS) {
    priceCol = header.indexOf(h);
    if (priceCol >= 0) break;
  }
  const missing = [codeCol < 0 ? "Code" : "", priceCol < 0 ? "Price or Day price" : ""].filter(
    (m) => m
  );
  if (missing.length > 0) return shapeErrors.tableMissingColumns("price table", missing);
  const byCode = new Map<string, number>();
  const firstRow = new Map<string, number>();
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r];
    if (isBlankRow(cells)) continue;
    const row = r + 1;
    const code = toKey(cells[codeCol]);
    if (code === "") continue; // a note or subtotal line without a code
    const price = toNumber(cells[priceCol]);
    if (Number.isNaN(price)) return riskErrors.priceTableNotNumber(row, cells[priceCol]);
    if (price < 0) return riskErrors.priceTableNegative(row, price);
    const seen = firstRow.get(code);
    if (seen !== undefined) return riskErrors.priceTableDuplicate(row, seen, code);
    firstRow.set(code, row);
    byCode.set(code, price);
  }
  if (byCode.size === 0) return shapeErrors.tableEmpty("price table");
  return byCode;
}

export function readPrices(arg: CellValue): PriceSource | PbrError {
  if (
    isTable(arg) &&
    (arg.length > 1 || (arg[0] as unknown[]).some((c) => headerKey(c) === CODE))
  ) {
    const byCode = readPriceTable(arg);
    return byCode instanceof PbrError ? byCode : { kind: "table", byCode };
  }
  const values = toColumn(arg, "prices");
  return values instanceof PbrError ? values : { kind: "column", values };
}

/** The price for row `i` (0-based) with code `code`: a number ≥ 0, or an error naming the row. */
export function priceFor(source: PriceSource, i: number, code: CellValue): number | PbrError {
  const row = i + 1;
  if (source.kind === "table") {
    if (isBlank(code)) return riskErrors.codeMissing(row);
    const price = source.byCode.get(toKey(code));
    return price === undefined ? riskErrors.priceNotFound(row, code) : price;
  }
  const value = source.values.length === 1 ? source.values[0] : source.values[i];
  const price = toNumber(value);
  if (Number.isNaN(price)) return shapeErrors.notNumber(row, "price", value);
  if (price < 0) return shapeErrors.negative(row, "price", price);
  return price;
}
