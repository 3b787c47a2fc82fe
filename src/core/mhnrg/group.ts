/**
 * PBR.MHNRG and PBR.MHNRGWHY: the mental health resource group of each piece of activity (a
 * contact, or a spell's bed days), by NHS England's 2026/27 grouping as transcribed by an ICB
 * analytics team (no public NHS England document states these rules; indicative; DOMAIN.md
 * sections 9 and 10):
 *
 * Population group, first rule that classifies wins: the primary diagnosis (first three
 * characters of the ICD-10 code), then the team type (contacts) or bed type (spells), then the
 * primary referral reason, else unclassified (MBU). Under-18s may only be in C, Y or S: any
 * other group found for them becomes MCG (CYP - Other), and an MHST team (S) is checked first for
 * them; an adult contact with an MHST team type falls through to the next rule.
 *
 * Setting: a spell's bed type gives 98A–D (98Z when not known); MAZ inpatient activity is MAZ99Z.
 * A contact's team type gives 96 (community) or 97 (crisis) with its setting letter; a team with
 * no setting gives 97Z for a crisis referral and 96Z otherwise; MAZ contacts use 99 with the
 * crisis setting letter or Z; MHST contacts are MCS99Z.
 *
 * One error policy: a value that is not an MHSDS code at all (team type X99, bed type 999,
 * referral reason 99) is #VALUE! naming the row and value; a valid MHSDS code that the rules do
 * not list (referral reasons 09, 28, 29, 31) does not classify, so the activity may end
 * unclassified (MBU), and `unlisted` says which code, for PBR.MHNRGWHY and the task pane. A blank
 * age counts as adult: the transcription's default, not a documented national rule.
 */
import { PbrError, type ResultCell } from "../errors";
import { COLUMN, readArgs, type Args } from "../args";
import { isBlank, toKey, type CellValue } from "../values";
import { mhsdsCode, type Bed, type Category, type MhnrgRules, type Team } from "./tables";
import { mhnrgErrors } from "./errors";

export type Tier =
  "MHST" | "diagnosis" | "team type" | "bed type" | "referral reason" | "unclassified";

export interface Grouped {
  code: string;
  tier: Tier;
  /** The value that decided ("F20", "A14", "04"), "" when unclassified. */
  value: string;
  /** The group chosen before the children's rule turned it into MCG, if it did. */
  cypFrom: string;
  team: Team | undefined;
  bed: Bed | undefined;
  crisis: boolean;
  /** Valid MHSDS codes on the row that the rules do not list, e.g. "referral reason 28 (Gambling disorder)"; "" for none. */
  unlisted: string;
}

/** "referral reason 28 (Gambling disorder)" for a code the rules do not list. */
function unlistedText(what: string, code: string, name: string): string {
  return `${what} ${code} (${name})`;
}

/** "contact" → 0, "spell" → 1, otherwise -1. */
export function readKind(value: CellValue): number {
  if (value === "contact") return 0;
  if (value === "spell") return 1;
  if (typeof value !== "string") return -1;
  const t = value.trim().toLowerCase();
  if (t === "contact" || t === "contacts") return 0;
  if (t === "spell" || t === "spells" || t === "bed day" || t === "bed days" || t === "bedday")
    return 1;
  return -1;
}

/** Age in years: null for blank (adult), a number 0–130, or an error. */
export function readAge(value: CellValue, row: number): number | null | PbrError {
  if (typeof value === "number") {
    if (value >= 0 && value <= 130) return value;
    return value === value
      ? mhnrgErrors.ageOutOfRange(row, value)
      : mhnrgErrors.ageNotNumber(row, value);
  }
  if (isBlank(value)) return null;
  if (typeof value !== "string") return mhnrgErrors.ageNotNumber(row, value);
  const t = value.trim();
  const n = /^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
  if (n !== n) return mhnrgErrors.ageNotNumber(row, value);
  if (!(n >= 0 && n <= 130)) return mhnrgErrors.ageOutOfRange(row, value);
  return n;
}

/** Diagnosis text → its first three characters, cached: exports repeat a few hundred codes. */
const diagnosisCache = new Map<string, string>();

