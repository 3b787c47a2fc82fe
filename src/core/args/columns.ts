/**
 * The one reader of column arguments, for every function family. An argument is one value that
 * applies to every row, a one-column range (Excel's rows of one cell) or a single row of values;
 * several column arguments must have the same number of rows. Columns are read in place (no
 * copy), so a million-row range costs nothing until a row is looked at. Cell readers (cells.ts)
 * then return each row's value or the PbrError for that row, so one bad cell never spoils the
 * rest of the range.
 */
import { PbrError, shapeErrors } from "../errors";
import { isBlank, type CellValue, type Grid } from "../values";
/**
 * One column argument read in place (no copy): a single value that applies to every row, a
 * one-column range (Excel's rows of one cell), or a single row of values.
 */
export class Column {
  private constructor(
    readonly what: string,
    readonly length: number,
    /** One value for every row. */
    readonly single: boolean,
    private readonly first: CellValue,
    private readonly grid: Grid | null,
    private readonly flat: readonly CellValue[] | null
  ) {}

  static of(arg: CellValue, what: string): Column | PbrError {
    if (!Array.isArray(arg)) return new Column(what, 1, true, arg, null, null);
    const rows = arg as unknown[];
    if (rows.length === 0) return new Column(what, 0, false, null, null, []);
    if (!Array.isArray(rows[0])) return Column.flat(what, rows);
    const width = (rows[0] as unknown[]).length;
    if (width === 1) {
      if (rows.length === 1)
        return new Column(what, 1, true, (rows[0] as unknown[])[0], null, null);
      return new Column(what, rows.length, false, null, rows as Grid, null);
    }
    if (rows.length === 1) return Column.flat(what, rows[0] as unknown[]);
    return shapeErrors.notColumn(what, width);
  }

  private static flat(what: string, values: readonly CellValue[]): Column {
    return values.length === 1
      ? new Column(what, 1, true, values[0], null, null)
      : new Column(what, values.length, false, null, null, values);
  }

  /** The value for row i (0-based). */
  at(i: number): CellValue {
    if (this.single) return this.first;
    return this.grid !== null ? this.grid[i][0] : this.flat![i];
  }

  /**
   * For deciding whether row i is a blank row: true when this column is blank there, or is one
   * value shared by every row (a shared value such as an MFF never makes a row non-blank).
   */
  blankOrShared(i: number): boolean {
    return this.single || isBlank(this.at(i));
  }
}

/** The rows columns share: the first given as a column decides; one value for every row is 1. */
export function rowsOf(cols: readonly Column[]): number | PbrError {
  const decider = cols.find((c) => !c.single);
  const rows = decider ? decider.length : 1;
  for (const col of cols) {
    if (!col.single && col.length !== rows)
      return shapeErrors.lengthMismatch(col.what, col.length, decider!.what, rows);
  }
  return rows;
}

/** An argument that must be one value (a 1×1 range is fine). */
export function readSingle(arg: CellValue, what: string): CellValue | PbrError {
  if (!Array.isArray(arg)) return arg;
  let cells = 0;
  let value: CellValue = null;
  for (const row of arg as unknown[]) {
    if (Array.isArray(row)) {
      cells += row.length;
      if (row.length > 0) value = row[0];
    } else {
      cells += 1;
      value = row;
    }
  }
  if (cells > 1) return shapeErrors.notSingle(what, cells);
  return value;
}

/**
 * Is row `i` blank? The columns given as a column (more than one row) decide, so one plan against
 * a column of actuals with gaps gives blank rows at the gaps. When every argument is a single
 * value, the row is blank when they all are.
 */
export function isBlankAt(cols: readonly Column[], i: number): boolean {
  let columns = 0;
  for (const col of cols) {
    if (!col.single) {
      columns++;
      if (!isBlank(col.at(i))) return false;
    }
  }
  if (columns > 0) return true;
  for (const col of cols) if (!isBlank(col.at(0))) return false;
  return true;
}

/** A column argument that must have exactly `rows` rows (or be one value for every row). */
export function readColumnOf(
  arg: CellValue,
  what: string,
  rows: number,
  other: string
): Column | PbrError {
  const col = Column.of(arg, what);
  if (col instanceof PbrError || col.single || col.length === rows) return col;
  return shapeErrors.lengthMismatch(what, col.length, other, rows);
}
