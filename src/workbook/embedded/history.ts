/**
 * Undo and redo for the embedded workbook, written against its document (document.ts): cells
 * typed or pasted into the grid, and task pane actions recorded as one step each (paneStep.ts).
 * The list of steps itself is editHistory.ts; this is what records them and plays them back.
 *
 * A block of more than SLICE_CELLS cells (a large paste, or undoing one) is written in slices
 * with the page free between them (sliceEdit.ts), still as one undo step; while it runs, further
 * edits, undo and redo wait their turn behind it, so nothing typed meanwhile is lost or undone
 * out of order.
 *
 * Task pane actions (a journey's writes) and the grid's long work are exclusive (issue 30): an
 * action started while a paste, undo or redo is being written waits its turn in the same queue (as
 * Excel holds an add-in's requests while it is busy: the click is not lost, and the page's progress
 * line says why nothing happens yet); one started while a file is being opened in place of the
 * workbook is refused (the tables it was set up on are going). While an action runs or waits, typed
 * and pasted cells wait behind it (nothing typed is lost), and undo, redo and Open are refused with
 * a sentence for the page (undo would take back the action itself once it ends).
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
  /** Task pane actions running or waiting their turn (their labels, oldest first). */
  private readonly panes: string[] = [];
  /** Grid edits (typing, pastes) waiting in the queue. */
  private queued = 0;

  constructor(private readonly doc: EmbeddedDocument) {}

  /**
   * Type a block of cells as a user would, recorded so that it can be undone. A small block is
   * written before this returns; a large one in slices (resolved when written, or cancelled).
   * `formats` (a typed or pasted date's dd/mm/yyyy) are applied with the cells and are part of the
   * same undo step: undo takes them back, redo puts them back.
   */
  typeCells(
    sheet: string,
    row: number,
    col: number,
    inputs: readonly (readonly CellInput[])[],
    formats: readonly { address: string; format: string }[] = []
  ): Promise<void> {
    if (this.long?.dropsEdits) return Promise.resolve();
    return this.inTurn(() => {
      if (!this.doc.engine.doesSheetExist(sheet)) return; // deleted while the edit waited
      if (cellCount(inputs) > SLICE_CELLS)
        return this.begin(this.typeInSlices(sheet, row, col, inputs, formats));
      const before = contentsOf(this.doc, sheet, row, col, inputs);
      this.doc.applyCells(sheet, row, col, inputs);
      if (this.recordEdit(sheet, row, col, before, inputs, formats) > 0) this.doc.bump();
    }, true);
  }

  /** One undo step for cells just written, with the formats they bring; how many formats were new. */
  private recordEdit(
    sheet: string,
    row: number,
    col: number,
    before: CellInput[][],
    inputs: readonly (readonly CellInput[])[],
    formats: readonly { address: string; format: string }[]
  ): number {
    const added = this.doc.cellFormats.addAll(sheet, formats);
    this.steps.record({
      sheet,
      row,
      col,
      before,
      after: inputs.map((line) => [...line]),
      formats: added,
    });
    return added.length;
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
    const refused = this.replaceRefused;
    if (refused) throw new Error(refused);
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

  /**
   * Why the workbook cannot be replaced by an opened file now (long work or a task pane action is
   * writing to it: the file would be written into, or over, half of it), or null when it can.
   */
  get replaceRefused(): string | null {
    if (this.long)
      return `the workbook is still being written (${describeLongEdit(this.long)}). Open the file again when it has finished.`;
    if (this.panes.length > 0)
      return `the task pane's “${this.panes[0]}” is writing to the workbook. Open the file again when it has finished (or cancel it in the pane).`;
    return null;
  }

  /** Why undo and redo are refused now (a task pane action runs or waits), or null. */
  get undoRefused(): string | null {
    return this.panes.length > 0
      ? `Undo and redo wait: the task pane's “${this.panes[0]}” is writing to the workbook. Undo once it has finished (it is then one step).`
      : null;
  }

  /** Grid edits waiting for a task pane action to finish, and its label; null when none wait. */
  get waitingForPane(): { label: string; edits: number } | null {
    return this.panes.length > 0 && this.queued > 0
      ? { label: this.panes[0], edits: this.queued }
      : null;
  }

  /** Resolves when no large edit or task pane action is under way and nothing waits behind one. */
  async idle(): Promise<void> {
    while (this.long !== null || this.recording !== null || this.panes.length > 0)
      await Promise.all([this.tail, this.current]);
  }

  /** Stop the paste being written in slices and take back what it wrote (undo and redo go on). */
  cancelLongEdit(): void {
    if (this.long?.cancellable) this.long.cancelled = true;
  }

  /**
   * Run `work` now, or after the large edit or task pane action under way and whatever waits
   * behind it. Resolves when `work` and any large edit or action it started have finished.
   * `edit` marks a grid edit (counted while it waits, for the page's line).
   */
  private inTurn(work: () => void | Promise<void>, edit = false): Promise<void> {
    if (this.long === null && this.recording === null) {
      const result = work();
      this.tail = this.current; // a large edit or action `work` started, or the last one (finished)
      return Promise.resolve(result).then(() => this.current);
    }
    if (edit) {
      this.queued++;
      this.doc.bump();
    }
    // After the queue's last entry and the large edit under way (an undo or redo started outside
    // the queue is only `current`).
    const next = this.tail.then(async () => {
      await this.current;
      if (edit) this.queued--;
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
    inputs: readonly (readonly CellInput[])[],
    formats: readonly { address: string; format: string }[]
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
      this.recordEdit(sheet, row, col, before, inputs, formats);
    } finally {
      this.long = null;
      this.doc.bump();
    }
  }

  /** A task pane action is being recorded (a journey is writing). */
  get busy(): boolean {
    return this.recording !== null;
  }

  /** Whether Undo would do something now (not while a task pane action runs or waits). */
  get canUndo(): boolean {
    return this.steps.canUndo && this.panes.length === 0;
  }

  get canRedo(): boolean {
    return this.steps.canRedo && this.panes.length === 0;
  }

  /** What Undo would take back ("Set up model", "typing"), or null. */
  get undoLabel(): string | null {
    return this.steps.peekUndo() ?? null;
  }

  /** Take back the last step; after a large edit under way, when one is (then true if queued). */
  undo(): boolean {
    if (this.long?.dropsEdits || this.panes.length > 0) return false;
    if (this.long !== null) {
      void this.inTurn(() => void this.undo());
      return true;
    }
    const step = this.steps.undo();
    if (step?.kind === "pane") return this.restore(step.before);
    return step !== undefined && this.replay(step, false);
  }

  redo(): boolean {
    if (this.long?.dropsEdits || this.panes.length > 0) return false;
    if (this.long !== null) {
      void this.inTurn(() => void this.redo());
      return true;
    }
    const step = this.steps.redo();
    if (step?.kind === "pane") return this.restore(step.after);
    return step !== undefined && this.replay(step, true);
  }

  /** Forget every step (a different workbook was opened: its cells are not these). */
  clear(): void {
    this.steps.clear();
  }

  /**
   * Run a task pane action so that everything it writes (cells, new sheets, names, tables,
   * formats, charts) is undone, and redone, as one step. An action that fails is not recorded (it
   * removes what it wrote). An action nested in another is part of the outer one. It waits for a
   * large edit under way (and the edits queued before it); it is refused while a file is being
   * opened in place of the workbook.
   */
  async action<T>(label: string, work: () => Promise<T>): Promise<T> {
    if (this.recording) return work();
    if (this.long?.dropsEdits)
      throw new Error(
        `The workbook is being replaced by the file being opened (${describeLongEdit(this.long)}), so nothing was written. Run this again once the file is open.`
      );
    this.panes.push(label);
    this.doc.bump();
    const ended: { outcome: { value: T } | { error: unknown } } = {
      outcome: { error: new Error("not run") },
    };
    try {
      await this.inTurn(() => {
        if (this.long?.dropsEdits) {
          // Cannot happen (Open is refused while an action waits), but never write into a book being replaced.
          ended.outcome = {
            error: new Error("The workbook was replaced meanwhile, so nothing was written."),
          };
          return;
        }
        this.current = this.record(label, work).then(
          (value) => void (ended.outcome = { value }),
          (error: unknown) => void (ended.outcome = { error })
        );
        return this.current;
      });
    } finally {
      this.panes.splice(this.panes.indexOf(label), 1);
      this.doc.bump();
    }
    const { outcome } = ended;
    if ("error" in outcome) throw outcome.error;
    return outcome.value;
  }

  /** Run `work` recording everything it writes as one undo step (see `action`). */
  private async record<T>(label: string, work: () => Promise<T>): Promise<T> {
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

  /**
   * Put an edit's cells back to their `before` (undo) or `after` (redo), with the formats it
   * applied taken back or put back, and select them.
   */
  private replay(step: EditStep, forward: boolean): boolean {
    if (!this.doc.engine.doesSheetExist(step.sheet)) return false;
    const cells = forward ? step.after : step.before;
    if (step.formats && step.formats.length > 0) {
      if (forward) this.doc.cellFormats.putBack(step.formats);
      else this.doc.cellFormats.takeBack(step.formats);
    }
    if (cellCount(cells) > SLICE_CELLS) {
      void this.begin(this.replayInSlices(step, cells, forward ? "Redoing" : "Undoing"));
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
