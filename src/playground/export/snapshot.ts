/**
 * The workbook as it is at the moment Save is clicked, taken in one synchronous pass so nothing
 * typed afterwards can slip half into the file: for every cell that exists (not every cell of the
 * used range's rectangle, so a sheet with cells at A1 and XFD1048576 costs two cells), what it
 * holds as typed, its value as the playground shows it (the value Excel and LibreOffice show
 * before they recalculate), its number format, and for a formula whose result spills, the range
 * it fills. Also every table (with its header names) and every workbook name.
 *
 * The cells that exist are read from HyperFormula's address mapping (`sheetEntries`), an internal
 * of 3.x, as embedded/linearRemoval.ts does; if an upgrade no longer has it, the used range is
 * walked instead (slower on a sparse sheet, same answer).
 */
import { DetailedCellError } from "hyperformula";
import type { EmbeddedWorkbook } from "../../workbook/embeddedPort";
import { parseRange, quoteSheet, rangeAddress } from "../../workbook/address";
import { toFileFormula } from "../open/fileFormulas";
import { hiddenRows } from "../grid/filterIndex";
import { shownText, tableFilters } from "../grid/filterStore";
import { chartProblem, type SavedChart } from "./chartParts";

/** A cell's value as a file caches it. */
export type CachedValue = number | string | boolean | { error: string } | null;

export interface SavedCell {
  row: number;
  col: number;
  /** The formula as the file stores it (no "=", PBR calls as `_xldudf_PBR_…`). */
  formula?: string;
  /** For a formula: the range its result fills ("C10:F40"), when more than its own cell. */
  spill?: string;
  value: CachedValue;
  format?: string;
}

export interface SavedTable {
  name: string;
  /** Header row and data rows ("A3:D25"). */
  ref: string;
  columns: string[];
  /** The page's table filter (grid/filterStore.ts), by column of the table: the shown texts kept. */
  filters?: { col: number; values: string[] }[];
}

export interface SavedSheet {
  name: string;
  /** Row by row, left to right. */
  cells: SavedCell[];
  tables: SavedTable[];
  /** Rows and columns frozen at the top and left of the sheet's view, when any. */
  frozen?: { rows: number; columns: number };
  /** Rows a saved table filter hides (0-based), ascending. */
  hiddenRows?: number[];
}

export interface SavedName {
  name: string;
  ref: string;
  localSheetId?: number;
}

export interface WorkbookSnapshot {
  sheets: SavedSheet[];
  names: SavedName[];
  /** Every chart that can be saved as an Excel chart. */
  charts?: SavedChart[];
  /** What the file does not keep as the playground has it, in words for the page. */
  notes: string[];
}

/** Error codes Excel knows; the engine's own (#ERROR!, #CYCLE!, #LIC!) are saved as #VALUE!. */
const EXCEL_ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
]);

export function cachedValue(v: unknown): CachedValue {
  if (v instanceof DetailedCellError || (v !== null && typeof v === "object" && "value" in v)) {
    const code = String((v as { value: unknown }).value);
    return { error: EXCEL_ERRORS.has(code) ? code : "#VALUE!" };
  }
  if (typeof v === "number") return Number.isFinite(v) ? v : { error: "#NUM!" };
  if (typeof v === "string" || typeof v === "boolean") return v;
  return null;
}

type Address = { sheet: number; row: number; col: number };
type Engine = EmbeddedWorkbook["engine"];

/** Past this many cells of used range, a sheet the engine's internals cannot list is not walked. */
const WALK_LIMIT = 20_000_000;

/**
 * The addresses of the cells a sheet holds, row by row. HyperFormula 3.x keeps a sheet's cells in
 * a dense strategy (rows of holey arrays: forEach skips the holes) or a sparse one (column → row
 * maps); its own `sheetEntries` walks every address of the rectangle, so it is not used.
 */
