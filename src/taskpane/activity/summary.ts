/**
 * What the pane says about an activity run, in words, from the same pre-flight figures the
 * Resource groups sheet's summary calculates (test/taskpane/activity.test.ts holds them equal).
 * The wording is core's, shared with the pbr-toolkit command.
 */
import { activitySummaryText, type ActivityFigures } from "../../core/mhnrg/activitySummary";
import type { CheckedRow, Preflight } from "./preflight";

export { rowsText } from "../../core/mhnrg/activitySummary";

/** The pre-flight's figures. */
export function figuresOf(pre: Preflight): ActivityFigures {
  return {
    totalValue: pre.totalValue,
    totalUnits: pre.totalUnits,
    unclassifiedUnits: pre.unclassifiedUnits,
    unlistedRows: pre.unlisted.length,
    specialisedUnits: pre.specialisedUnits,
    notAttendedRows: pre.notAttended.length,
    leftOutRows: pre.leftOut.length,
  };
}

/** The figures the sheet's summary holds, as the pane states them. */
export function summaryText(pre: Preflight): string {
  return activitySummaryText(figuresOf(pre), "Status");
}

/** "sheet rows 5, 7, 9…" for up to `max` rows. */
export function sheetRows(rows: readonly CheckedRow[], max = 8): string {
  const shown = rows.slice(0, max).map((r) => r.sheetRow);
  return `${rows.length === 1 ? "sheet row" : "sheet rows"} ${shown.join(", ")}${rows.length > max ? "…" : ""}`;
}
