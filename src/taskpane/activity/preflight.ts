/**
 * Activity by resource group, before anything is written: every row grouped and priced with the
 * same core code the functions use, so the pane's figures are the sheet's (plan.ts writes the same
 * rows with live formulas, and test/taskpane/activity.test.ts holds the two to each other).
 *
 * Each row ends in one status:
 * - ok: grouped and priced; "unlisted" when it is unclassified because a valid MHSDS code on it is
 *   not in the rules (counted under "unclassified: reason not in the rules");
 * - specialised: grouped, counted, not priced (commissioned by NHS England);
 * - not attended: a contact the attendance column says did not happen (DNA, cancelled): £0;
 * - left out: a value that is not a code, units that are not a number of contacts or bed days, or
 *   (as the user chooses) an exact duplicate of an earlier row or blank units.
 * Duplicates and blank units are flagged with their sheet rows whatever the user chooses.
 */
import { PbrError } from "../../core/errors";
import { readAttended } from "../../core/mhnrg/attendance";
import { groupRow, newGrouped, readKind } from "../../core/mhnrg/group";
import { priceActivity } from "../../core/mhnrg/price";
import { defaultMhnrgPrices, defaultMhnrgRules } from "../../core/mhnrg/tables";
import { readActivityUnits } from "../../core/mhnrg/activityUnits";
import { isBlank } from "../../core/values";
import type { CellInput } from "../../workbook/port";

export interface ActivityRow {
  /** The row as the user sees it in the source table (sheet row number). */
  sheetRow: number;
  kind: CellInput;
  age: CellInput;
  diagnosis: CellInput;
  team: CellInput;
  bed: CellInput;
  reason: CellInput;
  crisis: CellInput;
  attendance: CellInput;
  /** Contacts or bed days on this row; blank is flagged when a units column is mapped. */
  units: CellInput;
  /** Whether the table has a units column (without one, every row is one unit). */
  unitsMapped: boolean;
  /** The whole source row as text, to find exact duplicates. */
  key: string;
}

export type Status = "ok" | "specialised" | "not attended" | "left out";

export interface CheckedRow extends ActivityRow {
  /** The code, or null when the row is left out. */
  code: string | null;
  status: Status;
  /** Why the row is left out, or what to know about it. */
  reason_: string;
  /** Units counted (0 for rows left out and not attended). */
  unitCount: number;
  /** The unit price used, null when not priced. */
  price: number | null;
  /** unitCount × price (0 when not priced). */
  value: number;
  /** Unclassified because a valid MHSDS code on the row is not in the rules. */
  unlisted: boolean;
  /** Spells: the bed type the price formula is given ("unknown" when blank); contacts: null. */
  bedForPrice: CellInput;
}

export interface Choices {
  duplicates: "keep" | "leave out";
  blankUnits: "keep" | "leave out";
}

export const DEFAULT_CHOICES: Choices = { duplicates: "leave out", blankUnits: "leave out" };

export interface Preflight {
  rows: CheckedRow[];
  leftOut: CheckedRow[];
  /** Rows that cannot be grouped or priced: left out whatever the choices. */
  invalid: CheckedRow[];
  specialised: CheckedRow[];
  notAttended: CheckedRow[];
  unlisted: CheckedRow[];
  /** Exact repeats of an earlier row, with the earlier row's sheet row. */
  duplicates: { row: CheckedRow; of: number }[];
  blankUnits: CheckedRow[];
  totalUnits: number;
  totalValue: number;
  unclassifiedUnits: number;
  specialisedUnits: number;
}

