/**
 * PBR.TARIFF: the price of a spell of care at a code's day prices.
 *   (days − admittedDays) × Day price + admittedDays × Admitted day price, × MFF.
 * Not rounded: round the answer (or its total) to the penny where you need to.
 */
import { MAX_NUMBER, PbrError, tariffErrors } from "../errors";
import { NumberColumn } from "../results";
import { isBlank, type CellValue } from "../values";
import { readMff } from "./mff";
import {
  COLUMN,
  column,
  parsed,
  readArgs,
  readNonNegative,
  readOptionalNonNegative,
  type ArgValues,
} from "../args";
import { priceForRow, type PriceRow, type PriceTable } from "./priceTable";

// Module-local copy of the input bound for the per-row fast path (CommonJS getter cost).
const MAX_DAYS = MAX_NUMBER;
/** PBR.TARIFF's arguments, in its order: the price table parsed before (by the adapter). */
export const TARIFF = {
  code: COLUMN,
  days: COLUMN,
  admittedDays: column("admitted days"),
  prices: parsed<PriceTable>(),
  mff: COLUMN,
};

/**
 * Price of `days` days of care, `admitted` of them admitted, at price row `pr`, times `mff`.
 * `row` and `code` only name the input row in messages.
 */
export function careCost(
  table: PriceTable,
  pr: PriceRow,
  days: number,
  admitted: number,
  mff: number,
  row: number,
  code: CellValue
): number | PbrError {
  const day = pr.day;
  if (day !== day) return tariffErrors.missingPrice(row, code, "Day price", table.name, pr.row);
  if (admitted === 0) return days * day * mff;
  const adm = pr.admitted;
  if (adm !== adm) {
    return tariffErrors.missingPrice(
      row,
      code,
      "Admitted day price",
      table.name,
      pr.row,
      `, but ${admitted} admitted days were given`
    );
  }
  return ((days - admitted) * day + admitted * adm) * mff;
}

/** Read the admitted days for a row, checked against the days of the period. */
export function readAdmitted(value: CellValue, row: number, days: number): number | PbrError {
  const a = readOptionalNonNegative(value, row, "admitted days", 0);
  if (typeof a === "number" && a > days) return tariffErrors.admittedOverDays(row, a, days);
  return a;
}

/** PBR.TARIFF per row at the price table given; blank rows blank, a bad row its own error. */
export function tariffRange(values: ArgValues<typeof TARIFF>): NumberColumn | PbrError {
  const read = readArgs(TARIFF, values);
  if (read instanceof PbrError) return read;
  const prices = values.prices;
  const [codes, dayCol, admCol, mffCol] = read.columns;
  const singleMff = mffCol.single ? readMff(mffCol.at(0), null) : 0;
  if (singleMff instanceof PbrError) return singleMff;

  const out = new NumberColumn(read.rows);
  for (let i = 0; i < read.rows; i++) {
    const row = i + 1;
    const c = codes.at(i);
    const d = dayCol.at(i);
    const a = admCol.at(i);
    if (
      isBlank(c) &&
      dayCol.blankOrShared(i) &&
      admCol.blankOrShared(i) &&
      mffCol.blankOrShared(i)
    ) {
      out.setBlank(i);
      continue;
    }
    const n =
      typeof d === "number" && d >= 0 && d <= MAX_DAYS ? d : readNonNegative(d, row, "days");
    if (out.failed(i, n)) continue;
    const adm =
      a === null || a === undefined || a === 0
        ? 0
        : typeof a === "number" && a > 0 && a <= n
          ? a
          : readAdmitted(a, row, n);
    if (out.failed(i, adm)) continue;
    const f = mffCol.single ? singleMff : readMff(mffCol.at(i), row);
    if (out.failed(i, f)) continue;
    const pr = priceForRow(prices, c, row, NaN, out, i);
    if (pr === null) continue;
    if (pr.day === pr.day && (adm === 0 || pr.admitted === pr.admitted)) {
      // the usual case, worked out in place (same sum as careCost)
      out.values[i] = (adm === 0 ? n * pr.day : (n - adm) * pr.day + adm * pr.admitted) * f;
    } else out.set(i, careCost(prices, pr, n, adm, f, row, c));
  }
  return out;
}
