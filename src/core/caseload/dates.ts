/**
 * Dates in caseload exports → Excel serial numbers. Accepted: day-first text (dd/mm/yyyy,
 * d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, 31 Jan 2024, 31-Jan-2024), ISO yyyy-mm-dd with an optional
 * time, Excel serial numbers (as numbers or digits), and Date objects from an XLSX reader.
 * Month-first text is never guessed: 12/31/2024 is refused with its own reason.
 */
import { MAX_SERIAL, minDate, ymdToSerial } from "../dates";
import { showDate } from "../errors";

/** Why a value is not a date; the validator turns this into a reject reason. */
export type DateProblem = "notADate" | "noSuchDay" | "monthFirst" | "twoDigitYear" | "outOfRange";

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;
const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const NAMED = /^(\d{1,2})[\s-]+([a-z]{3,9})[\s-]+(\d{4})$/i;
const SERIAL = /^\d+(?:\.\d+)?$/;
const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** 1–12 for "Jan", "January", "Sept"…; 0 when not an English month name. */
function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  const i = MONTHS.findIndex((full) => full.startsWith(lower.slice(0, 3)));
  if (i < 0) return 0;
  return lower.length === 3 || lower === MONTHS[i] || (lower === "sept" && i === 8) ? i + 1 : 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `isValidYmd` without building a Date (this runs twice a row on large files). */
function realDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (day <= MONTH_DAYS[month - 1]) return true;
  return month === 2 && day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function fromYmd(year: number, month: number, day: number): number | DateProblem {
  if (!realDay(year, month, day)) return "noSuchDay";
  const serial = ymdToSerial(year, month, day);
  return serial >= minDate() && serial <= MAX_SERIAL ? serial : "outOfRange";
}

function fromSerial(n: number): number | DateProblem {
  if (!Number.isFinite(n)) return "notADate";
  const whole = Math.floor(n); // a time of day is dropped
  return whole >= minDate() && whole <= MAX_SERIAL ? whole : "outOfRange";
}

function fromText(text: string): number | DateProblem {
  let m = DAY_FIRST.exec(text);
  if (m) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (m[3].length === 2) return "twoDigitYear";
    const year = Number(m[3]);
    if (realDay(year, month, day)) return fromYmd(year, month, day);
    // 12/31/2024: not a day-first date, but it would be one month-first. Say so; never swap.
    return month > 12 && day <= 12 && realDay(year, day, month) ? "monthFirst" : "noSuchDay";
  }
  m = ISO.exec(text);
  if (m) return fromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NAMED.exec(text);
  if (m) {
    const month = monthNumber(m[2]);
    return month === 0 ? "notADate" : fromYmd(Number(m[3]), month, Number(m[1]));
  }
  if (SERIAL.test(text)) return fromSerial(Number(text));
  return "notADate";
}

/**
 * A cell of a file as an Excel serial date (whole days, 1900 system: a serial number in a file is
 * taken as a 1900-system serial), or the reason it is not one. Dates before the workbook's first
 * date (1 January 1904 in a 1904 workbook) are out of range. Blank cells are the caller's business
 * (test `isBlank` first).
 */
export function parseCaseloadDate(value: unknown): number | DateProblem {
  if (typeof value === "number") return fromSerial(value);
  if (typeof value === "string") return fromText(value.trim());
  if (value instanceof Date) {
    const t = value.getTime();
    if (!Number.isFinite(t)) return "notADate";
    // XLSX readers give dates as UTC midnight; round to the nearest minute to absorb float error.
    const d = new Date(Math.round(t / 60_000) * 60_000);
    return fromYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return "notADate";
}

/** dd/mm/yyyy for messages (the one date format of every message, errors.ts `showDate`). */
export const formatSerial = showDate;
