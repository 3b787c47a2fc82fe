/**
 * What the pane says about an activity run, in words, from the same pre-flight figures the
 * Resource groups sheet's summary calculates (test/taskpane/activity.test.ts holds them equal).
 * An extract grouped without writing its rows (tally.ts) gives the same figures. The wording is
 * core's, shared with the pbr-toolkit command.
 */
import { activitySummaryText } from "../../core/mhnrg/activitySummary";
import type { Preflight } from "./preflight";

export { rowsText } from "../../core/mhnrg/activitySummary";

/** Value and units of one resource group, as the summary's SUMIFS give them. */
export interface GroupFigures {
  code: string;
  /** Value of every row with this code (not-attended rows £0, specialised rows not priced). */
  value: number;
  /** Units of the rows counted (grouped and priced, or specialised). */
  units: number;
}

/** Every figure of the Resource groups summary. */
export interface SummaryFigures {
  /** By resource group, in code order: every code a row kept was given. */
  groups: GroupFigures[];
  totalValue: number;
  totalUnits: number;
  unclassifiedUnits: number;
  specialisedUnits: number;
  /** Rows unclassified because a valid code on them is not in the rules. */
  unlisted: number;
  /** Contacts not attended or cancelled (£0). */
  notAttended: number;
  leftOut: number;
}

/** The summary's figures from a pre-flight (what the sheet's formulas calculate from its rows). */
export function preflightFigures(pre: Preflight): SummaryFigures {
  const byCode = new Map<string, GroupFigures>();
  for (const r of pre.rows) {
    if (!r.code) continue;
    const g = byCode.get(r.code) ?? { code: r.code, value: 0, units: 0 };
    byCode.set(r.code, g);
    g.value += r.value;
    if (r.status === "ok" || r.status === "specialised") g.units += r.unitCount;
  }
  return {
    groups: [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    totalValue: pre.totalValue,
    totalUnits: pre.totalUnits,
    unclassifiedUnits: pre.unclassifiedUnits,
    specialisedUnits: pre.specialisedUnits,
    unlisted: pre.unlisted.length,
    notAttended: pre.notAttended.length,
    leftOut: pre.leftOut.length,
  };
}

/**
 * The figures the sheet's summary holds, as the pane states them. `whyLeftOut` says where the
 * reasons for rows left out are written.
 */
export function summaryText(
  from: Preflight | SummaryFigures,
  whyLeftOut = "Status says why"
): string {
  const f = "rows" in from ? preflightFigures(from) : from;
  return activitySummaryText(
    {
      totalValue: f.totalValue,
      totalUnits: f.totalUnits,
      unclassifiedUnits: f.unclassifiedUnits,
      unlistedRows: f.unlisted,
      specialisedUnits: f.specialisedUnits,
      notAttendedRows: f.notAttended,
      leftOutRows: f.leftOut,
    },
    whyLeftOut
  );
}
