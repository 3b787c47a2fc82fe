/**
 * Number formats as an .xlsx file holds them, for the opener (readXlsx.ts): the formats Excel knows
 * by id without writing them, which of them are dates, and runs of one format down a column.
 */
import { rangeAddress } from "../../workbook/address";

/** Number formats Excel knows by id without writing them in the file (as an en-GB Excel shows them). */
export const BUILT_IN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  14: "dd/mm/yyyy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "dd/mm/yyyy hh:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** A date-like number format: has day, month or year letters outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dmy]/i.test(bare) && !/^[#0.,%\s;()E+-]*$/.test(bare);
}

/** Excel serial of an ISO date (cells of type "d", rare). */
export function serialOf(iso: string): number {
  const ms = Date.parse(iso.endsWith("Z") || /[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
  return ms / 86_400_000 + 25_569;
}

/** Runs of the same format down each column, as ranges. */
export function formatRanges(
  byCell: Map<number, Map<number, string>>
): { address: string; format: string }[] {
  const out: { address: string; format: string }[] = [];
  for (const [col, rows] of byCell) {
    const sorted = [...rows.keys()].sort((a, b) => a - b);
    let start = sorted[0];
    let prev = start;
    const flush = (end: number) =>
      out.push({ address: rangeAddress(start, col, end - start + 1, 1), format: rows.get(start)! });
    for (const row of sorted.slice(1)) {
      if (row === prev + 1 && rows.get(row) === rows.get(start)) {
        prev = row;
        continue;
      }
      flush(prev);
      start = prev = row;
    }
    if (sorted.length > 0) flush(prev);
  }
  return out;
}
