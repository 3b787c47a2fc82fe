/**
 * Arguments shared by the risk-share functions, declared once: columns that are one value or one
 * per contract, money amounts that may not be negative, optional cap/collar fractions, and the
 * two band tables.
 */
import { PbrError, riskErrors, shapeErrors } from "../errors";
import { isBlank, isOmitted, toColumn, toNumber, type CellValue } from "../values";
import { parseBands, type Bands } from "./bands";

export interface Arg {
  readonly value: CellValue;
  /** How the argument is named in messages ("plan", "actual", "cap"…). */
  readonly what: string;
}

export interface Columns {
  readonly lists: CellValue[][];
  /** Rows in the answer: the longest column. */
  readonly rows: number;
}

/**
 * Read each argument as a column. Every column must be one value (applies to every row) or as
 * long as the longest; otherwise one error naming both lengths.
 */
export function readColumns(args: readonly Arg[]): Columns | PbrError {
  const lists: CellValue[][] = [];
  let rows = 0;
  let longest = "";
  for (const a of args) {
    const list = toColumn(a.value, a.what);
    if (list instanceof PbrError) return list;
    lists.push(list);
    if (list.length > rows) {
      rows = list.length;
      longest = a.what;
    }
  }
  for (let i = 0; i < args.length; i++) {
    const n = lists[i].length;
    if (n !== 1 && n !== rows) return riskErrors.columnLengths(args[i].what, n, longest, rows);
  }
  return { lists, rows };
}

/**
 * Is row `i` blank? Looks at the given data columns: those given as a column (more than one row)
 * decide, so one plan against a column of actuals with gaps gives blank rows at the gaps. When
 * every argument is a single value, the row is blank when they all are.
 */
export function isBlankAt(lists: readonly (readonly CellValue[])[], i: number): boolean {
  let columns = 0;
  for (const list of lists) {
    if (list.length > 1) {
      columns++;
      if (!isBlank(list[i])) return false;
    }
  }
  if (columns > 0) return true;
  for (const list of lists) if (!isBlank(list[0])) return false;
  return true;
}

/** A money amount or activity count that must be given and not negative. */
export function readAmount(value: CellValue, row: number, what: string): number | PbrError {
  const n = toNumber(value);
  if (Number.isNaN(n)) return shapeErrors.notNumber(row, what, value);
  if (n < 0) return shapeErrors.negative(row, what, n);
  return n;
}

/** An optional fraction such as a cap or collar (0.05 = 5%): null when blank, never negative. */
export function readOptionalFraction(
  value: CellValue,
  row: number,
  what: string
): number | null | PbrError {
  if (isBlank(value)) return null;
  return readAmount(value, row, what);
}

/** A rate from 0 to 1 (#NUM! outside). */
export function readRate(value: CellValue, row: number, what: string): number | PbrError {
  const n = toNumber(value);
  if (Number.isNaN(n)) return shapeErrors.notNumber(row, what, value);
  if (n < 0 || n > 1) return riskErrors.rateOutOfRange(row, what, n);
  return n;
}

export interface BandPair {
  /** Applies when activity is above plan. */
  readonly over: Bands;
  /** Applies when activity is below plan (the same table unless one was given). */
  readonly under: Bands;
}

/** The band table, and the under-performance table (defaults to the same table when omitted). */
export function readBandPair(bands: CellValue, underBands: CellValue): BandPair | PbrError {
  const over = parseBands(bands, "bands");
  if (over instanceof PbrError) return over;
  if (isOmitted(underBands)) return { over, under: over };
  const under = parseBands(underBands, "under-performance bands");
  if (under instanceof PbrError) return under;
  return { over, under };
}

/** Clamp a payment to [base × (1 − collar), base × (1 + cap)]; null means no limit that side. */
export function clamp(
  payment: number,
  base: number,
  cap: number | null,
  collar: number | null
): number {
  if (cap !== null) {
    const hi = base * (1 + cap);
    if (payment > hi) return hi;
  }
  if (collar !== null) {
    const lo = base * (1 - collar);
    if (payment < lo) return lo;
  }
  return payment;
}
