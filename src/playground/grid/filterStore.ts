/**
 * The playground's table filters, per workbook, kept while the page is open: for each filtered table
 * the column filters and the body rows they hide (worked out once per filter change: filterIndex.ts).
 * A filter belongs to the table as it was when filtered: when the table is rewritten (a journey run
 * again writes a new table), its sheet deleted, an undo puts the tables back, or the book is
 * replaced, the filter is dropped and every row shows again. Filters hide rows in the view only;
 * the workbook and its formulas never see them. Like Excel, a filter is not re-applied when a cell
 * is edited: a row edited out of the filter's values stays in view until the filter is changed.
 *
 * Columns beside a table: a live formula spilling down beside a table cannot sit in it (Excel
 * refuses a spill inside a table), so the Cluster audit writes its Check column one blank column to
 * the right of table ClusterAudit, with its own header in the table's header row. Such a column
 * (a header in the header row and a value on the first body row, right after the table or after one
 * blank column, and any run of them) filters with the table, as the rows it describes are the
 * table's: hiding a row hides the whole sheet row, as Excel's filter does.
 */
import { DetailedCellError } from "hyperformula";
import { parseRange } from "../../workbook/address";
import type { EmbeddedWorkbook } from "../../workbook/embeddedPort";
import { formatValue } from "../format";
import {
  RowMap,
  distinctValues,
  hiddenRows,
  mergeHidden,
  type Body,
  type ColumnFilter,
  type DistinctValue,
  type ShownText,
} from "./filterIndex";

/** A table as the workbook lists it (the object itself: a rewritten table is a new object). */
export type BookTable = EmbeddedWorkbook["tables"][number];

/** Where a table is: its header row, body and columns (0-based), and the columns beside it. */
export interface TablePlace {
  table: BookTable;
  /** The table's address when this was worked out. */
  address: string;
  header: number;
  body: Body;
  left: number;
  right: number;
  /** Columns beside the table that filter with it (see above; not the blank column between). */
  beside: number[];
}

export interface TableFilter {
  place: TablePlace;
  columns: ColumnFilter[];
  hidden: Int32Array;
}

/** What a cell shows in the grid: the filter's text for it ("" for a blank). */
export function shownText(workbook: EmbeddedWorkbook, sheet: string): ShownText {
  return (row, col) => {
    const v = workbook.getValue(sheet, row, col);
    if (v === null || v === undefined) return "";
    return v instanceof DetailedCellError
      ? String(v.value)
      : formatValue(v, workbook.formatAt(sheet, row, col));
  };
}

/** Where `table` is, with the columns beside it that filter with it (see above). */
export function placeOf(table: BookTable, text: ShownText, lastCol: number): TablePlace {
  const r = parseRange(table.address);
  const columns: number[] = [];
  const beside = (c: number) =>
    c <= lastCol && text(r.top, c) !== "" && r.bottom > r.top && text(r.top + 1, c) !== "";
  let c = beside(r.right + 1) ? r.right + 1 : beside(r.right + 2) ? r.right + 2 : -1;
  for (; c >= 0 && beside(c); c++) columns.push(c);
  return {
    table,
    address: table.address,
    header: r.top,
    body: { top: r.top + 1, bottom: r.bottom },
    left: r.left,
    right: r.right,
    beside: columns,
  };
}

export class TableFilters {
  private readonly filters = new Map<BookTable, TableFilter>();
  private readonly listeners = new Set<() => void>();
  private changes = 0;
  private maps = new Map<string, RowMap>();
  private places: {
    tables: readonly BookTable[];
    version: number;
    bySheet: Map<string, TablePlace[]>;
  } | null = null;

