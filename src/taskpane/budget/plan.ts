/**
 * Budget planner plan: a Budgets sheet with the envelope, contingency and the calibration factor
 * k (=PBR.RASCALIBRATE over the cohort), the people (id, code, step, copied from the caseload so
 * the sheet stands on its own) as a table, and beside it ONE spilled =PBR.RASBUILDUP over the whole
 * cohort giving each person's cluster average, step percent, k and budget. One call, not one per
 * person: Excel marshals the price and step tables once, and the budgets are rounded together by
 * largest remainders, so they add up to the envelope less contingency to the penny.
 *
 * Layout: A1 title, A2 note; A4:B10 settings and totals; the people table at A11:C…; the spilled
 * build-up at E11:H… (header written, formula at E12; spills cannot sit inside an Excel table, so
 * column D is left empty between them); people left out by the pre-flight are listed from J11.
 *
 * Payload (plan/payload.ts): a call must stay under 1 MB each way, and one RASBUILDUP over 100,000
 * people returns about 7 MB. So a cohort bigger than one call's rows (`budgetBlockRows`) gets one
 * RASBUILDUP per block of people, stacked in E:H, and k is worked out from the blocks: each block's
 * cost at k = 1 (=SUM(PBR.RASBUDGET(block, …, 1))) in column N, k = B9 ÷ their sum. Budgets are then
 * rounded together within each block: they still never add up to more than the envelope less
 * contingency, and fall short of it by less than one unit per block (shown in B10).
 */
import { rangeAddress } from "../../workbook/address";
import { dataCell } from "../../workbook/cellText";
import type { CellInput } from "../../workbook/port";
import { absolute, call, text } from "../plan/formula";
import { leftOutBlocks } from "../plan/leftOut";
import {
  CELL_BYTES,
  blocks as blocksOf,
  boundRowBytes,
  columnsRowBytes,
  rowsPerCall,
  tableBytes,
} from "../plan/payload";
import type { LeftOutRow } from "../plan/preflight";
import {
  FACTOR,
  MONEY,
  PERCENT,
  WHOLE_PERCENT,
  type Block,
  type WorkbookPlan,
} from "../plan/types";

export interface Person {
  id: CellInput;
  code: CellInput;
  step: CellInput;
}

export interface BudgetInputs {
  people: Person[];
  /** Budget envelope in pounds. */
  envelope: number;
  /** Share held back for overrides, 0 ≤ c < 1. */
  contingency: number;
  /** References to a price table and a step table; null uses the built-in illustrative ones. */
  prices: string | null;
  steps: string | null;
  /** "year" (default), "period" or "day". */
  basis?: "year" | "period" | "day";
  /**
   * Round budgets to a multiple of this by largest remainders (0.01 pennies, £1, £10, £100), so they
   * add up to the envelope less contingency to that unit; 0 or omitted: no rounding.
   */
  roundTo?: number;
  /** Caseload rows the pre-flight left out (listed on the sheet); they are not in `people`. */
  leftOut?: readonly LeftOutRow[];
  /** The caseload table's name, for the note on the left-out list. */
  source?: string;
  /** People per formula call; default `budgetBlockRows` (the payload model). */
  callRows?: number;
}

export type BudgetField = "envelope" | "contingency" | "people";

export function checkBudgetInputs(inputs: BudgetInputs): Partial<Record<BudgetField, string>> {
  const errors: Partial<Record<BudgetField, string>> = {};
  if (!(Number.isFinite(inputs.envelope) && inputs.envelope > 0))
    errors.envelope = "Enter the budget envelope in pounds, above £0.";
  if (!(Number.isFinite(inputs.contingency) && inputs.contingency >= 0 && inputs.contingency < 1)) {
    errors.contingency = "The contingency must be at least 0% and below 100%.";
  }
  if (!inputs.people.some((p) => p.code !== null && p.code !== "")) {
    errors.people =
      "The caseload has no rows with a cluster code: choose the right table and columns.";
  }
  return errors;
}