export function existingCells(engine: Engine, sheetId: number): { row: number; col: number }[] {
  const strategy = (
    engine as unknown as {
      dependencyGraph?: {
        addressMapping?: { getStrategyForSheetOrThrow?: (id: number) => { mapping?: unknown } };
      };
    }
  ).dependencyGraph?.addressMapping?.getStrategyForSheetOrThrow?.(sheetId)?.mapping;
  const out: { row: number; col: number }[] = [];
  if (Array.isArray(strategy)) {
    (strategy as unknown[][]).forEach((line, row) =>
      line?.forEach((v, col) => {
        if (v) out.push({ row, col });
      })
    );
    return out;
  }
  if (strategy instanceof Map) {
    for (const [col, rows] of strategy as Map<number, Map<number, unknown>>)
      for (const [row, v] of rows) if (v) out.push({ row, col });
    out.sort((a, b) => a.row - b.row || a.col - b.col);
    return out;
  }
  const d = engine.getSheetDimensions(sheetId);
  if (d.height * d.width > WALK_LIMIT)
    throw new Error(
      `sheet ${engine.getSheetName(sheetId)} spans ${d.height.toLocaleString("en-GB")} rows by ${d.width.toLocaleString("en-GB")} columns, more than can be saved here`
    );
  for (let row = 0; row < d.height; row++)
    for (let col = 0; col < d.width; col++) out.push({ row, col });
  return out;
}

/** How far a formula's result fills from its cell (1×1 when it does not spill). */
function spillSize(engine: Engine, at: Address): { rows: number; cols: number } {
  const inArray = (a: Address) => engine.isCellPartOfArray(a) && !engine.doesCellHaveFormula(a);
  if (!engine.isCellPartOfArray(at)) return { rows: 1, cols: 1 };
  let cols = 1;
  while (inArray({ ...at, col: at.col + cols })) cols++;
  let rows = 1;
  while (inArray({ ...at, row: at.row + rows })) rows++;
  return { rows, cols };
}

/** The sheet name as a formula refers to it, with quotes only where Excel needs them. */
const sheetRef = (s: string) => quoteSheet(s.replace(/^'|'$/g, "").replace(/''/g, "'"));

/** Everything Save writes, read from the workbook now (synchronously: nothing can change meanwhile). */
export function takeSnapshot(wb: EmbeddedWorkbook): WorkbookSnapshot {
  const engine = wb.engine;
  const notes: string[] = [];
  const sheetNames = engine.getSheetNames();
  const tableNames = new Set<string>();
  const sheets: SavedSheet[] = sheetNames.map((name) => {
    const id = engine.getSheetId(name)!;
    const cells: SavedCell[] = [];
    for (const { row, col } of existingCells(engine, id)) {
      const at = { sheet: id, row, col };
      const content = wb.getContent(name, row, col);
      const spilled = content === null && engine.isCellPartOfArray(at);
      if (content === null && !spilled) continue;
      const format = wb.formatAt(name, row, col);
      const value = cachedValue(wb.getValue(name, row, col));
      const cell: SavedCell = { row, col, value, ...(format ? { format } : {}) };
      if (typeof content === "string" && content.startsWith("=") && content.length > 1) {
        cell.formula = toFileFormula(content.slice(1), wb.functionIds);
        const size = spillSize(engine, at);
        if (size.rows > 1 || size.cols > 1)
          cell.spill = rangeAddress(row, col, size.rows, size.cols);
      }
      cells.push(cell);
    }
    const tables: SavedTable[] = [];
    const hidden: number[] = [];
    for (const t of wb.tables.filter((x) => x.sheet === name)) {
      const table = excelTable(wb, t.name, name, t.address);
      if (typeof table === "string") notes.push(table);
      else {
        tables.push(table);
        tableNames.add(t.name.toLowerCase());
        hidden.push(...savedFilter(wb, t, table, notes));
      }
    }
    const frozen = wb.frozenPanes(name);
    return {
      name,
      cells,
      tables,
      ...(frozen.rows + frozen.columns > 0 ? { frozen } : {}),
      ...(hidden.length ? { hiddenRows: hidden.sort((a, b) => a - b) } : {}),
    };
  });

  const names: SavedName[] = [];
  const add = (name: string, formula: unknown, localSheetId?: number) => {
    if (typeof formula !== "string" || !formula.startsWith("=")) return;
    // A table saved as a table part is its own name in Excel: a second, defined name would clash.
    if (localSheetId === undefined && tableNames.has(name.toLowerCase())) return;
    const ref = formula
      .slice(1)
      .replace(
        /^(.+)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/,
        (_m, s: string, a: string) => `${sheetRef(s)}!${a}`
      );
    names.push({ name, ref, ...(localSheetId === undefined ? {} : { localSheetId }) });
  };
  for (const name of engine.listNamedExpressions())
    add(name, engine.getNamedExpressionFormula(name));
  sheetNames.forEach((sheet, index) => {
    const id = engine.getSheetId(sheet)!;
    for (const name of engine.listNamedExpressions(id))
      add(name, engine.getNamedExpressionFormula(name, id), index);
  });
  // A table not saved as a table part keeps its name as a workbook name over its data rows.
  for (const t of wb.tables) {
    if (tableNames.has(t.name.toLowerCase())) continue;
    if (names.some((n) => n.name.toLowerCase() === t.name.toLowerCase())) continue;
    const r = parseRange(t.address);
    if (r.bottom <= r.top) continue;
    const data = rangeAddress(r.top + 1, r.left, r.bottom - r.top, r.right - r.left + 1);
    names.push({ name: t.name, ref: `${sheetRef(t.sheet)}!${absolute(data)}` });
  }
  // Charts are saved as Excel charts over their cells (chartParts.ts); one whose data range cannot
  // make one is left out and said so.
  const charts: SavedChart[] = [];
  for (const c of wb.charts) {
    const problem = chartProblem(c);
    if (problem) {
      notes.push(`${problem}; not saved`);
      continue;
    }
    const r = parseRange(c.spec.dataAddress);
    const first = wb.engine.doesSheetExist(c.sheet)
      ? wb.getValue(c.sheet, r.top + 1, r.left)
      : null;
    charts.push({
      sheet: c.sheet,
      spec: { ...c.spec },
      numericCategories: typeof first === "number",
    });
  }
  return { sheets, names, notes, charts };
}

