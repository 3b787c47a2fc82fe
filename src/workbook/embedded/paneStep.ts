/**
 * A task pane action (Set up model, an import, a scenario run…) as one undo step in the playground.
 * The action writes through many port calls; while it runs, the workbook records the state it
 * started from (sheet list, names, tables, formats, charts, selection) and, the first time the
 * action writes to a sheet that already existed, that sheet's cells. When it ends, the state it
 * left (with the cells of every sheet it wrote or created) is the step's `after`. Undo puts
 * `before` back, redo `after`: sheets the action added are removed and added again, sheets it
 * changed get their cells back.
 */
import type { CellInput, ChartSpec, Selection } from "../port";

/** What a sheet holds as typed (formulas as "=…", text with its "'" prefix), row by row from A1. */
export type SheetCells = CellInput[][];

export interface BookState {
  /** Sheet names in tab order. */
  sheets: string[];
  /** Cells of the sheets this state restores (the ones the action touched or created). */
  cells: Map<string, SheetCells>;
  /** Engine names (tables' names included) and what they refer to. */
  names: { name: string; formula: string }[];
  tables: { name: string; sheet: string; address: string }[];
  userNames: [string, { sheet: string; address: string }][];
  charts: { sheet: string; spec: ChartSpec }[];
  formats: { sheet: string; address: string; format: string }[];
  textRanges: { sheet: string; top: number; left: number; bottom: number; right: number }[];
  selection: Selection;
  /** Frozen rows and columns by sheet. */
  frozen?: [string, { rows: number; columns: number }][];
}

export interface PaneStep {
  kind: "pane";
  /** What the action was, for the Undo button's title ("Set up model"). */
  label: string;
  before: BookState;
  after: BookState;
}

/** An action being recorded: its starting state and the sheets it has written to so far. */
export interface Recording {
  label: string;
  before: BookState;
  /** Sheets (lower case) that existed when the action began. */
  existing: Set<string>;
  /** Sheets (as named) that existed and have been written to: their `before` cells are taken. */
  touched: Set<string>;
  /** Cells kept so far (before) and whether the action has grown past PANE_STEP_MAX_CELLS. */
  cells: number;
  tooBig: boolean;
}

/**
 * Past this many cells (the sheets it wrote, before and after, by their used size) an action is
 * not kept for undo: copying them would hold the tab up and double its memory.
 */
export const PANE_STEP_MAX_CELLS = 1_000_000;

/** Whether an action changed anything the step would restore. */
export function changed(before: BookState, after: BookState, touched: number): boolean {
  if (touched > 0) return true;
  const same = <T>(a: T[], b: T[]) => JSON.stringify(a) === JSON.stringify(b);
  return (
    !same(before.sheets, after.sheets) ||
    !same(before.names, after.names) ||
    !same(before.tables, after.tables) ||
    before.charts.length !== after.charts.length ||
    before.formats.length !== after.formats.length
  );
}
