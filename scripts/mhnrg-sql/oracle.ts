/**
 * The functions' own answer for one row, in the SQL's output columns: the oracle the generated SQL
 * is checked against (golden expected.csv, test/sql). Calls src/core directly: groupRow as
 * PBR.MHNRG and PBR.MHNRGWHY do, priceActivity as PBR.MHNRGPRICE does (fallback FALSE, MFF 1, the
 * bed type given for spells). The failed check is read from the core's own message.
 */
import { PbrError } from "../../src/core/errors";
import { isBlank, type CellValue } from "../../src/core/values";
import { groupRow, newGrouped, readKind } from "../../src/core/mhnrg/group";
import { priceActivity } from "../../src/core/mhnrg/price";
import { defaultMhnrgPrices, defaultMhnrgRules } from "../../src/core/mhnrg/tables";

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
