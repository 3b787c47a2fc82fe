/**
 * Cluster audit plan: a table with one row per person (id, team, recorded cluster, the 18 ratings,
 * and for a person who cannot be assessed a sentence naming their sheet row), beside it ONE live
 * spilled check for everyone, =IF(notAssessed<>"", notAssessed, PBR.CLUSTERCHECK(ratings, recorded,
 * …)) (one call: Excel marshals the profile once, not once per person), then a summary counting
 * OK / Broken / Unconfirmed / Super class / Not clustered / Too few ratings / other results by
 * recorded cluster and by team (COUNTIFS over the check column, so it follows the checks when the
 * profile changes) and a bar chart of the by-cluster counts.
 *
 * Layout: A1 title, A2 note; the audit table at A4 (A:V, "Not assessed because" in V); column W
 * left empty (a spill cannot sit in a table); the Check spill at X4 (header) / X5 (formula);
 * summaries from Z4.
 */
import { NOT_CLUSTERED } from "../../core/clusters/reference";
import { ITEMS, ITEM_COUNT } from "../../core/clusters/items";
import { toNumber } from "../../core/values";
import { PbrError } from "../../core/errors";
import { BLANK_ROW, MIN_KNOWN, readRatings } from "../../core/clusters/ratings";
import { cellAddress, columnLetters, rangeAddress } from "../../workbook/address";
import { dataCell, excelWouldChange } from "../../workbook/cellText";
import type { CellInput } from "../../workbook/port";
import { absolute, call, exactCriterion, text } from "../plan/formula";
import type { Block, WorkbookPlan } from "../plan/types";

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
const SUMMARY_COL = CHECK_COL + 2; // X
/** Result categories counted in the summaries, by the start of the Check text; then Other and People. */
const CATEGORIES: [string, string][] = [
  ["OK", "OK"],
  ["Broken", "Broken:*"],
  ["Unconfirmed", "Unconfirmed:*"],
  ["Super class", "Super class:*"],
  ["Not clustered", "Not clustered:*"],
  ["Too few ratings", "Too few ratings:*"],
];
const COUNT_HEADER = [...CATEGORIES.map(([label]) => label), "Other", "People"];
const PEOPLE = CATEGORIES.length + 2; // summary column of People (label is 0)

function key(value: CellInput): string | number | null {
  if (value === null || value === "") return null;
  const n = toNumber(value);
  return Number.isFinite(n) ? n : String(value).trim();
}

function clusterLabel(value: string | number | null): string {
  if (value === null) return "Not recorded";
  if (value === NOT_CLUSTERED) return `${NOT_CLUSTERED} (not clustered)`;
  if (value === 0) return "Cluster 0 (variance)";
  return typeof value === "number" ? `Cluster ${value}` : String(value);
}

function distinct(values: (string | number | null)[]): (string | number | null)[] {
  const seen = new Map<string, string | number | null>();
  for (const v of values) seen.set(String(v), v);
  return [...seen.values()].sort((a, b) => {
    if (a === null) return 1;
    if (b === null) return -1;
    if (typeof a === "number" && typeof b === "number") return a - b;
    if (typeof a === "number") return -1;
    if (typeof b === "number") return 1;
    return a.localeCompare(b, "en-GB");
  });
}

/** A block of summary rows: label, OK, Broken, Unconfirmed, Other, People, plus a total row. */
function summary(
  title: string,
  labelHeader: string,
  groups: (string | number | null)[],
  label: (g: string | number | null) => string,
  groupRange: string,
  checkRange: string,
  top: number
): { block: CellsBlockLike; rows: number } {
  const values: CellInput[][] = [[title], [labelHeader, ...COUNT_HEADER]];
  groups.forEach((g, i) => {
    const r = top + 2 + i + 1; // Excel row
    const crit = exactCriterion(g);
    // A label Excel would read as a number, date or comparison ("007", "Mar-24", "<5") is matched
    // exactly with SUMPRODUCT: COUNTIFS would also count 7 for "007", or read "<5" as "less than 5".
    const exact = typeof g === "string" && (excelWouldChange(g) || /^[<>=]/.test(g));
    const same = `--(${groupRange}=${text(String(g))})`;
    const count = (pattern: string) =>
      !exact
        ? `=COUNTIFS(${groupRange},${crit},${checkRange},"${pattern}")`
        : pattern.endsWith("*")
          ? `=SUMPRODUCT(${same},--(LEFT(${checkRange},${pattern.length - 1})="${pattern.slice(0, -1)}"))`
          : `=SUMPRODUCT(${same},--(${checkRange}="${pattern}"))`;
    const col = (n: number) => `${columnLetters(SUMMARY_COL + n)}${r}`;
    values.push([
      dataCell(label(g)),
      ...CATEGORIES.map(([, pattern]) => count(pattern)),
      `=${col(PEOPLE)}-${CATEGORIES.map((_, j) => col(j + 1)).join("-")}`,
      exact ? `=SUMPRODUCT(${same})` : `=COUNTIFS(${groupRange},${crit})`,
    ]);
  });
  const firstRow = top + 3;
  const lastRow = top + 2 + groups.length;
  const sum = (n: number) =>
    `=SUM(${columnLetters(SUMMARY_COL + n)}${firstRow}:${columnLetters(SUMMARY_COL + n)}${lastRow})`;
  values.push(["All", ...COUNT_HEADER.map((_, j) => sum(j + 1))]);
  return {
    block: { kind: "cells", topLeft: cellAddress(top, SUMMARY_COL), values },
    rows: values.length,
  };
}

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
  const ratings = Array.from({ length: ITEM_COUNT }, (_, j) => row.ratings[j] ?? null);
  const sheetRow = row.sheetRow ?? i + 1;
  const known = readRatings(ratings, sheetRow, scratch, 0);
  if (known instanceof PbrError)
    return `Too few ratings: sheet row ${sheetRow} cannot be read (${known.message.replace(/^row \d+, /, "")})`;
  if (known !== BLANK_ROW && known < MIN_KNOWN)
    return `Too few ratings: sheet row ${sheetRow} has ${known} of 18 ratings known (at least ${MIN_KNOWN} are needed)`;
  return null;
}

