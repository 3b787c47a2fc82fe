/* Shared inputs for the budget tests: a price table whose yearly cluster averages are easy sums. */
import { PbrError } from "../../../src/core/errors";
import { rasSetup, type RasSetup } from "../../../src/core/ras/budget";
import { illustrativeSteps, parseStepTable, type StepTable } from "../../../src/core/ras/stepTable";
import { parsePriceTable } from "../../../src/core/tariff/priceTable";

/** Yearly averages: 11 → £6 × 365 = £2,190; 12 → £10 × 365 = £3,650; 13 → £20 × 365 = £7,300. */
export const PRICES = [
  ["Code", "Day price"],
  [11, 6],
  [12, 10],
  [13, 20],
  ["MH05", 0],
];

export function steps(grid?: unknown[][]): StepTable {
  if (!grid) return illustrativeSteps();
  const t = parseStepTable(grid);
  if (t instanceof PbrError) throw new Error(t.message);
  return t;
}

export function setup(stepGrid?: unknown[][], basis: unknown = null, prices: unknown[][] = PRICES): RasSetup {
  const p = parsePriceTable(prices);
  if (p instanceof PbrError) throw new Error(p.message);
  const s = rasSetup(p, steps(stepGrid), basis);
  if (s instanceof PbrError) throw new Error(s.message);
  return s;
}

/**
 * A worked cohort of five people (yearly cluster average × illustrative step percent):
 *   11 step 3: 2,190 × 1    = 2,190
 *   12 step 2: 3,650 × 0.75 = 2,737.50
 *   13 step 4: 7,300 × 1.25 = 9,125
 *   13 step 5: 7,300 × 1.5  = 10,950
 *   11 step 1: 2,190 × 0.5  = 1,095
 *   raw total                = 26,097.50
 */
export const COHORT_CODES = [[11], [12], [13], [13], [11]];
export const COHORT_STEPS = [[3], [2], [4], [5], [1]];
export const COHORT_RAW = [2190, 2737.5, 9125, 10950, 1095];
export const RAW_TOTAL = 26097.5;
