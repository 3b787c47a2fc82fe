/**
 * One cell of a caseload row → the value written to the Caseload sheet, or why it cannot be.
 * Each converter takes the file's row number for its message; blank handling is per field.
 */
import { PbrError, caseloadErrors, clusterErrors, shapeErrors } from "../errors";
import { isBlank, toNumber } from "../values";
import { CLUSTER_NINE, NOT_CLUSTERED, clusterInfo } from "../clusters/reference";
import { parseCaseloadDate, formatSerial, type DateProblem } from "./dates";

// 99 and 9 are imported as they are and flagged in the note (the validator) for checking.
export { CLUSTER_NINE, NOT_CLUSTERED };

/** A value as it goes on the sheet. */
export type OutValue = string | number | null;

/**
 * Text as a cell value that stays text. In a write a leading "=" marks a formula and a leading
 * apostrophe is Excel's text prefix (not part of the value), so text starting with either gets the
 * prefix: "=HYPERLINK(…)" is written as `'=HYPERLINK(…)` and "'quoted" as `''quoted`. Other text
 * that Excel would read as a number, date or formula (+ - @, "00123", "Mar-24") is kept as text by
 * the workbook adapters (workbook/cellText.ts), which add the prefix where it is needed.
 */
export function safeText(text: string): string {
  const first = text.charCodeAt(0);
  return first === 0x3d || first === 0x27 ? `'${text}` : text;
}

/** A cell as text for the reject report (dates from XLSX shown as dd/mm/yyyy). */
export function reportValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (typeof value === "string") return safeText(value);
  if (value instanceof Date) {
    const serial = parseCaseloadDate(value);
    return typeof serial === "number" ? formatSerial(serial) : String(value);
  }
  return String(value);
}

export function convertId(value: unknown, row: number): string | PbrError {
  if (isBlank(value)) return caseloadErrors.missing(row, "ID");
  if (typeof value === "string") return safeText(value.trim());
  return String(reportValue(value));
}

export function convertText(value: unknown): OutValue {
  if (isBlank(value)) return null;
  if (typeof value === "string") return safeText(value.trim());
  return reportValue(value);
}

const CLUSTER_TEXT =
  /^(?:care\s*cluster|cluster|c)?\s*(\d{1,3})(?:\.0+)?(?:\s*[-:–—]\s*.*|\s+[a-z(].*)?$/i;

/** A care cluster code (clusters/reference.ts), CLUSTER_NINE or NOT_CLUSTERED (flagged by the caller). */
export function convertCluster(value: unknown, row: number): number | PbrError {
  if (isBlank(value)) return caseloadErrors.missing(row, "cluster");
  let n: number;
  if (typeof value === "number") n = value;
  else if (typeof value === "string") {
    const m = CLUSTER_TEXT.exec(value.trim());
    n = m ? Number(m[1]) : NaN;
  } else n = NaN;
  if (n === NOT_CLUSTERED || n === CLUSTER_NINE || clusterInfo(n) !== undefined) return n;
  return caseloadErrors.badCluster(row, value);
}

function dateError(problem: DateProblem, row: number, field: string, value: unknown): PbrError {
  switch (problem) {
    case "noSuchDay":
      return caseloadErrors.noSuchDay(row, field, value);
    case "monthFirst":
      return caseloadErrors.monthFirst(row, field, value);
    case "twoDigitYear":
      return caseloadErrors.twoDigitYear(row, field, value);
    case "outOfRange":
      return shapeErrors.dateOutOfRange(row, field, value);
    default:
      return caseloadErrors.notADate(row, field, value);
  }
}

/** A date as an Excel serial; blank gives null (the caller decides whether blank is allowed). */
export function convertDate(value: unknown, row: number, field: string): number | null | PbrError {
  if (isBlank(value)) return null;
  const parsed = parseCaseloadDate(value);
  return typeof parsed === "number" ? parsed : dateError(parsed, row, field, value);
}

/** Admitted days: blank, or a whole number ≥ 0. */
export function convertDays(value: unknown, row: number): number | null | PbrError {
  if (isBlank(value)) return null;
  const n = toNumber(value);
  if (Number.isNaN(n)) return shapeErrors.notNumber(row, "admitted days", value);
  if (n < 0) return shapeErrors.negative(row, "admitted days", n);
  if (!Number.isInteger(n)) return caseloadErrors.notWholeNumber(row, "admitted days", value);
  return n;
}

/** An MHCT rating: blank, 0–4, or 9 (not known, kept as 9). */
export function convertRating(value: unknown, row: number, item: string): number | null | PbrError {
  if (typeof value === "string" && value.length === 1) {
    const c = value.charCodeAt(0) - 48; // one digit, the usual case
    if ((c >= 0 && c <= 4) || c === 9) return c;
  }
  if (isBlank(value)) return null;
  const n = toNumber(value);
  if (n === 9 || (Number.isInteger(n) && n >= 0 && n <= 4)) return n;
  return clusterErrors.ratingOutOfRange(row, item, value);
}
