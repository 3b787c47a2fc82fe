/**
 * Scoring a row of ratings against a compiled profile.
 *
 * A cluster passes its red rules when every item with red cells is rated inside them (a red item
 * rated 9/blank does not exclude it). Fit = points / (2 × known items), with 2 points for an R or
 * O cell, 1 for Y, 0 for blank. Allocation: the passing candidate with the highest fit; ties go
 * to the lower cluster code.
 */
import * as items from "./items";
import * as layout from "./profile";
import type { Profile } from "./profile";

// Copied into module-local constants: in a CommonJS build, imported bindings are property reads
// (sometimes getters) on every use, which costs more than the arithmetic in these loops.
const ITEM_COUNT = items.ITEM_COUNT;
const SLOTS = layout.SLOTS;
const GROUPS = layout.GROUPS;
const PER_GROUP = layout.PER_GROUP;
const BITS = layout.BITS;
const MASK = (1 << BITS) - 1;

/** Scratch space for one row's per-cluster points (avoids allocating per row). */
export class Scorer {
  readonly points = new Int32Array(32);
  /** Bit mask of clusters whose red rules the last scored row breaks. */
  failed = 0;

  constructor(readonly profile: Profile) {}

  /** Score ratings r[off…off+17] (0–4 or 5 = unknown); fills `points` and `failed`. */
  score(r: Uint8Array, off: number): void {
    const { packed, redFail } = this.profile;
    let fail = 0;
    let g0 = 0;
    let g1 = 0;
    let g2 = 0;
    let g3 = 0;
    for (let i = 0; i < ITEM_COUNT; i++) {
      const slot = i * SLOTS + r[off + i];
      fail |= redFail[slot];
      const p = slot * GROUPS;
      g0 += packed[p];
      g1 += packed[p + 1];
      g2 += packed[p + 2];
      g3 += packed[p + 3];
    }
    this.failed = fail;
    const pts = this.points;
    const n = this.profile.codes.length;
    for (let k = 0; k < n; k++) {
      const group = k < PER_GROUP ? g0 : k < 2 * PER_GROUP ? g1 : k < 3 * PER_GROUP ? g2 : g3;
      pts[k] = (group >>> (BITS * (k % PER_GROUP))) & MASK;
    }
  }

  /**
   * After `score`: the best passing cluster among `allowed` (a bit mask), or 0 when none passes.
   * Ties go to the lower code because codes are held in ascending order.
   */
  best(allowed: number): number {
    let candidates = allowed & ~this.failed;
    if (candidates === 0) return 0;
    const pts = this.points;
    let bestK = -1;
    let bestPts = -1;
    for (let k = 0; candidates !== 0; k++, candidates >>>= 1) {
      if (candidates & 1 && pts[k] > bestPts) {
        bestPts = pts[k];
        bestK = k;
      }
    }
    return this.profile.codes[bestK];
  }

  /** After `score`: passing clusters among `allowed` ranked best first, as [code, points] pairs. */
  ranked(allowed: number): [number, number][] {
    const out: [number, number][] = [];
    const candidates = allowed & ~this.failed;
    this.profile.codes.forEach((code, k) => {
      if (candidates & (1 << k)) out.push([code, this.points[k]]);
    });
    return out.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  }
}

/** Fit (0–1) from points and the number of known ratings. */
export function fitOf(points: number, known: number): number {
  return known === 0 ? 0 : points / (2 * known);
}
