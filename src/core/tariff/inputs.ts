/**
 * Reading the arguments of the pricing and budget functions. Several column arguments must have
 * the same number of rows, or be one value that applies to every row; each cell reader returns the
 * value or the PbrError for that row, so one bad cell never spoils the rest of the range.
 */
import { PbrError, shapeErrors, tariffErrors } from "../errors";
import { MAX_SERIAL, minDate, workbookDateOffset } from "../dates";
import { isBlank, toNumber, type CellValue, type Grid } from "../values";

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
    return new PbrError("#VALUE!", `${what} must be a single column; got ${width} columns`);
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

export interface Columns {
  /** One column per argument, in the order given. */
  readonly cols: Column[];
  readonly rows: number;
}

/**
 * Turn `[argument, name]` pairs into columns. The first argument given as a column decides the
 * number of rows; any other column must match it.
 */
export function readColumns(args: readonly (readonly [CellValue, string])[]): Columns | PbrError {
  const cols: Column[] = [];
  for (const [value, what] of args) {
    const col = Column.of(value, what);
    if (col instanceof PbrError) return col;
    cols.push(col);
  }
  const decider = cols.find((c) => !c.single);
  const rows = decider ? decider.length : 1;
  for (const col of cols) {
    if (!col.single && col.length !== rows)
      return tariffErrors.lengthMismatch(col.what, col.length, decider!.what, rows);
  }
  return { cols, rows };
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
  if (cells > 1) return tariffErrors.notSingle(what, cells);
  return value;
}

/**
 * A date read from a cell, as core's 1900-system serial (time of day dropped; a 1904 workbook's
 * serial is moved by 1462 days). Text is #VALUE!; a number outside the workbook's dates is #NUM!.
 */
export function readDate(value: CellValue, row: number, what: string): number | PbrError {
  if (typeof value === "number") {
    const serial = value + workbookDateOffset();
    if (serial >= minDate() && serial <= MAX_SERIAL) return Math.floor(serial);
  }
  return dateProblem(value, row, what);
}

/** Why a value is not a usable date (call only when it is not). */
export function dateProblem(value: CellValue, row: number, what: string): PbrError {
  if (typeof value === "number" && Number.isFinite(value))
    return tariffErrors.dateOutOfRange(row, what, value);
  return shapeErrors.notDate(row, what, value);
}

/** A count or amount that may not be negative (days, admitted days, activity, costs). */
export function readNonNegative(value: CellValue, row: number, what: string): number | PbrError {
  const n = toNumber(value);
  if (n !== n) return shapeErrors.notNumber(row, what, value);
  if (n < 0) return shapeErrors.negative(row, what, n);
  return n;
}

/** Like readNonNegative, but blank means `fallback`. */
export function readOptionalNonNegative(
  value: CellValue,
  row: number,
  what: string,
  fallback: number
): number | PbrError {
  return isBlank(value) ? fallback : readNonNegative(value, row, what);
}

/** The financial year by the calendar year it starts in (2024 for 2024/25). */
export function readFyYear(value: CellValue, row: number): number | PbrError {
  const n = typeof value === "number" ? value : toNumber(value);
  if (n !== n) return tariffErrors.fyYearNotNumber(row, value);
  if (!Number.isInteger(n) || n < 1900 || n > 9998) return tariffErrors.fyYearOutOfRange(row, n);
  return n;
}
