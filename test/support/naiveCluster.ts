/**
 * The yardstick for PBR.CLUSTER's speed: the naive 20-cluster scoring loop anyone would write
 * first, on flat typed tables (no bit packing, no masks): per row, read the 18 ratings, then score
 * each of the profile's clusters item by item and keep the best that passes its red rules. Its
 * answers are checked against the reference implementation (without super class rules).
 */
import type { Profile } from "../../src/core/clusters/profile";

/** Points (0–2) and whether the rating breaks a red rule, per cluster, item and rating (0–4). */
export function naiveTables(profile: Profile): { points: Int8Array; red: Int8Array } {
  const n = profile.codes.length;
  const points = new Int8Array(n * 18 * 5);
  const red = new Int8Array(n * 18 * 5);
  for (let k = 0; k < n; k++)
    for (let item = 0; item < 18; item++) {
      const m = profile.marks[k][item];
      const hasRed = m.includes("R");
      for (let r = 0; r < 5; r++) {
        const at = (k * 18 + item) * 5 + r;
        points[at] = m[r] === "R" || m[r] === "O" ? 2 : m[r] === "Y" ? 1 : 0;
        red[at] = hasRed && m[r] !== "R" ? 1 : 0;
      }
    }
  return { points, red };
}

/**
 * The cluster per row (0 when none passes its red rules), or -1 for a row with fewer than 12 known
 * ratings: every cluster of the profile scored item by item, the best passing one kept (ties to
 * the lower code). No super class step, so the yardstick does less than PBR.CLUSTER does.
 */
export function naiveAllocate(ratings: readonly (readonly number[])[], profile: Profile): Int32Array {
  const { points, red } = naiveTables(profile);
  const n = profile.codes.length;
  const codes = Int32Array.from(profile.codes);
  const out = new Int32Array(ratings.length);
  const r = new Int8Array(18);
  for (let i = 0; i < ratings.length; i++) {
    const row = ratings[i];
    let known = 0;
    for (let item = 0; item < 18; item++) {
      const v = row[item];
      if (v >= 0 && v <= 4) {
        r[item] = v;
        known++;
      } else r[item] = -1;
    }
    if (known < 12) {
      out[i] = -1;
      continue;
    }
    let best = 0;
    let bestPoints = -1;
    for (let k = 0; k < n; k++) {
      let pts = 0;
      let fails = 0;
      for (let item = 0; item < 18; item++) {
        const rating = r[item];
        if (rating < 0) continue;
        const at = (k * 18 + item) * 5 + rating;
        pts += points[at];
        fails |= red[at];
      }
      if (fails === 0 && pts > bestPoints) {
        bestPoints = pts;
        best = codes[k];
      }
    }
    out[i] = best;
  }
  return out;
}
