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
import type { ActivityField } from "../../core/mhnrg/activityColumns";
import { readActivityUnits } from "../../core/mhnrg/activityUnits";
import { isBlank } from "../../core/values";
import type { CellInput } from "../../workbook/port";
import { rowRef } from "../plan/rowRefs";
import { RowSet } from "./rowSet";

export interface ActivityRow {
  /**
   * The row as the user sees it in the source table (sheet row number); for an extract read as a
   * stream (extractStream.ts), its file line, which is on no sheet and so never a link.
   */
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

export type { ActivityField } from "../../core/mhnrg/activityColumns";

/** The column of each field (-1 when not mapped). */
export type ActivityColumns = Record<ActivityField, number>;

/**
 * One activity row from a row of cells (a table row, or a row of an extract read as a stream):
 * `kind` is a column, or a fixed "contact"/"spell" for every row; `at` is the sheet row or file
 * line named in messages. The key is the whole row, every column: two rows are duplicates only
 * when nothing tells them apart.
 */
export function activityRowOf(
  row: readonly CellInput[],
  at: number,
  cols: ActivityColumns,
  fixedKind: "contact" | "spell" | null
): ActivityRow {
  const cell = (c: number): CellInput => (c >= 0 ? (row[c] ?? null) : null);
  return {
    sheetRow: at,
    kind: fixedKind ?? cell(cols.kind),
    age: cell(cols.age),
    diagnosis: cell(cols.diagnosis),
    team: cell(cols.team),
    bed: cell(cols.bed),
    reason: cell(cols.reason),
    crisis: cell(cols.crisis),
    attendance: cell(cols.attendance),
    units: cell(cols.units),
    unitsMapped: cols.units >= 0,
    key: JSON.stringify(row.map((v) => (v === undefined ? null : v))),
  };
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
  /**
   * The sheet the rows stand on, so messages name it ("Activity row 12") and link to the row; null
   * when unknown (messages say "sheet row 12", with no link).
   */
  sheet: string | null;
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

/** A row the rules can group (status and figures as written when the row is kept). */
export interface Kept {
  code: string;
  status: Exclude<Status, "left out">;
  reason_: string;
  unitCount: number;
  price: number | null;
  value: number;
  unlisted: boolean;
}

/** What the rules say of one row, before the user's keep-or-leave-out choices. */
export interface Verdict {
  bedForPrice: CellInput;
  /** Why the row cannot be grouped or priced (left out whatever the choices), or "". */
  invalid: string;
  /** The sheet row (or file line) of the earlier exact copy, when this row repeats one. */
  duplicateOf: number | undefined;
  /** Units blank where a units column is mapped (counted as 1 when kept). */
  blankUnits: boolean;
  /** The row's figures when kept; null when invalid. */
  kept: Kept | null;
}

/**
 * A checker that groups and prices rows one at a time, in order, with the functions' own core code
 * (it remembers each row's key, to find exact duplicates of earlier rows). The row-by-row journey
 * (preflightActivity) and the streamed one (tally.ts) both judge every row with it.
 */
export function activityChecker(): (r: ActivityRow) => Verdict {
  const rules = defaultMhnrgRules();
  const prices = defaultMhnrgPrices();
  const scratch = newGrouped();
  const seen = new RowSet();
  return (r) => {
    const spell = readKind(r.kind as never) === 1;
    const bedForPrice = spell ? (isBlank(r.bed) ? "unknown" : r.bed) : null;
    const duplicateOf = seen.getOrAdd(r.key, r.sheetRow);
    const invalid = (why: string): Verdict => ({
      bedForPrice,
      invalid: why,
      duplicateOf,
      blankUnits: false,
      kept: null,
    });
    const units = readActivityUnits(r.units, r.unitsMapped);
    if (typeof units === "string" && units !== "blank") return invalid(units);
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
    if (g instanceof PbrError) return invalid(g.message.replace(/^row \d+: /, ""));
    const attended = spell ? true : readAttended(r.attendance as never);
    if (typeof attended === "string") return invalid(attended);
    const count = units === "blank" ? 1 : units;
    const unlisted = g.unlisted !== "" && g.tier === "unclassified";
    const verdict = (kept: Kept): Verdict => ({
      bedForPrice,
      invalid: "",
      duplicateOf,
      blankUnits: units === "blank",
      kept,
    });
    if (attended === false)
      return verdict({
        code: g.code,
        status: "not attended",
        reason_: "did not attend or cancelled: £0",
        unitCount: 0,
        price: 0,
        value: 0,
        unlisted,
      });
    const p = priceActivity(prices, g.code, bedForPrice as never, r.sheetRow, false);
    return verdict({
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
    });
  };
}

/**
 * Why a duplicate or blank-units row is left out, in the pane's and the sheet's words. `earlier`
 * names the earlier row: "Activity row 8" (activityRowRef) for a table's row, "line 8" for a
 * streamed extract's file line.
 */
export const duplicateReason = (earlier: string) => `an exact duplicate of ${earlier}`;

/** "Activity row 8" for a row of `sheet`, or "sheet row 8" where the sheet is not known. */
export const activityRowRef = (sheet: string | null, row: number) =>
  sheet ? rowRef(sheet, row) : `sheet row ${row}`;
export const blankUnitsReason = (spell: boolean) =>
  `units blank (no ${spell ? "bed days" : "contacts"} given)`;

/**
 * Group and price every row with the functions' own core code, before anything is written. `sheet`
 * is the sheet the rows stand on (a table's), for messages that name and link to its rows.
 */
export function preflightActivity(
  rows: readonly ActivityRow[],
  choices: Choices = DEFAULT_CHOICES,
  sheet: string | null = null
): Preflight {
  const check = activityChecker();
  const out: CheckedRow[] = [];
  const invalid: CheckedRow[] = [];
  const duplicates: { row: CheckedRow; of: number }[] = [];
  const blankUnits: CheckedRow[] = [];
  for (const r of rows) {
    const v = check(r);
    const base: CheckedRow = {
      ...r,
      code: null,
      status: "left out",
      reason_: "",
      unitCount: 0,
      price: null,
      value: 0,
      unlisted: false,
      bedForPrice: v.bedForPrice,
    };
    const leaveOut = (why: string, list?: CheckedRow[]) => {
      const row = { ...base, reason_: why };
      out.push(row);
      list?.push(row);
      return row;
    };
    if (!v.kept) {
      leaveOut(v.invalid, invalid);
      continue;
    }
    if (v.duplicateOf !== undefined) {
      if (choices.duplicates === "leave out") {
        const why = duplicateReason(activityRowRef(sheet, v.duplicateOf));
        duplicates.push({ row: leaveOut(why), of: v.duplicateOf });
        continue;
      }
      duplicates.push({ row: base, of: v.duplicateOf });
    }
    if (v.blankUnits) {
      if (choices.blankUnits === "leave out") {
        blankUnits.push(leaveOut(blankUnitsReason(v.bedForPrice !== null)));
        continue;
      }
      blankUnits.push(base);
    }
    out.push({ ...base, ...v.kept });
  }
  // Duplicates kept were pushed as `base` before their final row was built: point at the final row.
  const bySheetRow = new Map(out.map((r) => [r.sheetRow, r]));
  for (const d of duplicates) d.row = bySheetRow.get(d.row.sheetRow) ?? d.row;
  for (let i = 0; i < blankUnits.length; i++)
    blankUnits[i] = bySheetRow.get(blankUnits[i].sheetRow) ?? blankUnits[i];
  const counted = out.filter((r) => r.status === "ok" || r.status === "specialised");
  const sum = (xs: CheckedRow[], f: (r: CheckedRow) => number) => xs.reduce((t, r) => t + f(r), 0);
  return {
    sheet,
    rows: out,
    leftOut: out.filter((r) => r.status === "left out"),
    invalid,
    specialised: out.filter((r) => r.status === "specialised"),
    notAttended: out.filter((r) => r.status === "not attended"),
    // A specialised row is counted as specialised only, as the sheet's Status says.
    unlisted: counted.filter((r) => r.unlisted && r.status === "ok"),
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
