/* Stepped personal budget functions: PBR.RASBUDGET and companions. Each one coerces Excel values,
   calls core and maps results back; the rules live in src/core/ras. */
import { PbrError } from "../core/errors";
import { rasBudgetRange, rasBuildupRange, rasSetup, type RasSetup } from "../core/ras/budget";
import { rasCalibrate } from "../core/ras/calibrate";
import { rasPointsRange } from "../core/ras/points";
import { guard, guardRows, spillColumn, spillNumbers, spillTable, whenOk } from "./host";
import { priceArg } from "./priceArg";
import { stepArg } from "./stepArg";

/**
 * What a budget's cluster average is per (Excel offers these as you type the argument).
 * @customenum {string}
 */
export enum BudgetPer {
  /** Per year (the default): the cluster's period price × 365 ÷ the period's days. */
  year = "year",
  /** Per review period: the cluster's period price. */
  period = "period",
  /** Per day: the Day price. */
  day = "day",
}

/** Prices, steps and per read into a setup, then `run`; the first problem is the whole answer. */
function withSetup<T>(
  prices: unknown,
  steps: unknown,
  per: unknown,
  run: (setup: RasSetup) => T | PbrError
): T | PbrError {
  const setup = whenOk(priceArg(prices), (p) => whenOk(stepArg(steps), (s) => rasSetup(p, s, per)));
  return whenOk(setup, run);
}

/**
 * Indicative personal budget: cluster average (PBR.PERIODPRICE, yearly by default) × step percent × k. Omit prices or steps to use the built-in ILLUSTRATIVE tables.
 * @example =PBR.RASBUDGET(11, 2, , , 1.25, , 10) → 2120 — cluster 11 at step 2 (75%) with k 1.25, rounded to £10, on the ILLUSTRATIVE tables
 * @customfunction RASBUDGET
 * @param {any[][]} code Each person's care cluster or other currency code, one value or a column.
 * @param {any[][]} step Each person's step (as in the step table), one value or a column.
 * @param {any[][]} [prices] Your price table (Code | Day price | …). Omit for the ILLUSTRATIVE table.
 * @param {any[][]} [steps] Your step table (Step | Percent | Label). Omit for the ILLUSTRATIVE five steps (50/75/100/125/150%).
 * @param {any} [k] Calibration factor from PBR.RASCALIBRATE. Default 1.
 * @param [per] Cluster average per "year" (default), "period" or "day".
 * @param {any} [roundTo] Round budgets to a multiple of this (0.01 pennies, 10 whole £10s): each is rounded down, then the units left go to the largest remainders, so a column adds up to its total and never over the envelope. Default: no rounding.
 * @returns {any[][]} Indicative budget per person, in £.
 */
export function rasbudget(
  code: any[][],
  step: any[][],
  prices?: any[][],
  steps?: any[][],
  k?: any,
  per?: BudgetPer,
  roundTo?: any
): any[][] {
  return guardRows([code, step], () =>
    spillNumbers(
      withSetup(prices, steps, per, (s) => rasBudgetRange({ code, step, k, roundTo, setup: s }))
    )
  );
}

/**
 * The factor k that makes a cohort's budgets add up to envelope × (1 − contingency): k = envelope × (1 − contingency) ÷ the sum of cluster average × step percent.
 * @example =PBR.RASCALIBRATE({11;12;13}, {1;3;5}, 60000) → 4.31 — the k that makes these three budgets add up to £60,000
 * @customfunction RASCALIBRATE
 * @param {any[][]} codes The cohort's codes, one person per row.
 * @param {any[][]} step The cohort's steps, one person per row (as in PBR.RASBUDGET).
 * @param {any} envelope The budget envelope for the cohort, in £ (more than 0).
 * @param {any} [contingency] Fraction held back for overrides, from 0 up to (not including) 1, e.g. 0.1 for 10%. Default 0.
 * @param {any[][]} [prices] Your price table. Omit for the ILLUSTRATIVE table.
 * @param {any[][]} [steps] Your step table (Step | Percent | Label). Omit for the ILLUSTRATIVE five steps.
 * @param [per] Cluster average per "year" (default), "period" or "day": use the same per as PBR.RASBUDGET.
 * @returns {any[][]} The factor k.
 */
export function rascalibrate(
  codes: any[][],
  step: any[][],
  envelope: any,
  contingency?: any,
  prices?: any[][],
  steps?: any[][],
  per?: BudgetPer
): any[][] {
  return guard(() => {
    const k = withSetup(prices, steps, per, (s) =>
      rasCalibrate({ codes, step, envelope, contingency, setup: s })
    );
    return spillColumn(k instanceof PbrError ? k : [k]);
  });
}

/**
 * How a person's budget was built, one row each: cluster average, step percent, k and the budget (average × percent × k), so the arithmetic can be shown to the person.
 * @example =PBR.RASBUILDUP(11, 2) → 2263 | 0.75 | 1 | 1697.25 — cluster average, step percent, k, budget
 * @customfunction RASBUILDUP
 * @param {any[][]} code The person's care cluster or other currency code (one value or a column).
 * @param {any[][]} step The person's step (one value or a column).
 * @param {any[][]} [prices] Your price table. Omit for the ILLUSTRATIVE table.
 * @param {any[][]} [steps] Your step table. Omit for the ILLUSTRATIVE five steps.
 * @param {any} [k] Calibration factor from PBR.RASCALIBRATE. Default 1.
 * @param [per] Cluster average per "year" (default), "period" or "day".
 * @param {any} [roundTo] Round budgets to a multiple of this, by largest remainders over the column, as in PBR.RASBUDGET. Default: no rounding.
 * @returns {any[][]} Four columns per person: cluster average, step percent, k, budget.
 */
export function rasbuildup(
  code: any[][],
  step: any[][],
  prices?: any[][],
  steps?: any[][],
  k?: any,
  per?: BudgetPer,
  roundTo?: any
): any[][] {
  return guardRows([code, step], () =>
    spillTable(
      withSetup(prices, steps, per, (s) => rasBuildupRange({ code, step, k, roundTo, setup: s }))
    )
  );
}

/**
 * Points-based budgets: points × envelope × (1 − contingency) ÷ totalPoints.
 * @example =PBR.RASPOINTS(40, 100000, 400) → 10000 — 40 of 400 points of a £100,000 envelope
 * @customfunction RASPOINTS
 * @param {any[][]} points Each person's points, one value or a column.
 * @param {any} envelope The budget envelope, in £ (more than 0).
 * @param {any} totalPoints The cohort's total points (e.g. =SUM of the points column).
 * @param {any} [contingency] Fraction held back, from 0 up to (not including) 1. Default 0.
 * @returns {any[][]} Budget per person, in £.
 */
export function raspoints(
  points: any[][],
  envelope: any,
  totalPoints: any,
  contingency?: any
): any[][] {
  return guardRows([points], () =>
    spillNumbers(rasPointsRange({ points, envelope, totalPoints, contingency }))
  );
}
