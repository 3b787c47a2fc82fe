/**
 * Activity by resource group: one row per contact or spell from an activity table, grouped with a
 * live =PBR.MHNRG per row and priced with =PBR.MHNRGPRICE (the built-in 2026/27 indicative
 * prices), then a summary by resource group (units, value) with the unclassified share and the
 * specialised (out of scope) units, and a bar chart.
 *
 * Before anything is written, every row is grouped and priced with the same core code the
 * functions use (preflight.ts): rows that cannot be grouped are left out with their reason (their
 * Status says why and they carry no formulas), specialised codes are kept and counted but not
 * priced, contacts that did not happen are £0. A row left out says why in its Status, as a link to
 * its row in the source table (=HYPERLINK, as the audit's sentences). Units are written as numbers, so the summary's
 * SUMIFS count them, and every summary figure is one the pane states. Per-row formulas are kept because each call carries only its own row's cells: the
 * rules and prices are built in, not a table passed to every call.
 *
 * Layout: A1 title, A2 note; summary from A4; the activity table below it.
 */
import { mhnrgName, MHNRG_SOURCE } from "../../core/mhnrg/tables";
import { toNumber } from "../../core/values";
import { cellAddress, rangeAddress } from "../../workbook/address";
import { dataCell } from "../../workbook/cellText";
import type { CellInput } from "../../workbook/port";
import { MONEY_AXIS } from "../../workbook/chartStyle";
import { absolute, call, text } from "../plan/formula";
import { hyperlinkCell } from "../plan/rowRefs";
import {
  MONEY,
  PERCENT,
  titleBlock,
  type Block,
  type CellsBlock,
  type ChartBlock,
  type WorkbookPlan,
} from "../plan/types";
import type { CheckedRow, Preflight } from "./preflight";

export {
  preflightActivity,
  DEFAULT_CHOICES,
  type ActivityRow,
  type CheckedRow,
  type Choices,
  type Preflight,
} from "./preflight";

/** An activity row's own columns as both Resource groups sheets head them (this one and extractPlan.ts). */
export const ACTIVITY_COLUMNS = [
  "Kind",
  "Age",
  "Diagnosis",
  "Team type",
  "Bed type",
  "Referral reason",
  "Crisis referral",
  "Attendance",
  "Units",
];

const HEADER = [
  "Source row",
  ...ACTIVITY_COLUMNS,
  "Status",
  "Resource group",
  "Unit price",
  "Value",
];

/** Status text on the sheet; the summary's SUMIFS/COUNTIFS match these prefixes. */
export const STATUS = {
  ok: "OK",
  unlisted: "OK: unclassified, reason not in the rules",
  specialised: "OK: specialised (out of scope), not priced",
  notAttended: "Not attended: £0",
  leftOut: "Left out",
};

/** A number written as a number (text "30" from a CSV is 30, so SUMIFS counts it); other values as data. */
function numberCell(value: CellInput): CellInput {
  const n = typeof value === "string" ? toNumber(value) : NaN;
  return n === n ? n : dataCell(value);
}

/** The row's input cells in the sheet's columns B–J (after the source row). */
function inputCells(r: CheckedRow): CellInput[] {
  return [
    r.sheetRow,
    dataCell(r.kind),
    numberCell(r.age),
    dataCell(r.diagnosis),
    dataCell(r.team),
    dataCell(r.bed),
    dataCell(r.reason),
    dataCell(r.crisis),
    dataCell(r.attendance),
    r.status === "ok" || r.status === "specialised" ? r.unitCount : numberCell(r.units),
  ];
}

