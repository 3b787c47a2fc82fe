/**
 * Settling one contract: plan P, value of actual activity V, Δ = V − P.
 *
 *   payment = P + sign(Δ) × Σ over bands of rate × (part of |Δ| in the band)
 *
 * using the under-performance bands when Δ < 0, then clamped to [P × (1 − collar), P × (1 + cap)]
 * when a cap or collar is given. PBR.RISKSHARE returns the payment; PBR.SETTLEMENT the row
 * [payment, V, provider gain = payment − V, change against plan = payment − P].
 */
import { PbrError, type ResultCell } from "../errors";
import {
  COLUMN,
  TABLE,
  isBlankAt,
  readArgs,
  type ArgValues,
  readNonNegative,
  readOptionalFraction,
  type Column,
} from "../args";
import { clamp, readBandPair, shared, type BandPair } from "./bands";

export interface Limits {
  readonly cap: number | null;
  readonly collar: number | null;
}

/** The payment for plan P and activity value V (both ≥ 0). */
export function payment(bands: BandPair, plan: number, value: number, limits: Limits): number {
  const delta = value - plan;
  let paid = plan;
  if (delta > 0) paid = plan + shared(bands.over, plan, delta);
  else if (delta < 0) paid = plan - shared(bands.under, plan, -delta);
  return clamp(paid, plan, limits.cap, limits.collar);
}

export const SETTLEMENT_WIDTH = 4;

/** [payment, V, provider gain, change against plan]. */
export function settlementRow(
  bands: BandPair,
  plan: number,
  value: number,
  limits: Limits
): number[] {
  const paid = payment(bands, plan, value, limits);
  return [paid, value, paid - value, paid - plan];
}

type Row = { plan: number; value: number; limits: Limits };

/** Row i's cap and collar (each blank for none), or the first problem with them. */
export function readLimits(caps: Column, collars: Column, i: number): Limits | PbrError {
  const row = i + 1;
  const cap = readOptionalFraction(caps.at(i), row, "cap");
  if (cap instanceof PbrError) return cap;
  const collar = readOptionalFraction(collars.at(i), row, "collar");
  return collar instanceof PbrError ? collar : { cap, collar };
}

/** The cap and collar columns every risk-share function takes. */
export const LIMITS = { cap: COLUMN, collar: COLUMN };
/** The band tables every risk-share function takes, read first (bands.ts). */
export const BAND_TABLES = { bands: TABLE, underBands: TABLE };
/** PBR.RISKSHARE's and PBR.SETTLEMENT's arguments. */
export const CONTRACT = { plan: COLUMN, actual: COLUMN, ...BAND_TABLES, ...LIMITS };

/** Read the bands, then plan, actual, cap and collar per row; call `each` for readable rows. */
function eachContract<T>(
  values: ArgValues<typeof CONTRACT>,
  blank: T,
  failed: (e: PbrError) => T,
  each: (pair: BandPair, row: Row) => T
): T[] | PbrError {
  const pair = readBandPair(values.bands, values.underBands);
  if (pair instanceof PbrError) return pair;
  const args = readArgs(CONTRACT, values);
  if (args instanceof PbrError) return args;
  const { plan: plans, actual: actuals, cap: caps, collar: collars } = args;
  const out = new Array<T>(args.rows);
  for (let i = 0; i < args.rows; i++) {
    const row = i + 1;
    const p = plans.at(i);
    const a = actuals.at(i);
    if (isBlankAt([plans, actuals], i)) {
      out[i] = blank;
      continue;
    }
    const P = readNonNegative(p, row, "plan");
    const V = readNonNegative(a, row, "actual");
    const limits = readLimits(caps, collars, i);
    const bad = [P, V, limits].find((x): x is PbrError => x instanceof PbrError);
    if (bad) {
      out[i] = failed(bad);
      continue;
    }
    out[i] = each(pair, { plan: P as number, value: V as number, limits: limits as Limits });
  }
  return out;
}

/** PBR.RISKSHARE: the payment per contract row. */
export function riskshareRange(values: ArgValues<typeof CONTRACT>): ResultCell[] | PbrError {
  return eachContract<ResultCell>(
    values,
    "",
    (e) => e,
    (pair, r) => payment(pair, r.plan, r.value, r.limits)
  );
}

/** PBR.SETTLEMENT: one row [payment, V, provider gain, change against plan] per contract row. */
export function settlementRange(values: ArgValues<typeof CONTRACT>): ResultCell[][] | PbrError {
  const blank: ResultCell[] = new Array<ResultCell>(SETTLEMENT_WIDTH).fill("");
  return eachContract<ResultCell[]>(
    values,
    blank,
    // A failed row is the error in every cell, so no column of the row can be summed as if it were 0.
    (e) => new Array<ResultCell>(SETTLEMENT_WIDTH).fill(e),
    (pair, r) => settlementRow(pair, r.plan, r.value, r.limits)
  );
}
