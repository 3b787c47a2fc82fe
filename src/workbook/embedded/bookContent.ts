/**
 * A whole workbook to open in the embedded engine, replacing what it holds (the playground's
 * "Open workbook…"): sheets in order with their cells as typed, number formats, workbook names
 * and tables. Built from an .xlsx file by playground/open/readXlsx.ts.
 */
import type { CellInput, ChartSpec } from "../port";

export interface BookSheet {
  name: string;
  /** Row by row from A1: a value, "=formula", text carrying the "'" prefix, or null when empty. */
  cells: CellInput[][];
  /** Number formats over ranges of this sheet ("A2:A40" → "dd/mm/yyyy"). */
  formats: { address: string; format: string }[];
  /** Rows and columns frozen at the top and left of the sheet's view, when the file freezes any. */
  frozen?: { rows: number; columns: number };
}

export interface BookName {
  name: string;
  /** What it refers to, as a formula: "=Summary!$B$5", "=0.05". */
  formula: string;
  /** The sheet it belongs to, for a name defined for one sheet only. */
  sheet?: string;
}

export interface BookTable {
  name: string;
  sheet: string;
  /** Header row and data rows, e.g. "A3:D25". */
  address: string;
}

/** A chart the page draws, on `sheet` (its data range and anchor on that sheet). */
export interface BookChart {
  sheet: string;
  spec: ChartSpec;
}

export interface BookContent {
  sheets: BookSheet[];
  names: BookName[];
  tables: BookTable[];
  charts?: BookChart[];
}

/** What could not be opened as it was, in words for the page ("name X: refers to #REF!"). */
export type BookNotes = string[];
