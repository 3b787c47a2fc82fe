/* Mental health resource group (MHNRG) functions: the 2026 currency. Each one coerces Excel
   values, calls core (src/core/mhnrg) and maps results back. */
import { PbrError } from "../core/errors";
import { whyRange } from "../core/mhnrg/explain";
import { groupRange, readActivity, type Activity } from "../core/mhnrg/group";
import { mhnrgNameRange, mhnrgPriceRange } from "../core/mhnrg/price";
import {
  defaultMhnrgPrices,
  defaultMhnrgRules,
  mhnrgPriceGrid,
  type MhnrgPrice,
  type MhnrgRules,
} from "../core/mhnrg/tables";
import { parseMhnrgPrices, parseMhnrgRules } from "../core/mhnrg/userTables";
import { NumberColumn } from "../core/results";
import { isOmitted, type CellValue, type Grid } from "../core/values";
import { guard, guardRows, spillColumn, spillNumbers, spillTable, whenOk } from "./host";
import { tableCache } from "./tableCache";

const parseRules = tableCache(parseMhnrgRules);
const parsePrices = tableCache(parseMhnrgPrices);

function rulesOf(rules: unknown): MhnrgRules | PbrError {
  return isOmitted(rules) ? defaultMhnrgRules() : parseRules(rules as Grid);
}

function pricesOf(prices: unknown): Map<string, MhnrgPrice> | PbrError {
  return isOmitted(prices) ? defaultMhnrgPrices() : parsePrices(prices as Grid);
}

/** Rules and activity read, then `run` over the rows; the first problem is the whole answer. */
function overActivity<T>(
  rules: unknown,
  args: readonly unknown[],
  run: (r: MhnrgRules, a: Activity) => T
): T | PbrError {
  return whenOk(rulesOf(rules), (r) => whenOk(readActivity(args as CellValue[]), (a) => run(r, a)));
}

/**
 * The mental health resource group (2026/27 currency code) of each contact or inpatient spell, by NHS England's grouping rules as transcribed by an ICB team (indicative): diagnosis first, then team or bed type, then referral reason.
 * @example =PBR.MHNRG("contact", 35, "F32.1", "A05") → "MAB96A" — an adult depression contact with a community mental health team
 * @customfunction MHNRG
 * @param {any[][]} kind "contact" or "spell" (a spell's bed days), one value or a column.
 * @param {any[][]} age Age in years at the contact or admission; blank counts as adult (the transcribed rules' default).
 * @param {any[][]} diagnosis Primary ICD-10 diagnosis (any length: F20.0 and F200 both read as F20); blank for none.
 * @param {any[][]} service MHSDS service team type for a contact (e.g. A05) or admitted patient class for a spell (v5 or v6, e.g. 10 or 200).
 * @param {any[][]} [referralReason] MHSDS primary referral reason (e.g. 04).
 * @param {any[][]} [crisisReferral] TRUE for a crisis referral; used only when the team type has no setting.
 * @param {any[][]} [rules] Newer rules: Kind | Code | Population | Setting group | Setting | Crisis. Omit for the built-in 2026/27 rules.
 * @returns {any[][]} The currency code per row, e.g. MAA96A; MBU… when nothing classifies the activity (a valid MHSDS code the rules do not list, such as referral reason 28, does not classify); #VALUE! for a value that is not an MHSDS code.
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
  const activity = [kind, age, diagnosis, service, referralReason, crisisReferral];
  return guardRows(activity, () =>
    spillColumn(overActivity(rules, activity, (r, a) => groupRange(r, a)))
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
  const activity = [kind, age, diagnosis, service, referralReason, crisisReferral];
  return guardRows(activity, () =>
    spillTable(overActivity(rules, activity, (r, a) => whyRange(r, a)))
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
  return guardRows([code], () => spillColumn(mhnrgNameRange(code)));
}

/**
 * The 2026/27 indicative unit price of each resource group (per bed day for inpatient codes, per contact otherwise), times MFF. INDICATIVE prices for local agreement, not a mandatory tariff (NHS England schedule of indicative prices 26/27).
 * @example =PBR.MHNRGPRICE("MAB96A") → 206.3 — per contact, NHS England's 2026/27 indicative price (for local agreement, not a tariff)
 * @customfunction MHNRGPRICE
 * @param {any[][]} code Resource group code, one value or a column.
 * @param {any[][]} [prices] Your price table (Code | Unit price). Omit for the built-in 2026/27 indicative prices.
 * @param {any[][]} [mff] Market Forces Factor payment index (at least 1.00; blank = 1).
 * @param {any} [detail] TRUE for four columns: price, unit, the code actually priced, and a note (the source's note: an estimate, core commissioned only, or a fallback).
 * @param {any} [fallback] TRUE to price a specialised (out of scope) code at its group's Z setting, then MBU's; otherwise such a code is #N/A.
 * @param {any[][]} [bedType] For an inpatient spell, its MHSDS bed type (e.g. 200, or "unknown"); blank for a contact. A MAZ99Z spell's bed days are priced at the unclassified bed-day price of that setting (acute: MBU98A).
 * @returns {any[][]} Price per row in £ (or rows of [price, unit, code priced, note]).
 */
export function mhnrgprice(
  code: any[][],
  prices?: any[][],
  mff?: any[][],
  detail?: any,
  fallback?: any,
  bedType?: any[][]
): any[][] {
  return guardRows([code, mff, bedType], () => {
    const out = whenOk(pricesOf(prices), (t) =>
      mhnrgPriceRange(t, code, mff, detail, fallback, bedType)
    );
    return out instanceof NumberColumn || out instanceof PbrError
      ? spillNumbers(out)
      : spillTable(out);
  });
}

/**
 * The built-in 2026/27 indicative price table for mental health resource groups, as a range you can spill onto a sheet or pass as prices to PBR.TARIFF (units in place of days). Source: NHS England schedule of indicative prices 26/27; indicative, for local agreement.
 * @example =PBR.MHNRGTABLE() → row 2: "MAA98Z" | 616.55 | "Bed Day" | "Adult - Psychosis and Bipolar Disorders - Inpatient" — row 1 is the header
 * @customfunction MHNRGTABLE
 * @returns {any[][]} Rows of Code | Unit price | Unit | Name | Note, with a header row: the mental health resource groups, Talking Therapies and ADHD/autism guide prices; the note says which prices are estimates; a blank price is a specialised service (out of scope).
 */
export function mhnrgtable(): any[][] {
  return guard(() => mhnrgPriceGrid().map((row) => row.map((v) => (v === null ? "" : v))));
}
