/**
 * The playground's undo and redo of typed and pasted edits: each edit is a block of cells with
 * what they held before and after, kept beside the engine (whose own undo stays off, because it
 * costs about 12% on large writes). Task pane writes are not recorded: a journey that fails or is
 * cancelled removes what it wrote itself.
 */
import { rangeAddress } from "../address";
import type { CellInput } from "../port";

/** How many edits can be undone. */
export const UNDO_STEPS = 100;

export interface EditStep {
  sheet: string;
  row: number;
  col: number;
  before: CellInput[][];
  after: CellInput[][];
}

export class EditHistory {
  private readonly done: EditStep[] = [];
  private readonly undone: EditStep[] = [];

  /** Record an edit; it can be undone, and anything undone before it can no longer be redone. */
  record(step: EditStep): void {
    this.done.push(step);
    if (this.done.length > UNDO_STEPS) this.done.shift();
    this.undone.length = 0;
  }

  /** Forget every edit (a different workbook was opened: its cells are not these). */
  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** The edit to take back (its `before` to apply), moved to the redo list; undefined when none. */
  undo(): EditStep | undefined {
    const step = this.done.pop();
    if (step) this.undone.push(step);
    return step;
  }

  /** The edit to apply again (its `after`), moved back to the undo list; undefined when none. */
  redo(): EditStep | undefined {
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