/** The first three characters of an ICD-10 code ("F20.0", "f200", "F20X" → "F20"), "" for blank, or an error. */
export function readDiagnosis(value: CellValue, row: number): string | PbrError {
  if (typeof value === "string") {
    const hit = diagnosisCache.get(value);
    if (hit !== undefined) return hit;
  }
  if (isBlank(value)) return "";
  if (typeof value !== "string") return mhnrgErrors.badDiagnosis(row, value);
  const t = value.trim().toUpperCase();
  const c0 = t.charCodeAt(0);
  const c1 = t.charCodeAt(1);
  const c2 = t.charCodeAt(2);
  if (!(c0 >= 65 && c0 <= 90 && c1 >= 48 && c1 <= 57 && c2 >= 48 && c2 <= 57))
    return mhnrgErrors.badDiagnosis(row, value);
  if (t.length > 3 && !/^[A-Z]\d{2}(\.?[0-9A-Z]{0,4})[-+*!]?$/.test(t))
    return mhnrgErrors.badDiagnosis(row, value);
  const code = t.slice(0, 3);
  if (diagnosisCache.size < 10_000) diagnosisCache.set(value, code);
  return code;
}

/** A code cell as text: numbers without decimals, zero-padded to `pad` (referral reasons "01"). */
function codeText(value: CellValue, pad: number): string {
  if (typeof value === "number")
    return Number.isInteger(value) ? String(value).padStart(pad, "0") : String(value);
  if (typeof value === "string") {
    const t = value.trim().toUpperCase();
    return pad > 0 && t.length === 1 && t >= "0" && t <= "9" ? `0${t}` : t;
  }
  return toKey(value).toUpperCase();
}

/** TRUE, FALSE, 1, 0 or blank (FALSE). */
export function readFlag(value: CellValue, row: number, what: string): boolean | PbrError {
  if (value === false || value === 0 || value === null || value === undefined || value === "")
    return false;
  if (value === true || value === 1) return true;
  if (typeof value === "string") {
    const t = value.trim().toUpperCase();
    // "1" and "0" as text mean what the numbers mean: a CSV or a warehouse column of 1/0 read as text.
    if (t === "TRUE" || t === "Y" || t === "YES" || t === "1") return true;
    if (t === "FALSE" || t === "N" || t === "NO" || t === "0" || t === "") return false;
  }
  return mhnrgErrors.badFlag(row, what, value);
}

function groupCode(rules: MhnrgRules, cat: Category): string {
  return rules.groups.get(cat)?.group ?? "MBU";
}

/**
 * Group one row. `row` names it in messages (1-based). Returns `into` (reused across rows, so a
 * million rows allocate no per-row objects) filled in, or the row's error.
 */
export function groupRow(
  rules: MhnrgRules,
  row: number,
  kindCell: CellValue,
  ageCell: CellValue,
  diagnosisCell: CellValue,
  serviceCell: CellValue,
  reasonCell: CellValue,
  crisisCell: CellValue,
  into: Grouped = newGrouped()
): Grouped | PbrError {
  const kind = readKind(kindCell);
  if (kind < 0) return mhnrgErrors.badKind(row, kindCell);
  const age = readAge(ageCell, row);
  if (age instanceof PbrError) return age;
  const diag = readDiagnosis(diagnosisCell, row);
  if (diag instanceof PbrError) return diag;
  let team: Team | undefined;
  let bed: Bed | undefined;
  let serviceCat: Category = "";
  let unlisted = "";
  const service =
    serviceCell === null || serviceCell === undefined || serviceCell === ""
      ? ""
      : codeText(serviceCell, 0);
  if (service !== "") {
    if (kind === 0) {
      team = rules.teams.get(service);
      if (team) serviceCat = team.category;
      else {
        const known = mhsdsCode("team_type", service);
        if (!known) return mhnrgErrors.notTeam(row, serviceCell);
        unlisted = unlistedText("team type", service, known.name);
      }
    } else {
      bed = rules.beds.get(service);
      if (bed) serviceCat = bed.category;
      else {
        const known = mhsdsCode("bed_type", service);
        if (!known) return mhnrgErrors.notBed(row, serviceCell);
        unlisted = unlistedText("bed type", service, known.name);
      }
    }
  }
  const reason =
    reasonCell === null || reasonCell === undefined || reasonCell === ""
      ? ""
      : codeText(reasonCell, 2);
  let reasonCat: Category = "";
  if (reason !== "") {
    const found = rules.referrals.get(reason);
    if (found !== undefined) reasonCat = found;
    else {
      const known = mhsdsCode("referral_reason", reason);
      if (!known) return mhnrgErrors.notReason(row, reasonCell);
      const text = unlistedText("referral reason", reason, known.name);
      unlisted = unlisted === "" ? text : `${unlisted} and ${text}`;
    }
  }
  const crisisArg = readFlag(crisisCell, row, "crisisReferral");
  if (crisisArg instanceof PbrError) return crisisArg;
  const diagCat = diag === "" ? "" : (rules.diagnosis.get(diag) ?? "");

  let cat: Category = "";
  let tier: Tier = "unclassified";
  let value = "";
  let cypFrom = "";
  if (age !== null && age < 18) {
    if (kind === 0 && serviceCat === "S") {
      cat = "S";
      tier = "MHST";
      value = service;
    } else if (diagCat !== "") {
      cat = diagCat;
      tier = "diagnosis";
      value = diag;
    } else if (serviceCat !== "") {
      cat = serviceCat;
      tier = kind === 0 ? "team type" : "bed type";
      value = service;
    } else if (reasonCat !== "") {
      cat = reasonCat;
      tier = "referral reason";
      value = reason;
    }
    if (cat !== "" && cat !== "C" && cat !== "S" && cat !== "Y") cypFrom = groupCode(rules, cat);
    if (cat !== "C" && cat !== "S" && cat !== "Y") cat = "CYP";
  } else if (diagCat !== "") {
    cat = diagCat;
    tier = "diagnosis";
    value = diag;
  } else if (serviceCat !== "" && serviceCat !== "S") {
    cat = serviceCat;
    tier = kind === 0 ? "team type" : "bed type";
    value = service;
  } else if (reasonCat !== "" && reasonCat !== "S") {
    cat = reasonCat;
    tier = "referral reason";
    value = reason;
  }
  const group = cat === "CYP" ? "MCG" : cat === "" ? "MBU" : groupCode(rules, cat);
  const crisis = crisisArg || (team !== undefined && team.crisis);

  let code: string;
  if (kind === 1) {
    code =
      group === "MAZ" ? "MAZ99Z" : group + "98" + (bed && bed.settingCode ? bed.settingCode : "Z");
  } else if (group === "MCS") {
    code = "MCS99Z";
  } else if (group === "MAZ") {
    code = "MAZ99" + (team && team.settingGroup === "crisis" ? team.settingCode : "Z");
  } else if (team && team.settingGroup === "community") {
    code = group + "96" + team.settingCode;
  } else if (team && team.settingGroup === "crisis") {
    code = group + "97" + team.settingCode;
  } else {
    code = group + (crisis ? "97Z" : "96Z");
  }
  into.code = code;
  into.tier = tier;
  into.value = value;
  into.cypFrom = cypFrom;
  into.team = team;
  into.bed = bed;
  into.crisis = crisis;
  into.unlisted = unlisted;
  return into;
}

