/**
 * The embedded workbook as a document: the engine's sheets and cells, the tables and names
 * (tableNames.ts), number formats (cellFormats.ts), charts and the selection, with change
 * notification for the grid. What the playground's grid reads and types into; the WorkbookPort
 * adapter (../embeddedPort.ts) and the undo history (history.ts) are written against it.
 *
 * - PBR.* functions come from one plugin over the Excel adapter's own code (pbrPlugin.ts).
 * - Charts are recorded specs; the playground draws them as SVG where Excel would draw a chart.
 * - A spilled PBR.* result that outgrows the cells HyperFormula reserved is re-entered (`settle`,
 *   spillSettler.ts).
 * - What a typed or written cell becomes in the engine is cellInput.ts.
 */
import { DetailedCellError, type HyperFormula } from "hyperformula";
import { parseRange, rangeAddress } from "../address";
import { EXCEL_MAX_ROWS } from "../excelRules";
import { parseLinkTarget } from "../links";
import { excelQuotes } from "../formulaText";
import type { CellInput, ChartSpec, FrozenPanes, Selection } from "../port";
import { bulkLoaderFor, type BulkLoader } from "./bulkLoad";
import { CellFormats } from "./cellFormats";
import { prepareInput, type InputContext } from "./cellInput";
import { createEngine, portValue, typedContent } from "./engine";
import { useLinearRemoval } from "./linearRemoval";
import { PBR_FUNCTIONS } from "./pbrFunctions";
import { registerPbrFunctions } from "./pbrPlugin";
import type { PbrFunctionEntry } from "./registry";
import { SpillSettler } from "./spillSettler";
import { tableShapeOf, type TableShape } from "./structuredRefs";
import { TableNames } from "./tableNames";

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

export class EmbeddedDocument {
  readonly engine: HyperFormula;
  /** Tables and workbook names, with the engine names behind them. */
  readonly tableNames: TableNames;
  /** Number formats, and the ranges formatted as text. */
  readonly cellFormats = new CellFormats();
  readonly charts: EmbeddedChart[] = [];
  /** Ids of the registered PBR functions (without the "PBR." namespace). */
  readonly functionIds: string[];
  /** The registered PBR functions with their metadata (descriptions, parameters), for help. */
  readonly functions: readonly PbrFunctionEntry[];
  /** Rows on a sheet (refused past this, as Excel refuses past row 1,048,576). */
  readonly maxRows: number;
  protected selection: Selection;
  /** Frozen rows and columns by sheet (lower-cased name); a sheet not here has none. */
  private readonly frozen = new Map<string, FrozenPanes>();
  private readonly listeners = new Set<() => void>();
  private readonly settler: SpillSettler;
  private readonly input: InputContext;
  private changeVersion = 0;
  private loader: BulkLoader | null | undefined;

  constructor(options: EmbeddedOptions = {}) {
    const functions = options.functions ?? PBR_FUNCTIONS ?? [];
    registerPbrFunctions(functions);
    useLinearRemoval();
    this.functionIds = functions.map((f) => f.id);
    this.functions = functions;
    this.maxRows = options.maxRows ?? EXCEL_MAX_ROWS;
    this.engine = createEngine(options.sheets ?? { Sheet1: [] }, this.maxRows);
    this.tableNames = new TableNames(this.engine);
    this.input = {
      tableNames: this.tableNames,
      cellFormats: this.cellFormats,
      tableShape: (name) => this.tableShape(name),
    };
    this.selection = { sheet: this.engine.getSheetNames()[0] ?? "Sheet1", address: "A1" };
    this.settler = new SpillSettler(this.engine, () => this.bump());
    this.settle();
  }

  /** The tables (name, sheet, address with the header row). */
  get tables(): readonly { name: string; sheet: string; address: string }[] {
    return this.tableNames.tables;
  }

  /** Workbook names added with addName: name → sheet and address. */
  get names(): ReadonlyMap<string, { sheet: string; address: string }> {
    return this.tableNames.names;
  }

