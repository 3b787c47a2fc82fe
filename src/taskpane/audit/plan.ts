/**
 * Cluster audit plan: a table with one row per person (id, team, recorded cluster, the 18 ratings,
 * and for a person who cannot be assessed a sentence naming their sheet row), beside it the live
 * checks, =IF(notAssessed<>"", notAssessed, PBR.CLUSTERCHECK(ratings, recorded, …)), one spilled
 * formula per CHECK_BLOCK people (Excel marshals the profile once per block, not once per person;
 * an edit recalculates one block), then summaries counting OK / Broken / Unconfirmed / Super class /
 * Variance / Not clustered / Too few ratings / Other by recorded cluster and by team (one live
 * PBR.CHECKCOUNTS each, so they follow the checks when the profile or a rating changes) and a bar
 * chart of the by-cluster counts.
 *
 * Layout: A1 title, A2 note; the audit table at A4 (A:V, "Not assessed because" in V); column W
 * left empty (a spill cannot sit in a table); the Check header at X4, the check spills from X5;
 * summaries from Z4.
 */
import { CHECK_COUNT_HEADER, CHECK_RESULTS, checkGroups } from "../../core/clusters/checkCounts";
import { ITEMS, ITEM_COUNT } from "../../core/clusters/items";
import { PbrError } from "../../core/errors";
import { BLANK_ROW, MIN_KNOWN, readRatings } from "../../core/clusters/ratings";
import { cellAddress, rangeAddress } from "../../workbook/address";
import { dataCell } from "../../workbook/cellText";
import type { CellInput } from "../../workbook/port";
import { absolute, call } from "../plan/formula";
import { titleBlock, type Block, type WorkbookPlan } from "../plan/types";

export interface AuditRow {
  /** The row as the user sees it in the source table, for messages; omitted: counted from 1. */
  sheetRow?: number;
  id: CellInput;
  team: CellInput;
  recorded: CellInput;
  ratings: CellInput[];
}

export interface AuditInputs {
  rows: AuditRow[];
  /** Reference to a profile table; null uses the built-in indicative profile. */
  profile: string | null;
  /**
   * Reference to a super class rules table; null: the built-in indicative rules with the built-in
   * profile, no super class step with a profile table (as PBR.CLUSTERCHECK does).
   */
  rules?: string | null;
  /** Whether the caseload had a team column (adds the by-team summary). */
  byTeam: boolean;
}

const TABLE_ROW = 3; // 0-based header row (row 4)
const NOT_ASSESSED_COL = 3 + ITEM_COUNT; // V
const CHECK_COL = NOT_ASSESSED_COL + 2; // X
const SUMMARY_COL = CHECK_COL + 2; // Z
/** People per live PBR.CLUSTERCHECK formula (the Office write policy's rows per request). */
export const CHECK_BLOCK = 5_000;

/**
 * A summary block: title, header, and one live PBR.CHECKCOUNTS spilling a row per group (results,
 * Other, People) and the All row, counted in one pass over the check column.
 */
function summary(
  title: string,
  labelHeader: string,
  groupRange: string,
  checkRange: string,
  top: number
): CellsBlockLike {
  return {
    kind: "cells",
    topLeft: cellAddress(top, SUMMARY_COL),
    values: [
      [title],
      [labelHeader, ...CHECK_COUNT_HEADER],
      [`=PBR.CHECKCOUNTS(${checkRange},${groupRange})`],
    ],
  };
}

/** Rows a summary takes: title, header, one per group and the All row. */
const summaryRows = (groups: number) => 2 + groups + 1;

type CellsBlockLike = Extract<Block, { kind: "cells" }>;

/**
 * Why a person cannot be assessed ("Too few ratings: sheet row 12 has 9 of 18 ratings known …"),
 * or null. Checked before writing with the same reader PBR.CLUSTERCHECK uses, so such a person
 * gets a sentence naming their sheet row rather than an error cell.
 */
export function assessProblem(
  row: AuditRow,
  i: number,
  scratch = new Uint8Array(ITEM_COUNT)
): string | null {
  const sheetRow = row.sheetRow ?? i + 1;
  // A missing rating (a short row) reads as blank, as a blank cell does.
  const known = readRatings(row.ratings, sheetRow, scratch, 0);
  if (known instanceof PbrError)
    return `Too few ratings: sheet row ${sheetRow} cannot be read (${known.message.replace(/^row \d+, /, "")})`;
  if (known !== BLANK_ROW && known < MIN_KNOWN)
    return `Too few ratings: sheet row ${sheetRow} has ${known} of 18 ratings known (at least ${MIN_KNOWN} are needed)`;
  return null;
}

