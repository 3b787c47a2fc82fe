/**
 * The WorkbookPort on the embedded spreadsheet engine (HyperFormula, GPL-3.0): the playground's
 * workbook, and a real formula-evaluating workbook for tests and benchmarks. Never part of the
 * add-in bundles. This file is the adapter: what the task pane asks of a workbook, written against
 * the embedded document (embedded/document.ts: cells, tables and names, formats, charts, selection)
 * and its undo history (embedded/history.ts). Opening an .xlsx file is the playground's
 * (playground/open/openBook.ts), beside saving one (playground/export/saveXlsx.ts).
 *
 * What stands in for what Excel has natively:
 * - Tables are metadata plus a named expression with the table's name over its data body, as in
 *   Excel (embedded/tableNames.ts). Structured references (Table[Column], [@Column] …) in
 *   formulas written through the port are rewritten to A1 ranges (embedded/structuredRefs.ts).
 * - Charts are recorded specs (`charts`); the playground draws them as SVG.
 * - Number formats are recorded (`formatAt`, embedded/cellFormats.ts); the engine holds numbers.
 * - PBR.* functions come from one plugin over the Excel adapter's own code (embedded/pbrPlugin.ts).
 *
 *   const { engine, port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
 *
 * In the playground bundle `functions` defaults to every family in FUNCTION_FILES (generated at
 * build time); in jest or tsx pass it (test/support/pbrFunctions.ts), or no PBR function is known.
 */
import type { HyperFormula } from "hyperformula";
import { cellAddress, parseCell, parseRange, rangeAddress } from "./address";
import { EXCEL_MAX_ROWS, cleanIdentifier, cleanSheetName } from "./excelRules";
import { isFormula } from "./cellText";
import {
  abortError,
  tableHeader,
  uniqueName,
  type CellInput,
  type ChartSpec,
  type Selection,
  type TableData,
  type TableSummary,
  type WorkbookPort,
  type WriteOptions,
} from "./port";
import { isNameAwaited } from "./embedded/awaitedNames";
import type { BookContent, BookNotes } from "./embedded/bookContent";
import { replaceContents } from "./embedded/bookStates";
import { replaceContentsInSlices } from "./embedded/loadBook";
import { EmbeddedDocument, type EmbeddedOptions } from "./embedded/document";
import { EXCEL_MAX_COLUMNS } from "./embedded/engine";
import { BookHistory } from "./embedded/history";
import type { LongEdit } from "./embedded/sliceEdit";
import type { TableShape } from "./embedded/structuredRefs";
import { SLICE_MS, writeTableRows, yieldToEventLoop } from "./embedded/tableWriter";

export type { EmbeddedChart, EmbeddedOptions } from "./embedded/document";
export type { EmbeddedTable } from "./embedded/tableNames";
export type { LongEdit } from "./embedded/sliceEdit";

/** Excel's sheet size. */
export { EXCEL_MAX_ROWS, EXCEL_MAX_COLUMNS };

export class EmbeddedWorkbook extends EmbeddedDocument implements WorkbookPort {
  private readonly history = new BookHistory(this);
  /** When the page last had a turn from this workbook's writes. */
  private lastTurn = 0;

  // ------------------------------------------------------------------ typing, undo and redo (grid)

  /**
   * Type into one cell as a user would (value or "=formula"), then recalculate. `format` is the
   * number format the typing gives the cell (a date's dd/mm/yyyy): part of the same undo step.
   */
  setCell(sheet: string, row: number, col: number, input: CellInput, format?: string): void {
    this.setCells(
      sheet,
      row,
      col,
      [[input]],
      format ? [{ address: cellAddress(row, col), format }] : []
    );
  }

  /**
   * Type a block of cells as a user would (each value or "=formula", as pasted from Excel or
   * Google Sheets), starting at (row, col), then recalculate once. `formats` (ranges on `sheet`)
   * are applied with the cells, as one undo step. While a task pane action is writing, the block
   * waits for it (embedded/history.ts).
   */
  setCells(
    sheet: string,
    row: number,
    col: number,
    inputs: readonly (readonly CellInput[])[],
    formats: readonly { address: string; format: string }[] = []
  ): void {
    void this.history.typeCells(sheet, row, col, inputs, formats);
  }

