/**
 * Activity by resource group: one row per contact or spell from an activity table, grouped with a
 * live =PBR.MHNRG per row and priced with =PBR.MHNRGPRICE (the built-in 2026/27 indicative
 * prices), then a summary by resource group (units, value) with the unclassified share and the
 * specialised (out of scope) units, and a bar chart.
 *
 * Before anything is written, every row is grouped and priced with the same core code the
 * functions use (preflightActivity): rows that cannot be grouped are left out with their reason
 * (their Status says why and they carry no formulas), specialised codes are kept and counted but
 * not priced. Per-row formulas are kept because each call carries only its own row's cells: the
 * rules and prices are built in, not a table passed to every call.
 *
 * Layout: A1 title, A2 note; summary from A4; the activity table below it.
 */
import { PbrError } from "../../core/errors";
import { groupRow, newGrouped } from "../../core/mhnrg/group";
import { priceFor } from "../../core/mhnrg/price";
import {
  defaultMhnrgPrices,
  defaultMhnrgRules,
  mhnrgName,
  MHNRG_SOURCE,
} from "../../core/mhnrg/tables";
import { isBlank, toNumber } from "../../core/values";
import { cellAddress, rangeAddress } from "../../workbook/address";
import { dataCell } from "../../workbook/cellText";
import type { CellInput } from "../../workbook/port";
import { absolute, call, text } from "../plan/formula";
import { MONEY, PERCENT, titleBlock, type Block, type WorkbookPlan } from "../plan/types";

export interface ActivityRow {
  /** The row as the user sees it in the source table (sheet row number). */
  sheetRow: number;
  kind: CellInput;
  age: CellInput;
  diagnosis: CellInput;
  service: CellInput;
  reason: CellInput;
  crisis: CellInput;
  /** Contacts or bed days on this row; blank means 1. */
  units: CellInput;
}

export interface CheckedRow extends ActivityRow {
  /** The code, or null when the row is left out. */
  code: string | null;
  status: "ok" | "specialised" | "left out";
  reason_: string;
  unitCount: number;
}

export interface Preflight {
  rows: CheckedRow[];
  leftOut: CheckedRow[];
  specialised: CheckedRow[];
  unclassifiedUnits: number;
  totalUnits: number;
}

/**
 * A row's source row and the cells PBR.MHNRG groups, in the function's argument order: the order
 * of the sheet's columns A–G, and of groupRow's arguments.
 */
function sourceCells(r: ActivityRow) {
  return [r.sheetRow, r.kind, r.age, r.diagnosis, r.service, r.reason, r.crisis] as const;
}

/** Group and price every row with the functions' own core code, before anything is written. */
export function preflightActivity(rows: readonly ActivityRow[]): Preflight {
  const rules = defaultMhnrgRules();
  const prices = defaultMhnrgPrices();
  const scratch = newGrouped();
  const out: CheckedRow[] = [];
  let unclassifiedUnits = 0;
  let totalUnits = 0;
  for (const r of rows) {
    const units = isBlank(r.units) ? 1 : toNumber(r.units);
    const base = { ...r, unitCount: 0, code: null, reason_: "" };
    if (!(units >= 0)) {
      out.push({
        ...base,
        status: "left out",
        reason_: `units ${String(r.units)} is not a number of contacts or bed days`,
      });
      continue;
    }
    const g = groupRow(rules, ...sourceCells(r), scratch);
    if (g instanceof PbrError) {
      out.push({ ...base, status: "left out", reason_: g.message.replace(/^row \d+: /, "") });
      continue;
    }
    const p = priceFor(prices, g.code, r.sheetRow, false);
    const specialised = p instanceof PbrError;
    totalUnits += units;
    if (g.code.startsWith("MBU")) unclassifiedUnits += units;
    out.push({
      ...base,
      code: g.code,
      unitCount: units,
      status: specialised ? "specialised" : "ok",
      reason_: specialised ? "specialised service: out of scope, not priced" : "",
    });
  }
  return {
    rows: out,
    leftOut: out.filter((r) => r.status === "left out"),
    specialised: out.filter((r) => r.status === "specialised"),
    unclassifiedUnits,
    totalUnits,
  };
}

const HEADER = [
  "Source row",
  "Kind",
  "Age",
  "Diagnosis",
  "Team or bed type",
  "Referral reason",
  "Crisis referral",
  "Units",
  "Status",
  "Resource group",
  "Unit price",
  "Value",
];

