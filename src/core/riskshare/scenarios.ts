/**
 * PBR.SCENARIOS: sweep one contract over a column of variances (fractions of plan, e.g. −0.15 …
 * +0.15). For each variance v: activity value V = P × (1 + v), then the settlement of V. The answer
 * has a header row; a blank variance gives a blank row; a failed row carries its error in every cell.
 */
import { PbrError, riskErrors, shapeErrors, type ResultCell } from "../errors";
import { isBlank, toNumber } from "../values";
import { COLUMN, readArgs, readNonNegative, type ArgValues } from "../args";
import { readBandPair } from "./bands";
import { BAND_TABLES, LIMITS, readLimits, settlementRow, type Limits } from "./settle";

export const SCENARIO_HEADER = [
  "Variance",
  "Activity value",
  "Payment",
  "Provider gain",
  "Change against plan",
];
const WIDTH = SCENARIO_HEADER.length;
// Module-local copy for the row loop (under CommonJS each imported binding read is a getter call).
const limitsAt = readLimits;
/** PBR.SCENARIOS's arguments, in its order. */
export const SWEEP = { plan: COLUMN, variances: COLUMN, ...BAND_TABLES, ...LIMITS };

/** PBR.SCENARIOS: a header row, then one settlement per variance. */
export function scenariosTable(values: ArgValues<typeof SWEEP>): ResultCell[][] | PbrError {
  const pair = readBandPair(values.bands, values.underBands);
  if (pair instanceof PbrError) return pair;
  const args = readArgs(SWEEP, values);
  if (args instanceof PbrError) return args;
  const { variances: vs, plan: plans, cap: caps, collar: collars } = args;
  const out: ResultCell[][] = new Array(args.rows + 1);
  out[0] = SCENARIO_HEADER.slice();
  for (let i = 0; i < args.rows; i++) {
    const row = i + 1;
    const v = vs.at(i);
    if (isBlank(v)) {
      out[row] = new Array<ResultCell>(WIDTH).fill("");
      continue;
    }
    const variance = toNumber(v);
    const P = readNonNegative(plans.at(i), row, "plan");
    const limits = limitsAt(caps, collars, i);
    const bad: PbrError | undefined = Number.isNaN(variance)
      ? shapeErrors.notNumber(row, "variance", v)
      : variance < -1
        ? riskErrors.varianceBelowMinus1(row, variance)
        : [P, limits].find((x): x is PbrError => x instanceof PbrError);
    if (bad) {
      out[row] = new Array<ResultCell>(WIDTH).fill(bad);
      continue;
    }
    const p = P as number;
    const s = settlementRow(pair, p, p * (1 + variance), limits as Limits);
    out[row] = [variance, s[1], s[0], s[2], s[3]];
  }
  return out;
}