  /**
   * Paste a block as `setCells` does, resolving when it is written. A block over SLICE_CELLS cells
   * (embedded/sliceEdit.ts) is written in slices with the page free between them (`longEdit` says
   * how far it got; `cancelLongEdit` takes it back); it is still one undo step, its formats with it.
   */
  pasteCells(
    sheet: string,
    row: number,
    col: number,
    inputs: readonly (readonly CellInput[])[],
    formats: readonly { address: string; format: string }[] = []
  ): Promise<void> {
    return this.history.typeCells(sheet, row, col, inputs, formats);
  }

  /** A large paste, or its undo or redo, being written in slices; null when none. */
  get longEdit(): Readonly<LongEdit> | null {
    return this.history.longEdit;
  }

  /** Resolves when no large paste, undo or redo is being written and nothing waits behind one. */
  idle(): Promise<void> {
    return this.history.idle();
  }

  /** Stop a large paste and take back what it wrote (its undo and redo cannot be stopped). */
  cancelLongEdit(): void {
    this.history.cancelLongEdit();
  }

  /** Whether a task pane action (a journey's writes) is under way: Save waits for it. */
  get busy(): boolean {
    return this.history.busy;
  }

  /** Why a file cannot be opened in place of the workbook now (long work or a journey is writing), or null. */
  get openRefused(): string | null {
    return this.history.replaceRefused;
  }

  /** Why undo and redo are refused now (a task pane action is writing), or null. */
  get undoRefused(): string | null {
    return this.history.undoRefused;
  }

  /** Typed or pasted edits waiting for a task pane action to finish (for the page's line), or null. */
  get waitingForPane(): { label: string; edits: number } | null {
    return this.history.waitingForPane;
  }

  /** Whether there is a user edit to undo, or an undone one to redo. */
  get canUndo(): boolean {
    return this.history.canUndo;
  }

  get canRedo(): boolean {
    return this.history.canRedo;
  }

  /** What Undo would take back ("Set up model", "typing"), or null. */
  get undoLabel(): string | null {
    return this.history.undoLabel;
  }

  /**
   * Undo the last edit typed or pasted into the grid (or the formula bar), or the last task pane
   * action, putting back what the cells held (see embedded/history.ts).
   */
  undo(): boolean {
    return this.history.undo();
  }

  redo(): boolean {
    return this.history.redo();
  }

  /**
   * Run a task pane action as one undo step (embedded/history.ts). It waits for a large paste, undo
   * or redo under way, and is refused while a file is being opened in place of the workbook.
   */
  action<T>(label: string, work: () => Promise<T>): Promise<T> {
    let waiting = true;
    this.actionsWaiting++;
    const started = () => {
      if (!waiting) return;
      waiting = false;
      this.actionsWaiting--;
      this.bump();
    };
    return this.history.action(label, () => (started(), work())).finally(started);
  }

  /** Actions (journeys) called and not yet writing. */
  private actionsWaiting = 0;

  /** What a task pane action waits behind ("the page's paste"), or null when none waits. */
  get actionWaiting(): string | null {
    const long = this.history.longEdit;
    if (this.actionsWaiting === 0 || long === null) return null;
    const what =
      long.label === "Undoing"
        ? "undo"
        : long.label === "Redoing"
          ? "redo"
          : long.dropsEdits
            ? "file being opened"
            : "paste";
    return `the page's ${what}`;
  }

  /**
   * Replace everything the workbook holds with `book` (formulas as the engine takes them: see
   * playground/open/openBook.ts, which checks and prepares a file's book) and forget the undo
   * history. Returns what could not be kept (names the engine refuses). The history is forgotten
   * only once the book is in: when replacing throws, the opener puts the old book back, and its
   * undo steps still apply to it.
   */
  replaceBook(book: BookContent): BookNotes {
    const notes = replaceContents(this, book);
    this.history.clear();
    return notes;
  }

