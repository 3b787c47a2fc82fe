/* Mental health resource group (MHNRG) functions: the 2026 currency. Each one coerces Excel
   values, calls core (src/core/mhnrg) and maps results back. */
import { PbrError, type ResultCell } from "../core/errors";
import { whyRange } from "../core/mhnrg/explain";
import { groupRange, readFlag } from "../core/mhnrg/group";
import { priceFor } from "../core/mhnrg/price";
import {
  defaultMhnrgPrices,
  defaultMhnrgRules,
  mhnrgName,
  mhnrgPriceGrid,
  type MhnrgPrice,
  type MhnrgRules,
} from "../core/mhnrg/tables";
import { mhnrgErrors } from "../core/mhnrg/errors";
import { parseMhnrgPrices, parseMhnrgRules } from "../core/mhnrg/userTables";
import { readMff } from "../core/tariff/mff";
import { readColumns } from "../core/args";
import { isBlank, isOmitted, toKey, type CellValue, type Grid } from "../core/values";
import { guard, guardRows, spillColumn, spillNumbers, spillTable } from "./host";
import { NumberColumn } from "../core/results";
import { tableCache } from "./tableCache";

const parseRules = tableCache(parseMhnrgRules);
const parsePrices = tableCache(parseMhnrgPrices);

function rulesOf(rules: unknown): MhnrgRules | PbrError {
  return isOmitted(rules) ? defaultMhnrgRules() : parseRules(rules as Grid);
}

function pricesOf(prices: unknown): Map<string, MhnrgPrice> | PbrError {
  return isOmitted(prices) ? defaultMhnrgPrices() : parsePrices(prices as Grid);
}

type Run = (
  r: MhnrgRules,
  cols: ((i: number) => CellValue)[],
  rows: number
) => ResultCell[] | ResultCell[][] | PbrError;

function withColumns(args: CellValue[], rules: unknown, run: Run) {
  const r = rulesOf(rules);
  if (r instanceof PbrError) return r;
  const cols = readColumns([
    [args[0], "kind"],
    [args[1], "age"],
    [args[2], "diagnosis"],
    [args[3], "service"],
    [args[4], "referralReason"],
    [args[5], "crisisReferral"],
  ]);
  if (cols instanceof PbrError) return cols;
  const readers = cols.cols.map((c) => (i: number) => c.at(i));
  return run(r, readers, cols.rows);
}

/**
 * The mental health resource group (2026/27 currency code) of each contact or inpatient spell, by NHS England's grouping rules: diagnosis first, then team or bed type, then referral reason.
 * @example =PBR.MHNRG("contact", 35, "F32.1", "A05") → "MAB96A" — an adult depression contact with a community mental health team
 * @customfunction MHNRG
 * @param {any[][]} kind "contact" or "spell" (a spell's bed days), one value or a column.
 * @param {any[][]} age Age in years at the contact or admission; blank counts as adult, as in the national rules.
 * @param {any[][]} diagnosis Primary ICD-10 diagnosis (any length: F20.0 and F200 both read as F20); blank for none.
 * @param {any[][]} service MHSDS service team type for a contact (e.g. A05) or admitted patient class for a spell (v5 or v6, e.g. 10 or 200).
 * @param {any[][]} [referralReason] MHSDS primary referral reason (e.g. 04).
 * @param {any[][]} [crisisReferral] TRUE for a crisis referral; used only when the team type has no setting.
 * @param {any[][]} [rules] Newer rules: Kind | Code | Population | Setting group | Setting | Crisis. Omit for the built-in 2026/27 rules.
 * @returns {any[][]} The currency code per row, e.g. MAA96A; MBU… when nothing classifies the activity.
 */
export function mhnrg(
  kind: any[][],
  age: any[][],
  diagnosis: any[][],
  service: any[][],
  referralReason?: any[][],
  crisisReferral?: any[][],
  rules?: any[][]
): any[][] {
  return guardRows([kind, age, diagnosis, service, referralReason, crisisReferral], () =>
    spillColumn(
      withColumns(
        [kind, age, diagnosis, service, referralReason, crisisReferral],
        rules,
        (r, cols, rows) => groupRange(r, cols, rows)
      ) as ResultCell[] | PbrError
    )
  );
}

/**
 * Why each piece of activity is in its resource group: the code, the rule that decided (diagnosis, team type, bed type, referral reason, MHST or unclassified), the value that decided, and a sentence.
 * @example =PBR.MHNRGWHY("contact", 35, "F32.1", "A05") → "MAB96A" | "diagnosis" | "F32"
 * @customfunction MHNRGWHY
 * @param {any[][]} kind "contact" or "spell", one value or a column.
 * @param {any[][]} age Age in years; blank counts as adult.
 * @param {any[][]} diagnosis Primary ICD-10 diagnosis; blank for none.
 * @param {any[][]} service MHSDS team type (contact) or admitted patient class (spell).
 * @param {any[][]} [referralReason] MHSDS primary referral reason.
 * @param {any[][]} [crisisReferral] TRUE for a crisis referral.
 * @param {any[][]} [rules] Newer rules, as for PBR.MHNRG.
 * @returns {any[][]} Rows of [code, rule, value, sentence].
 */
