/**
 * Undo and redo for the embedded workbook, written against its document (document.ts): cells
 * typed or pasted into the grid, and task pane actions recorded as one step each (paneStep.ts).
 * The list of steps itself is editHistory.ts; this is what records them and plays them back.
 *
 * A block of more than SLICE_CELLS cells (a large paste, or undoing one) is written in slices
 * with the page free between them (sliceEdit.ts), still as one undo step; while it runs, further
 * edits, undo and redo wait their turn behind it, so nothing typed meanwhile is lost or undone
 * out of order.
 */
import type { CellInput } from "../port";
import { restoreState, sheetCells, takeState } from "./bookStates";
import type { EmbeddedDocument } from "./document";
import { EditHistory, stepAddress, type EditStep } from "./editHistory";
import { PANE_STEP_MAX_CELLS, changed, type BookState, type Recording } from "./paneStep";
import {
  SLICE_CELLS,
  cellCount,
  contentsOf,
  describeLongEdit,
  writeInSlices,
  type LongEdit,
} from "./sliceEdit";

export class BookHistory {
  private readonly steps = new EditHistory();
  private recording: Recording | null = null;
  /** The large edit under way, and the end of the queue of work waiting behind it. */
  private long: LongEdit | null = null;
  private tail: Promise<void> = Promise.resolve();
  private current: Promise<void> = Promise.resolve();

  constructor(private readonly doc: EmbeddedDocument) {}

  /**
   * Type a block of cells as a user would, recorded so that it can be undone. A small block is
   * written before this returns; a large one in slices (resolved when written, or cancelled).
   */
  typeCells(
    sheet: string,
    row: number,
    col: number,
    inputs: readonly (readonly CellInput[])[]
  ): Promise<void> {
    if (this.long?.dropsEdits) return Promise.resolve();
    return this.inTurn(() => {
      if (cellCount(inputs) > SLICE_CELLS)
        return this.begin(this.typeInSlices(sheet, row, col, inputs));
      const before = contentsOf(this.doc, sheet, row, col, inputs);
      this.doc.applyCells(sheet, row, col, inputs);
      this.steps.record({ sheet, row, col, before, after: inputs.map((line) => [...line]) });
    });
  }

  /** The large edit being written in slices, if any (for the page's progress line). */
  get longEdit(): Readonly<LongEdit> | null {
    return this.long;
  }

  /**
   * Replace the whole workbook (`work`, which reports how far it got in `edit`) as a long edit:
   * the page shows its progress, Save and Open wait, and edits, undo and redo made meanwhile are
   * not kept (they were made in the workbook being replaced). The history is cleared first.
   */
  async replacing<T>(
    label: string,
    total: number,
    work: (edit: LongEdit) => Promise<T>
  ): Promise<T> {
    if (this.long)
      throw new Error(`the workbook is still being written (${describeLongEdit(this.long)})`);
    const edit: LongEdit = {
      label,
      done: 0,
      total,
      cancellable: false,
      cancelled: false,
      dropsEdits: true,
    };
    this.long = edit;
    this.doc.bump();
    const task = work(edit);
    void this.begin(task.then(() => undefined));
    try {
      const done = await task;
      // The undo history is forgotten only once the new book is in: a failed open puts the old
      // book back (playground/open/keepBook.ts) with its history.
      this.steps.clear();
      return done;
    } finally {
      this.long = null;
      this.doc.bump();
    }
  }

  /** Resolves when no large edit is being written and nothing waits behind one. */
  async idle(): Promise<void> {
    while (this.long !== null) await Promise.all([this.tail, this.current]);
  }

  /** Stop the paste being written in slices and take back what it wrote (undo and redo go on). */
  cancelLongEdit(): void {
    if (this.long?.cancellable) this.long.cancelled = true;
  }

  /**
   * Run `work` now, or after the large edit under way and whatever waits behind it. Resolves when
   * `work` and any large edit it started have finished.
   */
  private inTurn(work: () => void | Promise<void>): Promise<void> {
    if (this.long === null) {
      const result = work();
      this.tail = this.current; // a large edit `work` started, or the last one (finished)
      return Promise.resolve(result).then(() => this.current);
    }
    const next = this.tail.then(async () => {
      await work();
      await this.current;
    });
    this.tail = next;
    return next;
  }

  /** A large edit starting: the queue waits for it. A failure is logged, never left unhandled. */
  private begin(task: Promise<void>): Promise<void> {
    this.current = task.catch((e) => console.error(e));
    return this.current;
  }

  private async typeInSlices(
    sheet: string,
    row: number,
    col: number,
    inputs: readonly (readonly CellInput[])[]
  ): Promise<void> {
    const edit: LongEdit = {
      label: "Writing",
      done: 0,
      total: cellCount(inputs),
      cancellable: true,
      cancelled: false,
    };
    this.long = edit;
    this.doc.bump();
    try {
      const { rows, before } = await writeInSlices(this.doc, sheet, row, col, inputs, edit);
      if (rows < inputs.length) {
        // Cancelled (or its sheet deleted): what was written is taken back, and nothing recorded.
        if (rows > 0 && this.doc.engine.doesSheetExist(sheet)) {
          Object.assign(edit, {
            label: "Taking back",
            done: 0,
            total: cellCount(before),
            cancellable: false,
            cancelled: false,
          });
          await writeInSlices(this.doc, sheet, row, col, before, edit, false);
        }
        return;
      }
      this.steps.record({ sheet, row, col, before, after: inputs.map((line) => [...line]) });
    } finally {
      this.long = null;
      this.doc.bump();
    }
  }

