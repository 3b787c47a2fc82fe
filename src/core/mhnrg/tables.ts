/**
 * The mental health resource group (MHNRG) rule and price tables, compiled for per-row lookups.
 * The built-in 2026/27 tables come from tables.json (authored from source/*.csv by
 * scripts/author-mhnrg.mjs; provenance in source/README.md). A user may supply newer tables as
 * one worksheet range (parseMhnrgRules) and a newer price table (parseMhnrgPrices).
 */
import data from "./tables.json";

/** One-letter population categories: A, B, C, E, F, S, Y, Z ("" = cannot classify). */
export type Category = string;

export interface Team {
  category: Category;
  /** "community", "crisis" or "" (no setting). */
  settingGroup: string;
  settingCode: string;
  /** A crisis team: counts as a crisis referral when it has no setting. */
  crisis: boolean;
  /** Crisis only at urgent priority (A18, single point of access). */
  urgentOnly: boolean;
}

export interface Bed {
  category: Category;
  settingCode: string;
  version: string;
}

export interface MhnrgRules {
  /** 3-character ICD-10 code → category. */
  diagnosis: Map<string, Category>;
  /** The ranges as written, for messages: category → "F20–F25, F28–F31, R44". */
  diagnosisRanges: Map<string, string[]>;
  /** Category → currency group (MAA…), its name, and whether under-18s may be in it. */
  groups: Map<Category, { group: string; name: string; cyp: boolean }>;
  teams: Map<string, Team>;
  beds: Map<string, Bed>;
  referrals: Map<string, Category>;
  source: string;
}

export interface MhnrgPrice {
  code: string;
  unit: string;
  /** null: specialised service, out of scope. */
  price: number | null;
  /** The source's name for codes outside the resource-group pattern (Talking Therapies, ADHD/autism); "" otherwise. */
  name?: string;
  /** The source's note: an estimate ("Unit cost based on setting average"), "core commissioned only", specialised. */
  note?: string;
}

/** One MHSDS code: its list, name and the months it is valid ("2021-10" … "2024-03"; "" open). */
export interface MhsdsCode {
  code: string;
  name: string;
  from: string;
  to: string;
}

export type MhsdsList = "team_type" | "bed_type" | "referral_reason";

/** Every 3-character code from start to end, same letter ("F20".."F25"). */
export function expandRange(start: string, end: string): string[] {
  const letter = start[0];
  const from = Number(start.slice(1, 3));
  const to = end[0] === letter ? Number(end.slice(1, 3)) : from;
  const out: string[] = [];
  for (let n = from; n <= to && n <= 99; n++) out.push(letter + String(n).padStart(2, "0"));
  return out;
}

export function compileRules(parts: {
  diagnosis: readonly (readonly [string, string, string])[];
  groups: readonly (readonly [string, string, string, boolean])[];
  teams: readonly (readonly [string, string, string, string, boolean, boolean])[];
  beds: readonly (readonly [string, string, string, string])[];
  referrals: readonly (readonly [string, string])[];
  source: string;
}): MhnrgRules {
  const diagnosis = new Map<string, Category>();
  const diagnosisRanges = new Map<string, string[]>();
  for (const [start, end, cat] of parts.diagnosis) {
    for (const code of expandRange(start, end)) diagnosis.set(code, cat);
    const list = diagnosisRanges.get(cat) ?? [];
    list.push(start === end ? start : `${start}–${end}`);
    diagnosisRanges.set(cat, list);
  }
  return {
    diagnosis,
    diagnosisRanges,
    groups: new Map(parts.groups.map(([cat, group, name, cyp]) => [cat, { group, name, cyp }])),
    teams: new Map(
      parts.teams.map(([code, category, settingGroup, settingCode, crisis, urgentOnly]) => [
        code,
        { category, settingGroup, settingCode, crisis, urgentOnly },
      ])
    ),
    beds: new Map(
      parts.beds.map(([code, version, category, settingCode]) => [
        code,
        { category, settingCode, version },
      ])
    ),
    referrals: new Map(parts.referrals.map(([code, cat]) => [code, cat])),
    source: parts.source,
  };
}

type Json = typeof data;
let builtIn: MhnrgRules | undefined;
let builtInPrices: Map<string, MhnrgPrice> | undefined;

export const MHNRG_SOURCE: string = data.source;
export const MHNRG_NOTE: string = data.note;
export const MHNRG_TITLE: string = data.title;
export const MHNRG_VERSION: string = data.version;