/** Group and price every row with the functions' own core code, before anything is written. */
export function preflightActivity(
  rows: readonly ActivityRow[],
  choices: Choices = DEFAULT_CHOICES
): Preflight {
  const rules = defaultMhnrgRules();
  const prices = defaultMhnrgPrices();
  const scratch = newGrouped();
  const seen = new Map<string, number>();
  const out: CheckedRow[] = [];
  const invalid: CheckedRow[] = [];
  const duplicates: { row: CheckedRow; of: number }[] = [];
  const blankUnits: CheckedRow[] = [];
  for (const r of rows) {
    const spell = readKind(r.kind as never) === 1;
    const base: CheckedRow = {
      ...r,
      code: null,
      status: "left out",
      reason_: "",
      unitCount: 0,
      price: null,
      value: 0,
      unlisted: false,
      bedForPrice: spell ? (isBlank(r.bed) ? "unknown" : r.bed) : null,
    };
    const leaveOut = (why: string, list?: CheckedRow[]) => {
      const row = { ...base, reason_: why };
      out.push(row);
      list?.push(row);
      return row;
    };
    const first = seen.get(r.key);
    if (first === undefined) seen.set(r.key, r.sheetRow);
    const units = readActivityUnits(r.units, r.unitsMapped);
    if (typeof units === "string" && units !== "blank") {
      leaveOut(units, invalid);
      continue;
    }
    const g = groupRow(
      rules,
      r.sheetRow,
      r.kind,
      r.age,
      r.diagnosis,
      spell ? r.bed : r.team,
      r.reason,
      r.crisis,
      scratch
    );
    if (g instanceof PbrError) {
      leaveOut(g.message.replace(/^row \d+: /, ""), invalid);
      continue;
    }
    const attended = spell ? true : readAttended(r.attendance as never);
    if (typeof attended === "string") {
      leaveOut(attended, invalid);
      continue;
    }
    if (first !== undefined) {
      const why = `an exact duplicate of sheet row ${first}`;
      if (choices.duplicates === "leave out") {
        duplicates.push({ row: leaveOut(why), of: first });
        continue;
      }
      duplicates.push({ row: base, of: first });
    }
    if (units === "blank") {
      if (choices.blankUnits === "leave out") {
        blankUnits.push(leaveOut(`units blank (no ${spell ? "bed days" : "contacts"} given)`));
        continue;
      }
      blankUnits.push(base);
    }
    const count = units === "blank" ? 1 : units;
    const unlisted = g.unlisted !== "" && g.tier === "unclassified";
    if (attended === false) {
      out.push({
        ...base,
        code: g.code,
        status: "not attended",
        reason_: "did not attend or cancelled: £0",
        price: 0,
        unlisted,
      });
      continue;
    }
    const p = priceActivity(prices, g.code, base.bedForPrice as never, r.sheetRow, false);
    const row: CheckedRow = {
      ...base,
      code: g.code,
      unitCount: count,
      unlisted,
      status: p instanceof PbrError ? "specialised" : "ok",
      reason_:
        p instanceof PbrError
          ? "specialised service: out of scope, not priced"
          : unlisted
            ? `unclassified: ${g.unlisted} is not in the rules`
            : "",
      price: p instanceof PbrError ? null : p.price,
      value: p instanceof PbrError ? 0 : count * p.price,
    };
    out.push(row);
  }
  // Duplicates kept were pushed as `base` before their final row was built: point at the final row.
  const bySheetRow = new Map(out.map((r) => [r.sheetRow, r]));
  for (const d of duplicates) d.row = bySheetRow.get(d.row.sheetRow) ?? d.row;
  for (let i = 0; i < blankUnits.length; i++)
    blankUnits[i] = bySheetRow.get(blankUnits[i].sheetRow) ?? blankUnits[i];
  const counted = out.filter((r) => r.status === "ok" || r.status === "specialised");
  const sum = (xs: CheckedRow[], f: (r: CheckedRow) => number) => xs.reduce((t, r) => t + f(r), 0);
  return {
    rows: out,
    leftOut: out.filter((r) => r.status === "left out"),
    invalid,
    specialised: out.filter((r) => r.status === "specialised"),
    notAttended: out.filter((r) => r.status === "not attended"),
    unlisted: counted.filter((r) => r.unlisted),
    duplicates,
    blankUnits,
    totalUnits: sum(counted, (r) => r.unitCount),
    totalValue: sum(counted, (r) => r.value),
    unclassifiedUnits: sum(
      counted.filter((r) => r.code!.startsWith("MBU")),
      (r) => r.unitCount
    ),
    specialisedUnits: sum(
      counted.filter((r) => r.status === "specialised"),
      (r) => r.unitCount
    ),
  };
}
