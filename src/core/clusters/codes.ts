/** Range-level lookups by cluster code: name, super class, review period, review due date. */
import { PbrError, clusterErrors, shapeErrors, type ResultCell } from "../errors";
import { MAX_SERIAL, minDate, workbookDateOffset } from "../dates";
import { isBlank, toNumber, type CellValue } from "../values";
import { COLUMN, Column, column, readArgs } from "../args";
import {
  DEFAULT_REVIEW_DAYS,
  HALF_YEAR_CHOICES,
  YEAR_CHOICES,
  clusterInfo,
  reviewDays,
  reviewDue,
  type ClusterInfo,
} from "./reference";

function mapCodes(
  codes: CellValue,
  each: (info: ClusterInfo, i: number) => ResultCell
): ResultCell[] | PbrError {
  const list = Column.of(codes, "code");
  if (list instanceof PbrError) return list;
  const out = new Array<ResultCell>(list.length);
  for (let i = 0; i < list.length; i++) {
    const value = list.at(i);
    const info = isBlank(value) ? null : clusterInfo(toNumber(value));
    out[i] = isBlank(value)
      ? ""
      : info
        ? each(info, i)
        : clusterErrors.unknownCluster(i + 1, value);
  }
  return out;
}

export const nameRange = (codes: CellValue) => mapCodes(codes, (info) => info.name);
export const superclassRange = (codes: CellValue) => mapCodes(codes, (info) => info.superclass);

function choice(
  value: CellValue,
  choices: readonly number[],
  fallback: number,
  what: string
): number | PbrError {
  if (isBlank(value)) return fallback;
  const n = toNumber(value);
  return choices.includes(n)
    ? n
    : new PbrError("#NUM!", `${what} ${String(value)} is not allowed; use ${choices.join(", ")}`);
}

export function reviewDaysRange(
  codes: CellValue,
  halfYearDays: CellValue,
  yearDays: CellValue
): ResultCell[] | PbrError {
  const half = choice(
    halfYearDays,
    HALF_YEAR_CHOICES,
    DEFAULT_REVIEW_DAYS.halfYearDays,
    "days in 6 months"
  );
  if (half instanceof PbrError) return half;
  const year = choice(yearDays, YEAR_CHOICES, DEFAULT_REVIEW_DAYS.yearDays, "days in a year");
  if (year instanceof PbrError) return year;
  return mapCodes(codes, (info) => reviewDays(info, { halfYearDays: half, yearDays: year }));
}

/** PBR.REVIEWDUE's arguments. */
export const REVIEW_DUE = { code: COLUMN, startDate: column("start date") };

export function reviewDueRange(codes: CellValue, starts: CellValue): ResultCell[] | PbrError {
  const cols = readArgs(REVIEW_DUE, { code: codes, startDate: starts });
  if (cols instanceof PbrError) return cols;
  const { code: codeList, startDate: startList } = cols;
  const rows = cols.rows;
  const out: ResultCell[] = [];
  const offset = workbookDateOffset();
  for (let i = 0; i < rows; i++) {
    const code = codeList.at(i);
    const start = startList.at(i);
    if (isBlank(code) && isBlank(start)) {
      out.push("");
      continue;
    }
    const info = clusterInfo(toNumber(code));
    if (!info) {
      out.push(clusterErrors.unknownCluster(i + 1, code));
      continue;
    }
    // The workbook's serial as core's 1900-system serial, and the answer back in the workbook's.
    const serial = typeof start === "number" ? start + offset : NaN;
    if (!(serial >= minDate() && serial <= MAX_SERIAL)) {
      out.push(
        isBlank(start)
          ? shapeErrors.notDate(i + 1, "start date", start)
          : clusterErrors.notADate(i + 1, start)
      );
      continue;
    }
    out.push(reviewDue(info, serial) - offset);
  }
  return out;
}
