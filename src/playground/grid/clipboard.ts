/**
 * Copy and paste between the playground grid and Excel or Google Sheets: a block of cells travels
 * as tab-separated text (rows on lines, cells split by tabs, quotes around a cell holding a tab,
 * line break or quote), which is what both put on the clipboard.
 */
import Papa from "papaparse";
import { rangeAddress } from "../../workbook/address";
import type { CellInput } from "../../workbook/port";
import { DATE_FORMAT, enGbDate } from "./enGbDate";

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
 * (Dates are `enteredCell`'s: a date is a number and a format.)
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

/** What typing or pasting some text into a cell gives: what the cell holds and, for a date, its format. */
export interface Entered {
  input: CellInput;
  /** A number format the cell takes with it (a date's dd/mm/yyyy). */
  format?: string;
}

/**
 * Text typed or pasted into a cell, read as an en-GB Excel workbook reads it: in a text-formatted
 * cell ("@") it stays as written ("007" stays "007"); elsewhere a date (31/01/2026, 1/2/26,
 * 31-01-2026, 2026-01-31) is its serial in the workbook's date system, shown as dd/mm/yyyy, and
 * everything else is `typedCell`'s.
 */
export function enteredCell(text: string, textCell = false): Entered {
  if (textCell && text.trim() !== "") return { input: text };
  const serial = text.startsWith("=") ? null : enGbDate(text);
  return serial === null ? { input: typedCell(text) } : { input: serial, format: DATE_FORMAT };
}

/** Pasted rows typed cell by cell, and the ranges (relative to the paste's first cell) to format. */
export interface PastedCells {
  rows: CellInput[][];
  /** Each date's format over runs of date cells down a column ("B2:B40" → "dd/mm/yyyy"). */
  formats: { address: string; format: string }[];
}

/**
 * Rows of pasted text as cells at (row, col): each cell `enteredCell`, asking `isTextCell` whether
 * the sheet's cell there is text-formatted. The dates' format is given per run of cells down a
 * column, so a pasted date column is one format range, not one per cell.
 */
export function pastedCells(
  lines: readonly (readonly string[])[],
  row: number,
  col: number,
  isTextCell: (row: number, col: number) => boolean
): PastedCells {
  const rows: CellInput[][] = [];
  const runs = new Map<number, { top: number; bottom: number; format: string }>(); // open run per column
  const formats: PastedCells["formats"] = [];
  const close = (c: number) => {
    const run = runs.get(c);
    if (!run) return;
    formats.push({
      address: rangeAddress(run.top, col + c, run.bottom - run.top + 1, 1),
      format: run.format,
    });
    runs.delete(c);
  };
  const width = lines.reduce((w, line) => Math.max(w, line.length), 0);
  for (let r = 0; r < lines.length; r++) {
    const out: CellInput[] = [];
    for (let c = 0; c < width; c++) {
      if (c >= lines[r].length) {
        close(c);
        continue;
      }
      const entered = enteredCell(lines[r][c], isTextCell(row + r, col + c));
      out.push(entered.input);
      const run = runs.get(c);
      if (entered.format && run && run.format === entered.format && run.bottom === row + r - 1)
        run.bottom = row + r;
      else {
        close(c);
        if (entered.format) runs.set(c, { top: row + r, bottom: row + r, format: entered.format });
      }
    }
    rows.push(out);
  }
  for (const c of [...runs.keys()]) close(c);
  return { rows, formats };
}

/** The parts of an HTML table that pasting reads (an HTMLTableElement has them). */
export interface TableLike {
  rows: ArrayLike<{ cells: ArrayLike<{ textContent: string | null; colSpan?: number }> }>;
}

/** Rows of a table's cell texts, as Excel pastes an HTML table: whitespace runs made one space,
 *  a cell spanning columns followed by blanks so the columns after it stay in place. */
export function tableRows(table: TableLike): string[][] {
  const out: string[][] = [];
  for (let r = 0; r < table.rows.length; r++) {
    const line: string[] = [];
    const cells = table.rows[r].cells;
    for (let c = 0; c < cells.length; c++) {
      line.push((cells[c].textContent ?? "").replace(/\s+/g, " ").trim());
      const span = Math.min(Math.max(1, cells[c].colSpan ?? 1), 1000);
      for (let k = 1; k < span; k++) line.push("");
    }
    out.push(line);
  }
  return out;
}

/** What a clipboard offers the grid: rows of text, or why there is nothing to paste. */
export type ClipboardRows = { rows: string[][] } | { problem: string };

/**
 * The rows a paste carries: the plain text (tab-separated, as Excel and Google Sheets put it), or,
 * when there is none, the first table of the HTML (some web pages and apps put only HTML on the
 * clipboard). `parseHtml` reads HTML into a document without running or fetching anything
 * (DOMParser's "text/html"). When neither gives a cell, a sentence saying so.
 */
export function clipboardRows(
  plain: string,
  html: string,
  parseHtml: (html: string) => { querySelector(selector: "table"): TableLike | null }
): ClipboardRows {
  if (plain !== "") {
    const rows = fromTsv(plain);
    if (rows.length > 0) return { rows };
  }
  if (html.trim() !== "") {
    const table = parseHtml(html).querySelector("table");
    const rows = table ? tableRows(table).filter((line) => line.length > 0) : [];
    if (rows.length > 0) return { rows };
    return {
      problem:
        "Nothing pasted: the clipboard holds formatted text with no table of cells. Copy the cells again, or paste them as plain text.",
    };
  }
  return {
    problem:
      "Nothing pasted: the clipboard holds no text or table of cells (an image or a file cannot go in a cell).",
  };
}
