// Turns the transcribed 2026/27 mental health currency tables (src/core/mhnrg/source/*.csv, see
// the README there for provenance) into src/core/mhnrg/tables.json, the built-in rules and prices
// that PBR.MHNRG and PBR.MHNRGPRICE use. Run `node scripts/author-mhnrg.mjs` after editing a CSV
// (`--check` only compares).
import { readFileSync, writeFileSync } from "node:fs";
import Papa from "papaparse";

const dir = new URL("../src/core/mhnrg/source/", import.meta.url);
/** A CSV's rows as objects keyed by its header (quoted fields may hold commas). */
const csv = (name) => {
  const parsed = Papa.parse(readFileSync(new URL(name, dir), "utf8"), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0)
    throw new Error(`${name}: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  return parsed.data;
};
const cat = (c) => (c === "cannot_classify" ? "" : c);

const out = {
  title: "Mental health resource groups 2026/27: grouping rules and indicative prices",
  source:
    "NHS England Non-Acute Collection Template v0.95, Schedule of Indicative Prices 26/27 (adjusted unit costs from the 2024/25 National Cost Collection), and NHS England's mental health currency grouping, as transcribed by an ICB analytics team in the public repository wnl-icb-analytics/dbt-analytics (commit 1ff8c54e8b53c27f4f1088a91849d13553741227, seeds/nhse_mh_currency_*_2627.csv and seeds/nhse_currency_prices_2627.csv).",
  note: "Indicative: no public NHS England document states these rules or prices; they are an ICB team's transcription. For local agreement, not a mandatory tariff. A blank price is a specialised service commissioned by NHS England (out of scope for ICB costing). Load a newer table to replace these.",
  version: "2026/27",
  diagnosis: csv("icd10_groups.csv").map((r) => [
    r.icd10_range_start,
    r.icd10_range_end,
    r.population_category,
  ]),
  groups: csv("population_groups.csv").map((r) => [
    r.population_category,
    r.currency_group,
    r.population_name,
    r.available_to_cyp === "true",
  ]),
  teams: csv("team_types.csv").map((r) => [
    r.serv_team_type,
    cat(r.population_category),
    r.setting_group,
    r.setting_code,
    r.is_crisis_referral === "true",
    r.crisis_requires_urgent_priority === "true",
  ]),
  beds: csv("bed_types.csv").map((r) => [
    r.mh_admitted_patient_class,
    r.mhsds_version,
    cat(r.population_category),
    r.setting_code,
  ]),
  referrals: csv("referral_reasons.csv").map((r) => [
    r.prim_reason_referral_mh,
    cat(r.population_category),
  ]),
  prices: csv("prices.csv").map((r) => [
    r.currency_code,
    r.unit,
    r.price_gbp === "" ? null : Number(r.price_gbp),
    r.name,
    r.note,
    r.section,
  ]),
  codeListsSource:
    "MHSDS code lists (service team type referred to, hospital bed type / admitted patient class, primary reason for referral) with the months each is valid, from NHS England's public statistics code NHSDigital/mental-health-monthly-statistics (menh_bbrb/schemas/00_create_common_objects/01_create_common_tables.py: serv_team_type_ref_to_desc, hosp_bed_desc, ref_reason_desc).",
  codes: csv("mhsds_codes.csv").map((r) => [r.list, r.code, r.name, r.valid_from, r.valid_to]),
};
const text = JSON.stringify(out, null, 0).replace(/\],\[/g, "],\n[") + "\n";
const target = new URL("../tables.json", dir);
// `--check`: fail when tables.json is not what the CSVs compile to (test/core/mhnrg/policy.test.ts).
if (process.argv.includes("--check")) {
  if (readFileSync(target, "utf8") !== text) {
    console.error("src/core/mhnrg/tables.json is stale: run node scripts/author-mhnrg.mjs");
    process.exit(1);
  }
  process.exit(0);
}
writeFileSync(target, text);
console.log(
  `${out.teams.length} team types, ${out.beds.length} bed types, ${out.prices.length} prices, ${out.codes.length} MHSDS codes`
);
