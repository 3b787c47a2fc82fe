/**
 * WorkbookPort: the only way task pane features touch a workbook. Two adapters implement it:
 * `officePort` (Office.js, Excel.run) and `embeddedPort` (the playground's embedded engine).
 *
 * Rules every adapter keeps, so features can rely on them:
 * - Nothing existing is overwritten: `createSheet` and table/named-range names are made unique
 *   (`Prices` → `Prices (2)`); `isEmpty` lets a feature check a target before writing into it.
 * - Writes of many rows go in chunks (`writeRows` with `chunkRows`), reporting progress and
 *   honouring an AbortSignal; the caller removes what it created (`deleteSheet`) on cancel or failure.
 * - Addresses are A1 style without the sheet name ("A1:G361"); sheet names are passed separately;
 *   where a reference needs one it is built with `qualified`/`quoteSheet` (address.ts).
 * - Text stays text (cellText.ts); table headers are text, made unique as Excel would
 *   (`tableHeader`); a failed table write leaves nothing behind.
 */

/**
 * A cell value as read from or written to a workbook. In a write, a string starting "=" is a
 * formula and one starting "'" carries Excel's text prefix (the apostrophe is not part of the
 * value); any other string is text and stays that text ("00123", "Mar-24" are not turned into a
 * number or a date: see cellText.ts). Values from a file or a sheet go through `dataCell` first.
 * A read returns what the cell shows: text without its prefix, formulas as their values.
 */
export type CellInput = string | number | boolean | null;

export interface TableData {
  /** The table's (or range's) sheet. */
  sheet: string;
  /** Address of the whole range including the header, e.g. "A1:G361". */
  address: string;
  header: string[];
  rows: CellInput[][];
}

/** A table as a picker lists it: its name, header, sheet and size (body rows, columns). */
export interface TableSummary {
  name: string;
  header: string[];
  sheet: string;
  /** Body rows (the header row not counted). */
  rows: number;
}

export interface WriteProgress {
  rowsWritten: number;
  totalRows: number;
}

export interface WriteOptions {
  /** Rows per request (keep each request under Excel on the web's 5 MB limit). */
  chunkRows?: number;
  onProgress?: (progress: WriteProgress) => void;
  signal?: AbortSignal;
}

export interface ChartSpec {
  type: "line" | "bar";
  title: string;
  /** Data range including a header row; the first column is the category (x) axis. */
  dataAddress: string;
  /** Where to place the chart (top-left cell address). */
  anchor: string;
  /**
   * Number format of the value axis ("£#,##0" for money, MONEY_AXIS in chartStyle.ts); omitted:
   * General. Both adapters show the axis, and the playground its data table, in this format.
   */
  valueFormat?: string;
}

export interface Selection {
  sheet: string;
  /** Address of the selected range, e.g. "B3" or "B3:T3". */
  address: string;
}

/** Rows at the top and columns at the left of a sheet's view that stay put as it scrolls. */
export interface FrozenPanes {
  rows: number;
  columns: number;
}

