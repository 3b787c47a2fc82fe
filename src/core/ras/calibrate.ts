/**
 * PBR.RASCALIBRATE: the factor k that makes a cohort's budgets add up to what can be spent.
 *
 *   k = envelope × (1 − contingency) / Σ (cluster average × step percent)
 *
 * so Σ PBR.RASBUDGET(…, k) = envelope × (1 − contingency). The contingency is held back for
 * overrides and changes in need. k depends on every person: one person who cannot be priced (code
 * or step not found) stops it, and the answer says which row to fix.
 */
import { PbrError, rasErrors } from "../errors";
import { isBlank } from "../values";
import { clusterAverage, type RasSetup } from "./budget";
import { COLUMN, column, parsed, readArgs, type ArgValues, type Args } from "../args";
import { CONTINGENCY, ENVELOPE } from "./inputs";
import { stepPercent } from "./stepTable";

/**
 * PBR.RASCALIBRATE's arguments, in its order; the setup stands for the price table, step table
 * and per, read before (by the adapter).
 */
export const CALIBRATE = {
  codes: column("code"),
  step: COLUMN,
  envelope: ENVELOPE,
  contingency: CONTINGENCY,
  setup: parsed<RasSetup>(),
};

/** The cohort's total before calibration: Σ cluster average × step percent, and how many people. */
function cohortTotal({
  setup,
  codes,
  step: steps,
  rows,
}: Args<typeof CALIBRATE>): { total: number; people: number } | PbrError {
  let total = 0;
  let people = 0;
  for (let i = 0; i < rows; i++) {
    const c = codes.at(i);
    const s = steps.at(i);
    if (isBlank(c) && steps.blankOrShared(i)) continue;
    const avg = clusterAverage(setup, c, i + 1);
    if (typeof avg !== "number") return rasErrors.personProblem(avg);
    const pct = stepPercent(setup.steps, s, i + 1);
    if (typeof pct !== "number") return rasErrors.personProblem(pct);
    total += avg * pct;
    people++;
  }
  return { total, people };
}

/** PBR.RASCALIBRATE: k for the cohort, or why it cannot be worked out (no people, a total of 0, a person who cannot be priced). */
export function rasCalibrate(values: ArgValues<typeof CALIBRATE>): number | PbrError {
  const args = readArgs(CALIBRATE, values);
  if (args instanceof PbrError) return args;
  const cohort = cohortTotal(args);
  if (cohort instanceof PbrError) return cohort;
  if (cohort.people === 0) return rasErrors.cohortEmpty();
  if (!(cohort.total > 0)) return rasErrors.cohortZero(cohort.people);
  return (args.envelope * (1 - args.contingency)) / cohort.total;
}
