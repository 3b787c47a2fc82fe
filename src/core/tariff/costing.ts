/**
 * PBR.COSTPERDAY: share a cost pool across codes in proportion to days × weight, and give each
 * line's cost per day.
 *
 * The pool is rounded to the penny, then shared in whole pennies by the largest-remainder method
 * (see pennies.ts: leftover pennies to the largest fractions, ties to the earlier row), so the
 * shares add up to the pool exactly. Cost per day = the line's share ÷ its days, not rounded:
 * cost per day × days gives the share back (to the penny with ROUND(…, 2)).
 *
 * Each row is one line: a code may appear on several rows (one per team, say). Because every
 * line's share depends on all the others, a bad row stops the whole share: that row shows its
 * own error and the other rows say which row to fix.
 */
import { PbrError, tariffErrors, type ResultCell } from "../errors";
import { isBlank } from "../values";
import {
  COLUMN,
  readArgs,
  readNonNegative,
  readOptionalNonNegative,
  type ArgValues,
  type NumberSpec,
} from "../args";
import { sharePennies } from "./pennies";

/** Largest pool shared to the penny: pennies stay exact in a double below 2^53. */
export const MAX_POOL = 90_000_000_000;

/** A money amount shared to the penny (cost pool, contract value): a number from 0 to MAX_POOL. */
export function amountSpec(what: string): NumberSpec {
  return {
    what,
    rule: "nonNegative",
    max: { value: MAX_POOL, text: "90,000,000,000", why: "beyond it pennies are no longer exact" },
  };
}

/** PBR.COSTPERDAY's arguments. */
export const COST_PER_DAY = {
  costPool: amountSpec("costPool"),
  codes: COLUMN,
  days: COLUMN,
  weights: COLUMN,
};

/** PBR.COSTPERDAY per line: the line's share of the pool ÷ its days; a bad row stops the share. */
export function costPerDayRange(values: ArgValues<typeof COST_PER_DAY>): ResultCell[] | PbrError {
  const args = readArgs(COST_PER_DAY, values);
  if (args instanceof PbrError) return args;
  const { costPool: pool, codes: codeList, days: dayList, weights: weightList, rows: n } = args;
  const out = new Array<ResultCell>(n);
  const dayOf = new Float64Array(n);
  const weight = new Float64Array(n);
  let firstProblem: PbrError | null = null;
  for (let i = 0; i < n; i++) {
    const row = i + 1;
    const c = codeList.at(i);
    const d = dayList.at(i);
    const w = weightList.at(i);
    if (isBlank(c) && dayList.blankOrShared(i) && weightList.blankOrShared(i)) {
      out[i] = "";
      continue;
    }
    const dn = isBlank(c) ? tariffErrors.codeBlank(row) : readNonNegative(d, row, "days");
    const wn = dn instanceof PbrError ? dn : readOptionalNonNegative(w, row, "weight", 1);
    if (wn instanceof PbrError) {
      out[i] = wn;
      firstProblem ??= wn;
      continue;
    }
    dayOf[i] = dn as number;
    weight[i] = (dn as number) * wn;
  }
  if (firstProblem) {
    for (let i = 0; i < n; i++) {
      if (out[i] === undefined)
        out[i] = tariffErrors.blockedBy(i + 1, "the cost per day", firstProblem);
    }
    return out;
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += weight[i];
  if (!(total > 0)) {
    for (let i = 0; i < n; i++)
      if (out[i] === undefined)
        out[i] = tariffErrors.totalZero(
          "the total of days × weight",
          "there is nothing to share the pool in proportion to"
        );
    return out;
  }
  const shares = sharePennies(Math.round(pool * 100), weight);
  if (shares === null) {
    const problem = tariffErrors.shareOutOfRange();
    for (let i = 0; i < n; i++) if (out[i] === undefined) out[i] = problem;
    return out;
  }
  for (let i = 0; i < n; i++) {
    if (out[i] !== undefined) continue;
    const c = codeList.at(i);
    out[i] = dayOf[i] > 0 ? shares[i] / (100 * dayOf[i]) : tariffErrors.zeroDays(i + 1, c);
  }
  return out;
}
