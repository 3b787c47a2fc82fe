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

/**
 * Math.imul by halves (MDN's polyfill; the same result for every pair of int32s). Under jest, calls
 * to Math's functions are far slower than plain arithmetic (a million messy rows took 30 s, not 3).
 */
function imul(a: number, b: number): number {
  const ah = (a >>> 16) & 0xffff;
  const al = a & 0xffff;
  const bh = (b >>> 16) & 0xffff;
  const bl = b & 0xffff;
  return (al * bl + (((ah * bl + al * bh) << 16) >>> 0)) | 0;
}

/** A small seeded PRNG (mulberry32), so the messy set is the same on every run. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Whitespace the functions trim (JavaScript's trim set) and some they keep inside a value. */
const PADS = [" ", "  ", "\t", "\u00a0", "\u3000", "\ufeff", "\u2028", "\r\n"];

/** n messy rows, seeded. */
export function messy(n: number, seed = 25): Row[] {
  return [...messyRows(n, seed)];
}

/** The same n messy rows one at a time (the first k of messyRows(n) are messy(k)), for sets too big to hold. */
export function* messyRows(n: number, seed = 25): Generator<Row> {
  const r = rng(seed);
  // (x | 0 is Math.floor for 0 <= x < 2^31, without the call.)
  const pick = <T>(xs: readonly T[]): T => xs[(r() * xs.length) | 0];
  const diag = diagnosisValues();
  const teams = teamValues();
  const beds = bedValues();
  const reasons = reasonValues();
  // The lists are built once, not per row (the same picks; spreading per row is slow under jest).
  const spellServices = [...beds, ...MALFORMED_SERVICE.slice(0, 2)];
  const contactServices = [...teams, ...MALFORMED_SERVICE.slice(0, 2)];
  const kinds = ["contact", "contact", "contact", "spell", "Contacts", "bed day", "SPELL", "", "c"];
  const badAges = ["abc", "12.5.1", "-3", "200", "17.", ".5", "0017"];
  const suffixes = [".0", "1", ".X", "-", "..", "0000"];
  const flags = ["TRUE", "false", "Y", "n", "yes", "No", "1", "0", "?"];
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
  for (let i = 0; i < n; i++) {
    const kind = pick(kinds);
    const age = r() < 0.1 ? "" : r() < 0.05 ? pick(badAges) : String((r() * 100) | 0);
    const d = r() < 0.3 ? "" : pick(diag) + (r() < 0.2 ? pick(suffixes) : "");
    const s =
      r() < 0.15
        ? ""
        : pick(
            kind.toLowerCase().startsWith("s") || kind.startsWith("bed")
              ? spellServices
              : contactServices
          );
    const reason = r() < 0.4 ? "" : pick(reasons);
    const flag = r() < 0.7 ? "" : pick(flags);
    yield [mess(kind), mess(age), mess(d), mess(s), mess(reason), mess(flag)];
  }
}

/** Every distinct value of a list, in first-seen order. */
const distinct = (xs: readonly string[]) => [...new Set(xs)];

/**
 * The rows the full value cross is taken under: both kinds the rules read (a contact reads team
 * types, a spell bed types), a child (17, the children's rules) and an adult (18, the boundary),
 * and the crisis flag blank and TRUE, paired so that each two of kind, age band and flag meet in
 * every combination (a strength-2 array: 4 rows, not 8).
 */
export const CROSS_CONTEXTS: readonly [kind: string, age: string, flag: string][] = [
  ["contact", "18", ""],
  ["contact", "17", "TRUE"],
  ["spell", "18", "TRUE"],
  ["spell", "17", ""],
];

/** The value lists the full cross multiplies: every distinct diagnosis, service and referral reason value of the exhaustive set. */
export function crossValues(): { diagnosis: string[]; service: string[]; reason: string[] } {
  return {
    diagnosis: distinct(diagnosisValues()),
    service: distinct([...teamValues(), ...bedValues(), ...MALFORMED_SERVICE]),
    reason: distinct(reasonValues()),
  };
}

export function crossSize(): number {
  const v = crossValues();
  return CROSS_CONTEXTS.length * v.diagnosis.length * v.service.length * v.reason.length;
}

/**
 * The full rule-combination cross: every diagnosis value × every service value × every referral
 * reason value (each rule table's entries, range edges and the codes either side, valid codes the
 * rules do not list, malformed text) under each of CROSS_CONTEXTS, one row at a time. Where
 * exhaustive() crosses representatives, this crosses every value, so each pair and triple of rule
 * entries meets in the precedence.
 */
export function* fullCross(): Generator<Row> {
  const { diagnosis, service, reason } = crossValues();
  for (const [kind, age, flag] of CROSS_CONTEXTS)
    for (const d of diagnosis)
      for (const s of service) for (const r of reason) yield [kind, age, d, s, r, flag];
}

/** The rows the engines are proved on: read from PBR_SQL_PROOF ("full" on CI; unset or "small" locally). */
export interface ProofSet {
  size: "small" | "full";
  /** How many rows, before any is made. */
  count: number;
  /** For test titles: what the rows are. */
  label: string;
  /** The rows in order (row_id = position + 1); each call starts again, nothing is held. */
  rows: () => Iterable<Row>;
}

const SMALL_MESSY = 20_000;
const FULL_MESSY = 1_000_000;

export function proofSet(env: string | undefined = process.env.PBR_SQL_PROOF): ProofSet {
  const n = (x: number) => x.toLocaleString("en-GB");
  const exhaustiveCount = exhaustive().length;
  if (env === undefined || env === "" || env === "small")
    return {
      size: "small",
      count: exhaustiveCount + SMALL_MESSY,
      label: `small (${n(exhaustiveCount + SMALL_MESSY)} rows: ${n(exhaustiveCount)} exhaustive rule combinations + ${n(SMALL_MESSY)} messy; PBR_SQL_PROOF=full for the issue's size)`,
      rows: function* () {
        yield* exhaustive();
        yield* messyRows(SMALL_MESSY);
      },
    };
  if (env !== "full")
    throw new Error(`PBR_SQL_PROOF is "${env}": expected "full", "small" or unset`);
  const cross = crossSize();
  const count = exhaustiveCount + cross + FULL_MESSY;
  return {
    size: "full",
    count,
    label: `full (${n(count)} rows: ${n(exhaustiveCount + cross)} rule combinations, ${n(exhaustiveCount)} exhaustive + ${n(cross)} full value cross, + ${n(FULL_MESSY)} messy)`,
    rows: function* () {
      yield* exhaustive();
      yield* fullCross();
      yield* messyRows(FULL_MESSY);
    },
  };
}
