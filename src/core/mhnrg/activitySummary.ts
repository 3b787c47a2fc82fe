/**
 * What a resource-group run says about its activity, in words, from its figures: one wording for
 * the task pane's Resource groups journey and the pbr-toolkit command, so both state the same
 * figures the same way.
 */

/** The figures of a run (units and value count only rows grouped: priced or specialised). */
export interface ActivityFigures {
  totalValue: number;
  totalUnits: number;
  unclassifiedUnits: number;
  /** Rows unclassified because a valid MHSDS code on them is not in the rules. */
  unlistedRows: number;
  specialisedUnits: number;
  notAttendedRows: number;
  leftOutRows: number;
}

/** "1 row", "2 rows". */
export const rowsText = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "row" : "rows"}`;

export const moneyText = (v: number) =>
  `£${v.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export const unitsText = (n: number) =>
  `${n.toLocaleString("en-GB")} ${n === 1 ? "unit" : "units"}`;

/** The figures as sentences; `why` says where the reasons for rows left out are (e.g. "Status says why"). */
export function activitySummaryText(f: ActivityFigures, why: string): string {
  const share = f.totalUnits > 0 ? (100 * f.unclassifiedUnits) / f.totalUnits : 0;
  return (
    `Value ${moneyText(f.totalValue)} over ${unitsText(f.totalUnits)} (contacts and bed days). ` +
    `Unclassified (MBU): ${unitsText(f.unclassifiedUnits)}, ${share.toFixed(1)}% of units; ` +
    `unclassified because a code is not in the rules: ${rowsText(f.unlistedRows)}. ` +
    `Specialised (out of scope, counted but not priced): ${unitsText(f.specialisedUnits)}. ` +
    `Not attended or cancelled (£0): ${rowsText(f.notAttendedRows)}. ` +
    (f.leftOutRows > 0
      ? `Left out: ${rowsText(f.leftOutRows)} (${why}).`
      : "No rows were left out.")
  );
}
