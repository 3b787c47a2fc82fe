/**
 * What the pane says about an activity run, in words, from the same pre-flight figures the
 * Resource groups sheet's summary calculates (test/taskpane/activity.test.ts holds them equal).
 * An extract grouped without writing its rows (tally.ts) gives the same figures.
 */
import type { CheckedRow, Preflight } from "./preflight";

/** "1 row", "2 rows". */
export const rowsText = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "row" : "rows"}`;

const money = (v: number) =>
  `£${v.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const units = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "unit" : "units"}`;

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
  const share = f.totalUnits > 0 ? (100 * f.unclassifiedUnits) / f.totalUnits : 0;
  return (
    `Value ${money(f.totalValue)} over ${units(f.totalUnits)} (contacts and bed days). ` +
    `Unclassified (MBU): ${units(f.unclassifiedUnits)}, ${share.toFixed(1)}% of units; ` +
    `unclassified because a code is not in the rules: ${rowsText(f.unlisted)}. ` +
    `Specialised (out of scope, counted but not priced): ${units(f.specialisedUnits)}. ` +
    `Not attended or cancelled (£0): ${rowsText(f.notAttended)}. ` +
    (f.leftOut > 0 ? `Left out: ${rowsText(f.leftOut)} (${whyLeftOut}).` : "No rows were left out.")
  );
}

/** "sheet rows 5, 7, 9…" for up to `max` rows. */
export function sheetRows(rows: readonly CheckedRow[], max = 8): string {
  const shown = rows.slice(0, max).map((r) => r.sheetRow);
  return `${rows.length === 1 ? "sheet row" : "sheet rows"} ${shown.join(", ")}${rows.length > max ? "…" : ""}`;
}