export interface WorkbookPort {
  /** Names of all worksheets, in tab order. */
  listSheets(): Promise<string[]>;
  /** Names of all tables in the workbook. */
  listTables(): Promise<string[]>;
  /** Every table's name, header row, sheet and size, oldest first (cheap: no body rows are read). */
  listTableHeaders(): Promise<TableSummary[]>;
  /** Read a table by name (header + body). */
  readTable(name: string): Promise<TableData>;
  /** Read the used range of a sheet (first row is treated as the header). */
  readUsedRange(sheet: string): Promise<TableData>;
  /** Create a new worksheet; the name is made unique ("Prices (2)") and returned. */
  createSheet(preferredName: string): Promise<string>;
  /** Delete a worksheet (used to undo a failed or cancelled write of a sheet the feature created). */
  deleteSheet(name: string): Promise<void>;
  /**
   * Write `header` + `rows` starting at `topLeft` on `sheet` as an Excel table named (uniquely)
   * after `preferredTableName`. Values starting "=" are formulas. Returns the table name and its
   * full address. Written in chunks with progress; rejects with an AbortError when cancelled.
   */
  writeTable(
    sheet: string,
    topLeft: string,
    preferredTableName: string,
    header: string[],
    rows: CellInput[][],
    options?: WriteOptions
  ): Promise<{ table: string; address: string }>;
  /** Write values or formulas into a plain range (no table). */
  writeRange(sheet: string, address: string, values: CellInput[][]): Promise<void>;
  /** Apply a number format (e.g. "£#,##0.00", "dd/mm/yyyy", "0.0%") to a range. */
  setNumberFormat(sheet: string, address: string, format: string): Promise<void>;
  /** Whether every cell of the range is empty. */
  isEmpty(sheet: string, address: string): Promise<boolean>;
  /** Add a workbook-scoped named range; the name is made unique and returned. */
  addName(preferredName: string, sheet: string, address: string): Promise<string>;
  /** Add a native chart (Excel) or its stand-in (embedded). */
  addChart(sheet: string, spec: ChartSpec): Promise<void>;
  /** The current selection. */
  getSelection(): Promise<Selection>;
  /** Select (and scroll to) a range: the sheet is shown (activated) first. */
  select(sheet: string, address: string): Promise<void>;
  /**
   * Freeze the top `rows` rows and the left `columns` columns of a sheet's view, so a header row
   * and an ID column stay in view as it scrolls (0 and 0 unfreeze). Excel: Worksheet.freezePanes;
   * the playground's grid keeps them on show and Save writes them into the file.
   */
  freezePanes(sheet: string, rows: number, columns: number): Promise<void>;
  /**
   * Optional: run `work` (a task pane action) so that what it writes is undone as one step. The
   * playground's workbook has it; so does Excel where ExcelApi 1.20 merges an Excel.run's syncs into
   * one undo group (officePort.ts). On older Excel there is none and each request (each chunk of a
   * write) is its own step on Excel's undo list, and removing a sheet after a failed or cancelled
   * action clears Excel's undo list (Worksheet.delete supports no undo).
   */
  action?<T>(label: string, work: () => Promise<T>): Promise<T>;
  /**
   * Optional, read-only: what an `action` is waiting behind before it can write ("the page's
   * paste"), or null when none waits. The playground's workbook has it (a journey waits for a large
   * paste, undo or redo); the pane shows "Waiting for … to finish" meanwhile.
   */
  readonly actionWaiting?: string | null;
  /**
   * Optional: call `listener` after any change to the workbook (values, sheets, tables, an undo),
   * and return a function that stops the calls. The playground's workbook has it, and Excel through
   * its workbook events (office/subscribe.ts: sheets and tables added or deleted, and on ExcelApi 1.9
   * any change), so the pane's pickers and outcomes follow the workbook; without it the pane reads
   * tables when a tab is shown.
   */
  subscribe?(listener: () => void): () => void;
}

/** Run a task pane action as one undo step where the workbook offers that, else just run it. */
export function asOneStep<T>(
  port: WorkbookPort,
  label: string,
  work: () => Promise<T>
): Promise<T> {
  return port.action ? port.action(label, work) : work();
}

/** A name not already in `taken`: `base`, then `base (2)`, `base (3)`, … (case-insensitive). */
export function uniqueName(
  base: string,
  taken: readonly string[],
  style: "sheet" | "identifier" = "sheet"
): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = style === "sheet" ? `${base} (${n})` : `${base}_${n}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Table headers as Excel would make them, decided before writing so what is read back matches
 * what was written: a blank header becomes "Column" + its position ("Column3"), a repeated one
 * gets the next free number ("Date", "Date2"), comparing without regard to case.
 */
export function tableHeader(header: readonly string[]): string[] {
  const taken = new Set<string>();
  const out: string[] = [];
  header.forEach((h, i) => {
    let name = h.trim() === "" ? `Column${i + 1}` : h;
    if (taken.has(name.toLowerCase())) {
      let n = 2;
      while (taken.has(`${name}${n}`.toLowerCase())) n++;
      name = `${name}${n}`;
    }
    taken.add(name.toLowerCase());
    out.push(name);
  });
  return out;
}

/** The error a cancelled piece of work rejects with (name "AbortError", as fetch and DOM APIs use). */
export function abortError(message = "The write was cancelled"): Error {
  return typeof DOMException === "function"
    ? new DOMException(message, "AbortError")
    : Object.assign(new Error(message), { name: "AbortError" });
}

/** Whether an error is a cancellation (any error named "AbortError"). */
export function isAbortError(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { name?: unknown }).name === "AbortError";
}
