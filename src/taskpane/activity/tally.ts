/**
 * Activity by resource group without keeping the rows: each row is judged by the same checker as
 * the row-by-row journey (preflight.ts, the functions' own core code) and only its figures are
 * added up, so an extract past Excel's 1,048,576 rows can be grouped and priced in the pane.
 *
 * The user's two keep-or-leave-out questions (exact duplicates, blank units) are asked after the
 * rows are read, so the figures are kept in four parts: rows that are neither, duplicates only,
 * blank units only, and both. Any answer's summary is then the sum of the parts it keeps, with no
 * second pass over the file. Rows left out are listed with their file line and reason, up to
 * LISTED_ROWS of each kind; the rest are counted.
 */
import type { CellInput } from "../../workbook/port";
import {
  activityChecker,
  blankUnitsReason,
  duplicateReason,
  type ActivityRow,
  type Choices,
  type Verdict,
} from "./preflight";
import type { GroupFigures, SummaryFigures } from "./summary";

/** Rows left out listed on the sheet, of each kind; more are counted, not listed. */
export const LISTED_ROWS = 5000;

/** A row left out (or that may be), with the values the sheet shows. */
export interface ListedRow {
  /**
   * Its line in the file. The streamed extract's rows are written to no sheet (that is why they
   * are streamed), so a line has no cell to go to: the pane and the sheet name it as "file line N"
   * / "Line" in plain text, never as a link (unlike a table's "Activity row N").
   */
  line: number;
  /** Why it cannot be grouped; for a duplicate or blank-units row, filled in by the choice. */
  reason: string;
  duplicateOf?: number;
  spell: boolean;
  /** Kind, age, diagnosis, team type, bed type, referral reason, crisis, attendance, units. */
  values: CellInput[];
}

/**
 * The figures of one part of the rows (see the file note). Values are added up in whole pence
 * (each row's value is units × a price in pence), so a total over millions of rows is exact to
 * the penny rather than carrying the rounding of a million additions of pounds.
 */
export interface Part {
  rows: number;
  groups: Record<string, { pence: number; units: number }>;
  totalPence: number;
  totalUnits: number;
  unclassifiedUnits: number;
  specialisedUnits: number;
  unlisted: number;
  notAttended: number;
  /** The first LISTED_ROWS rows of this part (for parts a choice may leave out). */
  listed: ListedRow[];
}

export interface ActivityTally {
  /** Rows read (blank lines not counted). */
  rows: number;
  /** Rows that cannot be grouped or priced, and the first LISTED_ROWS of them. */
  invalid: { count: number; listed: ListedRow[] };
  /** Index: 1 for an exact duplicate, + 2 for blank units. */
  parts: [Part, Part, Part, Part];
}

const newPart = (): Part => ({
  rows: 0,
  groups: {},
  totalPence: 0,
  totalUnits: 0,
  unclassifiedUnits: 0,
  specialisedUnits: 0,
  unlisted: 0,
  notAttended: 0,
  listed: [],
});

export const newTally = (): ActivityTally => ({
  rows: 0,
  invalid: { count: 0, listed: [] },
  parts: [newPart(), newPart(), newPart(), newPart()],
});

const shown = (r: ActivityRow): CellInput[] => [
  r.kind,
  r.age,
  r.diagnosis,
  r.team,
  r.bed,
  r.reason,
  r.crisis,
  r.attendance,
  r.units,
];

