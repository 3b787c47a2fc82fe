/**
 * PBR.BLENDED: the 2019/20 blended payment shape.
 *
 *   payment = fixed + variableRate × (actualValue − planValue)
 *
 * clamped to [fixed × (1 − collar), fixed × (1 + cap)] when given: the fixed element is what is
 * paid when activity is on plan, so it plays the part of P in the cap and collar.
 */
import { PbrError, type ResultCell } from "../errors";
import { COLUMN, isBlankAt, readArgs, readNonNegative, readRate, type ArgValues } from "../args";
import { clamp } from "./bands";
import { LIMITS, readLimits, type Limits } from "./settle";

export function blended(
  fixed: number,
  planValue: number,
  actualValue: number,
  variableRate: number,
  cap: number | null,
  collar: number | null
): number {
  return clamp(fixed + variableRate * (actualValue - planValue), fixed, cap, collar);
}

/** PBR.BLENDED's arguments. */
export const BLENDED = {
  fixed: COLUMN,
  planValue: COLUMN,
  actualValue: COLUMN,
  variableRate: COLUMN,
  ...LIMITS,
};

/** PBR.BLENDED per row; blank rows (no fixed, plan or actual value) blank, a bad row its own error. */
export function blendedRange(values: ArgValues<typeof BLENDED>): ResultCell[] | PbrError {
  const args = readArgs(BLENDED, values);
  if (args instanceof PbrError) return args;
  const [fs, ps, as, rs, caps, collars] = args.columns;
  const out = new Array<ResultCell>(args.rows);
  for (let i = 0; i < args.rows; i++) {
    const row = i + 1;
    const f = fs.at(i);
    const p = ps.at(i);
    const a = as.at(i);
    if (isBlankAt([fs, ps, as], i)) {
      out[i] = "";
      continue;
    }
    const values = [
      readNonNegative(f, row, "fixed"),
      readNonNegative(p, row, "planValue"),
      readNonNegative(a, row, "actualValue"),
      readRate(rs.at(i), row, "variableRate"),
    ];
    const limits = readLimits(caps, collars, i);
    const bad =
      values.find((x): x is PbrError => x instanceof PbrError) ??
      (limits instanceof PbrError ? limits : undefined);
    if (bad) {
      out[i] = bad;
      continue;
    }
    const [F, P, A, R] = values as number[];
    const { cap: C, collar: L } = limits as Limits;
    out[i] = blended(F, P, A, R, C, L);
  }
  return out;
}
