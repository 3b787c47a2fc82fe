/**
 * Table filters' arithmetic, with no DOM and no workbook: which sheet rows a filter hides, the
 * distinct values a column's filter lists, and the map between the grid's view rows (what is drawn,
 * one after another) and sheet rows (what the row headers show, as Excel numbers them).
 *
 * A filter keeps, per column, the set of shown texts allowed (as Excel filters by what a cell
 * shows: "£1,200.00", "#N/A", "" for a blank); a row is shown when each filtered column's text is in
 * its set. The hidden rows are worked out once per filter change (hiddenRows), and the grid maps a
 * view row to a sheet row by binary search over them (RowMap), so drawing never scans the table.
 */

/** What a cell shows, by sheet row and column. */
export type ShownText = (row: number, col: number) => string;

/** A column's filter: the shown texts whose rows stay in view. */
export interface ColumnFilter {
  col: number;
  allowed: ReadonlySet<string>;
}

/** A table's data body: its first and last sheet rows (0-based, inclusive; below the header). */
export interface Body {
  top: number;
  bottom: number;
}

/** Whether sheet row `row` passes every filter (one column may be left out: `except`). */
function passes(
  text: ShownText,
  row: number,
  filters: readonly ColumnFilter[],
  except = -1
): boolean {
  for (const f of filters) if (f.col !== except && !f.allowed.has(text(row, f.col))) return false;
  return true;
}

/** The body rows the filters hide, ascending. No filter hides nothing. */
export function hiddenRows(
  text: ShownText,
  body: Body,
  filters: readonly ColumnFilter[]
): Int32Array {
  if (filters.length === 0 || body.bottom < body.top) return new Int32Array(0);
  const out = new Int32Array(body.bottom - body.top + 1);
  let n = 0;
  for (let r = body.top; r <= body.bottom; r++) if (!passes(text, r, filters)) out[n++] = r;
  return out.slice(0, n);
}

export interface DistinctValue {
  text: string;
  count: number;
}

/** Order for a filter list, as Excel's: numbers by value, then text A→Z, blanks last. */
function listOrder(a: string, b: string): number {
  if (a === "" || b === "") return a === b ? 0 : a === "" ? 1 : -1;
  const x = Number(a.replace(/[£,%]/g, ""));
  const y = Number(b.replace(/[£,%]/g, ""));
  const xn = a.trim() !== "" && Number.isFinite(x);
  const yn = b.trim() !== "" && Number.isFinite(y);
  if (xn && yn) return x - y || a.localeCompare(b, "en-GB");
  if (xn !== yn) return xn ? -1 : 1;
  return a.localeCompare(b, "en-GB", { sensitivity: "base", numeric: true });
}

/**
 * The distinct shown texts of column `col` over the body rows the other columns' filters leave in
 * view (as Excel lists them), with how many rows show each, in list order.
 */
export function distinctValues(
  text: ShownText,
  body: Body,
  col: number,
  filters: readonly ColumnFilter[]
): DistinctValue[] {
  const counts = new Map<string, number>();
  for (let r = body.top; r <= body.bottom; r++) {
    if (!passes(text, r, filters, col)) continue;
    const t = text(r, col);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts]
    .map(([t, count]) => ({ text: t, count }))
    .sort((a, b) => listOrder(a.text, b.text));
}

/** Sorted, distinct hidden rows of several tables on one sheet (tables never overlap). */
export function mergeHidden(parts: readonly Int32Array[]): Int32Array {
  const nonEmpty = parts.filter((p) => p.length > 0);
  if (nonEmpty.length === 1) return nonEmpty[0];
  const all = new Int32Array(nonEmpty.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of nonEmpty) {
    all.set(p, at);
    at += p.length;
  }
  return all.sort();
}

/**
 * The grid's view rows against sheet rows, with `hidden` (ascending sheet rows) left out. View row
 * v is sheet row v + k, where k counts the hidden rows h with h - (their index) <= v: a binary
 * search, so a 100,000-row filter costs about 17 steps a drawn row.
 */
export class RowMap {
  static readonly NONE = new RowMap(new Int32Array(0));

  constructor(readonly hidden: Int32Array) {}

  /** How many rows are hidden. */
  get hiddenCount(): number {
    return this.hidden.length;
  }

  /** Whether sheet row `row` is hidden. */
  isHidden(row: number): boolean {
    const k = this.rank(row);
    return k < this.hidden.length && this.hidden[k] === row;
  }

  /** The sheet row drawn at view row `view`. */
  toSheet(view: number): number {
    const h = this.hidden;
    let lo = 0;
    let hi = h.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (h[mid] - mid <= view) lo = mid + 1;
      else hi = mid;
    }
    return view + lo;
  }

  /** The view row of sheet row `row` (a hidden row: where the next shown row is drawn). */
  toView(row: number): number {
    return row - this.rank(row);
  }

  /** The sheet row `delta` shown rows away from sheet row `row` (never below 0), for the arrow keys. */
  step(row: number, delta: number): number {
    // From a hidden row, the next shown row is one step down (toView already points at it).
    const from = this.toView(row) - (delta > 0 && this.isHidden(row) ? 1 : 0);
    return this.toSheet(Math.max(0, from + delta));
  }

  /** How many hidden rows lie before sheet row `row`. */
  private rank(row: number): number {
    const h = this.hidden;
    let lo = 0;
    let hi = h.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (h[mid] < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