export function activityPlan(checked: Preflight, sourceName: string): WorkbookPlan {
  const codes = [
    ...new Set(checked.rows.filter((r) => r.code).map((r) => r.code as string)),
  ].sort();
  const summaryTop = 3; // 0-based row 4
  const tableTop = summaryTop + codes.length + 9;
  const first = tableTop + 2; // Excel row of the first activity row
  const n = Math.max(checked.rows.length, 1);
  const col = (c: number) => absolute(rangeAddress(tableTop + 1, c, n, 1));
  const unitsCol = col(7);
  const codeCol = col(9);
  const valueCol = col(11);
  const statusCol = col(8);

  const rows = checked.rows.map((r, i): CellInput[] => {
    const x = first + i;
    // Copied from the user's sheet: text read back as "=…" must not run.
    const inputs: CellInput[] = [...sourceCells(r), isBlank(r.units) ? 1 : r.units].map(dataCell);
    if (r.status === "left out") return [...inputs, `Left out: ${r.reason_}`, null, null, null];
    const code = call("PBR.MHNRG", [`B${x}`, `C${x}`, `D${x}`, `E${x}`, `F${x}`, `G${x}`]);
    if (r.status === "specialised")
      return [...inputs, "Specialised: out of scope, not priced", code, null, null];
    return [...inputs, "OK", code, call("PBR.MHNRGPRICE", [`J${x}`]), `=H${x}*K${x}`];
  });

  // Value next to the code, so the chart's range is the first two columns.
  const summaryRows: CellInput[][] = [["Resource group", "Value", "Units", "Name"]];
  codes.forEach((c, i) => {
    const x = summaryTop + 2 + i;
    summaryRows.push([
      c,
      `=SUMIFS(${valueCol},${codeCol},A${x})`,
      `=SUMIFS(${unitsCol},${codeCol},A${x})`,
      mhnrgName(c) ?? "",
    ]);
  });
  const lastSummary = summaryTop + 1 + codes.length;
  const sumOf = (c: string) =>
    codes.length > 0 ? `=SUM(${c}${summaryTop + 2}:${c}${lastSummary})` : 0;
  summaryRows.push(["All", sumOf("B"), sumOf("C"), null]);
  const totalRow = lastSummary + 1;
  summaryRows.push(
    ["Unclassified (MBU) units", null, `=SUMIFS(${unitsCol},${codeCol},${text("MBU*")})`, null],
    [
      "Unclassified share of units",
      null,
      `=IF(C${totalRow}=0,0,C${totalRow + 1}/C${totalRow})`,
      null,
    ],
    [
      "Specialised units (out of scope, not priced)",
      null,
      `=SUMIFS(${unitsCol},${statusCol},${text("Specialised*")})`,
      null,
    ],
    ["Rows left out (see Status)", null, `=COUNTIFS(${statusCol},${text("Left out*")})`, null]
  );

  const blocks: Block[] = [
    titleBlock(
      "Activity by mental health resource group, 2026/27 indicative prices",
      `From ${sourceName}. Each row is grouped by a live PBR.MHNRG and priced by PBR.MHNRGPRICE at the built-in 2026/27 indicative prices: for local agreement, not a mandatory tariff. Source: ${MHNRG_SOURCE}`
    ),
    {
      kind: "cells",
      topLeft: cellAddress(summaryTop, 0),
      values: summaryRows,
      formats: [
        { address: `B${summaryTop + 2}:B${totalRow}`, format: MONEY },
        { address: `C${totalRow + 2}`, format: PERCENT },
      ],
    },
    {
      kind: "table",
      topLeft: cellAddress(tableTop, 0),
      table: "ActivityGroups",
      header: HEADER,
      rows,
      columnFormats: [
        { column: 10, format: MONEY },
        { column: 11, format: MONEY },
      ],
    },
    {
      kind: "chart",
      chart: {
        type: "bar",
        title: "Value by resource group (2026/27 indicative prices)",
        dataAddress: rangeAddress(summaryTop, 0, codes.length + 1, 2),
        anchor: cellAddress(summaryTop, 6),
      },
    },
  ];
  return {
    sheets: [{ key: "groups", name: "Resource groups", blocks }],
    select: { sheet: "groups", address: "A4" },
  };
}
