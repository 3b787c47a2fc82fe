/**
 * Scenario runner plan: a sheet whose table is driven by one live =PBR.SCENARIOS(...) formula over
 * a column of variances, plus a native line chart of payment and provider gain against variance.
 *
 * Layout (rows are fixed so formulas can point at them):
 *   A1 title, A2 note; A4:B7 settings (plan value, cap, collar);
 *   A10 the Variance table; C10 =PBR.SCENARIOS(...) spills its own header row and 5 columns (C:G);
 *   I10:K… chart data (variance, payment, provider gain) read from the spill; chart at M4.
 * Spilled formulas cannot live inside an Excel table, so the SCENARIOS output is a plain range.
 */
import { MAX_SERIAL, fyOf, fromWorkbookSerial, minDate } from "../../core/dates";
import { ILLUSTRATIVE_BANDS } from "../../core/riskshare/illustrative";
import { cellAddress, parseRange, rangeAddress } from "../../workbook/address";
import type { CellInput } from "../../workbook/port";
import { MONEY_AXIS } from "../../workbook/chartStyle";
import { absolute, call } from "../plan/formula";
import { leftOutBlocks } from "../plan/leftOut";
import {
  CELL_BYTES,
  blocks,
  boundRowBytes,
  columnsRowBytes,
  rowsPerCall,
  tableBytes,
} from "../plan/payload";
import type { LeftOutRow } from "../plan/preflight";
import { MONEY, PERCENT, type Block, type SheetPlan } from "../plan/types";

export interface ScenarioInputs {
  /** Plan value P: a number, or a formula ("=SUM(...)") that computes it. */
  plan: number | string;
  /** Reference to a band table (header From | To | Rate); null writes the illustrative bands on the sheet. */
  bands: string | null;
  /** Optional separate band table for under-performance. */
  underBands?: string | null;
  /** Fractions of P (0.05 = 5%); null for none. */
  cap?: number | null;
  collar?: number | null;
  /** Variance range as fractions of P. */
  from: number;
  to: number;
  step: number;
  /**
   * Caseload rows the pre-flight found cannot be priced and the user chose to leave out: listed on
   * the sheet, with `leftOutCount` (a live formula counting them) beside the plan value.
   */
  leftOut?: readonly LeftOutRow[];
  leftOutCount?: string;
  /** The caseload table's name, for the list's title. */
  source?: string;
  /** The plan value's workings (one row per block of the caseload), written at WORKINGS_TOP. */
  workings?: CellInput[][];
}

export const DEFAULT_VARIANCE = { from: -0.15, to: 0.15, step: 0.025 };
export const MAX_SCENARIOS = 1000;

export type ScenarioField = "plan" | "cap" | "collar" | "from" | "to" | "step";

/** Plain-English problems with the inputs, by the field that caused them. Empty when all is well. */
export function checkScenarioInputs(
  inputs: ScenarioInputs
): Partial<Record<ScenarioField, string>> {
  const errors: Partial<Record<ScenarioField, string>> = {};
  if (typeof inputs.plan === "number" && !(Number.isFinite(inputs.plan) && inputs.plan > 0)) {
    errors.plan = "Enter the planned contract value in pounds, above £0.";
  }
  for (const field of ["cap", "collar"] as const) {
    const v = inputs[field];
    if (v !== null && v !== undefined && !(Number.isFinite(v) && v >= 0))
      errors[field] = `The ${field} must be a percentage of 0 or more.`;
  }
  if (!Number.isFinite(inputs.from))
    errors.from = "Enter the lowest variance as a percentage, e.g. -15.";
  if (!Number.isFinite(inputs.to))
    errors.to = "Enter the highest variance as a percentage, e.g. 15.";
  else if (Number.isFinite(inputs.from) && inputs.to < inputs.from)
    errors.to = "The highest variance must not be below the lowest.";
  if (!(Number.isFinite(inputs.step) && inputs.step > 0))
    errors.step = "The step must be a percentage above 0, e.g. 2.5.";
  else if (!errors.from && !errors.to && varianceCount(inputs) > MAX_SCENARIOS) {
    errors.step = `That makes ${varianceCount(inputs)} scenarios; use a bigger step (at most ${MAX_SCENARIOS}).`;
  }
  return errors;
}

