/**
 * Inputs for comparing the generated SQL with the functions: an exhaustive rule-combination set
 * built from the source CSVs (every diagnosis range edge, team type, bed type, referral reason,
 * valid-but-unlisted and malformed value, under each kind, age band and crisis flag), and a seeded
 * messy set (whitespace the functions trim, case, padding, numbers as text, junk).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";

export type Row = [string, string, string, string, string, string];

const source = join(__dirname, "..", "..", "src", "core", "mhnrg", "source");
function csv(name: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(join(source, name), "utf8"), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

const shift = (code: string, by: number) => {
  const n = Number(code.slice(1, 3)) + by;
  return n < 0 || n > 99 ? code : code[0] + String(n).padStart(2, "0");
};

/** Every diagnosis range's edges and the codes just outside, plus the ICD-10 forms and malformed text. */
export function diagnosisValues(): string[] {
  const out = new Set<string>([
    "",
    "F20.0",
    "f20",
    " F20X ",
    "F20.01",
    "F20.1234",
    "F20-",
    "F20*",
    "F20.1!",
    "F2",
    "F20..1",
    "20F",
    "F20.12345",
    "FF20",
    "F20 0",
    "Z99",
    "f32.A",
  ]);
  for (const r of csv("icd10_groups.csv")) {
    for (const c of [r.icd10_range_start, r.icd10_range_end]) {
      out.add(c);
      out.add(shift(c, -1));
      out.add(shift(c, 1));
    }
  }
  return [...out];
}

export const MALFORMED_SERVICE = ["X99", "999", "A5", "a05 ", "2000", "unknown", "0200"];
export const REASONS_EXTRA = [
  "",
  "8",
  " 1",
  "1",
  "9",
  "08 ",
  "28",
  "09",
  "31",
  "17",
  "99",
  "x",
  "001",
];

export function teamValues(): string[] {
  return [
    ...csv("team_types.csv").map((r) => r.serv_team_type),
    ...csv("mhsds_codes.csv")
      .filter((r) => r.list === "team_type")
      .map((r) => r.code),
  ];
}
export function bedValues(): string[] {
  return [
    ...csv("bed_types.csv").map((r) => r.mh_admitted_patient_class),
    ...csv("mhsds_codes.csv")
      .filter((r) => r.list === "bed_type")
      .map((r) => r.code),
  ];
}
export function reasonValues(): string[] {
  return [
    ...new Set([
      ...csv("referral_reasons.csv").map((r) => r.prim_reason_referral_mh),
      ...csv("mhsds_codes.csv")
        .filter((r) => r.list === "referral_reason")
        .map((r) => r.code),
      ...REASONS_EXTRA,
    ]),
  ];
}

/** One value per distinct rule row shape (same category, setting, crisis), so precedence is crossed with every kind of row. */
function representatives(
  rows: Record<string, string>[],
  key: string,
  shape: (r: Record<string, string>) => string
): string[] {
  const seen = new Map<string, string>();
  for (const r of rows) if (!seen.has(shape(r))) seen.set(shape(r), r[key]);
  return [...seen.values()];
}

export const KINDS = ["contact", "spell", " Bed Days ", "visit"];
export const AGES = [
  "",
  "17",
  "18",
  " 0 ",
  "130",
  "131",
  "-1",
  "17.999",
  "18.0",
  "+17",
  "x",
  "1e1",
];
export const FLAGS = ["", "TRUE", "no", "maybe"];

/**
 * Exhaustive set: (1) every single value of each rule table under every kind × age × flag, and
 * (2) the precedence cross: representative diagnosis × service × reason values for every kind,
 * age band and flag.
 */
export function exhaustive(): Row[] {
  const rows: Row[] = [];
  const ages = ["", "17", "18"];
  for (const kind of KINDS)
    for (const age of AGES)
      for (const flag of FLAGS) {
        for (const d of diagnosisValues()) rows.push([kind, age, d, "", "", flag]);
        if (!ages.includes(age)) continue;
        for (const s of [...teamValues(), ...bedValues(), ...MALFORMED_SERVICE])
          rows.push([kind, age, "", s, "", flag]);
        for (const r of reasonValues()) rows.push([kind, age, "", "", r, flag]);
      }
  const diag = [
    "",
    "F99",
    "F2O",
    ...representatives(csv("icd10_groups.csv"), "icd10_range_start", (r) => r.population_category),
  ];
  const teams = representatives(csv("team_types.csv"), "serv_team_type", (r) =>
    [r.population_category, r.setting_group, r.setting_code, r.is_crisis_referral].join()
  );
  const beds = representatives(csv("bed_types.csv"), "mh_admitted_patient_class", (r) =>
    [r.population_category, r.setting_code].join()
  );
  const services = ["", "X99", "999", "A09", "41", ...teams, ...beds];
  const reasons = [
    "",
    "8",
    "28",
    "99",
    ...representatives(
      csv("referral_reasons.csv"),
      "prim_reason_referral_mh",
      (r) => r.population_category
    ),
  ];
  for (const kind of KINDS.slice(0, 2))
    for (const age of ["", "17", "18"])
      for (const flag of ["", "TRUE"])
        for (const d of diag)
          for (const s of services) for (const r of reasons) rows.push([kind, age, d, s, r, flag]);
  return rows;
}

/** A small seeded PRNG (mulberry32), so the messy set is the same on every run. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Whitespace the functions trim (JavaScript's trim set) and some they keep inside a value. */
const PADS = [" ", "  ", "\t", "\u00a0", "\u3000", "\ufeff", "\u2028", "\r\n"];

/** n messy rows, seeded. */
export function messy(n: number, seed = 25): Row[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const diag = diagnosisValues();
  const teams = teamValues();
  const beds = bedValues();
  const reasons = reasonValues();
  const mess = (v: string): string => {
    let t = v;
    const x = r();
    if (x < 0.15) t = t.toLowerCase();
    else if (x < 0.2) t = t.toUpperCase();
    if (r() < 0.2) t = pick(PADS) + t;
    if (r() < 0.2) t = t + pick(PADS);
    if (r() < 0.01) t = t + "\u00a0x";
    return t;
  };
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const kind = pick([
      "contact",
      "contact",
      "contact",
      "spell",
      "Contacts",
      "bed day",
      "SPELL",
      "",
      "c",
    ]);
    const age =
      r() < 0.1
        ? ""
        : r() < 0.05
          ? pick(["abc", "12.5.1", "-3", "200", "17.", ".5", "0017"])
          : String(Math.floor(r() * 100));
    const d =
      r() < 0.3 ? "" : pick(diag) + (r() < 0.2 ? pick([".0", "1", ".X", "-", "..", "0000"]) : "");
    const s =
      r() < 0.15
        ? ""
        : pick([
            ...(kind.toLowerCase().startsWith("s") || kind.startsWith("bed") ? beds : teams),
            ...MALFORMED_SERVICE.slice(0, 2),
          ]);
    const reason = r() < 0.4 ? "" : pick(reasons);
    const flag = r() < 0.7 ? "" : pick(["TRUE", "false", "Y", "n", "yes", "No", "1", "0", "?"]);
    rows.push([mess(kind), mess(age), mess(d), mess(s), mess(reason), mess(flag)]);
  }
  return rows;
}