  /**
   * `replaceBook` in slices with the page free between them (embedded/loadBook.ts), shown as a
   * long edit labelled `label` ("Opening Plan.xlsx"); edits made meanwhile are not kept.
   */
  replaceBookInSlices(book: BookContent, label: string): Promise<BookNotes> {
    let total = 0;
    for (const s of book.sheets) for (const line of s.cells) total += line.length;
    return this.history.replacing(label, total, (edit) =>
      replaceContentsInSlices(this, book, (fraction) => {
        edit.done = Math.round(fraction * total);
        this.bump();
      })
    );
  }

  // ------------------------------------------------------------------ WorkbookPort

  async listSheets(): Promise<string[]> {
    return this.engine.getSheetNames();
  }

  async listTables(): Promise<string[]> {
    return this.tables.map((t) => t.name);
  }

  async listTableHeaders(): Promise<TableSummary[]> {
    return this.tables.map((t) => {
      const { top, bottom } = parseRange(t.address);
      return { name: t.name, header: this.tableHeader(t), sheet: t.sheet, rows: bottom - top };
    });
  }

  async readTable(name: string): Promise<TableData> {
    const t = this.tableNames.find(name);
    if (!t) throw new Error(`no table named ${name}`);
    const all = this.rangeValues(t.sheet, t.address);
    return {
      sheet: t.sheet,
      address: t.address,
      header: all[0].map((h) => String(h ?? "")),
      rows: all.slice(1),
    };
  }

  async readUsedRange(sheet: string): Promise<TableData> {
    const { rows, cols } = this.dimensions(sheet);
    if (rows === 0 || cols === 0) return { sheet, address: "A1", header: [], rows: [] };
    const address = rangeAddress(0, 0, rows, cols);
    const all = this.rangeValues(sheet, address);
    return { sheet, address, header: all[0].map((h) => String(h ?? "")), rows: all.slice(1) };
  }

  async createSheet(preferredName: string): Promise<string> {
    const name = uniqueName(cleanSheetName(preferredName), this.engine.getSheetNames());
    this.engine.addSheet(name);
    this.bump();
    return name;
  }

  async deleteSheet(name: string): Promise<void> {
    const id = this.sheetId(name);
    this.history.touch(name);
    const same = (s: string) => s.toLowerCase() === name.toLowerCase();
    this.tableNames.dropSheet(name);
    for (let i = this.charts.length - 1; i >= 0; i--)
      if (same(this.charts[i].sheet)) this.charts.splice(i, 1);
    this.cellFormats.dropSheet(name);
    this.setFrozen(name, { rows: 0, columns: 0 });
    this.engine.removeSheet(id);
    if (same(this.selection.sheet))
      this.selection = { sheet: this.engine.getSheetNames()[0] ?? "", address: "A1" };
    this.settle();
    this.bump();
  }

  async writeTable(
    sheet: string,
    topLeft: string,
    preferredTableName: string,
    header: string[],
    rows: CellInput[][],
    options: WriteOptions = {}
  ): Promise<{ table: string; address: string }> {
    const sheetId = this.sheetId(sheet);
    this.history.touch(sheet);
    const { row, col } = parseCell(topLeft);
    const name = uniqueName(
      cleanIdentifier(preferredTableName),
      this.tableNames.taken(),
      "identifier"
    );
    const lastRow = row + rows.length; // 0-based row of the last body row
    if (lastRow >= this.maxRows)
      throw new Error(
        `writeTable: ${rows.length.toLocaleString("en-GB")} rows from row ${row + 2} run past the sheet's last row (${this.maxRows.toLocaleString("en-GB")})`
      );
    const shape: TableShape = {
      name,
      sheet,
      top: row,
      left: col,
      header: tableHeader(header),
      bodyRows: rows.length,
    };
    if (options.signal?.aborted) throw abortError();
    await writeTableRows(this, { sheetId, sheet, shape }, header, rows, options);
    const address = rangeAddress(row, col, rows.length + 1, header.length);
    // The table's name as an engine name (for formulas using the bare name, as in Excel) is added
    // now only if formulas already wait for it (see TableNames.addTable).
    this.tableNames.addTable({ name, sheet, address }, isNameAwaited(this.engine, name));
    this.bump();
    return { table: name, address };
  }

