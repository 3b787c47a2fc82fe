/**
 * Undo and redo for the embedded workbook, written against its document (document.ts): cells
 * typed or pasted into the grid, and task pane actions recorded as one step each (paneStep.ts).
 * The list of steps itself is editHistory.ts; this is what records them and plays them back.
 */
import type { CellInput } from "../port";
import { restoreState, sheetCells, takeState } from "./bookStates";
import type { EmbeddedDocument } from "./document";
import { EditHistory, stepAddress, type EditStep } from "./editHistory";
import { PANE_STEP_MAX_CELLS, changed, type BookState, type Recording } from "./paneStep";

export class BookHistory {
  private readonly steps = new EditHistory();
  private recording: Recording | null = null;

  constructor(private readonly doc: EmbeddedDocument) {}

  /** Type a block of cells as a user would, recorded so that it can be undone. */
  typeCells(
    sheet: string,
    row: number,
    col: number,
    inputs: readonly (readonly CellInput[])[]
  ): void {
    const before = inputs.map((line, r) =>
      line.map((_, c) => this.doc.getContent(sheet, row + r, col + c))
    );
    this.doc.applyCells(sheet, row, col, inputs);
    this.steps.record({ sheet, row, col, before, after: inputs.map((line) => [...line]) });
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

  undo(): boolean {
    const step = this.steps.undo();
    if (step?.kind === "pane") return this.restore(step.before);
    return step !== undefined && this.replay(step, step.before);
  }

  redo(): boolean {
    const step = this.steps.redo();
    if (step?.kind === "pane") return this.restore(step.after);
    return step !== undefined && this.replay(step, step.after);
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
  private replay(step: EditStep, cells: CellInput[][]): boolean {
    if (!this.doc.engine.doesSheetExist(step.sheet)) return false;
    this.doc.applyCells(step.sheet, step.row, step.col, cells);
    this.doc.moveSelection(step.sheet, stepAddress(step));
    this.doc.bump();
    return true;
  }
}
