/**
 * The playground's undo and redo: typed and pasted edits (a block of cells with what they held
 * before and after) and whole task pane actions (a PaneStep: every sheet, name, table, format and
 * chart the action changed, before and after; see paneStep.ts), kept beside the engine (whose own
 * undo stays off, because it costs about 12% on large writes). A pane action that fails or is
 * cancelled is not recorded: it removes what it wrote itself.
 */
import { rangeAddress } from "../address";
import type { CellInput } from "../port";
import type { AddedFormat } from "./cellFormats";
import type { PaneStep } from "./paneStep";

/** How many edits can be undone. */
export const UNDO_STEPS = 100;

export interface EditStep {
  kind?: undefined;
  sheet: string;
  row: number;
  col: number;
  before: CellInput[][];
  after: CellInput[][];
  /** Formats the edit applied (a typed or pasted date's): undo takes them back, redo puts them back. */
  formats?: AddedFormat[];
}

/** One undoable step: a cell edit, or a whole task pane action. */
export type HistoryStep = EditStep | PaneStep;

export class EditHistory {
  private readonly done: HistoryStep[] = [];
  private readonly undone: HistoryStep[] = [];

  /** Record an edit; it can be undone, and anything undone before it can no longer be redone. */
  record(step: HistoryStep): void {
    this.done.push(step);
    if (this.done.length > UNDO_STEPS) this.done.shift();
    this.undone.length = 0;
  }

  /** Forget every edit (a different workbook was opened: its cells are not these). */
  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }

  /** What the next undo takes back: a pane action's label, "typing" for a cell edit. */
  peekUndo(): string | undefined {
    const step = this.done[this.done.length - 1];
    return step === undefined ? undefined : step.kind === "pane" ? step.label : "typing";
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** The edit to take back (its `before` to apply), moved to the redo list; undefined when none. */
  undo(): HistoryStep | undefined {
    const step = this.done.pop();
    if (step) this.undone.push(step);
    return step;
  }

  /** The edit to apply again (its `after`), moved back to the undo list; undefined when none. */
  redo(): HistoryStep | undefined {
    const step = this.undone.pop();
    if (step) this.done.push(step);
    return step;
  }
}

/** The cells an edit covered, as an address to select ("B2", or "A2:B3"). */
export function stepAddress(step: EditStep): string {
  const rows = step.after.length;
  const cols = step.after.reduce((w, line) => Math.max(w, line.length), 1);
  const address = rangeAddress(step.row, step.col, rows, cols);
  return rows === 1 && cols === 1 ? address.split(":")[0] : address;
}