export function activityPlan(checked: Preflight, sourceName: string): WorkbookPlan {
  const codes = [
    ...new Set(checked.rows.filter((r) => r.code).map((r) => r.code as string)),
  ].sort();
  const summaryTop = 3; // 0-based row 4
  const tableTop = summaryTop + summaryHeight(codes.length) + 3;
  const first = tableTop + 2; // Excel row of the first activity row
  const n = Math.max(checked.rows.length, 1);
  const col = (c: number) => absolute(rangeAddress(tableTop + 1, c, n, 1));
  const unitsCol = col(9);
  const statusCol = col(10);
  const codeCol = col(11);
  const valueCol = col(13);
  const counted = text("OK*");

  const rows = checked.rows.map((r, i): CellInput[] => {
    const x = first + i;
    const inputs = inputCells(r);
    if (r.status === "left out") {
      // A click on the Status goes to the row in the source table, to correct it (the summary's
      // COUNTIFS still read the words: a HYPERLINK's value is its text).
      const status = `${STATUS.leftOut}: ${r.reason_}`;
      const cell = checked.sheet
        ? hyperlinkCell(checked.sheet, cellAddress(r.sheetRow - 1, 0), status)
        : status;
      return [...inputs, cell, null, null, null];
    }
    const spell = r.bedForPrice !== null;
    const code = call("PBR.MHNRG", [
      `B${x}`,
      `C${x}`,
      `D${x}`,
      spell ? `F${x}` : `E${x}`,
      `G${x}`,
      `H${x}`,
    ]);
    if (r.status === "not attended") return [...inputs, STATUS.notAttended, code, null, 0];
    if (r.status === "specialised") return [...inputs, STATUS.specialised, code, null, null];
    // A spell's bed type goes to the price: a MAZ99Z spell is priced by its ward's setting.
    const bed = spell ? `IF(F${x}="",${text("unknown")},F${x})` : null;
    const price = call("PBR.MHNRGPRICE", [`L${x}`, null, null, null, null, bed]);
    return [...inputs, r.unlisted ? STATUS.unlisted : STATUS.ok, code, price, `=J${x}*M${x}`];
  });

  const count = (prefix: string) => `=COUNTIFS(${statusCol},${text(`${prefix}*`)})`;
  const summary = summaryBlocks(summaryTop, codes, "Rows left out (see Status)", {
    groupValue: (x) => `=SUMIFS(${valueCol},${codeCol},A${x})`,
    groupUnits: (x) => `=SUMIFS(${unitsCol},${codeCol},A${x},${statusCol},${counted})`,
    unclassifiedUnits: `=SUMIFS(${unitsCol},${codeCol},${text("MBU*")},${statusCol},${counted})`,
    unlisted: count(STATUS.unlisted),
    specialisedUnits: `=SUMIFS(${unitsCol},${statusCol},${text(`${STATUS.specialised}*`)})`,
    notAttended: count(STATUS.notAttended),
    leftOut: count(STATUS.leftOut),
  });

  const blocks: Block[] = [
    titleBlock(
      "Activity by mental health resource group, 2026/27 indicative prices",
      `From ${sourceName}. Each row is grouped by a live PBR.MHNRG and priced by PBR.MHNRGPRICE at the built-in 2026/27 indicative prices: for local agreement, not a mandatory tariff. A MAZ99Z spell's bed days are priced at the unclassified bed-day price of its ward's setting; did-not-attend and cancelled contacts are £0. Source: ${MHNRG_SOURCE}`
    ),
    summary.cells,
    {
      kind: "table",
      topLeft: cellAddress(tableTop, 0),
      table: "ActivityGroups",
      header: HEADER,
      rows,
      columnFormats: [
        { column: 12, format: MONEY },
        { column: 13, format: MONEY },
      ],
    },
    summary.chart,
  ];
  return {
    sheets: [{ key: "groups", name: "Resource groups", blocks }],
    select: { sheet: "groups", address: "A4" },
  };
}

/** What each summary figure's cell holds: a formula over the rows written below, or a value. */
export interface SummaryCells {
  /** The group's value and units; `x` is the Excel row of the group's line (its code in A). */
  groupValue(x: number, code: string): CellInput;
  groupUnits(x: number, code: string): CellInput;
  unclassifiedUnits: CellInput;
  unlisted: CellInput;
  specialisedUnits: CellInput;
  notAttended: CellInput;
  leftOut: CellInput;
}

/** Rows the summary takes from `summaryTop`: header, one per code, All, and six figure lines. */
export const summaryHeight = (codes: number) => codes + 8;

/**
 * The Resource groups summary from row `summaryTop` (0-based): a line per resource group (value
 * next to the code, so the chart's range is the first two columns), All, then the unclassified,
 * specialised, not-attended and left-out figures; and the bar chart of value by group. The
 * row-by-row journey fills it with formulas, the streamed one (bigPlan.ts) with values.
 */
export function summaryBlocks(
  summaryTop: number,
  codes: readonly string[],
  leftOutLabel: string,
  cells: SummaryCells
): { cells: CellsBlock; chart: ChartBlock } {
  const summaryRows: CellInput[][] = [["Resource group", "Value", "Units", "Name"]];
  codes.forEach((c, i) => {
    const x = summaryTop + 2 + i;
    summaryRows.push([c, cells.groupValue(x, c), cells.groupUnits(x, c), mhnrgName(c) ?? ""]);
  });
  const lastSummary = summaryTop + 1 + codes.length;
  const sumOf = (c: string) =>
    codes.length > 0 ? `=SUM(${c}${summaryTop + 2}:${c}${lastSummary})` : 0;
  summaryRows.push(["All", sumOf("B"), sumOf("C"), null]);
  const totalRow = lastSummary + 1;
  summaryRows.push(
    ["Unclassified (MBU) units", null, cells.unclassifiedUnits, null],
    [
      "Unclassified share of units",
      null,
      `=IF(C${totalRow}=0,0,C${totalRow + 1}/C${totalRow})`,
      null,
    ],
    ["Unclassified: reason not in the rules (rows)", null, cells.unlisted, null],
    ["Specialised units (out of scope, not priced)", null, cells.specialisedUnits, null],
    ["Not attended or cancelled (rows, £0)", null, cells.notAttended, null],
    [leftOutLabel, null, cells.leftOut, null]
  );
  return {
    cells: {
      kind: "cells",
      topLeft: cellAddress(summaryTop, 0),
      values: summaryRows,
      formats: [
        { address: `B${summaryTop + 2}:B${totalRow}`, format: MONEY },
        { address: `C${totalRow + 2}`, format: PERCENT },
      ],
    },
    chart: {
      kind: "chart",
      chart: {
        type: "bar",
        title: "Value by resource group (2026/27 indicative prices)",
        dataAddress: rangeAddress(summaryTop, 0, codes.length + 1, 2),
        anchor: cellAddress(summaryTop, 6),
        valueFormat: MONEY_AXIS,
      },
    },
  };
}
