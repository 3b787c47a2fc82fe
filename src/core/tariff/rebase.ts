/**
 * PBR.REBASE: cost-neutral local prices. Given the current contract value V, each code's planned
 * activity a and cost c, the scale factor is k = V / Σ(c × a) and each local price is k × c, so
 * Σ price × planned activity = V. Spills one row per code: [price, k] (k repeated on every row so
 * it can be seen and referenced next to the prices).
 *
 * Prices are not rounded: rounding each price to the penny moves the total by up to half a penny
 * per unit of activity. Each code once: a repeated code is an error on the later row. Because k
 * depends on every row, a bad row stops k: it shows its own error and the others say what to fix.
 */
import { PbrError, argErrors, tariffErrors, type ResultCell } from "../errors";
import { isBlank } from "../values";
import { amountSpec } from "./costing";
import { COLUMN, readArgs, readNonNegative, type ArgValues, type NumberSpec } from "../args";
import { codeKey } from "./priceTable";

/** The contract value to reproduce: an amount as a cost pool, and 0 cannot be reproduced. */
const CONTRACT_VALUE: NumberSpec = {
  ...amountSpec("contractValue"),
  zero: () => argErrors.notPositive("contractValue", 0),
};

/** PBR.REBASE's arguments. */
export const REBASE = {
  contractValue: CONTRACT_VALUE,
  codes: COLUMN,
  plannedActivity: COLUMN,
  costs: COLUMN,
};

/** PBR.REBASE over the codes: [local price, k] per code; a bad row stops k (see above). */
export function rebaseRange(values: ArgValues<typeof REBASE>): ResultCell[][] | PbrError {
  const args = readArgs(REBASE, values);
  if (args instanceof PbrError) return args;
  const { contractValue: value, codes: codeList, plannedActivity: activityList, rows: n } = args;
  const costList = args.costs;
  const out = new Array<ResultCell[]>(n);
  const cost = new Float64Array(n);
  const seen = new Map<string, number>();
  let total = 0;
  let firstProblem: PbrError | null = null;
  for (let i = 0; i < n; i++) {
    const row = i + 1;
    const c = codeList.at(i);
    const a = activityList.at(i);
    const p = costList.at(i);
    if (isBlank(c) && activityList.blankOrShared(i) && costList.blankOrShared(i)) {
      out[i] = ["", ""];
      continue;
    }
    let problem: PbrError | null = null;
    if (isBlank(c)) problem = tariffErrors.codeBlank(row);
    else {
      const key = codeKey(c);
      const first = seen.get(key);
      if (first !== undefined) problem = tariffErrors.duplicateRow(row, c, first);
      else seen.set(key, row);
    }
    const an = problem ?? readNonNegative(a, row, "planned activity");
    const cn = an instanceof PbrError ? an : readNonNegative(p, row, "cost");
    if (cn instanceof PbrError) {
      out[i] = [cn, ""];
      firstProblem ??= cn;
      continue;
    }
    cost[i] = cn;
    total += cn * (an as number);
  }
  for (let i = 0; i < n; i++) {
    if (out[i] !== undefined) continue;
    if (firstProblem) out[i] = [tariffErrors.blockedBy(i + 1, "k", firstProblem), ""];
    else if (!(total > 0))
      out[i] = [
        tariffErrors.totalZero(
          "the total of cost × planned activity",
          "no factor k can reproduce the contract value"
        ),
        "",
      ];
    else {
      const k = value / total;
      out[i] = [k * cost[i], k];
    }
  }
  return out;
}
