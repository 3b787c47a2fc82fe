/**
 * Budget planner plan: a Budgets sheet with the envelope, contingency and the calibration factor
 * k (=PBR.RASCALIBRATE over the cohort), and a table with one indicative budget per person
 * (=PBR.RASBUDGET) and the build-up columns a person can check (=PBR.RASBUILDUP: cluster average,
 * step percent, k). Codes and steps are copied from the caseload so the sheet stands on its own.
 *
 * Layout: A1 title, A2 note; A4:B9 settings and totals; the people table at A11.
 * RASBUILDUP returns one row, and spilled formulas cannot sit in an Excel table, so each build-up
 * column takes its part with INDEX(…, 1, n).
 */
import { rangeAddress } from "../../workbook/address";
import { dataCell } from "../../workbook/cellText";
import type { CellInput } from "../../workbook/port";
import { absolute, call, text } from "../plan/formula";
import { FACTOR, MONEY, PERCENT, WHOLE_PERCENT, type WorkbookPlan } from "../plan/types";

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
  /** Round each budget down to a multiple of this (£1, £10, £100); 0 or omitted: no rounding. */
  roundTo?: number;
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

export function budgetPlan(inputs: BudgetInputs): WorkbookPlan {
  const n = inputs.people.length;
  const first = TABLE_ROW + 2; // Excel row of the first person
  const codes = absolute(rangeAddress(TABLE_ROW + 1, 1, n, 1));
  const steps = absolute(rangeAddress(TABLE_ROW + 1, 2, n, 1));
  const basis = inputs.basis && inputs.basis !== "year" ? text(inputs.basis) : null;
  const k = "$B$7";
  const calibrate = call("PBR.RASCALIBRATE", [
    codes,
    steps,
    "$B$5",
    "$B$6",
    inputs.prices,
    inputs.steps,
    basis,
  ]);

  const rows = inputs.people.map((p, i): CellInput[] => {
    const r = first + i;
    const args = [`B${r}`, `C${r}`, inputs.prices, inputs.steps, k, basis];
    const part = (n: number) => `=INDEX(${call("PBR.RASBUILDUP", args, false)},1,${n})`;
    const round = inputs.roundTo && inputs.roundTo > 0 ? inputs.roundTo : null;
    return [
      dataCell(p.id),
      dataCell(p.code),
      dataCell(p.step),
      part(1),
      part(2),
      part(3),
      call("PBR.RASBUDGET", [...args, round]),
    ];
  });
  const illustrative = [!inputs.prices && "prices", !inputs.steps && "steps"].filter(Boolean);
  const note =
    "Indicative annual budgets: cluster average × step percent × k, with k set so the budgets add up to the envelope less contingency. Each row shows how its budget was built." +
    (inputs.roundTo && inputs.roundTo > 0
      ? ` Each budget is rounded down to a whole £${inputs.roundTo}, so the total never goes over; what rounding leaves unallocated is shown.`
      : "") +
    (illustrative.length > 0
      ? ` Uses the built-in illustrative ${illustrative.join(" and ")}: replace with your own.`
      : "");

  return {
    sheets: [
      {
        key: "budgets",
        name: "Budgets",
        blocks: [
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
              ["Calibration factor k", calibrate],
              ["Total of budgets", `=SUM(${absolute(rangeAddress(TABLE_ROW + 1, 6, n, 1))})`],
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
            header: ["Id", "Cluster", "Step", "Cluster average", "Step percent", "k", "Budget"],
            rows,
            columnFormats: [
              { column: 3, format: MONEY },
              { column: 4, format: WHOLE_PERCENT },
              { column: 5, format: FACTOR },
              { column: 6, format: MONEY },
            ],
          },
          { kind: "name", name: "BudgetK", address: "B7" },
        ],
      },
    ],
    select: { sheet: "budgets", address: "B7" },
  };
}
