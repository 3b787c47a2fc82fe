/**
 * Stepped personal budgets from cluster averages (a stepped resource allocation system).
 *
 * PBR.RASBUDGET: cluster average × step percent × k, where the cluster average is PBR.PERIODPRICE
 * of the person's code on `basis` (default "year": an annual amount). Optionally rounded to a
 * multiple of `roundTo` by largest remainders over the column (`roundColumn`): a calibrated cohort
 * then adds up to its envelope less contingency to the unit, and never goes over it.
 * PBR.RASBUILDUP: the same, one row per person showing [cluster average, step percent, k, budget].
 */
import { PbrError, type ResultCell } from "../errors";
import { NumberColumn } from "../results";
import { COLUMN, parsed, readArgs, type ArgValues } from "../args";
import { priceOnBasis, readBasis, type Basis } from "../tariff/period";
import { lookupPrice, quickPrice, type PriceRow, type PriceTable } from "../tariff/priceTable";
import { isBlank, type CellValue } from "../values";
import { K, ROUND_TO, roundColumn } from "./inputs";
import { stepPercent, type StepTable } from "./stepTable";

export interface RasSetup {
  readonly prices: PriceTable;
  readonly steps: StepTable;
  readonly basis: Basis;
  /** Cluster average per price row, filled as rows are priced (a call prices each code once). */
  readonly averages: Map<PriceRow, number>;
}

/** Read the basis argument of the budget functions (default "year") into a setup. */
export function rasSetup(
  prices: PriceTable,
  steps: StepTable,
  basis: CellValue
): RasSetup | PbrError {
  const b = readBasis(basis, "year");
  return b instanceof PbrError ? b : { prices, steps, basis: b, averages: new Map() };
}

/** A person's cluster average on the setup's basis, or why there is none. */
export function clusterAverage(setup: RasSetup, code: CellValue, row: number): number | PbrError {
  const quick = quickPrice(setup.prices, code, NaN);
  if (quick !== null) {
    const known = setup.averages.get(quick);
    if (known !== undefined) return known;
  }
  const pr = quick ?? lookupPrice(setup.prices, code, row, NaN);
  if (pr instanceof PbrError) return pr;
  const average = priceOnBasis(setup.prices, pr, setup.basis, row, code);
  // Safe to share per price row: every code that reaches a row (14, "14") is the same code.
  if (typeof average === "number" && quick !== null) setup.averages.set(quick, average);
  return average;
}

/**
 * PBR.RASBUDGET's and PBR.RASBUILDUP's arguments, in their order; the setup stands for the price
 * table, step table and per, read before (by the adapter).
 */
export const BUDGET = {
  code: COLUMN,
  step: COLUMN,
  setup: parsed<RasSetup>(),
  k: K,
  roundTo: ROUND_TO,
};

/** PBR.RASBUDGET per person: cluster average × step percent × k, rounded over the column when roundTo is given. */
export function rasBudgetRange(values: ArgValues<typeof BUDGET>): NumberColumn | PbrError {
  const args = readArgs(BUDGET, values);
  if (args instanceof PbrError) return args;
  const { setup, k: factor, roundTo: unit, code: codes, step: steps, rows } = args;
  const out = new NumberColumn(rows);
  for (let i = 0; i < rows; i++) {
    const c = codes.at(i);
    const s = steps.at(i);
    if (isBlank(c) && steps.blankOrShared(i)) {
      out.setBlank(i);
      continue;
    }
    const avg = clusterAverage(setup, c, i + 1);
    const pct = typeof avg === "number" ? stepPercent(setup.steps, s, i + 1) : avg;
    out.set(i, typeof pct === "number" ? (avg as number) * pct * factor : pct);
  }
  const tags = out.tags;
  roundColumn(out.values, (i) => tags[i] === 0, unit);
  return out;
}

/** PBR.RASBUILDUP per person: [cluster average, step percent, k, budget], rounded as PBR.RASBUDGET. */
export function rasBuildupRange(values: ArgValues<typeof BUDGET>): ResultCell[][] | PbrError {
  const args = readArgs(BUDGET, values);
  if (args instanceof PbrError) return args;
  const { setup, k: factor, roundTo: unit, code: codes, step: steps, rows } = args;
  const out = new Array<ResultCell[]>(rows);
  for (let i = 0; i < rows; i++) {
    const c = codes.at(i);
    const s = steps.at(i);
    if (isBlank(c) && steps.blankOrShared(i)) {
      out[i] = ["", "", "", ""];
      continue;
    }
    const avg = clusterAverage(setup, c, i + 1);
    const pct = stepPercent(setup.steps, s, i + 1);
    const budget =
      typeof avg !== "number" ? avg : typeof pct !== "number" ? pct : avg * pct * factor;
    out[i] = [avg, pct, factor, budget];
  }
  if (unit > 0) {
    const budgets = out.map((r) => (typeof r[3] === "number" ? r[3] : 0));
    roundColumn(budgets, (i) => typeof out[i][3] === "number", unit);
    for (let i = 0; i < out.length; i++) if (typeof out[i][3] === "number") out[i][3] = budgets[i];
  }
  return out;
}
