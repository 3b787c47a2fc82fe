/**
 * The functions' own answer for one row, in the SQL's output columns: the oracle the generated SQL
 * is checked against (golden expected.csv, test/sql). Calls src/core directly: groupRow as
 * PBR.MHNRG and PBR.MHNRGWHY do, priceActivity as PBR.MHNRGPRICE does (fallback FALSE, MFF 1, the
 * bed type given for spells). The failed check is read from the core's own message.
 */
import { PbrError } from "../../src/core/errors";
import { isBlank, type CellValue } from "../../src/core/values";
import { groupRow, newGrouped, readFlag, readKind } from "../../src/core/mhnrg/group";
import { priceActivity } from "../../src/core/mhnrg/price";
import {
  defaultMhnrgPrices,
  defaultMhnrgRules,
  type MhnrgPrice,
} from "../../src/core/mhnrg/tables";
import { readMff } from "../../src/core/tariff/mff";

export const OUTPUT_COLUMNS = [
  "mhnrg",
  "rule",
  "deciding_value",
  "error_kind",
  "failed_check",
  "priced_code",
  "unit_price",
  "price_unit",
  "price_error_kind",
  "price_failed_check",
] as const;

export type OutputRow = Record<(typeof OUTPUT_COLUMNS)[number], string | number | null>;

/** The check a core message names ("row 3: team type ..." → "team type"). */
const CHECKS: [RegExp, string][] = [
  [/^row \d+: kind /, "kind"],
  [/^row \d+: age [\s\S]* is out of range/, "age range"],
  [/^row \d+: age /, "age"],
  [/^row \d+: diagnosis /, "diagnosis"],
  [/^row \d+: team type /, "team type"],
  [/^row \d+: bed type /, "bed type"],
  [/^row \d+: referral reason /, "referral reason"],
  [/^row \d+: crisisReferral /, "crisis referral"],
  [/^row \d+: a MAZ99Z spell on bed type/, "specialised spell"],
  [/is a specialised service/, "specialised"],
  [/is not a mental health resource group code/, "unknown code"],
  [/^row \d+: no price for /, "no price"],
];

export function checkOf(e: PbrError): string {
  for (const [re, name] of CHECKS) if (re.test(e.message)) return name;
  return `unrecognised: ${e.message}`;
}

const BLANK: OutputRow = {
  mhnrg: "",
  rule: "",
  deciding_value: "",
  error_kind: "",
  failed_check: "",
  priced_code: "",
  unit_price: null,
  price_unit: "",
  price_error_kind: "",
  price_failed_check: "",
};

const scratch = newGrouped();

/** cells: kind, age, diagnosis, service, referral reason, crisis referral (text, as the SQL reads them). */
export function coreRow(row: number, cells: readonly CellValue[]): OutputRow {
  const [k, a, d, s, r, c] = cells;
  if (isBlank(k) && isBlank(s) && isBlank(d) && isBlank(a)) return { ...BLANK };
  const g = groupRow(defaultMhnrgRules(), row, k, a, d, s, r, c, scratch);
  if (g instanceof PbrError) return { ...BLANK, error_kind: g.kind, failed_check: checkOf(g) };
  const out: OutputRow = { ...BLANK, mhnrg: g.code, rule: g.tier, deciding_value: g.value };
  const p = priceActivity(defaultMhnrgPrices(), g.code, readKind(k) === 1 ? s : null, row, false);
  if (p instanceof PbrError) {
    out.price_error_kind = p.kind;
    out.price_failed_check = checkOf(p);
  } else {
    out.priced_code = p.priced;
    out.unit_price = p.price;
    out.price_unit = p.unit;
  }
  return out;
}

/** priced.sql's extra columns: the price row's start date, the MFF used, price × MFF. */
export const PRICED_COLUMNS = [
  ...OUTPUT_COLUMNS,
  "price_valid_from",
  "mff",
  "price_with_mff",
] as const;
export type PricedRow = Record<(typeof PRICED_COLUMNS)[number], string | number | null>;

/** A row of a dated price table (mhnrg_prices_dated): dates as YYYY-MM-DD, valid_to null = open. */
export interface DatedPrice {
  code: string;
  unit: string;
  price: number | null;
  valid_from: string;
  valid_to: string | null;
}

/** The price table in force on a date, as the functions' Map (the latest valid_from wins a code). */
export function pricesInForce(
  dated: readonly DatedPrice[],
  date: string
): { prices: Map<string, MhnrgPrice>; from: Map<string, string> } {
  const prices = new Map<string, MhnrgPrice>();
  const from = new Map<string, string>();
  for (const p of dated) {
    if (p.valid_from > date || (p.valid_to !== null && p.valid_to < date)) continue;
    const seen = from.get(p.code);
    if (seen !== undefined && seen >= p.valid_from) continue;
    prices.set(p.code, { code: p.code, unit: p.unit, price: p.price });
    from.set(p.code, p.valid_from);
  }
  return { prices, from };
}

/**
 * priced.sql's answer for one row, from the functions' core: grouped as coreRow, then as
 * PBR.MHNRGPRICE prices it (its fallback flag read by readFlag, then the MFF by readMff) with the
 * price table in force on the row's activity date. A grouped row with no date is "#VALUE!" /
 * "activity date".
 */
/** One row of mhnrg_price_input: MFF and fallback as text, the date as YYYY-MM-DD (null = none). */
export interface PriceInput {
  mff: string | null;
  date: string | null;
  fallback: string | null;
}

export function corePricedRow(
  row: number,
  cells: readonly CellValue[],
  { mff, date, fallback }: PriceInput,
  dated: readonly DatedPrice[],
  cache: Map<string, ReturnType<typeof pricesInForce>> = new Map()
): PricedRow {
  const base = coreRow(row, cells);
  const out: PricedRow = { ...base, price_valid_from: "", mff: null, price_with_mff: null };
  if (base.mhnrg === "") return out;
  const cleared = { priced_code: "", unit_price: null, price_unit: "" };
  const useFallback = readFlag(fallback, row, "fallback");
  if (useFallback instanceof PbrError)
    return {
      ...out,
      ...cleared,
      price_error_kind: useFallback.kind,
      price_failed_check: "fallback",
    };
  const f = readMff(mff, row);
  if (f instanceof PbrError)
    return { ...out, ...cleared, price_error_kind: f.kind, price_failed_check: "mff" };
  if (date === null || date === "")
    return {
      ...out,
      ...cleared,
      price_error_kind: "#VALUE!",
      price_failed_check: "activity date",
    };
  let inForce = cache.get(date);
  if (!inForce) cache.set(date, (inForce = pricesInForce(dated, date)));
  const [k, , , s] = cells;
  const p = priceActivity(
    inForce.prices,
    base.mhnrg,
    readKind(k) === 1 ? s : null,
    row,
    useFallback
  );
  if (p instanceof PbrError)
    return { ...out, ...cleared, price_error_kind: p.kind, price_failed_check: checkOf(p) };
  return {
    ...out,
    priced_code: p.priced,
    unit_price: p.price,
    price_unit: p.unit,
    price_error_kind: "",
    price_failed_check: "",
    price_valid_from: inForce.from.get(p.priced) ?? "",
    mff: f,
    price_with_mff: p.price * f,
  };
}