/** Add one judged row to the tally. */
export function addVerdict(t: ActivityTally, r: ActivityRow, v: Verdict): void {
  t.rows++;
  const spell = v.bedForPrice !== null;
  if (!v.kept) {
    if (t.invalid.count++ < LISTED_ROWS)
      t.invalid.listed.push({ line: r.sheetRow, reason: v.invalid, spell, values: shown(r) });
    return;
  }
  const p = t.parts[(v.duplicateOf !== undefined ? 1 : 0) + (v.blankUnits ? 2 : 0)];
  p.rows++;
  if (p !== t.parts[0] && p.listed.length < LISTED_ROWS)
    p.listed.push({
      line: r.sheetRow,
      reason: "",
      duplicateOf: v.duplicateOf,
      spell,
      values: shown(r),
    });
  const k = v.kept;
  const g = (p.groups[k.code] ??= { pence: 0, units: 0 });
  const pence = Math.round(k.value * 100);
  g.pence += pence;
  if (k.status === "not attended") {
    p.notAttended++;
    return;
  }
  g.units += k.unitCount;
  p.totalUnits += k.unitCount;
  p.totalPence += pence;
  if (k.code.startsWith("MBU")) p.unclassifiedUnits += k.unitCount;
  if (k.status === "specialised") p.specialisedUnits += k.unitCount;
  else if (k.unlisted) p.unlisted++;
}

/** A tally fed row by row: the checker remembers earlier rows, to find exact duplicates. */
export function activityTally(): {
  tally: ActivityTally;
  add(r: ActivityRow): void;
} {
  const check = activityChecker();
  const tally = newTally();
  return { tally, add: (r) => addVerdict(tally, r, check(r)) };
}

/** Which parts an answer keeps. */
const keeps = (choices: Choices, i: number) =>
  !((i & 1 && choices.duplicates === "leave out") || (i & 2 && choices.blankUnits === "leave out"));

/** The summary's figures for the user's answers. */
export function tallyFigures(t: ActivityTally, choices: Choices): SummaryFigures {
  const groups = new Map<string, { code: string; pence: number; units: number }>();
  let pence = 0;
  const f: SummaryFigures = {
    groups: [],
    totalValue: 0,
    totalUnits: 0,
    unclassifiedUnits: 0,
    specialisedUnits: 0,
    unlisted: 0,
    notAttended: 0,
    leftOut: t.invalid.count,
  };
  t.parts.forEach((p, i) => {
    if (!keeps(choices, i)) {
      f.leftOut += p.rows;
      return;
    }
    for (const [code, g] of Object.entries(p.groups)) {
      const into = groups.get(code) ?? { code, pence: 0, units: 0 };
      groups.set(code, into);
      into.pence += g.pence;
      into.units += g.units;
    }
    pence += p.totalPence;
    f.totalUnits += p.totalUnits;
    f.unclassifiedUnits += p.unclassifiedUnits;
    f.specialisedUnits += p.specialisedUnits;
    f.unlisted += p.unlisted;
    f.notAttended += p.notAttended;
  });
  f.totalValue = pence / 100;
  f.groups = [...groups.values()]
    .map((g): GroupFigures => ({ code: g.code, value: g.pence / 100, units: g.units }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return f;
}

/** Rows with exact duplicates and with blank units, whatever the answers (for the questions). */
export const duplicateCount = (t: ActivityTally) => t.parts[1].rows + t.parts[3].rows;
export const blankUnitsCount = (t: ActivityTally) => t.parts[2].rows + t.parts[3].rows;

/**
 * The rows left out for the user's answers, in file order, each with its reason (a row both a
 * duplicate and blank is left out as a duplicate when duplicates are), and how many more were
 * left out than are listed.
 */
export function leftOutRows(
  t: ActivityTally,
  choices: Choices
): { listed: ListedRow[]; unlisted: number } {
  const listed: ListedRow[] = [...t.invalid.listed];
  let counted = t.invalid.count;
  t.parts.forEach((p, i) => {
    if (i === 0 || keeps(choices, i)) return;
    counted += p.rows;
    const asDuplicate = i & 1 && choices.duplicates === "leave out";
    for (const r of p.listed)
      listed.push({
        ...r,
        reason: asDuplicate
          ? duplicateReason(`line ${r.duplicateOf ?? 0}`)
          : blankUnitsReason(r.spell),
      });
  });
  listed.sort((a, b) => a.line - b.line);
  return { listed, unlisted: counted - listed.length };
}
