/**
 * Readers of one cell of a column argument: each returns the value or the PbrError for that row
 * (row numbers count from 1, as the user sees the range). `what` names the argument in messages.
 */
import { PbrError, riskErrors, shapeErrors, tariffErrors } from "../errors";
import { MAX_SERIAL, minDate, workbookDateOffset } from "../dates";
import { isBlank, toNumber, type CellValue } from "../values";

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
    return shapeErrors.dateOutOfRange(row, what, value);
  return shapeErrors.notDate(row, what, value);
}

/** A count or amount that may not be negative (days, admitted days, activity, costs, £). */
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

/** An optional fraction such as a cap or collar (0.05 = 5%): null when blank, never negative. */
export function readOptionalFraction(
  value: CellValue,
  row: number,
  what: string
): number | null | PbrError {
  if (isBlank(value)) return null;
  return readNonNegative(value, row, what);
}

/** A rate from 0 to 1 (#NUM! outside). */
export function readRate(value: CellValue, row: number, what: string): number | PbrError {
  const n = toNumber(value);
  if (n !== n) return shapeErrors.notNumber(row, what, value);
  if (n < 0 || n > 1) return riskErrors.rateOutOfRange(row, what, n);
  return n;
}
