/**
 * Financial-year split (UK financial year 1 April – 31 March).
 *
 * PBR.FYDAYS: days of a cluster period (start and end both counted) inside the financial year
 * starting 1 April of `fyStartYear`. An open period (blank end) runs to that year's 31 March.
 *
 * PBR.FYCOST: the cost of that part of the period, at the price row in force on the period's start
 * date. Admitted days are apportioned pro rata: admitted × FY days / all days of the period, so the
 * costs over consecutive financial years add up to PBR.TARIFF of the whole period. For an open
 * period "all days" means start to the 31 March of the year asked about.
 */
import { PbrError, shapeErrors } from "../errors";
import { NumberColumn } from "../results";
import { MAX_SERIAL, fyEnd, fyStart, minDate, workbookDateOffset } from "../dates";
import { isBlank, type CellValue } from "../values";
import { COLUMN, column, dateProblem, parsed, readArgs, readFyYear, type ArgValues } from "../args";
import { readMff } from "./mff";
import { priceForRow, type PriceTable } from "./priceTable";
import { careCost, readAdmitted } from "./tariff";

/**
 * The financial year asked about, and the last period read against it. Reading a row fills the
 * fields in place (no object per row); the year's first/last serials are worked out only when the
 * year changes (most calls use one year).
 */
class FyWindow {
  private year: unknown = NaN;
  first = 0;
  last = 0;
  /** First day of the period. */
  start = 0;
  /** Last day of the period; for an open period, the 31 March of the year asked about. */
  end = 0;
  /** Days of the period inside the financial year. */
  inYear = 0;
  /** Workbook serial → core serial (1462 in a 1904 workbook), and the workbook serials that are dates. */
  private readonly offset = workbookDateOffset();
  private readonly lo = minDate() - this.offset;
  private readonly hi = MAX_SERIAL - this.offset;

  private setYear(year: number): void {
    if (year !== this.year) {
      this.year = year;
      this.first = fyStart(year);
      this.last = fyEnd(year);
    }
  }

  /** Read one row's start, end and year; null when fine, else the row's error. */
  read(s: CellValue, e: CellValue, y: CellValue, row: number): PbrError | null {
    if (y !== this.year) {
      const year = readFyYear(y, row);
      if (typeof year !== "number") return year;
      this.setYear(year);
    }
    // Dates are read in place rather than through readDate so no number is boxed per row.
    const { lo, hi, offset } = this;
    if (!(typeof s === "number" && s >= lo && s <= hi)) return dateProblem(s, row, "start");
    const start = ((s | 0) === s ? s : Math.floor(s)) + offset;
    let end = this.last;
    if (!isBlank(e)) {
      if (!(typeof e === "number" && e >= lo && e <= hi)) return dateProblem(e, row, "end");
      end = ((e | 0) === e ? e : Math.floor(e)) + offset;
      if (end < start) return shapeErrors.endBeforeStart(row, start, end);
    }
    const from = start > this.first ? start : this.first;
    const to = end < this.last ? end : this.last;
    this.start = start;
    this.end = end;
    this.inYear = to >= from ? to - from + 1 : 0;
    return null;
  }
}

/** PBR.FYDAYS's arguments. */
export const PERIOD = { start: COLUMN, end: COLUMN, fyStartYear: COLUMN };
/** PBR.FYCOST's arguments, in its order: the price table parsed before (by the adapter). */
export const FY_COST = {
  code: COLUMN,
  ...PERIOD,
  admittedDays: column("admitted days"),
  prices: parsed<PriceTable>(),
  mff: COLUMN,
};

/** PBR.FYDAYS per row: the period's days inside the financial year; blank rows blank. */
export function fyDaysRange(values: ArgValues<typeof PERIOD>): NumberColumn | PbrError {
  const read = readArgs(PERIOD, values);
  if (read instanceof PbrError) return read;
  const { start: starts, end: ends, fyStartYear: years } = read;
  const fy = new FyWindow();
  const out = new NumberColumn(read.rows);
  for (let i = 0; i < read.rows; i++) {
    const s = starts.at(i);
    const e = ends.at(i);
    if (isBlank(s) && isBlank(e) && years.blankOrShared(i)) {
      out.setBlank(i);
      continue;
    }
    const problem = fy.read(s, e, years.at(i), i + 1);
    out.set(i, problem ?? fy.inYear);
  }
  return out;
}

/** PBR.FYCOST per row: the cost of the part of the period inside the financial year. */
export function fyCostRange(values: ArgValues<typeof FY_COST>): NumberColumn | PbrError {
  const read = readArgs(FY_COST, values);
  if (read instanceof PbrError) return read;
  const prices = values.prices;
  const [codes, starts, ends, years, adms, mffs] = read.columns;
  const singleMff = mffs.single ? readMff(mffs.at(0), null) : 0;
  if (singleMff instanceof PbrError) return singleMff;
  const fy = new FyWindow();
  const out = new NumberColumn(read.rows);
  for (let i = 0; i < read.rows; i++) {
    const row = i + 1;
    const c = codes.at(i);
    const s = starts.at(i);
    const e = ends.at(i);
    const a = adms.at(i);
    if (isBlank(c) && isBlank(s) && isBlank(e) && adms.blankOrShared(i) && mffs.blankOrShared(i)) {
      out.setBlank(i);
      continue;
    }
    const problem = fy.read(s, e, years.at(i), row);
    if (problem) {
      out.set(i, problem);
      continue;
    }
    // An open period that starts after the year asked about has no days yet: nothing to check.
    const total = fy.end - fy.start + 1;
    const adm =
      a === null || a === undefined || a === 0 || total <= 0 ? 0 : readAdmitted(a, row, total);
    if (out.failed(i, adm)) continue;
    const f = mffs.single ? singleMff : readMff(mffs.at(i), row);
    if (out.failed(i, f)) continue;
    const pr = priceForRow(prices, c, row, fy.start, out, i);
    if (pr === null) continue;
    const inYear = fy.inYear;
    const admIn = adm === 0 || inYear === 0 ? 0 : (adm * inYear) / total;
    if (inYear === 0) out.values[i] = 0;
    else if (pr.day === pr.day && (admIn === 0 || pr.admitted === pr.admitted)) {
      // the usual case, worked out in place (same sum as careCost)
      out.values[i] =
        (admIn === 0 ? inYear * pr.day : (inYear - admIn) * pr.day + admIn * pr.admitted) * f;
    } else out.set(i, careCost(prices, pr, inYear, admIn, f, row, c));
  }
  return out;
}
