/**
 * PBR.MHNRGPRICE: the 2026/27 indicative unit price of a resource group (per bed day for family
 * 98, per contact otherwise), times the Market Forces Factor. A code with no row in the table is
 * priced at the first of: its group's Z setting, MBU with the same family and setting, MBU's Z
 * setting for the family. A specialised code (listed with no price: commissioned by NHS England)
 * is #N/A saying so, unless the user asks for that same fallback.
 */
import { PbrError, type ResultCell } from "../errors";
import { COLUMN, readArgs } from "../args";
import { NumberColumn } from "../results";
import { readMff } from "../tariff/mff";
import { isBlank, scalar, toKey, type CellValue } from "../values";
import { mhnrgErrors } from "./errors";
import { readFlag } from "./group";
import { CODE_PATTERN, mhnrgName, type MhnrgPrice } from "./tables";

export interface Priced {
  price: number;
  unit: string;
  /** The code whose price was used (differs from the code asked for after a fallback). */
  priced: string;
  note: string;
}

function fallbacks(code: string): string[] {
  const family = code.slice(3, 5);
  const setting = code[5];
  const group = code.slice(0, 3);
  const out = [
    `${group}${family}Z`,
    `MBU${family === "99" ? "97" : family}${setting}`,
    `MBU${family === "99" ? "97" : family}Z`,
  ];
  return out.filter((c) => c !== code);
}

export function priceFor(
  prices: Map<string, MhnrgPrice>,
  value: CellValue,
  row: number,
  fallback: boolean
): Priced | PbrError {
  const code = toKey(value).toUpperCase();
  if (!CODE_PATTERN.test(code)) return mhnrgErrors.unknownCode(row, value);
  const own = prices.get(code);
  if (own && own.price !== null)
    return { price: own.price, unit: own.unit, priced: code, note: "" };
  if (own && !fallback) return mhnrgErrors.specialised(row, code);
  for (const alt of fallbacks(code)) {
    const p = prices.get(alt);
    if (p && p.price !== null) {
      const why = own
        ? `${code} is specialised (out of scope); priced as ${alt} on request`
        : `${code} has no price in the table; priced as ${alt}`;
      return { price: p.price, unit: p.unit, priced: alt, note: why };
    }
  }
  return mhnrgErrors.noPrice(row, code);
}

/** PBR.MHNRGPRICE's column arguments. */
export const PRICED = { code: COLUMN, mff: COLUMN };
/** PBR.MHNRGNAME's argument. */
export const NAMED = { code: COLUMN };

/**
 * PBR.MHNRGPRICE over a column of codes (and one MFF or a column of them): price × MFF per row as
 * numbers, or with `detail` rows of [price, unit, code priced, note]. Blank codes give blank rows.
 */
export function mhnrgPriceRange(
  prices: Map<string, MhnrgPrice>,
  code: CellValue,
  mff: CellValue,
  detail: CellValue,
  fallback: CellValue
): NumberColumn | ResultCell[][] | PbrError {
  const wantDetail = readFlag(scalar(detail), 1, "detail");
  if (wantDetail instanceof PbrError) return wantDetail;
  const useFallback = readFlag(scalar(fallback), 1, "fallback");
  if (useFallback instanceof PbrError) return useFallback;
  const cols = readArgs(PRICED, { code, mff });
  if (cols instanceof PbrError) return cols;
  const { code: codes, mff: mffs } = cols;
  /** Row i's price and MFF, or its error; null for a blank code. */
  const row = (i: number): { p: Priced; f: number } | PbrError | null => {
    const v = codes.at(i);
    if (isBlank(v)) return null;
    const f = readMff(mffs.at(i), i + 1);
    if (f instanceof PbrError) return f;
    const p = priceFor(prices, v, i + 1, useFallback);
    return p instanceof PbrError ? p : { p, f };
  };
  if (wantDetail) {
    const rows: ResultCell[][] = new Array(cols.rows);
    for (let i = 0; i < cols.rows; i++) {
      const r = row(i);
      rows[i] =
        r === null
          ? ["", "", "", ""]
          : r instanceof PbrError
            ? [r, r, r, r]
            : [r.p.price * r.f, r.p.unit, r.p.priced, r.p.note];
    }
    return rows;
  }
  const out = new NumberColumn(cols.rows);
  for (let i = 0; i < cols.rows; i++) {
    const r = row(i);
    if (r === null) out.setBlank(i);
    else out.set(i, r instanceof PbrError ? r : r.p.price * r.f);
  }
  return out;
}

/** PBR.MHNRGNAME over a column of codes: each code's name; blank rows blank. */
export function mhnrgNameRange(code: CellValue): ResultCell[] | PbrError {
  const cols = readArgs(NAMED, { code });
  if (cols instanceof PbrError) return cols;
  const out = new Array<ResultCell>(cols.rows);
  for (let i = 0; i < cols.rows; i++) {
    const v = cols.code.at(i);
    out[i] = isBlank(v)
      ? ""
      : (mhnrgName(toKey(v).toUpperCase()) ?? mhnrgErrors.unknownCode(i + 1, v));
  }
  return out;
}
