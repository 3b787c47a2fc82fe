/**
 * The WorkbookPort on an embedded spreadsheet engine (HyperFormula, GPL-3.0, licence key
 * "gpl-v3"): the playground's workbook, and a real formula-evaluating workbook for tests and
 * benchmarks. Never part of the add-in bundles.
 *
 * What stands in for what Excel has natively:
 * - Tables are metadata kept here (name, sheet, address) plus a named expression with the table's
 *   name over its data body, as in Excel. Structured references (Table[Column], [@Column] …) in
 *   formulas written through the port are rewritten to A1 ranges (embedded/structuredRefs.ts).
 * - Charts are recorded specs (`charts`); the playground draws them as SVG where Excel would draw
 *   a native chart.
 * - Number formats are recorded (`formatAt`) for display; the engine holds plain numbers.
 * - PBR.* functions come from one plugin over the Excel adapter's own code (embedded/pbrPlugin.ts).
 *
 *   const { engine, port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
 *
 * In the playground bundle `functions` defaults to every family in FUNCTION_FILES (generated at
 * build time); in jest or tsx pass it (test/support/pbrFunctions.ts), or no PBR function is known.
 */
import { HyperFormula, DetailedCellError } from "hyperformula";
import { parseCell, parseRange, qualified, rangeAddress } from "./address";
import { EXCEL_MAX_ROWS, cleanIdentifier, cleanSheetName } from "./excelRules";
import { excelWouldChange, isFormula, textCell } from "./cellText";
import {
  abortError,
  tableHeader,
  uniqueName,
  type CellInput,
  type ChartSpec,
  type Selection,
  type TableData,
  type WorkbookPort,
  type WriteOptions,
} from "./port";
import { isNameAwaited } from "./embedded/awaitedNames";
import type { BookContent, BookNotes } from "./embedded/bookContent";
import { bulkLoaderFor, type BulkLoader } from "./embedded/bulkLoad";
import { EditHistory, stepAddress, type EditStep } from "./embedded/editHistory";
import {
  PANE_STEP_MAX_CELLS,
  changed,
  type BookState,
  type Recording,
  type SheetCells,
} from "./embedded/paneStep";
import { PBR_FUNCTIONS } from "./embedded/pbrFunctions";
import { registerPbrFunctions } from "./embedded/pbrPlugin";
import { useLinearRemoval } from "./embedded/linearRemoval";
import type { PbrFunctionEntry } from "./embedded/registry";
import { sizeBookFor, type SizeBook } from "./embedded/sizeBook";
import { translateStructuredRefs, type TableShape } from "./embedded/structuredRefs";

export interface EmbeddedTable {
  name: string;
  sheet: string;
  /** Whole table including the header row, e.g. "A3:Y2003". */
  address: string;
}

export interface EmbeddedChart {
  sheet: string;
  spec: ChartSpec;
}

export interface EmbeddedOptions {
  /** PBR.* functions to register (default: the build-time list; none outside webpack). */
  functions?: readonly PbrFunctionEntry[];
  /** Sheets to start with, in order (default one empty "Sheet1"). */
  sheets?: Record<string, CellInput[][]>;
  /** Largest sheet, in rows (default Excel's 1,048,576; HyperFormula's own default is 40,000). */
  maxRows?: number;
}

/** Excel's sheet size. */
export { EXCEL_MAX_ROWS };
export const EXCEL_MAX_COLUMNS = 16_384;

const DEFAULT_CHUNK_ROWS = 1000;

/** Let the page paint and events run between chunks. */
/** Longest the engine works on a formula block before giving the page a turn (writeRange). */
const SLICE_MS = 50;

