/**
 * A feature's plan: the sheets, tables, named ranges, formats and charts it will write, worked
 * out from the user's inputs without touching a workbook (so it can be tested as plain data).
 * `runPlan` carries a plan out through a WorkbookPort.
 *
 * Sheet and defined names are only known once the workbook has made them unique, so formulas in
 * a plan refer to them by token: `sheetRef("prices", "$A$4:$D$25")` and `nameRef("Prices")`.
 */
import type { CellInput, ChartSpec } from "../../workbook/port";

export const MONEY = "£#,##0.00";
export const DATE = "dd/mm/yyyy";
export const PERCENT = "0.0%";
export const WHOLE_PERCENT = "0%";
export const FACTOR = "0.0000";

/** Values or formulas written into a plain range starting at `topLeft`. */
export interface CellsBlock {
  kind: "cells";
  topLeft: string;
  values: CellInput[][];
  /** Number formats for parts of the sheet (addresses on this sheet). */
  formats?: { address: string; format: string }[];
}

/** An Excel table (header + rows) starting at `topLeft`. */
export interface TableBlock {
  kind: "table";
  topLeft: string;
  /** Preferred table name (made unique by the workbook). */
  table: string;
  header: string[];
  rows: CellInput[][];
  /** Number formats by column index (0-based), applied to the body rows. */
  columnFormats?: { column: number; format: string }[];
  /** Further number formats for single cells or ranges on this sheet. */
  formats?: { address: string; format: string }[];
}

/** A workbook-scoped named range on this sheet. */
export interface NameBlock {
  kind: "name";
  /** Preferred name; formulas use `nameRef(name)` to get the name the workbook gave it. */
  name: string;
  address: string;
}

export interface ChartBlock {
  kind: "chart";
  chart: ChartSpec;
}

export type Block = CellsBlock | TableBlock | NameBlock | ChartBlock;

/** The title and note every sheet the pane writes starts with, in A1 and A2. */
export function titleBlock(title: string, note: string): CellsBlock {
  return { kind: "cells", topLeft: "A1", values: [[title], [note]] };
}

export interface SheetPlan {
  /** Key other blocks use in `sheetRef`. */
  key: string;
  /** Preferred sheet name ("Prices"); a clash gets "Prices (2)". */
  name: string;
  blocks: Block[];
  /** Rows at the top and columns at the left kept in view as the sheet scrolls (a header, an ID). */
  freeze?: { rows: number; columns: number };
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  /**
   * Names the plan's formulas use (`nameRef(key)`) that refer to something already in the
   * workbook instead of a sheet the plan writes: key → reference (e.g. Prices!$A$4:$D$25).
   */
  existing?: Record<string, string>;
  /** Range to select when done. */
  select?: { sheet: string; address: string };
}

/** A reference to a range on a sheet of this plan, resolved to e.g. `'Prices (2)'!$A$4:$D$25`. */
export function sheetRef(key: string, address: string): string {
  return `«sheet:${key}»!${address}`;
}

/** A reference to a named range of this plan, resolved to the name the workbook gave it. */
export function nameRef(name: string): string {
  return `«name:${name}»`;
}
