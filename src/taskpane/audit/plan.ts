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
 *
 * Payload (plan/payload.ts): no call is handed or returns more than 1 MB. A check's answer can be
 * about 115 characters, so CHECK_BLOCK people per call; with more than one block, each summary is
 * counted per block (one PBR.CHECKCOUNTS per block in a workings area to the right, each given room
 * for every group of the caseload and one more) and the summary adds the blocks up with SUMPRODUCT
 * (an exact match, as CHECKCOUNTS groups: "007" stays apart from 7, "<5" is text), the All row from
 * the blocks' All rows (half the column's total: each block's groups add up to its All row).
 */
import {
  ALL_GROUPS,
  CHECK_COUNT_HEADER,
  CHECK_RESULTS,
  checkGroups,
} from "../../core/clusters/checkCounts";
import { ITEMS, ITEM_COUNT } from "../../core/clusters/items";
import { PbrError } from "../../core/errors";
import { BLANK_ROW, MIN_KNOWN, readRatings } from "../../core/clusters/ratings";
import { cellAddress, rangeAddress } from "../../workbook/address";
import { dataCell } from "../../workbook/cellText";
import type { CellInput } from "../../workbook/port";
import { COUNT_AXIS } from "../../workbook/chartStyle";
import { absolute, call } from "../plan/formula";
import {
  CELL_BYTES,
  blocks as blocksOf,
  boundRowBytes,
  columnsRowBytes,
  rowsPerCall,
} from "../plan/payload";
import { titleBlock, type Block, type WorkbookPlan } from "../plan/types";
import { hyperlinkCell, rowRef } from "../plan/rowRefs";

export interface AuditRow {
  /** The row as the user sees it in the source table, for messages; omitted: counted from 1. */
  sheetRow?: number;
  /** The source table's sheet: a not-assessed sentence names it ("Caseload row 29") and links there. */
  sheet?: string;
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
  /** People per formula call; default CHECK_BLOCK (the payload model). */
  callRows?: number;
}

const TABLE_ROW = 3; // 0-based header row (row 4)
const NOT_ASSESSED_COL = 3 + ITEM_COUNT; // V
const CHECK_COL = NOT_ASSESSED_COL + 2; // X
const SUMMARY_COL = CHECK_COL + 2; // Z
/**
 * People per live PBR.CLUSTERCHECK and per block's PBR.CHECKCOUNTS: a check's answer at its bound
 * goes out of CLUSTERCHECK and, with the group cell (a 60-character team name), into CHECKCOUNTS.
 */
export const CHECK_BLOCK = rowsPerCall({
  inRow: columnsRowBytes([CELL_BYTES.check, 64]),
  outRow: boundRowBytes([CELL_BYTES.check]),
});
const WORKINGS_COL = SUMMARY_COL + CHECK_COUNT_HEADER.length + 3; // AL: right of the summaries

/**
 * A summary: title, header, and the counts per group (results, Other, People) and the All row.
 * One block of people: one live PBR.CHECKCOUNTS spilling them, counted in one pass. Several: a
 * PBR.CHECKCOUNTS per block in a workings area at `workingsCol`, each with room for every group and
 * one more, and the summary's rows (one per group the caseload has) adding the blocks up.
 */
