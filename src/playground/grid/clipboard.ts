/**
 * Copy and paste between the playground grid and Excel or Google Sheets: a block of cells travels
 * as tab-separated text (rows on lines, cells split by tabs, quotes around a cell holding a tab,
 * line break or quote), which is what both put on the clipboard.
 */
import Papa from "papaparse";
import type { CellInput } from "../../workbook/port";

/** Cells as the clipboard carries them: tab-separated, one line per row. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return Papa.unparse(rows as string[][], { delimiter: "\t", newline: "\r\n", quotes: false });
}

/**
 * Clipboard text back into rows of cells (a trailing line break is not a row). Line endings are
 * made one kind first: text gathered from several programs can mix CRLF and LF, and splitting on
 * one kind only merged the other kind's rows.
 */
export function fromTsv(text: string): string[][] {
  const trimmed = text.replace(/\r\n?/g, "\n").replace(/\n$/, "");
  if (trimmed === "") return [];
  const parsed = Papa.parse<string[]>(trimmed, { delimiter: "\t", newline: "\n" });
  return parsed.data;
}

const PLAIN = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
/** Digits with en-GB thousands separators in groups of three ("1,234,567.50"), or none. */
const GROUPED = /^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * A number as Excel in an en-GB workbook reads one that is pasted or typed: a currency sign (£ $ €),
 * thousands separators, a percentage (12.5% → 0.125), a minus sign before or after the sign, or
 * accounting brackets for a negative ("(£1,234.50)"). Null when it is not such a number.
 */
export function enGbNumber(text: string): number | null {
  let t = text.trim();
  if (PLAIN.test(t)) return Number(t);
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  if (t.startsWith("-")) {
    negative = !negative;
    t = t.slice(1).trim();
  } else if (t.startsWith("+")) t = t.slice(1).trim();
  t = t.replace(/^[£$€]\s?/, "");
  if (t.startsWith("-") && !negative) {
    negative = true;
    t = t.slice(1);
  }
  let scale = 1;
  if (t.endsWith("%")) {
    scale = 0.01;
    t = t.slice(0, -1).trim();
  }
  if (!GROUPED.test(t)) return null;
  const n = Number(t.replace(/,/g, "")) * scale;
  if (!Number.isFinite(n)) return null;
  // Round away binary noise from the percentage division (12.3% is 0.123, not 0.12300000000000001).
  const value = scale === 1 ? n : Number(n.toPrecision(15));
  return negative ? -value : value;
}

/**
 * A pasted cell as if typed in an en-GB Excel: blank clears; numbers, currency, thousands and
 * percentages become numbers; TRUE and FALSE booleans; "=…" a formula; anything else stays text.
 */
export function typedCell(text: string): CellInput {
  const t = text.trim();
  if (t === "") return null;
  if (t.startsWith("=")) return text;
  const n = enGbNumber(t);
  if (n !== null) return n;
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  return text;
}