  async writeRange(sheet: string, address: string, values: CellInput[][]): Promise<void> {
    this.history.touch(sheet);
    const r = parseRange(address);
    const height = r.bottom - r.top + 1;
    const width = r.right - r.left + 1;
    if (values.length !== height || values.some((line) => line.length !== width)) {
      throw new Error(
        `writeRange: ${address} is ${height}×${width} but the values are ${values.length}×${values[0]?.length ?? 0}`
      );
    }
    const prepared = values.map((line, i) =>
      line.map((v, c) => this.prepare(v, sheet, undefined, r.top + i, r.left + c, true))
    ) as (string | number | boolean | null)[][];
    const sheetId = this.sheetId(sheet);
    // Formulas are calculated as they go in, on the page's own thread. A block of heavy ones goes
    // in a row at a time, and the page gets a turn whenever the writes have held it for SLICE_MS
    // (within a block and across a journey's blocks: the audit writes one check per 5,000
    // people), so it repaints and takes a Cancel click meanwhile.
    const heavy = prepared.length > 1 && values.some((line) => line.some(isFormula));
    if (!heavy) {
      this.engine.setCellContents({ sheet: sheetId, row: r.top, col: r.left }, prepared);
      this.settle();
      await this.turnIfHeld();
      return;
    }
    for (let i = 0; i < prepared.length; i++) {
      this.engine.setCellContents({ sheet: sheetId, row: r.top + i, col: r.left }, [prepared[i]]);
      this.settle();
      await this.turnIfHeld();
    }
  }

  async setNumberFormat(sheet: string, address: string, format: string): Promise<void> {
    this.sheetId(sheet);
    this.cellFormats.add(sheet, address, format);
    this.bump();
  }

  async isEmpty(sheet: string, address: string): Promise<boolean> {
    const r = parseRange(address);
    const sheetId = this.sheetId(sheet);
    const range = {
      start: { sheet: sheetId, row: r.top, col: r.left },
      end: { sheet: sheetId, row: r.bottom, col: r.right },
    };
    const content = this.engine.getRangeSerialized(range);
    const values = this.engine.getRangeValues(range);
    const blank = (v: unknown) => v === null || v === undefined || v === "";
    return (
      content.every((line) => line.every(blank)) &&
      values.every((line) => line.every((v) => v === null))
    );
  }

  async addName(preferredName: string, sheet: string, address: string): Promise<string> {
    this.sheetId(sheet);
    const name = uniqueName(cleanIdentifier(preferredName), this.tableNames.taken(), "identifier");
    this.tableNames.addName(name, sheet, address);
    this.settle();
    this.bump();
    return name;
  }

  async addChart(sheet: string, spec: ChartSpec): Promise<void> {
    this.sheetId(sheet);
    this.charts.push({ sheet, spec: { ...spec } });
    this.bump();
  }

  async getSelection(): Promise<Selection> {
    return { ...this.selection };
  }

  async select(sheet: string, address: string): Promise<void> {
    this.sheetId(sheet);
    parseRange(address);
    this.selection = { sheet, address };
    this.bump();
  }

  async freezePanes(sheet: string, rows: number, columns: number): Promise<void> {
    this.sheetId(sheet);
    this.setFrozen(sheet, { rows, columns });
    this.bump();
  }

  /** Give the page a turn if the writes since the last one have held it for SLICE_MS or more. */
  private async turnIfHeld(): Promise<void> {
    const now = Date.now();
    if (now - this.lastTurn < SLICE_MS) return;
    await yieldToEventLoop();
    this.lastTurn = Date.now();
  }
}

/** A new embedded workbook: the engine (for direct use) and the WorkbookPort over it. */
export function createEmbeddedWorkbook(options: EmbeddedOptions = {}): {
  engine: HyperFormula;
  port: EmbeddedWorkbook;
} {
  const port = new EmbeddedWorkbook(options);
  return { engine: port.engine, port };
}
