/**
 * Excel date serials (1900 date system) and the UK financial year.
 *
 * Serial 1 is 1 January 1900. Excel counts a 29 February 1900 that never existed (serial 60), so
 * from 1 March 1900 (serial 61) on, serial = days since 30 December 1899. Serials 1–59 are days
 * since 31 December 1899. We never produce serial 60.
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
