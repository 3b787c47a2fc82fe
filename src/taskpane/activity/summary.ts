/**
 * What the pane says about an activity run, in words, from the same pre-flight figures the
 * Resource groups sheet's summary calculates (test/taskpane/activity.test.ts holds them equal).
 */
import type { CheckedRow, Preflight } from "./preflight";

/** "1 row", "2 rows". */
export const rowsText = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "row" : "rows"}`;

const money = (v: number) =>
  `£${v.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const units = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "unit" : "units"}`;

/** The figures the sheet's summary holds, as the pane states them. */
export function summaryText(pre: Preflight): string {
  const share = pre.totalUnits > 0 ? (100 * pre.unclassifiedUnits) / pre.totalUnits : 0;
  return (
    `Value ${money(pre.totalValue)} over ${units(pre.totalUnits)} (contacts and bed days). ` +
    `Unclassified (MBU): ${units(pre.unclassifiedUnits)}, ${share.toFixed(1)}% of units; ` +
    `unclassified because a code is not in the rules: ${rowsText(pre.unlisted.length)}. ` +
    `Specialised (out of scope, counted but not priced): ${units(pre.specialisedUnits)}. ` +
    `Not attended or cancelled (£0): ${rowsText(pre.notAttended.length)}. ` +
    (pre.leftOut.length > 0
      ? `Left out: ${rowsText(pre.leftOut.length)} (Status says why).`
      : "No rows were left out.")
  );
}

/** "sheet rows 5, 7, 9…" for up to `max` rows. */
export function sheetRows(rows: readonly CheckedRow[], max = 8): string {
  const shown = rows.slice(0, max).map((r) => r.sheetRow);
  return `${rows.length === 1 ? "sheet row" : "sheet rows"} ${shown.join(", ")}${rows.length > max ? "…" : ""}`;
}