function varianceCount({ from, to, step }: Pick<ScenarioInputs, "from" | "to" | "step">): number {
  return Math.floor((to - from) / step + 1e-9) + 1;
}

/** from, from + step, … up to `to` (included when it falls on a step), rounded to hide float drift. */
export function variances(from: number, to: number, step: number): number[] {
  const n = varianceCount({ from, to, step });
  return Array.from({ length: n }, (_, i) => Math.round((from + i * step) * 1e9) / 1e9);
}

const FIRST = 9; // 0-based row of the Variance header (row 10)
/** Where the plan value's workings go when the caseload is costed in blocks (Y10, right of the chart). */
const WORKINGS_ROW = FIRST;
const WORKINGS_COL = 24;

/** The Scenario sheet's blocks (sheet key "scenario"). */
export function scenarioSheet(
  inputs: ScenarioInputs,
  key = "scenario",
  name = "Scenario"
): SheetPlan {
  const vs = variances(inputs.from, inputs.to, inputs.step);
  const n = vs.length;
  const varianceBody = absolute(rangeAddress(FIRST + 1, 0, n, 1));
  const blocks: Block[] = [];
  const left = inputs.leftOut?.length ?? 0;

  let bands = inputs.bands;
  let bandNote = "";
  const bandsTop = FIRST + n + 3;
  if (!bands) {
    bands = absolute(rangeAddress(bandsTop + 1, 0, ILLUSTRATIVE_BANDS.rows.length + 1, 3));
    bandNote = " No band table was chosen, so the illustrative bands below are used.";
  }

  const scenarios = call("PBR.SCENARIOS", [
    "$B$5",
    varianceBody,
    bands,
    inputs.underBands ?? null,
    "$B$6",
    "$B$7",
  ]);
  blocks.push({
    kind: "cells",
    topLeft: "A1",
    values: [
      ["Risk-share scenarios"],
      [
        `Live formulas: change the settings in column B or the variances, and the table and chart follow. Payment is what the commissioner pays; provider gain is payment less the value of activity.${bandNote}${
          left > 0
            ? ` The plan value leaves out the caseload rows that cannot be priced (listed below the ${inputs.bands ? "variances" : "bands"}); fix them in the caseload and they are counted.`
            : ""
        }${inputs.workings ? " The plan value adds up the workings at Y10: the caseload costed in blocks, so no formula hands Excel more than 1 MB." : ""}`,
      ],
      [],
      ["Setting", "Value"],
      ["Plan value (P)", inputs.plan],
      ["Cap (share of P, blank for none)", inputs.cap ?? null],
      ["Collar (share of P, blank for none)", inputs.collar ?? null],
      ...(left > 0
        ? [["Caseload rows left out (cannot be priced)", inputs.leftOutCount ?? left]]
        : []),
    ],
    formats: [
      { address: "B5", format: MONEY },
      { address: "B6:B7", format: PERCENT },
    ],
  });
  blocks.push({
    kind: "table",
    topLeft: cellAddress(FIRST, 0),
    table: "ScenarioVariances",
    header: ["Variance"],
    rows: vs.map((v) => [v]),
    columnFormats: [{ column: 0, format: PERCENT }],
  });
  // The spill: header row + n rows, columns C (variance) … G (change against plan).
  const chartRows: CellInput[][] = [["Variance", "Payment", "Provider gain"]];
  for (let i = 1; i <= n; i++) {
    const r = FIRST + i;
    chartRows.push([`=${cellAddress(r, 2)}`, `=${cellAddress(r, 4)}`, `=${cellAddress(r, 5)}`]);
  }
  blocks.push({
    kind: "cells",
    topLeft: cellAddress(FIRST, 2),
    values: [[scenarios]],
    formats: [
      { address: rangeAddress(FIRST + 1, 2, n, 1), format: PERCENT },
      { address: rangeAddress(FIRST + 1, 3, n, 4), format: MONEY },
    ],
  });
  blocks.push({
    kind: "cells",
    topLeft: cellAddress(FIRST, 8),
    values: chartRows,
    formats: [
      { address: rangeAddress(FIRST + 1, 8, n, 1), format: PERCENT },
      { address: rangeAddress(FIRST + 1, 9, n, 2), format: MONEY },
    ],
  });
  if (inputs.workings) {
    blocks.push({
      kind: "cells",
      topLeft: cellAddress(WORKINGS_ROW, WORKINGS_COL),
      values: inputs.workings,
      formats: [
        {
          address: rangeAddress(WORKINGS_ROW + 2, WORKINGS_COL + 1, inputs.workings.length - 2, 1),
          format: MONEY,
        },
      ],
    });
  }
  if (!inputs.bands) {
    blocks.push({
      kind: "cells",
      topLeft: cellAddress(bandsTop - 1, 0),
      values: [[ILLUSTRATIVE_BANDS.title]],
    });
    blocks.push({
      kind: "table",
      topLeft: cellAddress(bandsTop, 0),
      table: "ScenarioBands",
      header: ILLUSTRATIVE_BANDS.header,
      rows: ILLUSTRATIVE_BANDS.rows.map((r) => r.map((v) => (v === "" ? null : v))),
      columnFormats: [0, 1, 2].map((column) => ({ column, format: PERCENT })),
    });
  }
  if (left > 0) {
    const listTop = inputs.bands ? FIRST + n + 3 : bandsTop + ILLUSTRATIVE_BANDS.rows.length + 3;
    blocks.push(
      ...leftOutBlocks(
        listTop,
        0,
        `Left out of the plan value: ${left.toLocaleString("en-GB")} ${left === 1 ? "row" : "rows"} of ${inputs.source ?? "the caseload"} that cannot be priced (B8 counts them live)`,
        inputs.leftOut!,
        "ScenarioLeftOut"
      )
    );
  }
  blocks.push({
    kind: "chart",
    chart: {
      type: "line",
      title: "Payment and provider gain against variance",
      dataAddress: rangeAddress(FIRST, 8, n + 1, 3),
      anchor: "M4",
      valueFormat: MONEY_AXIS,
    },
  });
  return { key, name, blocks };
}