function summary(
  title: string,
  labelHeader: string,
  groupCol: number,
  labels: readonly (string | number)[],
  top: number,
  n: number,
  workingsCol: number,
  size: number
): CellsBlockLike[] {
  const parts = blocksOf(n, size);
  const rangeOf = (col: number, first: number, rows: number) =>
    absolute(rangeAddress(TABLE_ROW + 1 + first, col, rows, 1));
  const head = [[title], [labelHeader, ...CHECK_COUNT_HEADER]];
  if (parts.length === 1)
    return [
      {
        kind: "cells",
        topLeft: cellAddress(top, SUMMARY_COL),
        values: [
          ...head,
          [
            `=PBR.CHECKCOUNTS(${rangeOf(CHECK_COL, 0, Math.max(n, 1))},${rangeOf(groupCol, 0, Math.max(n, 1))})`,
          ],
        ],
      },
    ];
  const room = labels.length + 2; // every group, the All row and one group more
  const workings: CellInput[][] = [
    [
      `Workings for "${title}": one PBR.CHECKCOUNTS per ${size.toLocaleString("en-GB")} people, so no formula hands Excel more than 1 MB`,
    ],
    [labelHeader, ...CHECK_COUNT_HEADER],
  ];
  for (const [first, rows] of parts) {
    workings.push([
      `=PBR.CHECKCOUNTS(${rangeOf(CHECK_COL, first, rows)},${rangeOf(groupCol, first, rows)})`,
    ]);
    for (let k = 1; k < room; k++) workings.push([]);
  }
  const column = (offset: number) =>
    absolute(rangeAddress(TABLE_ROW + 1, workingsCol + offset, parts.length * room, 1));
  const counts = CHECK_COUNT_HEADER.map((_, j) => column(j + 1));
  const rows: CellInput[][] = labels.map((label, i) => {
    const at = absolute(cellAddress(top + 2 + i, SUMMARY_COL));
    return [dataCell(label), ...counts.map((c) => `=SUMPRODUCT((${column(0)}=${at})*${c})`)];
  });
  rows.push([ALL_GROUPS, ...counts.map((c) => `=SUM(${c})/2`)]);
  return [
    { kind: "cells", topLeft: cellAddress(top, SUMMARY_COL), values: [...head, ...rows] },
    { kind: "cells", topLeft: cellAddress(TABLE_ROW - 1, workingsCol), values: workings },
  ];
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
  const where = row.sheet ? rowRef(row.sheet, sheetRow) : `sheet row ${sheetRow}`;
  // A missing rating (a short row) reads as blank, as a blank cell does.
  const known = readRatings(row.ratings, sheetRow, scratch, 0);
  if (known instanceof PbrError)
    return `Too few ratings: ${where} cannot be read (${known.message.replace(/^row \d+, /, "")})`;
  if (known !== BLANK_ROW && known < MIN_KNOWN)
    return `Too few ratings: ${where} has ${known} of 18 ratings known (at least ${MIN_KNOWN} are needed)`;
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
    const problem = assessProblem(row, i, scratch);
    // The sentence links to the person's row on the caseload sheet (a click in Excel goes there).
    out[3 + ITEM_COUNT] =
      problem !== null && row.sheet && row.sheetRow !== undefined
        ? hyperlinkCell(row.sheet, cellAddress(row.sheetRow - 1, 0), problem)
        : problem;
    rows[i] = out;
  }
  // One live check per block of CHECK_BLOCK people: each call hands its block's ratings over once
  // (not once per person), and an edited rating recalculates its own block, not everyone.
  const checks: Block[] = [];
  const size = inputs.callRows && inputs.callRows > 0 ? inputs.callRows : CHECK_BLOCK;
  for (const [first, height] of blocksOf(n, size)) {
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
  const clusterLabels = checkGroups(inputs.rows.map((r) => r.recorded));
  const clusters = clusterLabels.length;
  const blocks: Block[] = [
    titleBlock(
      "Cluster audit: recorded clusters against MHCT ratings",
      `The Check column (X) is live PBR.CLUSTERCHECK, one formula per ${size.toLocaleString("en-GB")} people: OK, or the first broken red rule and the best-fitting alternative; a person who cannot be assessed shows why (column V). The summaries are live PBR.CHECKCOUNTS over the Check column${
        n > size
          ? `, one per ${size.toLocaleString("en-GB")} people (workings from column AL) added up per group; a group that was not in the caseload when the audit was written is counted in All only`
          : ""
      }. ${
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
    ...summary(
      "Checks by recorded cluster",
      "Recorded cluster",
      2,
      clusterLabels,
      TABLE_ROW,
      n,
      WORKINGS_COL,
      size
    ),
  ];
  let next = TABLE_ROW + summaryRows(clusters) + 1;
  if (inputs.byTeam) {
    const teams = checkGroups(inputs.rows.map((r) => r.team));
    const teamWorkings = WORKINGS_COL + CHECK_COUNT_HEADER.length + 2;
    blocks.push(...summary("Checks by team", "Team", 1, teams, next, n, teamWorkings, size));
    next += summaryRows(teams.length) + 1;
  }
  blocks.push({
    kind: "chart",
    chart: {
      type: "bar",
      title: "Cluster checks by recorded cluster",
      // The group column, every result column and Other (so the bars add up to the people);
      // not People (the total) or the All row.
      dataAddress: rangeAddress(TABLE_ROW + 1, SUMMARY_COL, clusters + 1, CHECK_RESULTS.length + 2),
      anchor: cellAddress(next + 1, SUMMARY_COL),
      valueFormat: COUNT_AXIS,
    },
  });
  return {
    // The title, note and the table's header row stay in view, and so does the Id column.
    sheets: [
      { key: "audit", name: "Cluster audit", blocks, freeze: { rows: TABLE_ROW + 1, columns: 1 } },
    ],
    select: { sheet: "audit", address: cellAddress(TABLE_ROW, SUMMARY_COL) },
  };
}