  constructor(private readonly workbook: EmbeddedWorkbook) {
    workbook.subscribe(() => this.prune());
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Increases with every filter change (for useSyncExternalStore). */
  get version(): number {
    return this.changes;
  }

  /** The tables on `sheet`, where they stand (worked out once per workbook change and sheet). */
  tablesOn(sheet: string): TablePlace[] {
    const { tables, version } = this.workbook;
    if (!this.places || this.places.tables !== tables || this.places.version !== version)
      this.places = { tables, version, bySheet: new Map() };
    const lower = sheet.toLowerCase();
    let list = this.places.bySheet.get(lower);
    if (!list) {
      const on = tables.filter((t) => t.sheet.toLowerCase() === lower);
      // (A sheet with a table exists: dimensions is only asked of one.)
      const lastCol = on.length ? this.workbook.dimensions(on[0].sheet).cols - 1 : -1;
      const text = shownText(this.workbook, sheet);
      list = on.map((t) => placeOf(t, text, lastCol));
      this.places.bySheet.set(lower, list);
    }
    return list;
  }

  /** The table whose header cell is (row, col) of `sheet`, if any. */
  headerAt(sheet: string, row: number, col: number): TablePlace | undefined {
    return this.tablesOn(sheet).find(
      (p) => p.header === row && ((col >= p.left && col <= p.right) || p.beside.includes(col))
    );
  }

  filterOf(table: BookTable): TableFilter | undefined {
    return this.filters.get(table);
  }

  /** The allowed texts of a column's filter, or null when the column is not filtered. */
  allowedIn(table: BookTable, col: number): ReadonlySet<string> | null {
    return this.filters.get(table)?.columns.find((f) => f.col === col)?.allowed ?? null;
  }

  /** The column's distinct shown values over the rows the table's other filters leave in view. */
  valuesOf(place: TablePlace, col: number): DistinctValue[] {
    const columns = this.filters.get(place.table)?.columns ?? [];
    return distinctValues(shownText(this.workbook, place.table.sheet), place.body, col, columns);
  }

  /** Filter a column to `allowed` texts (null: no filter on it), and work out the hidden rows. */
  apply(place: TablePlace, col: number, allowed: ReadonlySet<string> | null): void {
    // A popup left open while its table was written again: the table it filtered is gone.
    if (!this.workbook.tables.includes(place.table) || place.table.address !== place.address)
      return;
    const columns = (this.filters.get(place.table)?.columns ?? []).filter((f) => f.col !== col);
    if (allowed) columns.push({ col, allowed });
    if (columns.length === 0) {
      this.clear(place.table);
      return;
    }
    const hidden = hiddenRows(shownText(this.workbook, place.table.sheet), place.body, columns);
    this.filters.set(place.table, { place, columns, hidden });
    this.changed();
  }

  /** Show every row of `table` again. */
  clear(table: BookTable): void {
    if (this.filters.delete(table)) this.changed();
  }

  /** The filtered tables on `sheet`. */
  filteredOn(sheet: string): TableFilter[] {
    const lower = sheet.toLowerCase();
    return [...this.filters.values()].filter((f) => f.place.table.sheet.toLowerCase() === lower);
  }

  /** The view's rows of `sheet`, with the rows filters hide left out (one map per filter change). */
  rowMap(sheet: string): RowMap {
    const lower = sheet.toLowerCase();
    let map = this.maps.get(lower);
    if (!map) {
      const parts = this.filteredOn(sheet).map((f) => f.hidden);
      map = parts.length ? new RowMap(mergeHidden(parts)) : RowMap.NONE;
      this.maps.set(lower, map);
    }
    return map;
  }

  /** Drop the filters of tables the workbook no longer holds as they were filtered. */
  private prune(): void {
    const tables = new Set(this.workbook.tables);
    let dropped = false;
    for (const [table, f] of this.filters)
      if (!tables.has(table) || table.address !== f.place.address) {
        this.filters.delete(table);
        dropped = true;
      }
    if (dropped) this.changed();
  }

  private changed(): void {
    this.changes++;
    this.maps = new Map();
    for (const l of this.listeners) l();
  }
}

const stores = new WeakMap<EmbeddedWorkbook, TableFilters>();

/** The workbook's table filters (one store a workbook, made on first use). */
export function tableFilters(workbook: EmbeddedWorkbook): TableFilters {
  let store = stores.get(workbook);
  if (!store) {
    store = new TableFilters(workbook);
    stores.set(workbook, store);
  }
  return store;
}