function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel !== "undefined" && typeof window !== "undefined") {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** An engine cell value as the port hands it out: errors as their code ("#N/A"), empty as null. */
function portValue(v: unknown): CellInput {
  if (v === null || v === undefined) return null;
  if (v instanceof DetailedCellError) return v.value;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** A character that can be part of a name (or make the text before it a sheet name: '…'). */
const NAME_CHAR = /[\w.'\\]/;

/** Text kept as text: HyperFormula's text prefix, an apostrophe (not part of the value). */
const asText = (v: string) => (v.charCodeAt(0) === 0x27 ? v : `'${v}`);

/** Widest line (header included) and whether any cell is a formula. */
function surveyRows(
  header: readonly string[],
  rows: readonly (readonly CellInput[])[]
): { width: number; formulas: boolean } {
  let width = header.length;
  let formulas = false;
  for (let i = 0; i < rows.length; i++) {
    const line = rows[i];
    if (line.length > width) width = line.length;
    if (formulas) continue;
    for (let j = 0; j < line.length; j++) {
      const v = line[j];
      if (typeof v === "string" && v.charCodeAt(0) === 0x3d) {
        formulas = true;
        break;
      }
    }
  }
  return { width, formulas };
}

const absolute = (address: string) =>
  address.replace(/\$/g, "").replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

export class EmbeddedWorkbook implements WorkbookPort {
  readonly engine: HyperFormula;
  readonly tables: EmbeddedTable[] = [];
  /** Workbook names added with addName: name → sheet and address. */
  readonly names = new Map<string, { sheet: string; address: string }>();
  readonly charts: EmbeddedChart[] = [];
  readonly formats: { sheet: string; address: string; format: string }[] = [];
  /** Ranges formatted as text ("@"), where strings are kept as written. */
  private readonly textRanges: {
    sheet: string;
    top: number;
    left: number;
    bottom: number;
    right: number;
  }[] = [];
  /** Ids of the registered PBR functions (without the "PBR." namespace). */
  readonly functionIds: string[];
  /** The registered PBR functions with their metadata (descriptions, parameters), for help. */
  readonly functions: readonly PbrFunctionEntry[];
  private selection: Selection;
  private readonly listeners = new Set<() => void>();
  private readonly book: SizeBook;
  /** Rows on a sheet (refused past this, as Excel refuses past row 1,048,576). */
  private readonly maxRows: number;
  private changeVersion = 0;
  private settling = false;
  private settleQueued = false;

  constructor(options: EmbeddedOptions = {}) {
    const functions = options.functions ?? PBR_FUNCTIONS ?? [];
    registerPbrFunctions(functions);
    useLinearRemoval();
    this.functionIds = functions.map((f) => f.id);
    this.functions = functions;
    const sheets = options.sheets ?? { Sheet1: [] };
    this.maxRows = options.maxRows ?? EXCEL_MAX_ROWS;
    this.engine = HyperFormula.buildFromSheets(
      sheets as Record<string, (string | number | boolean | null)[][]>,
      {
        licenseKey: "gpl-v3",
        maxRows: this.maxRows,
        maxColumns: EXCEL_MAX_COLUMNS,
        dateFormats: ["DD/MM/YYYY", "DD/MM/YY", "YYYY-MM-DD"],
        language: "enGB",
        undoLimit: 0, // no undo in the playground; keeping it costs ~12% on large writes
        useArrayArithmetic: true,
        smartRounding: false, // keep full doubles, as Excel stores them (pennies must tie)
      }
    );
    this.book = sizeBookFor(this.engine.dependencyGraph as unknown as object);
    this.selection = { sheet: this.engine.getSheetNames()[0] ?? "Sheet1", address: "A1" };
    this.engine.on("valuesUpdated", () => {
      this.bump();
      if (this.book.hasPending && !this.settling && !this.settleQueued) {
        this.settleQueued = true;
        queueMicrotask(() => {
          this.settleQueued = false;
          this.settle();
        });
      }
    });
    this.settle();
  }

  // ------------------------------------------------------------------ change notification (UI)

  /** Call `listener` after any change to values, sheets, tables, charts, formats or selection. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Increases with every change (for React's useSyncExternalStore). */
  get version(): number {
    return this.changeVersion;
  }

  private bump(): void {
    this.changeVersion++;
    for (const l of this.listeners) l();
  }

  /**
   * Re-enter PBR.* formulas whose spilled result no longer fits the cells HyperFormula reserved
   * for it, so the reservation matches (see embedded/sizeBook.ts). Called after every write.
   */
  settle(): void {
    if (this.settling) return;
    this.settling = true;
    try {
      this.book.retrySpilled(
        (cell) =>
          this.engine.getSheetName(cell.sheet) !== undefined &&
          isSpill(this.engine.getCellValue(cell))
      );
      for (let round = 0; round < 5 && this.book.hasPending; round++) {
        const cells = this.book.takePending();
        this.engine.batch(() => {
          for (const cell of cells) {
            if (!this.engine.doesSheetExist(this.engine.getSheetName(cell.sheet) ?? "")) continue;
            const formula = this.engine.getCellFormula(cell);
            if (formula) this.engine.setCellContents(cell, formula);
          }
        });
      }
    } finally {
      this.settling = false;
    }
  }

  // ------------------------------------------------------------------ helpers for the grid

  sheetId(name: string): number {
    const id = this.engine.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet named ${name}`);
    return id;
  }

  /** What a cell holds as typed: a formula "=…", a value, or null when empty. */
  getContent(sheet: string, row: number, col: number): CellInput {
    const v = this.engine.getCellSerialized({ sheet: this.sheetId(sheet), row, col });
    if (v === undefined || v === null) return null;
    if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
    return String(v);
  }

  /** A cell's value: number, text, boolean, null for empty, or the engine's error (with message). */
  getValue(sheet: string, row: number, col: number): CellInput | DetailedCellError {
    const v = this.engine.getCellValue({ sheet: this.sheetId(sheet), row, col });
    return v instanceof DetailedCellError ? v : (v as CellInput);
  }

  /** Sheet size in use: rows and columns from A1. */
  dimensions(sheet: string): { rows: number; cols: number } {
    const d = this.engine.getSheetDimensions(this.sheetId(sheet));
    return { rows: d.height, cols: d.width };
  }

  /** The last number format applied over a cell, if any. */
  formatAt(sheet: string, row: number, col: number): string | undefined {
    for (let i = this.formats.length - 1; i >= 0; i--) {
      const f = this.formats[i];
      if (f.sheet !== sheet) continue;
      const r = parseRange(f.address);
      if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return f.format;
    }
    return undefined;
  }

  /** Type into one cell as a user would (value or "=formula"), then recalculate. */
  setCell(sheet: string, row: number, col: number, input: CellInput): void {
    this.setCells(sheet, row, col, [[input]]);
  }

  /**
   * Type a block of cells as a user would (each value or "=formula", as pasted from Excel or
   * Google Sheets), starting at (row, col), then recalculate once.
   */
  setCells(
    sheet: string,
    row: number,
    col: number,
    inputs: readonly (readonly CellInput[])[]
  ): void {
    const before = inputs.map((line, r) =>
      line.map((_, c) => this.getContent(sheet, row + r, col + c))
    );
    this.applyCells(sheet, row, col, inputs);
    this.history.record({ sheet, row, col, before, after: inputs.map((line) => [...line]) });
  }

  /** Whether there is a user edit to undo, or an undone one to redo. */
  get canUndo(): boolean {
    return this.history.canUndo;
  }

  get canRedo(): boolean {
    return this.history.canRedo;
  }

  /**
   * Undo the last edit typed or pasted into the grid (or the formula bar), putting back what the
   * cells held, and select them. Task pane writes are not on this list (see EditHistory).
   */
  undo(): boolean {
    const step = this.history.undo();
    if (step?.kind === "pane") return this.restoreState(step.before);
    return step !== undefined && this.replay(step, step.before);
  }

  redo(): boolean {
    const step = this.history.redo();
    if (step?.kind === "pane") return this.restoreState(step.after);
    return step !== undefined && this.replay(step, step.after);
  }

  // ------------------------------------------------------------------ a pane action as one step

  private recording: Recording | null = null;

  /**
   * Run a task pane action so that everything it writes (cells, new sheets, names, tables,
   * formats, charts) is undone, and redone, as one step. An action that fails is not recorded (it
   * removes what it wrote). An action nested in another is part of the outer one.
   */
  async action<T>(label: string, work: () => Promise<T>): Promise<T> {
    if (this.recording) return work();
    const names = this.engine.getSheetNames();
    this.recording = {
      label,
      before: this.bookState([]),
      existing: new Set(names.map((n) => n.toLowerCase())),
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
    const now = this.engine.getSheetNames();
    const kept = now.filter((n) => rec.touched.has(n) || !rec.existing.has(n.toLowerCase()));
    const size = kept.reduce((n, s) => n + this.usedCells(s), rec.cells);
    if (rec.tooBig || size > PANE_STEP_MAX_CELLS) {
      // Too large to copy: not undoable, and the steps before it go too (they would undo around it).
      this.history.clear();
      this.bump();
      return result;
    }
    const after = this.bookState(kept);
    if (!changed(rec.before, after, rec.touched.size)) return result;
    this.history.record({ kind: "pane", label, before: rec.before, after });
    this.bump();
    return result;
  }

  /** What Undo would take back ("Set up model", "typing"), or null. */
  get undoLabel(): string | null {
    return this.history.peekUndo() ?? null;
  }

  /** A sheet about to be written by the action being recorded: keep what it held first. */
  private touch(sheet: string): void {
    const rec = this.recording;
    if (!rec || !rec.existing.has(sheet.toLowerCase())) return;
    const name = this.engine.getSheetNames().find((n) => n.toLowerCase() === sheet.toLowerCase());
    if (!name || rec.touched.has(name)) return;
    rec.touched.add(name);
    rec.cells += this.usedCells(name);
    if (rec.cells > PANE_STEP_MAX_CELLS) rec.tooBig = true;
    if (!rec.tooBig) rec.before.cells.set(name, this.sheetCells(name));
  }

  private usedCells(sheet: string): number {
    const { rows, cols } = this.dimensions(sheet);
    return rows * cols;
  }

  /** A sheet's cells as typed; the cells a spilled result fills are left empty (it fills them again). */
  private sheetCells(sheet: string): SheetCells {
    const id = this.sheetId(sheet);
    const raw = this.engine.getSheetSerialized(id);
    return raw.map((line, row) =>
      line.map((v, col) => {
        if (v === null || v === undefined) return null;
        const at = { sheet: id, row, col };
        if (this.engine.isCellPartOfArray(at) && !this.engine.doesCellHaveFormula(at)) return null;
        return typeof v === "number" || typeof v === "string" || typeof v === "boolean"
          ? v
          : String(v);
      })
    );
  }

  private bookState(sheets: readonly string[]): BookState {
    return {
      sheets: this.engine.getSheetNames(),
      cells: new Map(sheets.map((s) => [s, this.sheetCells(s)])),
      names: this.engine.listNamedExpressions().map((name) => ({
        name,
        formula: String(this.engine.getNamedExpressionFormula(name) ?? ""),
      })),
      tables: this.tables.map((t) => ({ ...t })),
      userNames: [...this.names].map(([n, r]) => [n, { ...r }]),
      charts: this.charts.map((c) => ({ sheet: c.sheet, spec: { ...c.spec } })),
      formats: [...this.formats],
      textRanges: [...this.textRanges],
      selection: { ...this.selection },
    };
  }

  /** Put the workbook back to a recorded state: its sheets, their cells, names, tables, formats, charts. */
  private restoreState(state: BookState): boolean {
    const wanted = new Set(state.sheets.map((n) => n.toLowerCase()));
    const current = this.engine.getSheetNames();
    const present = new Set(current.map((n) => n.toLowerCase()));
    const names = new Map(state.names.map((n) => [n.name, n.formula]));
    this.engine.batch(() => {
      for (const n of current)
        if (!wanted.has(n.toLowerCase())) this.engine.removeSheet(this.sheetId(n));
      for (const n of this.engine.listNamedExpressions())
        if (names.get(n) !== this.engine.getNamedExpressionFormula(n))
          this.engine.removeNamedExpression(n);
      for (const n of state.sheets) if (!present.has(n.toLowerCase())) this.engine.addSheet(n);
      for (const [sheet, cells] of state.cells)
        this.engine.setSheetContent(
          this.sheetId(sheet),
          cells as (string | number | boolean | null)[][]
        );
      for (const [n, formula] of names)
        if (
          !this.engine.getNamedExpression(n) &&
          this.engine.isItPossibleToAddNamedExpression(n, formula)
        )
          this.engine.addNamedExpression(n, formula);
    });
    this.tables.splice(0, this.tables.length, ...state.tables.map((t) => ({ ...t })));
    this.namedTables.clear();
    for (const t of this.tables)
      if (this.engine.getNamedExpression(t.name)) this.namedTables.add(t);
    this.names.clear();
    for (const [n, r] of state.userNames) this.names.set(n, { ...r });
    this.charts.splice(
      0,
      this.charts.length,
      ...state.charts.map((c) => ({ sheet: c.sheet, spec: { ...c.spec } }))
    );
    this.formats.splice(0, this.formats.length, ...state.formats);
    this.textRanges.splice(0, this.textRanges.length, ...state.textRanges);
    this.loader = undefined;
    const sheet = this.engine.doesSheetExist(state.selection.sheet)
      ? state.selection.sheet
      : (this.engine.getSheetNames()[0] ?? "");
    this.selection = {
      sheet,
      address: sheet === state.selection.sheet ? state.selection.address : "A1",
    };
    this.settle();
    this.bump();
    return true;
  }

  /** Put an edit's cells back to `cells` (its before or after) and select them. */
  private replay(step: EditStep, cells: CellInput[][]): boolean {
    if (!this.engine.doesSheetExist(step.sheet)) return false;
    this.applyCells(step.sheet, step.row, step.col, cells);
    this.selection = { sheet: step.sheet, address: stepAddress(step) };
    this.bump();
    return true;
  }

  private readonly history = new EditHistory();

  private applyCells(
    sheet: string,
    row: number,
    col: number,
    inputs: readonly (readonly CellInput[])[]
  ): void {
    const id = this.sheetId(sheet);
    // Prepared first: a structured reference is resolved by reading the table, which the engine
    // refuses while a batch has evaluation suspended.
    const prepared = inputs.map((line, r) =>
      line.map((input, c) => this.prepare(input, sheet, undefined, row + r, col + c))
    );
    this.engine.batch(() => {
      prepared.forEach((line, r) =>
        line.forEach((input, c) =>
          this.engine.setCellContents({ sheet: id, row: row + r, col: col + c }, [[input]])
        )
      );
    });
    this.settle();
  }

  private tableShape(name: string): TableShape | undefined {
    const t = this.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!t) return undefined;
    const r = parseRange(t.address);
    const header = this.rangeValues(
      t.sheet,
      rangeAddress(r.top, r.left, 1, r.right - r.left + 1)
    )[0];
    return {
      name: t.name,
      sheet: t.sheet,
      top: r.top,
      left: r.left,
      header: header.map((h) => String(h ?? "")),
      bodyRows: r.bottom - r.top,
    };
  }

  /**
   * A cell as the engine should store it: structured references translated, a string in a
   * text-formatted range kept as text. A cell `written` through the port also keeps text the engine
   * would read as a number, date, boolean or error (text prefix), so it stays text as it does in
   * Excel (workbook/cellText.ts); typing into the grid (`setCell`) is parsed as Excel parses typing.
   */
  private prepare(
    input: CellInput,
    sheet: string,
    current?: TableShape,
    row?: number,
    col?: number,
    written = false
  ): CellInput {
    if (
      written &&
      typeof input === "string" &&
      !isFormula(input) &&
      input.charCodeAt(0) !== 0x27 &&
      excelWouldChange(input)
    )
      return `'${input}`;
    if (typeof input === "string" && input.startsWith("=")) this.nameTablesIn(input);
    if (typeof input === "string" && input.startsWith("=") && input.includes("[")) {
      return translateStructuredRefs(input, sheet, (n) => this.tableShape(n), current, row);
    }
    // A text-formatted ("@") cell keeps a string as written, as Excel does: "007" stays "007" and
    // "11/04/2024" is not read as a date. HyperFormula keeps a string after a leading apostrophe.
    if (
      typeof input === "string" &&
      this.textRanges.length > 0 &&
      row !== undefined &&
      col !== undefined &&
      this.isText(sheet, row, col)
    ) {
      return asText(input);
    }
    return input === undefined ? null : input;
  }

  private isText(sheet: string, row: number, col: number): boolean {
    return this.textRanges.some(
      (t) => t.sheet === sheet && row >= t.top && row <= t.bottom && col >= t.left && col <= t.right
    );
  }

  private rangeValues(sheet: string, address: string): CellInput[][] {
    const r = parseRange(address);
    const sheetId = this.sheetId(sheet);
    const values = this.engine.getRangeValues({
      start: { sheet: sheetId, row: r.top, col: r.left },
      end: { sheet: sheetId, row: r.bottom, col: r.right },
    });
    return values.map((line) => line.map(portValue));
  }

  private loader: BulkLoader | null | undefined;

  /** The engine's bulk loader (null when HyperFormula's internals are not as expected). */
  private bulkLoader(): BulkLoader | null {
    if (this.loader === undefined) this.loader = bulkLoaderFor(this.engine);
    return this.loader;
  }

  /**
   * Columns (by offset from `left`) whose `height` cells from row `top` are formatted as text
   * ("@"): strings written there stay text ("00123" is not the number 123), as in Excel.
   */
  private textColumns(
    sheet: string,
    top: number,
    left: number,
    height: number,
    width: number
  ): boolean[] {
    const text: boolean[] = [];
    for (let j = 0; j < width; j++) {
      text.push(
        height > 0 &&
          this.formatAt(sheet, top, left + j) === "@" &&
          this.formatAt(sheet, top + height - 1, left + j) === "@"
      );
    }
    return text;
  }

  /** Tables that have their engine name (a named expression over the data body). */
  private readonly namedTables = new Set<EmbeddedTable>();

  private nameTable(t: EmbeddedTable): void {
    const r = parseRange(t.address);
    this.addEngineName(
      t.name,
      t.sheet,
      rangeAddress(r.top + 1, r.left, Math.max(r.bottom - r.top, 1), r.right - r.left + 1)
    );
    this.namedTables.add(t);
  }

  /**
   * Give every table whose bare name appears in `formula` its engine name, before the formula is
   * entered. Not for `Table[…]` (rewritten to ranges) or a sheet of the same name (`Caseload!A2`).
   */
  private nameTablesIn(formula: string): void {
    if (this.namedTables.size === this.tables.length) return;
    const text = formula.toLowerCase();
    for (const t of this.tables) {
      if (this.namedTables.has(t)) continue;
      const name = t.name.toLowerCase();
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        if (
          !NAME_CHAR.test(text[at - 1] ?? "") &&
          !/^[\w.![('\\]/.test(text[at + name.length] ?? "")
        ) {
          this.nameTable(t);
          break;
        }
      }
    }
  }

  private takenNames(): string[] {
    return [...this.tables.map((t) => t.name), ...this.names.keys()];
  }

  private addEngineName(name: string, sheet: string, address: string): void {
    const expression = `=${qualified(sheet, absolute(address))}`;
    if (this.engine.isItPossibleToAddNamedExpression(name, expression))
      this.engine.addNamedExpression(name, expression);
  }

  private removeEngineName(name: string): void {
    if (this.engine.getNamedExpression(name)) this.engine.removeNamedExpression(name);
  }

  // ------------------------------------------------------------------ opening a whole workbook

  /**
   * Replace everything the workbook holds (sheets, cells, names, tables, formats, charts, undo
   * history) with `book`, then recalculate. Checked first, so a book that cannot be opened leaves
   * the workbook as it was. Returns what could not be kept (names the engine refuses).
   */
  openBook(book: BookContent): BookNotes {
    checkBook(book, this.maxRows);
    const notes: BookNotes = [];
    const shapes = new Map<string, TableShape>();
    for (const t of book.tables) {
      const r = parseRange(t.address);
      const sheet = book.sheets.find((s) => s.name === t.sheet);
      const header: string[] = [];
      for (let c = r.left; c <= r.right; c++) {
        const v = sheet?.cells[r.top]?.[c];
        header.push(typeof v === "string" ? v.replace(/^'/, "") : String(v ?? ""));
      }
      shapes.set(t.name.toLowerCase(), {
        name: t.name,
        sheet: t.sheet,
        top: r.top,
        left: r.left,
        header,
        bodyRows: r.bottom - r.top,
      });
    }
    // Table references ("Prices[Code]") become ranges, as when the task pane writes them.
    const contents = book.sheets.map((s) =>
      s.cells.map((line, row) =>
        line.map((v, col) =>
          typeof v === "string" && v.startsWith("=") && v.includes("[")
            ? translateStructuredRefs(
                v,
                s.name,
                (n) => shapes.get(n.toLowerCase()),
                [...shapes.values()].find(
                  (t) =>
                    t.sheet === s.name &&
                    row > t.top &&
                    row <= t.top + t.bodyRows &&
                    col >= t.left &&
                    col < t.left + t.header.length
                ),
                row
              )
            : v
        )
      )
    );

    // Sheets before names, in one batch: removing a name first makes the engine recalculate the
    // formulas that use it, which HyperFormula 3.x can fail on ("Unknown array").
    this.engine.batch(() => {
      for (const name of this.engine.getSheetNames()) this.engine.removeSheet(this.sheetId(name));
      for (const n of this.engine.listNamedExpressions()) this.engine.removeNamedExpression(n);
    });
    this.tables.length = 0;
    this.namedTables.clear();
    this.names.clear();
    this.charts.length = 0;
    this.formats.length = 0;
    this.textRanges.length = 0;
    this.history.clear();
    this.loader = undefined;

    for (const s of book.sheets) this.engine.addSheet(s.name);
    for (const t of book.tables) {
      this.tables.push({ name: t.name, sheet: t.sheet, address: t.address });
      this.nameTable(this.tables[this.tables.length - 1]);
    }
    for (const n of book.names) {
      const scope = n.sheet === undefined ? undefined : this.engine.getSheetId(n.sheet);
      if (this.engine.isItPossibleToAddNamedExpression(n.name, n.formula, scope)) {
        this.engine.addNamedExpression(n.name, n.formula, scope);
        const m = /^=(.+)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(n.formula);
        if (m && scope === undefined)
          this.names.set(n.name, {
            sheet: m[1].replace(/^'|'$/g, "").replace(/''/g, "'"),
            address: m[2].replace(/\$/g, ""),
          });
      } else
        notes.push(`name ${n.name}: not a name the playground can hold (${n.formula}), not opened`);
    }
    this.engine.batch(() => {
      book.sheets.forEach((s, i) =>
        this.engine.setSheetContent(
          this.sheetId(s.name),
          contents[i] as (string | number | boolean | null)[][]
        )
      );
    });
    for (const s of book.sheets) {
      for (const f of s.formats) {
        this.formats.push({ sheet: s.name, address: f.address, format: f.format });
        if (f.format === "@") this.textRanges.push({ sheet: s.name, ...parseRange(f.address) });
      }
    }
    this.selection = { sheet: book.sheets[0].name, address: "A1" };
    this.settle();
    this.bump();
    return notes;
  }

  // ------------------------------------------------------------------ WorkbookPort

  async listSheets(): Promise<string[]> {
    return this.engine.getSheetNames();
  }

  async listTables(): Promise<string[]> {
    return this.tables.map((t) => t.name);
  }

  async listTableHeaders(): Promise<{ name: string; header: string[] }[]> {
    return this.tables.map((t) => {
      const r = parseRange(t.address);
      const header = this.rangeValues(
        t.sheet,
        rangeAddress(r.top, r.left, 1, r.right - r.left + 1)
      )[0];
      return { name: t.name, header: header.map((h) => String(h ?? "")) };
    });
  }

  async readTable(name: string): Promise<TableData> {
    const t = this.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
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
    this.touch(name);
    const same = (s: string) => s.toLowerCase() === name.toLowerCase();
    for (let i = this.tables.length - 1; i >= 0; i--) {
      if (same(this.tables[i].sheet)) {
        if (this.namedTables.delete(this.tables[i])) this.removeEngineName(this.tables[i].name);
        this.tables.splice(i, 1);
      }
    }
    for (const [n, ref] of [...this.names]) {
      if (same(ref.sheet)) {
        this.removeEngineName(n);
        this.names.delete(n);
      }
    }
    for (let i = this.charts.length - 1; i >= 0; i--)
      if (same(this.charts[i].sheet)) this.charts.splice(i, 1);
    for (let i = this.formats.length - 1; i >= 0; i--)
      if (same(this.formats[i].sheet)) this.formats.splice(i, 1);
    for (let i = this.textRanges.length - 1; i >= 0; i--)
      if (same(this.textRanges[i].sheet)) this.textRanges.splice(i, 1);
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
    this.touch(sheet);
    const { row, col } = parseCell(topLeft);
    const name = uniqueName(cleanIdentifier(preferredTableName), this.takenNames(), "identifier");
    const lastRow = row + rows.length; // 0-based row of the last body row
    if (lastRow >= this.maxRows)
      throw new Error(
        `writeTable: ${rows.length.toLocaleString("en-GB")} rows from row ${row + 2} run past the sheet's last row (${this.maxRows.toLocaleString("en-GB")})`
      );
    const size = Math.max(1, Math.floor(options.chunkRows ?? DEFAULT_CHUNK_ROWS));
    const shape: TableShape = {
      name,
      sheet,
      top: row,
      left: col,
      header: tableHeader(header),
      bodyRows: rows.length,
    };
    if (options.signal?.aborted) throw abortError();
    const { width, formulas } = surveyRows(header, rows);
    const textColumns = this.textColumns(sheet, row + 1, col, rows.length, width);
    const loader = formulas ? null : this.bulkLoader();
    const report = (written: number) =>
      options.onProgress?.({ rowsWritten: written, totalRows: rows.length });
    if (loader && loader.canLoad(sheetId, row, col, rows.length + 1, width)) {
      // Plain values into untouched cells: loaded as buildFromSheets loads a sheet (embedded/bulkLoad.ts).
      loader.load(sheetId, row, col, [tableHeader(header).map(textCell)]);
      for (let i = 0; i < rows.length; i += size) {
        if (options.signal?.aborted) throw abortError();
        loader.load(sheetId, row + 1 + i, col, rows.slice(i, i + size), textColumns);
        this.bump();
        report(Math.min(i + size, rows.length));
        await yieldToEventLoop();
      }
    } else {
      this.engine.setCellContents({ sheet: sheetId, row, col }, [
        tableHeader(header).map(textCell),
      ]);
      for (let i = 0; i < rows.length; i += size) {
        if (options.signal?.aborted) throw abortError();
        const chunk = rows
          .slice(i, i + size)
          .map((line, j) =>
            line.map((v, k) =>
              textColumns[k] && typeof v === "string"
                ? asText(v)
                : this.prepare(v, sheet, shape, row + 1 + i + j, col + k, true)
            )
          );
        this.engine.setCellContents(
          { sheet: sheetId, row: row + 1 + i, col },
          chunk as (string | number | boolean | null)[][]
        );
        this.settle();
        report(Math.min(i + size, rows.length));
        await yieldToEventLoop();
      }
    }
    const address = rangeAddress(row, col, rows.length + 1, header.length);
    this.tables.push({ name, sheet, address });
    // The table's name as an engine name (for formulas using the bare name, as in Excel) is added
    // when a formula needs it (see nameTablesIn): a name over a large table costs an edge per
    // cell to build, and HyperFormula takes minutes to remove one over millions of cells.
    if (isNameAwaited(this.engine, name)) this.nameTable(this.tables[this.tables.length - 1]);
    this.bump();
    return { table: name, address };
  }

  async writeRange(sheet: string, address: string, values: CellInput[][]): Promise<void> {
    this.touch(sheet);
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

  /** When the page last had a turn from this workbook's writes. */
  private lastTurn = 0;

  /** Give the page a turn if the writes since the last one have held it for SLICE_MS or more. */
  private async turnIfHeld(): Promise<void> {
    const now = Date.now();
    if (now - this.lastTurn < SLICE_MS) return;
    await yieldToEventLoop();
    this.lastTurn = Date.now();
  }

  async setNumberFormat(sheet: string, address: string, format: string): Promise<void> {
    this.sheetId(sheet);
    this.formats.push({ sheet, address, format });
    if (format === "@") this.textRanges.push({ sheet, ...parseRange(address) });
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
    const name = uniqueName(cleanIdentifier(preferredName), this.takenNames(), "identifier");
    this.names.set(name, { sheet, address });
    this.addEngineName(name, sheet, address);
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

  /** The selection without waiting (for the grid). */
  get currentSelection(): Selection {
    return this.selection;
  }

  async select(sheet: string, address: string): Promise<void> {
    this.sheetId(sheet);
    parseRange(address);
    this.selection = { sheet, address };
    this.bump();
  }
}

/** Refuse a book the engine cannot hold, before anything is replaced. */
function checkBook(book: BookContent, maxRows: number): void {
  if (book.sheets.length === 0) throw new Error("the workbook has no sheets");
  const seen = new Set<string>();
  for (const s of book.sheets) {
    const key = s.name.toLowerCase();
    if (s.name.trim() === "" || seen.has(key))
      throw new Error(`sheet name "${s.name}" is empty or used twice`);
    seen.add(key);
    if (s.cells.length > maxRows)
      throw new Error(
        `sheet ${s.name} has ${s.cells.length.toLocaleString("en-GB")} rows, more than ${maxRows.toLocaleString("en-GB")}`
      );
    if (s.cells.some((line) => line.length > EXCEL_MAX_COLUMNS))
      throw new Error(`sheet ${s.name} is wider than Excel's ${EXCEL_MAX_COLUMNS} columns`);
  }
}

function isSpill(value: unknown): boolean {
  return value instanceof DetailedCellError && value.type === "SPILL";
}

/** A new embedded workbook: the engine (for direct use) and the WorkbookPort over it. */
export function createEmbeddedWorkbook(options: EmbeddedOptions = {}): {
  engine: HyperFormula;
  port: EmbeddedWorkbook;
} {
  const port = new EmbeddedWorkbook(options);
  return { engine: port.engine, port };
}
