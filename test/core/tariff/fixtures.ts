/* Shared test inputs for the pricing tests: a small price table and helpers. */
import { PbrError, type ResultCell } from "../../../src/core/errors";
import { ymdToSerial } from "../../../src/core/dates";
import { NumberColumn } from "../../../src/core/results";
import { parsePriceTable, type PriceTable } from "../../../src/core/tariff/priceTable";

/** dd/mm/yyyy → Excel serial. */
export const d = (text: string): number => {
  const [day, month, year] = text.split("/").map(Number);
  return ymdToSerial(year, month, day);
};

/** Header is row 1, so data rows are 2–7. */
export const TABLE = [
  ["Code", "Day price", "Admitted day price", "Period price", "Period days", "Source"],
  [1, 4, 320, "", "", "test"],
  [14, 30, 380, "", "", "test"],
  ["MH01", 10, "", "", 90, "test"],
  ["MH02", 12, "", 1000, 100, "test"],
  ["MH03", 5, "", "", "", "test"],
  [11, 6, 350, 700, "", "test"],
];

export function table(grid: unknown[][] = TABLE): PriceTable {
  const t = parsePriceTable(grid);
  if (t instanceof PbrError) throw new Error(t.message);
  return t;
}

/** Plain cells from a core result (NumberColumn or array), for toEqual. */
export function cells(result: NumberColumn | ResultCell[] | PbrError): ResultCell[] | PbrError {
  return result instanceof NumberColumn ? result.toCells() : result;
}

/** The error kind and message of a cell, or the cell itself. */
export function show(cell: unknown): unknown {
  return cell instanceof PbrError ? `${cell.kind} ${cell.message}` : cell;
}

export const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
