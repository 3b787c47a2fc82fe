/**
 * An in-memory WorkbookPort for tests of task pane features: records every call so tests can
 * check what was written, in which chunks, and that nothing existing was overwritten. Formulas
 * are stored as text (not evaluated); use the embedded adapter to evaluate them.
 */
import { parseCell, parseRange, rangeAddress } from "../../src/workbook/address";
import {
  uniqueName,
  type CellInput,
  type ChartSpec,
  type Selection,
  type TableData,
  type WorkbookPort,
  type WriteOptions,
} from "../../src/workbook/port";

export interface MemoryTable {
  name: string;
  sheet: string;
  address: string;
}

export class MemoryWorkbook implements WorkbookPort {
  readonly sheets = new Map<string, Map<string, CellInput>>();
  readonly tables: MemoryTable[] = [];
  readonly names = new Map<string, string>();
  readonly charts: { sheet: string; spec: ChartSpec }[] = [];
  readonly formats: { sheet: string; address: string; format: string }[] = [];
  /** Row counts of each chunk written by writeTable, in order. */
  readonly chunks: number[] = [];
  readonly calls: string[] = [];
  selection: Selection = { sheet: "Sheet1", address: "A1" };
  /** Make the next write fail after this many chunks (for cleanup tests). */
  failAfterChunks: number | undefined;
  /** Sheets whose deletion fails (as when the workbook's structure is protected). */
  readonly failDeleting = new Set<string>();

  constructor(sheetNames: string[] = ["Sheet1"]) {
    for (const s of sheetNames) this.sheets.set(s, new Map());
  }

  private sheet(name: string): Map<string, CellInput> {
    const s = this.sheets.get(name);
    if (!s) throw new Error(`no sheet named ${name}`);
    return s;
  }

  get(sheet: string, address: string): CellInput {
    const { row, col } = parseCell(address);
    return this.sheet(sheet).get(`${row},${col}`) ?? null;
  }

  /** Values of a range as rows (null for empty cells). */
  values(sheet: string, address: string): CellInput[][] {
    const r = parseRange(address);
    const s = this.sheet(sheet);
    const out: CellInput[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: CellInput[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(s.get(`${row},${col}`) ?? null);
      out.push(line);
    }
    return out;
  }

  private put(sheet: string, top: number, left: number, values: CellInput[][]): void {
    const s = this.sheet(sheet);
    values.forEach((line, i) =>
      line.forEach((v, j) => {
        if (v === null || v === "") s.delete(`${top + i},${left + j}`);
        else s.set(`${top + i},${left + j}`, v);
      })
    );
  }

  async listSheets() {
    this.calls.push("listSheets");
    return [...this.sheets.keys()];
  }

  async listTables() {
    this.calls.push("listTables");
    return this.tables.map((t) => t.name);
  }

  async listTableHeaders() {
    this.calls.push("listTableHeaders");
    const out = [];
    for (const t of this.tables) {
      const read = await this.readTable(t.name);
      out.push({ name: t.name, header: read.header, sheet: t.sheet, rows: read.rows.length });
    }
    return out;
  }

  async readTable(name: string): Promise<TableData> {
    this.calls.push(`readTable ${name}`);
    const t = this.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!t) throw new Error(`no table named ${name}`);
    const all = this.values(t.sheet, t.address);
    return { sheet: t.sheet, address: t.address, header: all[0].map((h) => String(h ?? "")), rows: all.slice(1) };
  }

  async readUsedRange(sheet: string): Promise<TableData> {
    this.calls.push(`readUsedRange ${sheet}`);
    const s = this.sheet(sheet);
    let bottom = -1;
    let right = -1;
    for (const key of s.keys()) {
      const [r, c] = key.split(",").map(Number);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    if (bottom < 0) return { sheet, address: "A1", header: [], rows: [] };
    const address = rangeAddress(0, 0, bottom + 1, right + 1);
    const all = this.values(sheet, address);
    return { sheet, address, header: all[0].map((h) => String(h ?? "")), rows: all.slice(1) };
  }

  async createSheet(preferredName: string) {
    const name = uniqueName(preferredName, [...this.sheets.keys()]);
    this.calls.push(`createSheet ${name}`);
    this.sheets.set(name, new Map());
    return name;
  }

  async deleteSheet(name: string) {
    this.calls.push(`deleteSheet ${name}`);
    if (this.failDeleting.has(name)) throw new Error("the workbook structure is protected");
    this.sheets.delete(name);
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheet === name) this.tables.splice(i, 1);
    for (const [n, ref] of this.names) if (ref.startsWith(`${name}!`)) this.names.delete(n);
  }

  async writeTable(
    sheet: string,
    topLeft: string,
    preferredTableName: string,
    header: string[],
    rows: CellInput[][],
    options: WriteOptions = {}
  ) {
    const { row, col } = parseCell(topLeft);
    const name = uniqueName(preferredTableName, [...this.tables.map((t) => t.name), ...this.names.keys()], "identifier");
    this.calls.push(`writeTable ${sheet}!${topLeft} ${name} (${rows.length} rows)`);
    this.put(sheet, row, col, [header]);
    const size = options.chunkRows ?? 1000;
    let chunkCount = 0;
    for (let i = 0; i < rows.length; i += size) {
      if (options.signal?.aborted) throw new DOMException("The write was cancelled", "AbortError");
      if (this.failAfterChunks !== undefined && chunkCount >= this.failAfterChunks) {
        throw new Error("simulated failure while writing");
      }
      const chunk = rows.slice(i, i + size);
      this.put(sheet, row + 1 + i, col, chunk);
      this.chunks.push(chunk.length);
      chunkCount++;
      options.onProgress?.({ rowsWritten: Math.min(i + size, rows.length), totalRows: rows.length });
      await Promise.resolve();
    }
    const address = rangeAddress(row, col, rows.length + 1, header.length);
    this.tables.push({ name, sheet, address });
    return { table: name, address };
  }

  async writeRange(sheet: string, address: string, values: CellInput[][]) {
    this.calls.push(`writeRange ${sheet}!${address}`);
    const r = parseRange(address);
    this.put(sheet, r.top, r.left, values);
  }

  async setNumberFormat(sheet: string, address: string, format: string) {
    this.formats.push({ sheet, address, format });
  }

  async isEmpty(sheet: string, address: string) {
    return this.values(sheet, address).every((line) => line.every((v) => v === null || v === ""));
  }

  async addName(preferredName: string, sheet: string, address: string) {
    const name = uniqueName(preferredName, [...this.names.keys(), ...this.tables.map((t) => t.name)], "identifier");
    this.calls.push(`addName ${name}`);
    this.names.set(name, `${sheet}!${address}`);
    return name;
  }

  async addChart(sheet: string, spec: ChartSpec) {
    this.calls.push(`addChart ${sheet} ${spec.type}`);
    this.charts.push({ sheet, spec });
  }

  async getSelection() {
    return this.selection;
  }

  async select(sheet: string, address: string) {
    this.selection = { sheet, address };
  }

  /** Frozen rows and columns by sheet, as freezePanes left them. */
  frozen: Record<string, { rows: number; columns: number }> = {};

  async freezePanes(sheet: string, rows: number, columns: number) {
    this.sheet(sheet);
    this.frozen[sheet] = { rows, columns };
  }
}