const absolute = (address: string) => address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

/**
 * A table's filter in the page, as Excel saves one: the table's autoFilter columns, and the rows
 * they hide (returned, marked hidden in the sheet). A filter on a column beside the table (the
 * audit's Check) cannot be an Excel table's: it is left out, and the file's notes say so.
 */
function savedFilter(
  wb: EmbeddedWorkbook,
  t: EmbeddedWorkbook["tables"][number],
  table: SavedTable,
  notes: string[]
): number[] {
  const f = tableFilters(wb).filterOf(t);
  if (!f) return [];
  const own = f.columns.filter((c) => c.col >= f.place.left && c.col <= f.place.right);
  if (own.length < f.columns.length)
    notes.push(
      `table ${t.name}: the filter on a column beside the table is not saved (an Excel table filters only its own columns)`
    );
  if (own.length === 0) return [];
  table.filters = own.map((c) => ({ col: c.col - f.place.left, values: [...c.allowed] }));
  return [...hiddenRows(shownText(wb, t.sheet), f.place.body, own)];
}

/**
 * A table as Excel holds one, or why it cannot be: Excel needs a header row of distinct, non-blank
 * text, and refuses a spilling formula inside a table ("Spilled range in table": Microsoft's
 * "#SPILL! error - Table" page), so such a table is kept as a name instead.
 */
function excelTable(
  wb: EmbeddedWorkbook,
  name: string,
  sheet: string,
  address: string
): SavedTable | string {
  const r = parseRange(address);
  const id = wb.engine.getSheetId(sheet)!;
  const columns: string[] = [];
  const seen = new Set<string>();
  for (let c = r.left; c <= r.right; c++) {
    const v = wb.getValue(sheet, r.top, c);
    const content = wb.getContent(sheet, r.top, c);
    const header = typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
    if (header.trim() === "" || (typeof content === "string" && content.startsWith("=")))
      return `table ${name}: a header cell is blank or a formula, saved as a name over its rows`;
    if (seen.has(header.toLowerCase()))
      return `table ${name}: two columns are headed "${header}", saved as a name over its rows`;
    seen.add(header.toLowerCase());
    columns.push(header);
  }
  for (let row = r.top + 1; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) {
      const at = { sheet: id, row, col };
      if (!wb.engine.isCellPartOfArray(at)) continue;
      const size = spillSize(wb.engine, at);
      if (!wb.engine.doesCellHaveFormula(at) || size.rows * size.cols > 1)
        return `table ${name}: holds a spilled result, which Excel does not allow in a table; saved as a name over its rows`;
    }
  return { name, ref: address.replace(/\$/g, ""), columns };
}
