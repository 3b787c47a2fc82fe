/**
 * The Resource groups sheet for an extract grouped without writing its rows (past Excel's
 * 1,048,576 rows, or on request): the same title, summary and chart as the row-by-row journey
 * (plan.ts's summaryBlocks), holding values rather than formulas over rows, then the rows left
 * out with their file line and reason, up to LISTED_ROWS of each kind, and a line saying how many
 * more were left out and why they are not listed. No sheet of the extract's rows is written.
 */
import { MHNRG_SOURCE } from "../../core/mhnrg/tables";
import { cellAddress } from "../../workbook/address";
import { dataCell } from "../../workbook/cellText";
import type { CellInput, WorkbookPort } from "../../workbook/port";
import { runPlan, type RunOptions, type RunResult } from "../plan/run";
import { titleBlock, type Block, type WorkbookPlan } from "../plan/types";
import { ACTIVITY_COLUMNS, summaryBlocks, summaryHeight } from "./plan";
import type { SummaryFigures } from "./summary";
import { LISTED_ROWS, type ListedRow } from "./tally";

const LEFT_OUT_HEADER = ["Line", "Why left out", ...ACTIVITY_COLUMNS];

export const LEFT_OUT_LABEL = "Rows left out (see Rows left out below)";

export interface ExtractRun {
  fileName: string;
  /** Data rows read from the file (blank lines not counted). */
  rows: number;
  /** Why the rows are not written: past the sheet's limit, or the user asked. */
  why: "too big" | "asked";
  figures: SummaryFigures;
  leftOut: { listed: ListedRow[]; unlisted: number };
}

export function extractPlan(run: ExtractRun): WorkbookPlan {
  const { figures: f, leftOut } = run;
  const codes = f.groups.map((g) => g.code);
  const summaryTop = 3; // 0-based row 4, as the row-by-row journey's sheet
  const byCode = new Map(f.groups.map((g) => [g.code, g]));
  const summary = summaryBlocks(summaryTop, codes, LEFT_OUT_LABEL, {
    groupValue: (_, code) => byCode.get(code)!.value,
    groupUnits: (_, code) => byCode.get(code)!.units,
    unclassifiedUnits: f.unclassifiedUnits,
    unlisted: f.unlisted,
    specialisedUnits: f.specialisedUnits,
    notAttended: f.notAttended,
    leftOut: f.leftOut,
  });
  const rowsText = run.rows.toLocaleString("en-GB");
  const why =
    run.why === "too big"
      ? "more than Excel's 1,048,576 rows, so they are not written to the workbook"
      : "not written to the workbook, as asked";
  const blocks: Block[] = [
    titleBlock(
      "Activity by mental health resource group, 2026/27 indicative prices",
      `From ${run.fileName}: ${rowsText} rows, ${why}. They were grouped and priced in the task pane, on this computer, by the same rules as PBR.MHNRG and PBR.MHNRGPRICE at the built-in 2026/27 indicative prices (for local agreement, not a mandatory tariff), so the summary holds values, not live formulas. A MAZ99Z spell's bed days are priced at the unclassified bed-day price of its ward's setting; did-not-attend and cancelled contacts are £0. Source: ${MHNRG_SOURCE}`
    ),
    summary.cells,
    summary.chart,
  ];
  const listTop = summaryTop + summaryHeight(codes.length) + 1;
  const listed = leftOut.listed.length;
  const note =
    f.leftOut === 0
      ? "No rows were left out."
      : leftOut.unlisted > 0
        ? `Rows left out: ${f.leftOut.toLocaleString("en-GB")}. The first ${LISTED_ROWS.toLocaleString("en-GB")} of each kind (rows in error, duplicates, blank units) are listed below by file line, ${listed.toLocaleString("en-GB")} in all; ${leftOut.unlisted.toLocaleString("en-GB")} more are counted in the summary but not listed, to keep this sheet small. Correct the file and run again to see them.`
        : `Rows left out: ${f.leftOut.toLocaleString("en-GB")}, listed below by file line with the reason.`;
  blocks.push({ kind: "cells", topLeft: cellAddress(listTop, 0), values: [[note]] });
  if (listed > 0)
    blocks.push({
      kind: "table",
      topLeft: cellAddress(listTop + 1, 0),
      table: "ActivityLeftOut",
      header: LEFT_OUT_HEADER,
      rows: leftOut.listed.map((r): CellInput[] => [r.line, r.reason, ...r.values.map(dataCell)]),
    });
  return {
    sheets: [{ key: "groups", name: "Resource groups", blocks }],
    select: { sheet: "groups", address: "A4" },
  };
}

export function runExtractPlan(
  port: WorkbookPort,
  run: ExtractRun,
  options: RunOptions = {}
): Promise<RunResult> {
  return runPlan(port, extractPlan(run), options);
}