const TABLE_ROW = 10; // 0-based: the people table's header is on row 11
const BUILDUP_COL = 4; // column E
export const BUILDUP_HEADER = ["Cluster average", "Step percent", "k", "Budget"];
const WORKINGS_COL = 13; // column N: each block's cost at k = 1, when there is more than one block

/**
 * People per RASBUILDUP (and RASBUDGET) call: each call is handed its people's codes and steps
 * and the price and step tables, and returns four numbers a person.
 */
export function budgetBlockRows(inputs: Pick<BudgetInputs, "prices" | "steps">): number {
  return rowsPerCall({
    inRow: columnsRowBytes([CELL_BYTES.code, CELL_BYTES.code]),
    inFixed: tableBytes(inputs.prices, inputs.steps) + 4 * CELL_BYTES.number,
    outRow: boundRowBytes(BUILDUP_HEADER.map(() => CELL_BYTES.number)),
  });
}

export function budgetPlan(inputs: BudgetInputs): WorkbookPlan {
  const n = inputs.people.length;
  const codesOf = (first: number, rows: number) =>
    absolute(rangeAddress(TABLE_ROW + 1 + first, 1, rows, 1));
  const stepsOf = (first: number, rows: number) =>
    absolute(rangeAddress(TABLE_ROW + 1 + first, 2, rows, 1));
  const basis = inputs.basis && inputs.basis !== "year" ? text(inputs.basis) : null;
  const round = inputs.roundTo && inputs.roundTo > 0 ? inputs.roundTo : null;
  const size = inputs.callRows && inputs.callRows > 0 ? inputs.callRows : budgetBlockRows(inputs);
  const parts = blocksOf(n, size);
  const split = parts.length > 1;
  const workings = absolute(rangeAddress(TABLE_ROW + 1, WORKINGS_COL, parts.length, 1));
  // One block: RASCALIBRATE over the cohort. Several: k = the target ÷ the blocks' costs at k = 1.
  const calibrate = split
    ? `=$B$9/SUM(${workings})`
    : call("PBR.RASCALIBRATE", [
        codesOf(0, n),
        stepsOf(0, n),
        "$B$5",
        "$B$6",
        inputs.prices,
        inputs.steps,
        basis,
      ]);
  const buildups: Block[] = parts.map(([first, rows]) => ({
    kind: "cells",
    topLeft: rangeAddress(TABLE_ROW + 1 + first, BUILDUP_COL, 1, 1),
    values: [
      [
        call("PBR.RASBUILDUP", [
          codesOf(first, rows),
          stepsOf(first, rows),
          inputs.prices,
          inputs.steps,
          "$B$7",
          basis,
          round,
        ]),
      ],
    ],
  }));
  const costs: Block[] = split
    ? [
        {
          kind: "cells",
          topLeft: rangeAddress(TABLE_ROW - 1, WORKINGS_COL, 1, 1),
          values: [
            [
              `Workings: each block's cost at k = 1 (people ${size.toLocaleString("en-GB")} at a time)`,
            ],
            ["Cost at k = 1"],
            ...parts.map(([first, rows]): CellInput[] => [
              `=SUM(${call(
                "PBR.RASBUDGET",
                [codesOf(first, rows), stepsOf(first, rows), inputs.prices, inputs.steps, 1, basis],
                false
              )})`,
            ]),
          ],
          formats: [{ address: workings.replace(/\$/g, ""), format: MONEY }],
        },
      ]
    : [];
  const budgets = absolute(rangeAddress(TABLE_ROW + 1, BUILDUP_COL + 3, n, 1));

  const illustrative = [!inputs.prices && "prices", !inputs.steps && "steps"].filter(Boolean);
  const left = inputs.leftOut?.length ?? 0;
  const note =
    "Indicative annual budgets: cluster average × step percent × k, with k set so the budgets add up to the envelope less contingency. Columns E:H are live PBR.RASBUILDUP" +
    (split ? "" : " formula over the cohort (in E12)") +
    ", showing how each budget was built." +
    (split
      ? ` So that no formula hands Excel more than 1 MB, the build-up is one formula per ${size.toLocaleString("en-GB")} people (E12 and below) and k is the envelope less contingency divided by the blocks' costs at k = 1 (column N).`
      : "") +
    (round && split
      ? ` Budgets are in whole ${round === 0.01 ? "pennies" : `£${round}`}, rounded together within each block, so they never add up to more than the envelope less contingency; what rounding leaves unallocated (less than ${round === 0.01 ? "a penny" : `£${round}`} a block) is shown.`
      : round === 0.01
        ? " Budgets are in whole pennies, rounded together so they add up to the envelope less contingency to the penny."
        : round
          ? ` Budgets are in whole £${round}, rounded together so they add up to the envelope less contingency rounded down to a whole £${round}; what rounding leaves unallocated is shown.`
          : "") +
    (left > 0
      ? ` ${left.toLocaleString("en-GB")} ${left === 1 ? "person was" : "people were"} left out because their budget cannot be worked out: listed from J11.`
      : "") +
    (illustrative.length > 0
      ? ` Uses the built-in illustrative ${illustrative.join(" and ")}: replace with your own.`
      : "");

  const blocks: Block[] = [
    {
      kind: "cells",
      topLeft: "A1",
      values: [
        ["Indicative personal budgets (stepped resource allocation)"],
        [note],
        [],
        ["Setting", "Value"],
        ["Budget envelope", inputs.envelope],
        ["Contingency held back", inputs.contingency],
        // k and the total go in after the people (below): a formula over the cohort's columns
        // written first would be calculated again after every chunk of people written.
        ["Calibration factor k"],
        ["Total of budgets"],
        ["Envelope less contingency", "=$B$5*(1-$B$6)"],
        ["Left unallocated by rounding", "=$B$9-$B$8"],
      ],
      formats: [
        { address: "B5", format: MONEY },
        { address: "B6", format: PERCENT },
        { address: "B7", format: FACTOR },
        { address: "B8:B10", format: MONEY },
      ],
    },
    {
      kind: "table",
      topLeft: `A${TABLE_ROW + 1}`,
      table: "Budgets",
      header: ["Id", "Cluster", "Step"],
      // Values copied from the caseload sheet are data: text read back as "=…" must not run.
      rows: inputs.people.map((p): CellInput[] => [
        dataCell(p.id),
        dataCell(p.code),
        dataCell(p.step),
      ]),
    },
    { kind: "cells", topLeft: "B7", values: [[calibrate], [`=SUM(${budgets})`]] },
    {
      kind: "cells",
      topLeft: rangeAddress(TABLE_ROW, BUILDUP_COL, 1, 1),
      values: [BUILDUP_HEADER],
    },
    ...costs,
    {
      ...(buildups[0] as Extract<Block, { kind: "cells" }>),
      formats: [
        { address: rangeAddress(TABLE_ROW + 1, BUILDUP_COL, n, 1), format: MONEY },
        { address: rangeAddress(TABLE_ROW + 1, BUILDUP_COL + 1, n, 1), format: WHOLE_PERCENT },
        { address: rangeAddress(TABLE_ROW + 1, BUILDUP_COL + 2, n, 1), format: FACTOR },
        { address: rangeAddress(TABLE_ROW + 1, BUILDUP_COL + 3, n, 1), format: MONEY },
      ],
    },
    ...buildups.slice(1),
    { kind: "name", name: "BudgetK", address: "B7" },
  ];
  if (left > 0)
    blocks.push(
      ...leftOutBlocks(
        TABLE_ROW - 1,
        9,
        `Left out: ${left.toLocaleString("en-GB")} ${left === 1 ? "row" : "rows"} of ${inputs.source ?? "the caseload"} whose budget cannot be worked out`,
        inputs.leftOut!,
        "BudgetsLeftOut"
      )
    );

  return {
    sheets: [{ key: "budgets", name: "Budgets", blocks }],
    select: { sheet: "budgets", address: "B7" },
  };
}
