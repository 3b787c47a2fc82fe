/** Single-value arguments of the budget functions, declared once: k, roundTo, contingency, envelope, totalPoints. */
import { rasErrors } from "../errors";
import type { NumberSpec } from "../args";

/** The calibration factor k: blank means 1; must be more than 0. */
export const K: NumberSpec = {
  what: "k",
  blank: 1,
  rule: "positive",
  hint: " (use the factor from PBR.RASCALIBRATE, or 1)",
};

/** Round budgets to a multiple of this: blank means no rounding (0); otherwise more than 0. */
export const ROUND_TO: NumberSpec = {
  what: "roundTo",
  blank: 0,
  rule: "positive",
  hint: " (e.g. 10 for whole £10s)",
};

/** The contingency held back: a fraction from 0 up to (not including) 1; blank means 0. */
export const CONTINGENCY: NumberSpec = {
  what: "contingency",
  blank: 0,
  rule: "fraction",
  hint: " (e.g. 0.1 for 10%)",
};

/** The budget envelope in £: required, more than 0. */
export const ENVELOPE: NumberSpec = { what: "envelope", rule: "positive" };

/** Total points the envelope is spread over: 0 is #DIV/0!, negative #NUM!. */
export const TOTAL_POINTS: NumberSpec = {
  what: "totalPoints",
  rule: "nonNegative",
  zero: rasErrors.totalPointsZero,
};

/**
 * Whole units of `roundTo` in a quotient, rounded down, except that a quotient within `tolerance`
 * of a whole number counts as that number, so floating-point noise (1239.9999999999998) does not
 * lose a whole unit.
 */
function wholeUnits(q: number, tolerance: number): number {
  const nearest = Math.round(q);
  return Math.abs(q - nearest) <= tolerance ? nearest : Math.floor(q);
}

/**
 * Round a column of budgets to multiples of `roundTo` so the column adds up exactly: each budget
 * is rounded down, then the units that leaves over (the column's unrounded total, rounded down to
 * a whole unit, less the rounded-down budgets) go one each to the budgets with the largest
 * remainders, ties to the earlier row. So 20 calibrated budgets rounded to pennies add up to the
 * calibrated total to the penny, and never to more than the unrounded total. `values[i]` is
 * rounded for the rows where `use[i]` is true; other rows are left alone. roundTo 0: unchanged.
 */
export function roundColumn(
  values: Float64Array | number[],
  use: (i: number) => boolean,
  roundTo: number
): void {
  if (roundTo === 0) return;
  const rows: number[] = [];
  const floors: number[] = [];
  const remainders: number[] = [];
  // Neumaier summation of the quotients: the total must be right to far below one unit.
  let total = 0;
  let carry = 0;
  let floorSum = 0;
  for (let i = 0; i < values.length; i++) {
    if (!use(i)) continue;
    const q = values[i] / roundTo;
    const t = total + q;
    carry += Math.abs(total) >= Math.abs(q) ? total - t + q : q - t + total;
    total = t;
    const f = wholeUnits(q, 8 * Number.EPSILON * Math.max(1, Math.abs(q)));
    rows.push(i);
    floors.push(f);
    remainders.push(q - f);
    floorSum += f;
  }
  total += carry;
  // Calibrated budgets add up to their target within a few hundred EPSILON: snap only that close,
  // so a target a real fraction of a unit below a whole one is never rounded up (over the envelope).
  const target = wholeUnits(total, 1e-13 * Math.max(1, Math.abs(total)));
  let left = Math.max(0, Math.min(rows.length, target - floorSum));
  if (left > 0) {
    const order = rows.map((_, j) => j);
    order.sort((a, b) => remainders[b] - remainders[a] || a - b);
    for (let j = 0; j < left; j++) floors[order[j]] += 1;
    left = 0;
  }
  const inverse = 1 / roundTo;
  const exact = Number.isInteger(inverse);
  for (let j = 0; j < rows.length; j++)
    values[rows[j]] = exact ? floors[j] / inverse : floors[j] * roundTo;
}