export function mhnrgwhy(
  kind: any[][],
  age: any[][],
  diagnosis: any[][],
  service: any[][],
  referralReason?: any[][],
  crisisReferral?: any[][],
  rules?: any[][]
): any[][] {
  return guardRows([kind, age, diagnosis, service, referralReason, crisisReferral], () =>
    spillTable(
      withColumns(
        [kind, age, diagnosis, service, referralReason, crisisReferral],
        rules,
        (r, cols, rows) => whyRange(r, cols, rows)
      ) as ResultCell[][] | PbrError
    )
  );
}

/**
 * The name of each mental health resource group code, e.g. MAA96A is "Adult - Psychosis and Bipolar Disorders - Community - CMHT".
 * @example =PBR.MHNRGNAME("MAB96A") → "Adult - Mood and Anxiety Disorders - Community - CMHT"
 * @customfunction MHNRGNAME
 * @param {any[][]} code Resource group code, one value or a column.
 * @returns {any[][]} The name per row.
 */
export function mhnrgname(code: any[][]): any[][] {
  return guardRows([code], () => {
    const cols = readColumns([[code, "code"]]);
    if (cols instanceof PbrError) return spillColumn(cols);
    const out: ResultCell[] = [];
    for (let i = 0; i < cols.rows; i++) {
      const v = cols.cols[0].at(i);
      if (isBlank(v)) out.push("");
      else out.push(mhnrgName(toKey(v).toUpperCase()) ?? mhnrgErrors.unknownCode(i + 1, v));
    }
    return spillColumn(out);
  });
}

/**
 * The 2026/27 indicative unit price of each resource group (per bed day for inpatient codes, per contact otherwise), times MFF. INDICATIVE prices for local agreement, not a mandatory tariff (NHS England schedule of indicative prices 26/27).
 * @example =PBR.MHNRGPRICE("MAB96A") → 206.3 — per contact, NHS England's 2026/27 indicative price (for local agreement, not a tariff)
 * @customfunction MHNRGPRICE
 * @param {any[][]} code Resource group code, one value or a column.
 * @param {any[][]} [prices] Your price table (Code | Unit price). Omit for the built-in 2026/27 indicative prices.
 * @param {any[][]} [mff] Market Forces Factor payment index (at least 1.00; blank = 1).
 * @param {any} [detail] TRUE for four columns: price, unit, the code actually priced, and a note.
 * @param {any} [fallback] TRUE to price a specialised (out of scope) code at its group's Z setting, then MBU's; otherwise such a code is #N/A.
 * @returns {any[][]} Price per row in £ (or rows of [price, unit, code priced, note]).
 */
export function mhnrgprice(
  code: any[][],
  prices?: any[][],
  mff?: any[][],
  detail?: any,
  fallback?: any
): any[][] {
  return guardRows([code, mff], () => {
    const table = pricesOf(prices);
    if (table instanceof PbrError) return spillColumn(table);
    const wantDetail = readFlag(Array.isArray(detail) ? detail[0]?.[0] : detail, 1, "detail");
    if (wantDetail instanceof PbrError) return spillColumn(wantDetail);
    const useFallback = readFlag(
      Array.isArray(fallback) ? fallback[0]?.[0] : fallback,
      1,
      "fallback"
    );
    if (useFallback instanceof PbrError) return spillColumn(useFallback);
    const cols = readColumns([
      [code, "code"],
      [mff, "mff"],
    ]);
    if (cols instanceof PbrError) return spillColumn(cols);
    const [codes, mffs] = cols.cols;
    if (wantDetail) {
      const rows: ResultCell[][] = [];
      for (let i = 0; i < cols.rows; i++) {
        const v = codes.at(i);
        if (isBlank(v)) {
          rows.push(["", "", "", ""]);
          continue;
        }
        const f = readMff(mffs.at(i), i + 1);
        const p = f instanceof PbrError ? f : priceFor(table, v, i + 1, useFallback);
        rows.push(
          p instanceof PbrError ? [p, p, p, p] : [p.price * (f as number), p.unit, p.priced, p.note]
        );
      }
      return spillTable(rows);
    }
    const out = new NumberColumn(cols.rows);
    for (let i = 0; i < cols.rows; i++) {
      const v = codes.at(i);
      if (isBlank(v)) {
        out.setBlank(i);
        continue;
      }
      const f = readMff(mffs.at(i), i + 1);
      if (f instanceof PbrError) {
        out.set(i, f);
        continue;
      }
      const p = priceFor(table, v, i + 1, useFallback);
      out.set(i, p instanceof PbrError ? p : p.price * f);
    }
    return spillNumbers(out);
  });
}

/**
 * The built-in 2026/27 indicative price table for mental health resource groups, as a range you can spill onto a sheet or pass as prices to PBR.TARIFF (units in place of days). Source: NHS England schedule of indicative prices 26/27; indicative, for local agreement.
 * @example =PBR.MHNRGTABLE() → row 2: "MAA98Z" | 616.55 | "Bed Day" | "Adult - Psychosis and Bipolar Disorders - Inpatient" — row 1 is the header
 * @customfunction MHNRGTABLE
 * @returns {any[][]} Rows of Code | Unit price | Unit | Name | Note, with a header row; a blank price is a specialised service (out of scope).
 */
export function mhnrgtable(): any[][] {
  return guard(() => mhnrgPriceGrid().map((row) => row.map((v) => (v === null ? "" : v))));
}