export function auditPlan(inputs: AuditInputs): WorkbookPlan {
  const n = inputs.rows.length;
  const scratch = new Uint8Array(ITEM_COUNT);
  // A plain loop: this runs on the page's thread before the first write, once per person.
  const rows = new Array<CellInput[]>(n);
  for (let i = 0; i < n; i++) {
    const row = inputs.rows[i];
    // Values copied from the caseload sheet are data: text read back as "=…" must not run.
    const out = new Array<CellInput>(4 + ITEM_COUNT);
    out[0] = dataCell(row.id);
    out[1] = dataCell(row.team);
    out[2] = dataCell(row.recorded);
    for (let j = 0; j < ITEM_COUNT; j++) out[3 + j] = dataCell(row.ratings[j] ?? null);
    out[3 + ITEM_COUNT] = assessProblem(row, i, scratch);
    rows[i] = out;
  }
  // One live check per block of CHECK_BLOCK people: each call hands its block's ratings over once
  // (not once per person), and an edited rating recalculates its own block, not everyone.
  const checks: Block[] = [];
  for (let first = 0; first < Math.max(n, 1); first += CHECK_BLOCK) {
    const height = Math.min(CHECK_BLOCK, Math.max(n, 1) - first);
    const body = (col: number, width = 1) =>
      absolute(rangeAddress(TABLE_ROW + 1 + first, col, height, width));
    const notAssessed = body(NOT_ASSESSED_COL);
    const check = `=IF(${notAssessed}<>"",${notAssessed},${call(
      "PBR.CLUSTERCHECK",
      [body(3, ITEM_COUNT), body(2), inputs.profile, inputs.rules],
      false
    )})`;
    checks.push({
      kind: "cells",
      topLeft: cellAddress(TABLE_ROW + 1 + first, CHECK_COL),
      values: [[check]],
    });
  }
  const column = (col: number) => absolute(rangeAddress(TABLE_ROW + 1, col, Math.max(n, 1), 1));
  const checkRange = column(CHECK_COL);

  const clusters = checkGroups(inputs.rows.map((r) => r.recorded)).length;
  const blocks: Block[] = [
    titleBlock(
      "Cluster audit: recorded clusters against MHCT ratings",
      `The Check column (X) is live PBR.CLUSTERCHECK, one formula per ${CHECK_BLOCK.toLocaleString("en-GB")} people: OK, or the first broken red rule and the best-fitting alternative; a person who cannot be assessed shows why (column V). The summaries are live PBR.CHECKCOUNTS over the Check column. ${
        inputs.profile
          ? `Profile: ${inputs.profile}.`
          : "Profile: the built-in indicative profile (not the national booklet grid)."
      } Decision support: the clinician decides.`
    ),
    {
      kind: "table",
      topLeft: cellAddress(TABLE_ROW, 0),
      table: "ClusterAudit",
      header: [
        "Id",
        "Team",
        "Recorded cluster",
        ...ITEMS.map((it) => it.id),
        "Not assessed because",
      ],
      rows,
    },
    { kind: "cells", topLeft: cellAddress(TABLE_ROW, CHECK_COL), values: [["Check"]] },
    ...checks,
    summary("Checks by recorded cluster", "Recorded cluster", column(2), checkRange, TABLE_ROW),
  ];
  let next = TABLE_ROW + summaryRows(clusters) + 1;
  if (inputs.byTeam) {
    blocks.push(summary("Checks by team", "Team", column(1), checkRange, next));
    next += summaryRows(checkGroups(inputs.rows.map((r) => r.team)).length) + 1;
  }
  blocks.push({
    kind: "chart",
    chart: {
      type: "bar",
      title: "Cluster checks by recorded cluster",
      // The group column and the result columns, without Other, People or the All row.
      dataAddress: rangeAddress(TABLE_ROW + 1, SUMMARY_COL, clusters + 1, CHECK_RESULTS.length + 1),
      anchor: cellAddress(next + 1, SUMMARY_COL),
    },
  });
  return {
    sheets: [{ key: "audit", name: "Cluster audit", blocks }],
    select: { sheet: "audit", address: cellAddress(TABLE_ROW, SUMMARY_COL) },
  };
}
