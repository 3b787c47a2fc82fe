/**
 * Inputs for priced.sql: per row an MFF (as text, the forms PBR.MHNRGPRICE's readMff meets) and an
 * activity date, seeded; and a dated price table with two years and an overlap, so the as-of join
 * has something to choose between.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import type { DatedPrice, PriceInput } from "../../scripts/mhnrg-sql/oracle";

/** The built-in schedule as dated rows: every price of prices.csv in force for 2026/27. */
export function builtInDatedPrices(): DatedPrice[] {
  const file = join(__dirname, "..", "..", "src", "core", "mhnrg", "source", "prices.csv");
  return Papa.parse<Record<string, string>>(readFileSync(file, "utf8"), {
    header: true,
    skipEmptyLines: true,
  }).data.map((r) => ({
    code: r.currency_code,
    unit: r.unit,
    price: r.price_gbp === "" ? null : Number(r.price_gbp),
    valid_from: "2026-04-01",
    valid_to: "2027-03-31",
  }));
}

export const MFFS = [
  "",
  " ",
  "1",
  "1.0461",
  " £1.05 ",
  "£1,000",
  "0.99",
  "abc",
  "1e0",
  ".5",
  "+1.2",
  "1.",
  "2e15",
  "1e15",
  "-1",
  "£",
  "1,0.5",
  "1.5E-0",
  "1e400",
  "\u00a01.1\u3000",
  "1.0.1",
  "1 000",
  "£ 1.1",
];
export const DATES: (string | null)[] = [
  null,
  "2025-03-31",
  "2025-04-01",
  "2025-12-01",
  "2026-03-31",
  "2026-04-01",
  "2026-09-30",
  "2026-10-01",
  "2027-03-31",
  "2027-04-01",
];

export const FALLBACKS: (string | null)[] = [null, "", "TRUE", " yes ", "1", "no", "0", "maybe"];

/**
 * Row i's MFF, date and fallback: a fixed walk through the lists (every MFF and date pair occurs
 * in the 96k rows; the fallback flag is mostly blank, as a user leaves it).
 */
export function priceInputs(n: number): PriceInput[] {
  const out: PriceInput[] = [];
  for (let i = 0; i < n; i++)
    out.push({
      mff: i % 97 === 0 ? null : MFFS[i % MFFS.length],
      date: DATES[Math.floor(i / MFFS.length) % DATES.length],
      fallback: i % 3 === 0 ? FALLBACKS[Math.floor(i / 3) % FALLBACKS.length] : null,
    });
  return out;
}

/**
 * The built-in 2026/27 rows, plus a 2025/26 year (3% lower; every seventh code missing, so the
 * fallback chain runs within the year; the specialised codes priced), plus an open-ended MAA96A row
 * from 1 October 2026 that overlaps 2026/27 (the later valid_from wins).
 */
export function testDatedPrices(): DatedPrice[] {
  const base = builtInDatedPrices();
  const earlier = base
    .filter((_, i) => i % 7 !== 3)
    .map((p) => ({
      ...p,
      price: p.price === null ? 999.99 : Math.round(p.price * 97) / 100,
      valid_from: "2025-04-01",
      valid_to: "2026-03-31",
    }));
  return [
    ...base,
    ...earlier,
    { code: "MAA96A", unit: "Contact", price: 200.5, valid_from: "2026-10-01", valid_to: null },
  ];
}