export function auditPlan(inputs: AuditInputs): WorkbookPlan {
  const n = inputs.rows.length;
  const scratch = new Uint8Array(ITEM_COUNT);
  const rows = inputs.rows.map((row, i): CellInput[] => {
    const ratings = Array.from({ length: ITEM_COUNT }, (_, j) => row.ratings[j] ?? null);
    // Values copied from the caseload sheet are data: text read back as "=…" must not run.
    return [
      ...[row.id, row.team, row.recorded, ...ratings].map(dataCell),
      assessProblem(row, i, scratch),
    ];
  });
  const body = (col: number, width = 1) =>
    absolute(rangeAddress(TABLE_ROW + 1, col, Math.max(n, 1), width));
  const notAssessed = body(NOT_ASSESSED_COL);
  const check = `=IF(${notAssessed}<>"",${notAssessed},${call(
    "PBR.CLUSTERCHECK",
    [body(3, ITEM_COUNT), body(2), inputs.profile, inputs.rules],
    false
  )})`;
  const recordedRange = absolute(rangeAddress(TABLE_ROW + 1, 2, Math.max(n, 1), 1));
  const teamRange = absolute(rangeAddress(TABLE_ROW + 1, 1, Math.max(n, 1), 1));
  const checkRange = absolute(rangeAddress(TABLE_ROW + 1, CHECK_COL, Math.max(n, 1), 1));

  const clusters = distinct(inputs.rows.map((r) => key(r.recorded)));
  const byCluster = summary(
    "Checks by recorded cluster",
    "Recorded cluster",
    clusters,
    clusterLabel,
    recordedRange,
    checkRange,
    TABLE_ROW
  );
  const blocks: Block[] = [
    {
      kind: "cells",
      topLeft: "A1",
      values: [
        ["Cluster audit: recorded clusters against MHCT ratings"],
        [
          `The Check column (X) is one live PBR.CLUSTERCHECK over everyone: OK, or the first broken red rule and the best-fitting alternative; a person who cannot be assessed shows why (column V). ${
            inputs.profile
              ? `Profile: ${inputs.profile}.`
              : "Profile: the built-in indicative profile (not the national booklet grid)."
          } Decision support: the clinician decides.`,
        ],
      ],
    },
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
    { kind: "cells", topLeft: cellAddress(TABLE_ROW + 1, CHECK_COL), values: [[check]] },
    byCluster.block,
  ];
  let next = TABLE_ROW + byCluster.rows + 1;
  if (inputs.byTeam) {
    const teams = distinct(
      inputs.rows.map((r) => (r.team === null || r.team === "" ? null : String(r.team).trim()))
    );
    const byTeam = summary(
      "Checks by team",
      "Team",
      teams,
      (t) => (t === null ? "No team" : String(t)),
      teamRange,
      checkRange,
      next
    );
    blocks.push(byTeam.block);
    next += byTeam.rows + 1;
  }
  blocks.push({
    kind: "chart",
    chart: {
      type: "bar",
      title: "Cluster checks by recorded cluster",
      // Label column and the four result columns, without the People column or the total row.
      dataAddress: rangeAddress(
        TABLE_ROW + 1,
        SUMMARY_COL,
        clusters.length + 1,
        CATEGORIES.length + 1
      ),
      anchor: cellAddress(next + 1, SUMMARY_COL),
    },
  });
  return {
    sheets: [{ key: "audit", name: "Cluster audit", blocks }],
    select: { sheet: "audit", address: cellAddress(TABLE_ROW, SUMMARY_COL) },
  };
}
