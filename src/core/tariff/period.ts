/**
 * PBR.PERIODPRICE: a code's (non-admitted) price per review period, per year or per day.
 *
 * - "period" (default): Period price if given; else Day price × Period days; else, for a care
 *   cluster only, Day price × the cluster's maximum review period in days (4 weeks 28, 12 weeks 84,
 *   15 weeks 105, 6 months 182, annual 365).
 * - "year": the period price × 365 / the period's days. Without a Period price this is simply
 *   Day price × 365, so any code with a day price has a yearly price.
 * - "day": the Day price.
 * Uses the code's latest row when the table is effective-dated (these functions take no date).
 */
import { PbrError, shapeErrors, tariffErrors } from "../errors";
import { NumberColumn } from "../results";
import { clusterInfo, reviewDays } from "../clusters/reference";
import { isBlank, toNumber, type CellValue } from "../values";
import { COLUMN, readArgs, readSingle } from "../args";
import { lookupPrice, quickPrice, type PriceRow, type PriceTable } from "./priceTable";

export type Basis = "period" | "year" | "day";
export const BASES: readonly Basis[] = ["period", "year", "day"];
export const DAYS_PER_YEAR = 365;

/** Read a basis argument; blank gives `fallback`. */
export function readBasis(arg: CellValue, fallback: Basis): Basis | PbrError {
  const value = readSingle(arg, "per");
  if (value instanceof PbrError) return value;
  if (isBlank(value)) return fallback;
  const text = typeof value === "string" ? value.trim().toLowerCase() : "";
  return (BASES as readonly string[]).includes(text)
    ? (text as Basis)
    : shapeErrors.badOption("per", value, BASES);
}

/** Days in a row's review period: Period days, else the care cluster's maximum review period, else NaN. */
function periodDaysOf(pr: PriceRow, code: CellValue): number {
  if (pr.periodDays === pr.periodDays) return pr.periodDays;
  const info = clusterInfo(typeof code === "number" ? code : toNumber(code));
  return info ? reviewDays(info) : NaN;
}

/** A price row's value on a basis, or the error naming what the table lacks. */
export function priceOnBasis(
  table: PriceTable,
  pr: PriceRow,
  basis: Basis,
  row: number,
  code: CellValue
): number | PbrError {
  const day = pr.day;
  const periodPrice = pr.periodPrice;
  if (basis === "day") return day === day ? day : noDayPrice(table, pr, row, code);
  if (basis === "year" && periodPrice !== periodPrice) {
    return day === day ? day * DAYS_PER_YEAR : noDayPrice(table, pr, row, code);
  }
  if (basis === "period" && periodPrice === periodPrice) return periodPrice;
  const days = periodDaysOf(pr, code);
  if (days !== days) return tariffErrors.noPeriod(row, code, table.name, pr.row);
  if (basis === "year") return (periodPrice * DAYS_PER_YEAR) / days;
  return day === day ? day * days : noDayPrice(table, pr, row, code);
}

function noDayPrice(table: PriceTable, pr: PriceRow, row: number, code: CellValue): PbrError {
  return tariffErrors.missingPrice(row, code, "Day price", table.name, pr.row);
}

/** PBR.PERIODPRICE's column argument. */
export const CODES = { code: COLUMN };

export function periodPriceRange(
  code: CellValue,
  prices: PriceTable,
  basis: CellValue
): NumberColumn | PbrError {
  const b = readBasis(basis, "period");
  if (b instanceof PbrError) return b;
  const read = readArgs(CODES, { code });
  if (read instanceof PbrError) return read;
  return NumberColumn.map(read.code, (c, row) => {
    const pr = quickPrice(prices, c, NaN) ?? lookupPrice(prices, c, row, NaN);
    return pr instanceof PbrError ? pr : priceOnBasis(prices, pr, b, row, c);
  });
}
