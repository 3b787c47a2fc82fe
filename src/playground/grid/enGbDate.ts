/**
 * A date typed or pasted into an en-GB Excel workbook: day first, as Excel reads it with UK
 * regional settings. Accepted: d/m/yyyy, dd/mm/yyyy, d/m/yy, dd-mm-yyyy (and with "-" any of
 * those) and ISO yyyy-mm-dd (or yyyy/mm/dd). A two-digit year is 2000–2029 for 00–29 and
 * 1930–1999 for 30–99, Excel's window. The day must exist (31/02/2026 stays text) and be one the
 * workbook's date system holds (1900 to 9999, or 1904 to 9999). Times, month names and day-month
 * without a year are not read as dates here: they stay text.
 */
import {
  MAX_SERIAL,
  getDateSystem,
  isValidYmd,
  minDate,
  toWorkbookSerial,
  ymdToSerial,
} from "../../core/dates";

/** The number format a typed or pasted date gets, as Excel's en-GB short date shows it. */
export const DATE_FORMAT = "dd/mm/yyyy";

const DAY_FIRST = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})$/;
const YEAR_FIRST = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})$/;

/** Excel's two-digit year window: 00–29 are 2000s, 30–99 are 1900s. */
function fullYear(digits: string): number {
  const n = Number(digits);
  return digits.length === 4 ? n : n < 30 ? 2000 + n : 1900 + n;
}

/**
 * The serial (in the workbook's date system) of a day-first or ISO date, or null when `text` is not
 * a date Excel would take: another shape, a day that does not exist, or one outside the system.
 */
export function enGbDate(text: string): number | null {
  const t = text.trim();
  let year: number, month: number, day: number;
  const dayFirst = DAY_FIRST.exec(t);
  const yearFirst = dayFirst ? null : YEAR_FIRST.exec(t);
  if (dayFirst)
    [day, month, year] = [Number(dayFirst[1]), Number(dayFirst[3]), fullYear(dayFirst[4])];
  else if (yearFirst)
    [year, month, day] = [Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4])];
  else return null;
  // Excel's 1900 system has a 29 February 1900 (serial 60), kept for Lotus 1-2-3; typing it gives 60.
  if (year === 1900 && month === 2 && day === 29) return getDateSystem() === 1900 ? 60 : null;
  if (!isValidYmd(year, month, day)) return null;
  const serial = ymdToSerial(year, month, day);
  if (serial < minDate() || serial > MAX_SERIAL) return null;
  return toWorkbookSerial(serial);
}