  /** A task pane action is being recorded (a journey is writing). */
  get busy(): boolean {
    return this.recording !== null;
  }

  get canUndo(): boolean {
    return this.steps.canUndo;
  }

  get canRedo(): boolean {
    return this.steps.canRedo;
  }

  /** What Undo would take back ("Set up model", "typing"), or null. */
  get undoLabel(): string | null {
    return this.steps.peekUndo() ?? null;
  }

  /** Take back the last step; after a large edit under way, when one is (then true if queued). */
  undo(): boolean {
    if (this.long?.dropsEdits) return false;
    if (this.long !== null) {
      void this.inTurn(() => void this.undo());
      return true;
    }
    const step = this.steps.undo();
    if (step?.kind === "pane") return this.restore(step.before);
    return step !== undefined && this.replay(step, step.before, "Undoing");
  }

  redo(): boolean {
    if (this.long?.dropsEdits) return false;
    if (this.long !== null) {
      void this.inTurn(() => void this.redo());
      return true;
    }
    const step = this.steps.redo();
    if (step?.kind === "pane") return this.restore(step.after);
    return step !== undefined && this.replay(step, step.after, "Redoing");
  }

  /** Forget every step (a different workbook was opened: its cells are not these). */
  clear(): void {
    this.steps.clear();
  }

  /**
   * Run a task pane action so that everything it writes (cells, new sheets, names, tables,
   * formats, charts) is undone, and redone, as one step. An action that fails is not recorded (it
   * removes what it wrote). An action nested in another is part of the outer one.
   */
  async action<T>(label: string, work: () => Promise<T>): Promise<T> {
    if (this.recording) return work();
    const { engine } = this.doc;
    this.recording = {
      label,
      before: takeState(this.doc, []),
      existing: new Set(engine.getSheetNames().map((n) => n.toLowerCase())),
      touched: new Set(),
      cells: 0,
      tooBig: false,
    };
    let result: T;
    try {
      result = await work();
    } catch (e) {
      this.recording = null;
      throw e;
    }
    const rec = this.recording;
    this.recording = null;
    const now = engine.getSheetNames();
    const kept = now.filter((n) => rec.touched.has(n) || !rec.existing.has(n.toLowerCase()));
    const size = kept.reduce((n, s) => n + this.doc.usedCells(s), rec.cells);
    if (rec.tooBig || size > PANE_STEP_MAX_CELLS) {
      // Too large to copy: not undoable, and the steps before it go too (they would undo around it).
      this.steps.clear();
      this.doc.bump();
      return result;
    }
    const after = takeState(this.doc, kept);
    if (!changed(rec.before, after, rec.touched.size)) return result;
    this.steps.record({ kind: "pane", label, before: rec.before, after });
    this.doc.bump();
    return result;
  }

  /** A sheet about to be written by the action being recorded: keep what it held first. */
  touch(sheet: string): void {
    const rec = this.recording;
    if (!rec || !rec.existing.has(sheet.toLowerCase())) return;
    const lower = sheet.toLowerCase();
    const name = this.doc.engine.getSheetNames().find((n) => n.toLowerCase() === lower);
    if (!name || rec.touched.has(name)) return;
    rec.touched.add(name);
    rec.cells += this.doc.usedCells(name);
    if (rec.cells > PANE_STEP_MAX_CELLS) rec.tooBig = true;
    if (!rec.tooBig) rec.before.cells.set(name, sheetCells(this.doc, name));
  }

  private restore(state: BookState): boolean {
    restoreState(this.doc, state);
    return true;
  }

  /** Put an edit's cells back to `cells` (its before or after) and select them. */
  private replay(step: EditStep, cells: CellInput[][], label: string): boolean {
    if (!this.doc.engine.doesSheetExist(step.sheet)) return false;
    if (cellCount(cells) > SLICE_CELLS) {
      void this.begin(this.replayInSlices(step, cells, label));
      return true;
    }
    this.doc.applyCells(step.sheet, step.row, step.col, cells);
    this.doc.moveSelection(step.sheet, stepAddress(step));
    this.doc.bump();
    return true;
  }

  /** A large step's cells put back in slices: not cancellable (half an undo is neither state). */
  private async replayInSlices(step: EditStep, cells: CellInput[][], label: string) {
    const edit: LongEdit = {
      label,
      done: 0,
      total: cellCount(cells),
      cancellable: false,
      cancelled: false,
    };
    this.long = edit;
    this.doc.moveSelection(step.sheet, stepAddress(step));
    this.doc.bump();
    try {
      await writeInSlices(this.doc, step.sheet, step.row, step.col, cells, edit, false);
    } finally {
      this.long = null;
      this.doc.bump();
    }
  }
}