export function newGrouped(): Grouped {
  return {
    code: "",
    tier: "unclassified",
    value: "",
    cypFrom: "",
    team: undefined,
    bed: undefined,
    crisis: false,
    unlisted: "",
  };
}

/** The six activity arguments of PBR.MHNRG and PBR.MHNRGWHY as row readers, one length rule. */
/** PBR.MHNRG's and PBR.MHNRGWHY's activity arguments (the rules table is read before). */
export const ACTIVITY = {
  kind: COLUMN,
  age: COLUMN,
  diagnosis: COLUMN,
  service: COLUMN,
  referralReason: COLUMN,
  crisisReferral: COLUMN,
};

/** The activity columns of PBR.MHNRG and PBR.MHNRGWHY, read in argument order. */
export type Activity = Args<typeof ACTIVITY>;

/** Read kind, age, diagnosis, service, referral reason and crisis referral, in that order. */
export function readActivity(args: readonly CellValue[]): Activity | PbrError {
  const [kind, age, diagnosis, service, referralReason, crisisReferral] = args;
  return readArgs(ACTIVITY, { kind, age, diagnosis, service, referralReason, crisisReferral });
}

/**
 * Row i (0-based) of the activity grouped, its error, or null for a blank row (no kind, service,
 * diagnosis or age). `into` is reused when given (a column of codes needs no object per row).
 */
export function groupAt(
  rules: MhnrgRules,
  activity: Activity,
  i: number,
  into?: Grouped
): Grouped | PbrError | null {
  const { kind, age, diagnosis, service } = activity;
  const k = kind.at(i);
  const s = service.at(i);
  const d = diagnosis.at(i);
  const a = age.at(i);
  if (isBlank(k) && isBlank(s) && isBlank(d) && isBlank(a)) return null;
  const reason = activity.referralReason.at(i);
  return groupRow(rules, i + 1, k, a, d, s, reason, activity.crisisReferral.at(i), into);
}

/** Code per row; blank rows blank; a bad row its own error. */
export function groupRange(rules: MhnrgRules, activity: Activity): ResultCell[] {
  const out = new Array<ResultCell>(activity.rows);
  const scratch = newGrouped();
  for (let i = 0; i < activity.rows; i++) {
    const g = groupAt(rules, activity, i, scratch);
    out[i] = g === null ? "" : g instanceof PbrError ? g : g.code;
  }
  return out;
}
