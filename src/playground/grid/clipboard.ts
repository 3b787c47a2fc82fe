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

/** Clipboard text back into rows of cells (a trailing line break is not a row). */
export function fromTsv(text: string): string[][] {
  const trimmed = text.replace(/\r?\n$/, "");
  if (trimmed === "") return [];
  const parsed = Papa.parse<string[]>(trimmed, {
    delimiter: "\t",
    newline: trimmed.includes("\r\n") ? "\r\n" : "\n",
  });
  return parsed.data;
}

/** A pasted cell as if typed: blank clears, plain numbers become numbers, "=…" a formula, else text. */
export function typedCell(text: string): CellInput {
  const t = text.trim();
  if (t === "") return null;
  if (!t.startsWith("=") && /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  return text;
}