  /** Every number format applied, in order. */
  get formats(): readonly { sheet: string; address: string; format: string }[] {
    return this.cellFormats.formats;
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

  /** Tell the listeners something changed. */
  bump(): void {
    this.changeVersion++;
    for (const l of this.listeners) l();
  }

  /**
   * Re-enter PBR.* formulas whose spilled result no longer fits the cells HyperFormula reserved
   * for it, so the reservation matches (see sizeBook.ts). Called after every write.
   */
  settle(): void {
    this.settler.settle();
  }

  // ------------------------------------------------------------------ reading, for the grid

  sheetId(name: string): number {
    const id = this.engine.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet named ${name}`);
    return id;
  }

  /** What a cell holds as typed: a formula "=…" (as Excel writes it), a value, or null when empty. */
  getContent(sheet: string, row: number, col: number): CellInput {
    const content = typedContent(
      this.engine.getCellSerialized({ sheet: this.sheetId(sheet), row, col })
    );
    return typeof content === "string" && content.startsWith("=") ? excelQuotes(content) : content;
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
    return this.cellFormats.formatAt(sheet, row, col);
  }

  /** Whether a cell is formatted as text ("@"): what is typed or pasted there stays text. */
  isTextCell(sheet: string, row: number, col: number): boolean {
    return this.cellFormats.isText(sheet, row, col);
  }

  /** The rows and columns frozen at the top and left of a sheet's view (0 and 0: none). */
  frozenPanes(sheet: string): FrozenPanes {
    return this.frozen.get(sheet.toLowerCase()) ?? { rows: 0, columns: 0 };
  }

  /** Every sheet's frozen panes (for undo and Save). */
  get allFrozenPanes(): [string, FrozenPanes][] {
    return this.engine
      .getSheetNames()
      .filter((s) => this.frozen.has(s.toLowerCase()))
      .map((s) => [s, { ...this.frozen.get(s.toLowerCase())! }]);
  }

  /** Set (or with 0 and 0, clear) a sheet's frozen panes, without notice (the caller bumps). */
  setFrozen(sheet: string, panes: FrozenPanes): void {
    const rows = Number.isFinite(panes.rows) ? Math.max(0, Math.floor(panes.rows)) : 0;
    const columns = Number.isFinite(panes.columns) ? Math.max(0, Math.floor(panes.columns)) : 0;
    if (rows === 0 && columns === 0) this.frozen.delete(sheet.toLowerCase());
    else this.frozen.set(sheet.toLowerCase(), { rows, columns });
  }

  /** Forget every sheet's frozen panes (the book was replaced). */
  clearFrozen(): void {
    this.frozen.clear();
  }

  /**
   * Where a cell's link goes, when it is a HYPERLINK to a cell of this workbook ("#'Caseload'!A32")
   * on a sheet that exists (the sheet's name as the workbook spells it); null otherwise.
   */
  linkAt(sheet: string, row: number, col: number): { sheet: string; address: string } | null {
    const url = this.engine.getCellHyperlink({ sheet: this.sheetId(sheet), row, col });
    const target = typeof url === "string" ? parseLinkTarget(url) : null;
    if (!target) return null;
    const name = this.engine
      .getSheetNames()
      .find((s) => s.toLowerCase() === target.sheet.toLowerCase());
    return name ? { sheet: name, address: target.address } : null;
  }

  /** The selection without waiting (for the grid). */
  get currentSelection(): Selection {
    return this.selection;
  }

  /** Move the selection without checks or notice (the caller checks and bumps). */
  moveSelection(sheet: string, address: string): void {
    this.selection = { sheet, address };
  }

  /** Values of a range, as the port hands them out. */
  protected rangeValues(sheet: string, address: string): CellInput[][] {
    const r = parseRange(address);
    const sheetId = this.sheetId(sheet);
    const values = this.engine.getRangeValues({
      start: { sheet: sheetId, row: r.top, col: r.left },
      end: { sheet: sheetId, row: r.bottom, col: r.right },
    });
    return values.map((line) => line.map(portValue));
  }

  /** A table's header row, as text. */
  protected tableHeader(table: { sheet: string; address: string }): string[] {
    const r = parseRange(table.address);
    const header = this.rangeValues(
      table.sheet,
      rangeAddress(r.top, r.left, 1, r.right - r.left + 1)
    )[0];
    return header.map((h) => String(h ?? ""));
  }

  private tableShape(name: string): TableShape | undefined {
    const t = this.tableNames.find(name);
    return t ? tableShapeOf(t, this.tableHeader(t)) : undefined;
  }

  // ------------------------------------------------------------------ writing cells

  /** Put `inputs` into cells from (row, col), as typed into the grid, then recalculate. */
  applyCells(
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
    // One call for the whole block: inside a batch, each setCellContents call makes HyperFormula
    // 3.5 walk every operation the batch holds so far (UndoRedo.clearRedoStack), so a cell per
    // call cost n²: pasting 3,000 × 10 cells took 30 s, 1,000 × 10 took 4 s.
    this.engine.setCellContents(
      { sheet: id, row, col },
      prepared as (string | number | boolean | null)[][]
    );
    this.settle();
  }

  /** A cell as the engine should store it (cellInput.ts). */
  prepare(
    input: CellInput,
    sheet: string,
    current?: TableShape,
    row?: number,
    col?: number,
    written = false
  ): CellInput {
    return prepareInput(this.input, input, sheet, current, row, col, written);
  }

  /** The engine's bulk loader (null when HyperFormula's internals are not as expected). */
  bulkLoader(): BulkLoader | null {
    if (this.loader === undefined) this.loader = bulkLoaderFor(this.engine);
    return this.loader;
  }

  /** Drop the cached bulk loader (the sheets were replaced wholesale). */
  forgetLoader(): void {
    this.loader = undefined;
  }

  /** Cells in use on a sheet (its used rows × columns). */
  usedCells(sheet: string): number {
    const { rows, cols } = this.dimensions(sheet);
    return rows * cols;
  }
}
