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
import { isBlank, type CellValue } from "../values";
import { PEOPLE, clusterAverage, type RasSetup } from "./budget";
import { readArgs } from "../args";
import { CONTINGENCY, ENVELOPE } from "./inputs";
import { stepPercent } from "./stepTable";

/** The cohort's total before calibration: Σ cluster average × step percent, and how many people. */
export function cohortTotal(
  code: CellValue,
  step: CellValue,
  setup: RasSetup
): { total: number; people: number } | PbrError {
  const read = readArgs(PEOPLE, { code, step });
  if (read instanceof PbrError) return read;
  const { code: codes, step: steps } = read;
  let total = 0;
  let people = 0;
  for (let i = 0; i < read.rows; i++) {
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

const ENVELOPE_HELD = { envelope: ENVELOPE, contingency: CONTINGENCY };

export function rasCalibrate(
  code: CellValue,
  step: CellValue,
  envelope: CellValue,
  contingency: CellValue,
  setup: RasSetup
): number | PbrError {
  const nums = readArgs(ENVELOPE_HELD, { envelope, contingency });
  if (nums instanceof PbrError) return nums;
  const { envelope: env, contingency: held } = nums;
  const cohort = cohortTotal(code, step, setup);
  if (cohort instanceof PbrError) return cohort;
  if (cohort.people === 0) return rasErrors.cohortEmpty();
  if (!(cohort.total > 0)) return rasErrors.cohortZero(cohort.people);
  return (env * (1 - held)) / cohort.total;
}