/** The whole Scenario runner plan: one new sheet, with the plan value selected at the end. */
export function scenarioPlan(inputs: ScenarioInputs) {
  return { sheets: [scenarioSheet(inputs)], select: { sheet: "scenario", address: "B5" } };
}

/**
 * The financial year most of a caseload's periods start in (ties: the later year), to offer as
 * the year to cost, so an imported caseload is not costed in a year it has no activity in. Null
 * when no start is a date serial.
 */
export function suggestYear(starts: readonly CellInput[]): number | null {
  const counts = new Map<number, number>();
  for (const cell of starts) {
    // Starts read from the sheet are in the workbook's date system.
    const s = typeof cell === "number" ? fromWorkbookSerial(cell) : NaN;
    if (!(s >= minDate() && s <= MAX_SERIAL)) continue;
    const fy = fyOf(Math.floor(s));
    counts.set(fy, (counts.get(fy) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [fy, n] of counts)
    if (best === null || n > counts.get(best)! || (n === counts.get(best)! && fy > best)) best = fy;
  return best;
}

export interface CaseloadRefs {
  codes: string;
  starts: string;
  ends: string;
  fyStartYear: number;
  admitted?: string | null;
  prices?: string | null;
}

const fyCost = (refs: CaseloadRefs) =>
  call(
    "PBR.FYCOST",
    [refs.codes, refs.starts, refs.ends, refs.fyStartYear, refs.admitted, refs.prices],
    false
  );

/**
 * A plan-value formula from a caseload: the sum of each period's cost inside one financial year,
 * =SUM(PBR.FYCOST(codes, starts, ends, year, [admitted], [prices])). With `leaveOut` (the user chose
 * to leave out rows that cannot be priced) those rows count as 0: =SUM(IFERROR(PBR.FYCOST(…),0)),
 * still one live call, with `leftOutCountFormula` beside it counting them.
 */
export function planFromCaseload(refs: CaseloadRefs, leaveOut = false): string {
  return leaveOut ? `=SUM(IFERROR(${fyCost(refs)},0))` : `=SUM(${fyCost(refs)})`;
}

/** How many caseload rows PBR.FYCOST cannot price, live: =SUMPRODUCT(--ISERROR(PBR.FYCOST(…))). */
export function leftOutCountFormula(refs: CaseloadRefs): string {
  return `=SUMPRODUCT(--ISERROR(${fyCost(refs)}))`;
}

/** `ref` (Sheet!$B$5:$B$100004) narrowed to `rows` rows from its `first` row (0-based). */
function sliceRef(ref: string, first: number, rows: number): string {
  const bang = ref.lastIndexOf("!");
  const sheet = bang >= 0 ? ref.slice(0, bang + 1) : "";
  const r = parseRange(ref.slice(bang + 1).replace(/\$/g, ""));
  return sheet + absolute(rangeAddress(r.top + first, r.left, rows, r.right - r.left + 1));
}

/**
 * Caseload rows per PBR.FYCOST call (plan/payload.ts): each row hands over a code, a start, an end
 * and admitted days, and gets one number back; the price table goes with every call.
 */
export function fyCostBlockRows(refs: Pick<CaseloadRefs, "prices">): number {
  const c = CELL_BYTES;
  return rowsPerCall({
    inRow: columnsRowBytes([c.code, c.serial, c.serial, c.serial]),
    inFixed: tableBytes(refs.prices) + c.number,
    outRow: boundRowBytes([c.number]),
  });
}

export interface CaseloadPlanValue {
  /** The plan value cell's formula. */
  plan: string;
  /** With leaveOut: the live count of rows that cannot be priced. */
  leftOutCount?: string;
  /** For a caseload bigger than one call: a block per row, written at Y10 (ScenarioInputs.workings). */
  workings?: CellInput[][];
}

/**
 * The plan value costed from a caseload, sized so no PBR.FYCOST call is handed more than 1 MB:
 * one formula (`planFromCaseload`) when the caseload fits one call; otherwise a workings table at
 * Y10 with one row per block of `callRows` caseload rows (its cost, and with leaveOut how many of
 * its rows cannot be priced), and the plan value and the count as sums of that table.
 */
export function caseloadPlanValue(
  refs: CaseloadRefs,
  leaveOut = false,
  callRows = fyCostBlockRows(refs)
): CaseloadPlanValue {
  const r = parseRange(refs.codes.slice(refs.codes.lastIndexOf("!") + 1).replace(/\$/g, ""));
  const parts = blocks(r.bottom - r.top + 1, callRows);
  if (parts.length === 1)
    return {
      plan: planFromCaseload(refs, leaveOut),
      leftOutCount: leaveOut ? leftOutCountFormula(refs) : undefined,
    };
  const slice = (ref: string | null | undefined, first: number, rows: number) =>
    ref ? sliceRef(ref, first, rows) : ref;
  const rows = parts.map(([first, rows]): CellInput[] => {
    const part: CaseloadRefs = {
      ...refs,
      codes: slice(refs.codes, first, rows)!,
      starts: slice(refs.starts, first, rows)!,
      ends: slice(refs.ends, first, rows)!,
      admitted: slice(refs.admitted, first, rows),
    };
    const row: CellInput[] = [
      `${(first + 1).toLocaleString("en-GB")} to ${(first + rows).toLocaleString("en-GB")}`,
      planFromCaseload(part, leaveOut),
    ];
    if (leaveOut) row.push(leftOutCountFormula(part));
    return row;
  });
  const column = (offset: number) =>
    absolute(rangeAddress(WORKINGS_ROW + 2, WORKINGS_COL + offset, rows.length, 1));
  return {
    plan: `=SUM(${column(1)})`,
    leftOutCount: leaveOut ? `=SUM(${column(2)})` : undefined,
    workings: [
      [
        `Plan value workings: the caseload costed ${callRows.toLocaleString("en-GB")} rows at a time, so no PBR.FYCOST formula hands Excel more than 1 MB`,
      ],
      ["Caseload rows", "Cost in the year", ...(leaveOut ? ["Cannot be priced"] : [])],
      ...rows,
    ],
  };
}
