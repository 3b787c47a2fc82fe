/**
 * Excel date serials (1900 date system) and the UK financial year.
 *
 * Serial 1 is 1 January 1900. Excel counts a 29 February 1900 that never existed (serial 60), so
 * from 1 March 1900 (serial 61) on, serial = days since 30 December 1899. Serials 1–59 are days
 * since 31 December 1899. We never produce serial 60.
 *
 * Core works in 1900-system serials only. A workbook in the 1904 date system (some Mac workbooks)
 * stores the same day as (1900 serial − 1462), serial 0 being 1 January 1904: the date system is
 * one setting here, and every place that reads a date from a cell or writes one to a workbook
 * converts at that edge (`fromWorkbookSerial` / `toWorkbookSerial`).
 */

const MS_PER_DAY = 86_400_000;
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);

export interface Ymd {
  year: number;
  month: number; // 1–12
  day: number;
}

export function serialToYmd(serial: number): Ymd {
  const whole = Math.floor(serial);
  const days = whole < 61 ? whole + 1 : whole; // shift the pre-March-1900 serials past the phantom day
  const d = new Date(EPOCH_1899_12_30 + days * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function ymdToSerial(year: number, month: number, day: number): number {
  const days = Math.round((Date.UTC(year, month - 1, day) - EPOCH_1899_12_30) / MS_PER_DAY);
  return days < 61 ? days - 1 : days;
}

/** Whether year/month/day name a real calendar day (rejects 31/02/2024). */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Excel's EDATE: the same day `months` later, clipped to the end of a shorter month. */
export function edate(serial: number, months: number): number {
  const { year, month, day } = serialToYmd(serial);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return ymdToSerial(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Smallest serial we accept as a date (1 January 1900) and largest (31 December 9999). */
export const MIN_SERIAL = 1;
export const MAX_SERIAL = 2_958_465;

export type DateSystem = 1900 | 1904;

/** Days between the two systems: a 1904-system serial + 1462 is the 1900-system serial. */
export const DAYS_1904_TO_1900 = 1462;

let dateSystem: DateSystem = 1900;
let offset = 0;
/** Whether any date has been read or written under the setting since it was last set. */
let datesRead = false;

/**
 * The workbook's date system, for every date read from or written to a cell from now on. The
 * adapters set it once per workbook (the Office adapter reads it from Excel); the playground's
 * engine is always 1900. Tests that set 1904 must set 1900 again afterwards.
 */
export function setDateSystem(system: DateSystem): void {
  dateSystem = system;
  offset = system === 1904 ? DAYS_1904_TO_1900 : 0;
  datesRead = false;
}

export function getDateSystem(): DateSystem {
  return dateSystem;
}

/**
 * Days to add to a workbook serial to get core's (1900-system) serial: 0, or 1462 in a 1904
 * workbook. Hot loops read it once and add it per value.
 */
export function workbookDateOffset(): number {
  datesRead = true;
  return offset;
}

/** A serial as the workbook stores it → core's 1900-system serial. */
export function fromWorkbookSerial(serial: number): number {
  datesRead = true;
  return serial + offset;
}

/** Core's 1900-system serial → the serial to write into the workbook. */
export function toWorkbookSerial(serial: number): number {
  datesRead = true;
  return serial - offset;
}

/**
 * Whether a date was read from (or written to) a cell since the date system was last set: when
 * the workbook turns out to be 1904 after functions already answered, they must calculate again.
 */
export function datesWereRead(): boolean {
  return datesRead;
}

/** The first date the workbook's system can hold, as core's serial (1 January 1900 or 1904). */
export function minDate(): number {
  return offset === 0 ? MIN_SERIAL : DAYS_1904_TO_1900;
}

/**
 * The dates the workbook can hold, for messages: "1900 to 9999, serials 1 to 2958465", or in a
 * 1904 workbook "1904 to 9999, serials 0 to 2957003 in the 1904 date system".
 */
export function workbookDateRange(): string {
  const serials = `serials ${minDate() - offset} to ${MAX_SERIAL - offset}`;
  return offset === 0
    ? `1900 to 9999, ${serials}`
    : `1904 to 9999, ${serials} in the 1904 date system`;
}

/**
 * A date system as a user writes it (1900, 1904, "1904", " 1904 "); null for anything else. Used
 * for the workbook name that states the system where Excel cannot tell us.
 */
export function parseDateSystem(value: unknown): DateSystem | null {
  const n =
    typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : NaN;
  return n === 1900 || n === 1904 ? n : null;
}

/** Serial of 1 April of `fyStartYear` (the first day of that UK financial year). */
export function fyStart(fyStartYear: number): number {
  return ymdToSerial(fyStartYear, 4, 1);
}

/** Serial of 31 March of the following year (the last day of that UK financial year). */
export function fyEnd(fyStartYear: number): number {
  return ymdToSerial(fyStartYear + 1, 3, 31);
}

/** The financial year (by its starting calendar year) that contains a serial date. */
export function fyOf(serial: number): number {
  const { year, month } = serialToYmd(serial);
  return month >= 4 ? year : year - 1;
}
