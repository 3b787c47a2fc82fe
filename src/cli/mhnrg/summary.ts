/**
 * The pane's summary of a resource-group run, from the pipeline's result table: value and units by
 * group, the pane's own sentences (core/mhnrg/activitySummary.ts), and the rows left out with
 * their reasons (the first rows of each and one message as an example).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import {
  activitySummaryText,
  moneyText,
  rowsText,
  type ActivityFigures,
} from "../../core/mhnrg/activitySummary";
import { mhnrgName } from "../../core/mhnrg/tables";
import { RESULT } from "../duckdb/pipeline";

export interface GroupLine {
  code: string;
  value: number;
  units: number;
}

export interface LeftOutLine {
  key: string;
  rows: number;
  first: number[];
  example: string;
}

export interface RunSummary {
  figures: ActivityFigures;
  groups: GroupLine[];
  leftOut: LeftOutLine[];
  rows: number;
  blankRows: number;
  invalidRows: number;
}

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

export async function summarise(con: DuckDBConnection): Promise<RunSummary> {
  const counted = "status IN ('ok', 'specialised')";
  const [t] = (
    await con.runAndReadAll(`SELECT
      fsum(value) FILTER (${counted}), sum(units) FILTER (${counted}),
      sum(units) FILTER (${counted} AND code LIKE 'MBU%'), count(*) FILTER (unlisted),
      sum(units) FILTER (status = 'specialised'), count(*) FILTER (status = 'not attended'),
      count(*) FILTER (status IN ('invalid', 'duplicate', 'blank units')),
      count(*), count(*) FILTER (status = 'blank'), count(*) FILTER (status = 'invalid')
    FROM ${RESULT}`)
  ).getRowsJS();
  const groups = (
    await con.runAndReadAll(
      `SELECT code, fsum(value), sum(units) FILTER (${counted}) FROM ${RESULT} WHERE code IS NOT NULL GROUP BY code ORDER BY code`
    )
  )
    .getRowsJS()
    .map(([code, value, units]) => ({ code: String(code), value: num(value), units: num(units) }));
  const leftOut = (
    await con.runAndReadAll(
      `SELECT reason_key, count(*) AS n, list(row_id ORDER BY row_id)[1:5], arg_min(reason, row_id)
       FROM ${RESULT} WHERE status IN ('invalid', 'duplicate', 'blank units')
       GROUP BY reason_key ORDER BY n DESC, reason_key`
    )
  )
    .getRowsJS()
    .map(([key, n, first, example]) => ({
      key: String(key),
      rows: num(n),
      first: (first as unknown[]).map(num),
      example: String(example),
    }));
  return {
    figures: {
      totalValue: num(t[0]),
      totalUnits: num(t[1]),
      unclassifiedUnits: num(t[2]),
      unlistedRows: num(t[3]),
      specialisedUnits: num(t[4]),
      notAttendedRows: num(t[5]),
      leftOutRows: num(t[6]),
    },
    groups,
    leftOut,
    rows: num(t[7]),
    blankRows: num(t[8]),
    invalidRows: num(t[9]),
  };
}

const KEY_WORDS: Record<string, string> = {
  duplicate: "exact duplicates of an earlier row",
  "blank units": "units blank",
  units: "units not a whole number",
  attendance: "attendance not readable",
  mff: "MFF not a number of at least 1.00",
};

/** The summary as the terminal shows it. */
export function summaryLines(s: RunSummary): string[] {
  const pad = (t: string, n: number) => t.padEnd(n);
  const lines = [
    "Resource groups, 2026/27 indicative prices (for local agreement, not a mandatory tariff):",
    `  ${pad("Group", 8)}${"Value".padStart(16)}${"Units".padStart(12)}  Name`,
  ];
  for (const g of s.groups)
    lines.push(
      `  ${pad(g.code, 8)}${moneyText(g.value).padStart(16)}${g.units.toLocaleString("en-GB").padStart(12)}  ${mhnrgName(g.code) ?? ""}`
    );
  lines.push(
    `  ${pad("All", 8)}${moneyText(s.figures.totalValue).padStart(16)}${s.figures.totalUnits.toLocaleString("en-GB").padStart(12)}`,
    activitySummaryText(s.figures, "the Note column says why"),
    `Rows in error (cannot be grouped or priced): ${rowsText(s.invalidRows)}.` +
      (s.blankRows > 0 ? ` Blank rows skipped: ${rowsText(s.blankRows)}.` : "")
  );
  if (s.leftOut.length > 0) {
    lines.push("Rows left out, by reason:");
    for (const l of s.leftOut)
      lines.push(
        `  ${KEY_WORDS[l.key] ?? l.key}: ${rowsText(l.rows)} (row ${l.first.join(", ")}${l.rows > l.first.length ? "…" : ""}), e.g. ${l.example}`
      );
  }
  return lines;
}