export function defaultMhnrgRules(): MhnrgRules {
  builtIn ??= compileRules({
    diagnosis: data.diagnosis as unknown as Json["diagnosis"] as [string, string, string][],
    groups: data.groups as [string, string, string, boolean][],
    teams: data.teams as [string, string, string, string, boolean, boolean][],
    beds: data.beds as [string, string, string, string][],
    referrals: data.referrals as [string, string][],
    source: `built-in 2026/27 rules (${data.source})`,
  });
  return builtIn;
}

export function defaultMhnrgPrices(): Map<string, MhnrgPrice> {
  builtInPrices ??= new Map(
    (data.prices as [string, string, number | null, string, string][]).map(
      ([code, unit, price, name, note]) => [code, { code, unit, price, name, note }]
    )
  );
  return builtInPrices;
}

let codeLists: Map<MhsdsList, Map<string, MhsdsCode>> | undefined;

/**
 * The MHSDS code (team type, bed type or referral reason) with its name and valid months, or
 * undefined when the value is not an MHSDS code of that list at all. Tells "a valid code the
 * rules do not classify" (unclassified) from "not a code" (an error).
 */
export function mhsdsCode(list: MhsdsList, code: string): MhsdsCode | undefined {
  if (!codeLists) {
    codeLists = new Map();
    for (const [l, c, name, from, to] of data.codes as [
      MhsdsList,
      string,
      string,
      string,
      string,
    ][]) {
      let m = codeLists.get(l);
      if (!m) codeLists.set(l, (m = new Map()));
      m.set(c, { code: c, name, from, to });
    }
  }
  return codeLists.get(list)?.get(code);
}

export const MHSDS_CODES_SOURCE: string = data.codeListsSource;

/** The built-in price table as a worksheet range: Code | Unit price | Unit | Name | Note. */
export function mhnrgPriceGrid(): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [["Code", "Unit price", "Unit", "Name", "Note"]];
  for (const p of defaultMhnrgPrices().values())
    rows.push([p.code, p.price, p.unit, mhnrgName(p.code) ?? "", p.note ?? ""]);
  return rows;
}

const EXTRA_GROUPS: Record<string, string> = {
  MBU: "Other/Unclassified",
  MCG: "CYP - Other",
};
const FAMILY: Record<string, string> = {
  "96": "Community",
  "97": "Crisis",
  "98": "Inpatient",
  "99": "",
};
const SETTINGS: Record<string, Record<string, string>> = {
  "98": { A: "Acute & PICU", B: "Rehab", C: "Specialist", D: "Forensic" },
  "96": { A: "CMHT", B: "Specialist", C: "Forensic", D: "Day Hospitals & Community Rehab" },
  "97": {
    A: "Core Services",
    B: "Alternatives",
    C: "MH Crisis Assessment Centres",
    D: "A&E Linked Crisis Services",
  },
  "99": {
    A: "Core Services",
    B: "Alternatives",
    C: "MH Crisis Assessment Centres",
    D: "A&E Linked Crisis Services",
  },
};

/** Code pattern: population group (3 letters) + family (96–99) + setting (A–D or Z). */
export const CODE_PATTERN = /^M[A-C][A-Z]9[6-9][A-DZ]$/;

/** "Adult - Psychosis and Bipolar Disorders - Community - CMHT", or undefined for a code that is not an MHNRG. */
export function mhnrgName(code: string): string | undefined {
  if (!CODE_PATTERN.test(code)) {
    const listed = defaultMhnrgPrices().get(code)?.name;
    return listed ? listed : undefined;
  }
  const group = code.slice(0, 3);
  const family = code.slice(3, 5);
  const setting = code[5];
  let name: string | undefined = EXTRA_GROUPS[group];
  if (!name)
    for (const g of defaultMhnrgRules().groups.values()) if (g.group === group) name = g.name;
  if (!name) return undefined;
  if (group === "MCS") return family === "99" && setting === "Z" ? name : undefined;
  if (group === "MAZ") {
    if (family !== "99") return undefined;
    return setting === "Z" ? name : `${name} - ${SETTINGS["99"][setting]}`;
  }
  if (family === "99") return undefined;
  const parts = [name, FAMILY[family]];
  if (setting !== "Z") parts.push(SETTINGS[family][setting]);
  return parts.join(" - ");
}
