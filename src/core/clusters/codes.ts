/** Range-level lookups by cluster code: name, super class, review period, review due date. */
import { PbrError, clusterErrors, shapeErrors, type ResultCell } from "../errors";
import { MAX_SERIAL, minDate, workbookDateOffset } from "../dates";
import { checkLength, isBlank, pick, toColumn, toNumber, type CellValue } from "../values";
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
  const list = toColumn(codes, "code");
  if (list instanceof PbrError) return list;
  return list.map((value, i) => {
    if (isBlank(value)) return "";
    const info = clusterInfo(toNumber(value));
    return info ? each(info, i) : clusterErrors.unknownCluster(i + 1, value);
  });
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

export function reviewDueRange(codes: CellValue, starts: CellValue): ResultCell[] | PbrError {
  const startList = toColumn(starts, "start date");
  if (startList instanceof PbrError) return startList;
  const codeList = toColumn(codes, "code");
  if (codeList instanceof PbrError) return codeList;
  const rows = Math.max(codeList.length, startList.length);
  const mismatch =
    checkLength(codeList, rows, "the code column") ??
    checkLength(startList, rows, "the start date column");
  if (mismatch) return mismatch;
  const out: ResultCell[] = [];
  const offset = workbookDateOffset();
  for (let i = 0; i < rows; i++) {
    const code = pick(codeList, i);
    const start = pick(startList, i);
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
