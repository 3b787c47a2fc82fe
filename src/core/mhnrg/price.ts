/**
 * PBR.MHNRGPRICE: the 2026/27 indicative unit price of a resource group (per bed day for family
 * 98, per contact otherwise), times the Market Forces Factor. A code with no row in the table is
 * priced at the first of: its group's Z setting, MBU with the same family and setting, MBU's Z
 * setting for the family. A specialised code (listed with no price: commissioned by NHS England)
 * is #N/A saying so, unless the user asks for that same fallback.
 *
 * A MAZ99Z inpatient spell (cross-cutting crisis: MAZ99 has only a contact price) is priced per
 * bed day at the unclassified bed-day price of its ward's setting (bed type 200, acute → MBU98A
 * £624.17; "unknown" → MBU98Z), as the grouper's users price it (DOMAIN.md section 10). Its bed
 * type comes in `bedType`; a row with no bed type is a contact. Every answer carries the source's
 * note on the price it used (an estimate, core commissioned only, specialised).
 */
import { PbrError, type ResultCell } from "../errors";
import { COLUMN, readArgs } from "../args";
import { NumberColumn } from "../results";
import { readMff } from "../tariff/mff";
import { isBlank, scalar, toKey, type CellValue } from "../values";
import { mhnrgErrors } from "./errors";
import { readFlag } from "./group";
import { CODE_PATTERN, defaultMhnrgRules, mhnrgName, mhsdsCode, type MhnrgPrice } from "./tables";

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
  const own = prices.get(code);
  // A code the table does not list must at least be a resource group (MAT99Z is not).
  if (!own && mhnrgName(code) === undefined) return mhnrgErrors.unknownCode(row, value);
  if (own && own.price !== null)
    return { price: own.price, unit: own.unit, priced: code, note: own.note ?? "" };
  if (own && !fallback) return mhnrgErrors.specialised(row, code);
  if (!CODE_PATTERN.test(code)) return mhnrgErrors.noPrice(row, code);
  for (const alt of fallbacks(code)) {
    const p = prices.get(alt);
    if (p && p.price !== null) {
      const why = own
        ? `${code} is specialised (out of scope); priced as ${alt} on request`
        : `${code} has no price in the table; priced as ${alt}`;
      return { price: p.price, unit: p.unit, priced: alt, note: withNote(why, p) };
    }
  }
  return mhnrgErrors.noPrice(row, code);
}

const withNote = (why: string, p: MhnrgPrice) => (p.note ? `${why}; ${p.note}` : why);

/** A spell's bed setting from its bed type: "A"–"D", "Z" for "unknown", null for blank, or an error. */
export function readBedSetting(value: CellValue, row: number): string | null | PbrError {
  if (isBlank(value)) return null;
  const t =
    typeof value === "number" && Number.isInteger(value) ? String(value) : toKey(value).trim();
  const lower = t.toLowerCase();
  if (lower === "unknown" || lower === "not known") return "Z";
  const bed = defaultMhnrgRules().beds.get(t);
  if (bed) return bed.settingCode || "Z";
  if (mhsdsCode("bed_type", t)) return "Z";
  return mhnrgErrors.notBed(row, value);
}

const SETTING_NAMES: Record<string, string> = {
  A: "acute & PICU",
  B: "rehab",
  C: "specialist",
  D: "forensic",
  Z: "setting not known",
};

/**
 * A MAZ99Z spell's bed day: the unclassified (MBU98) bed-day price of its setting, or with
 * fallback the chain from there (forensic MBU98D is specialised: MBU98Z on request).
 */
function spellPriceFor(
  prices: Map<string, MhnrgPrice>,
  setting: string,
  bedCell: CellValue,
  row: number,
  fallback: boolean
): Priced | PbrError {
  const alt = `MBU98${setting}`;
  const why = `MAZ99Z spell: bed days priced as ${alt} (unclassified bed day, ${SETTING_NAMES[setting]}), as the grouper's users do`;
  const p = prices.get(alt);
  if (p && p.price !== null)
    return { price: p.price, unit: p.unit, priced: alt, note: withNote(why, p) };
  if (p && !fallback) return mhnrgErrors.specialisedSpell(row, toKey(bedCell), alt);
  const z = prices.get("MBU98Z");
  if (z && z.price !== null)
    return {
      price: z.price,
      unit: z.unit,
      priced: "MBU98Z",
      note: withNote(`${why}; ${alt} has no price, so MBU98Z`, z),
    };
  return mhnrgErrors.noPrice(row, alt);
}

/**
 * One row's price as PBR.MHNRGPRICE gives it: the code's own price, or for a MAZ99Z spell (a bed
 * type given) the unclassified bed-day price of its setting. The task pane prices with this too.
 */
export function priceActivity(
  prices: Map<string, MhnrgPrice>,
  code: CellValue,
  bedCell: CellValue,
  row: number,
  fallback: boolean
): Priced | PbrError {
  const setting = readBedSetting(bedCell, row);
  if (setting instanceof PbrError) return setting;
  return setting !== null && toKey(code).trim().toUpperCase() === "MAZ99Z"
    ? spellPriceFor(prices, setting, bedCell, row, fallback)
    : priceFor(prices, code, row, fallback);
}

/** PBR.MHNRGPRICE's column arguments. */
export const PRICED = { code: COLUMN, mff: COLUMN, bedType: COLUMN };
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
  fallback: CellValue,
  bedType: CellValue = null
): NumberColumn | ResultCell[][] | PbrError {
  const wantDetail = readFlag(scalar(detail), 1, "detail");
  if (wantDetail instanceof PbrError) return wantDetail;
  const useFallback = readFlag(scalar(fallback), 1, "fallback");
  if (useFallback instanceof PbrError) return useFallback;
  const cols = readArgs(PRICED, { code, mff, bedType });
  if (cols instanceof PbrError) return cols;
  const { code: codes, mff: mffs, bedType: beds } = cols;
  /** Row i's price and MFF, or its error; null for a blank code. */
  const row = (i: number): { p: Priced; f: number } | PbrError | null => {
    const v = codes.at(i);
    if (isBlank(v)) return null;
    const f = readMff(mffs.at(i), i + 1);
    if (f instanceof PbrError) return f;
    const p = priceActivity(prices, v, beds.at(i), i + 1, useFallback);
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
