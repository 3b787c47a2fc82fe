/**
 * Sharing a whole number of pennies in proportion to weights so the shares add up exactly
 * (the largest-remainder method, also called Hamilton's method).
 *
 * 1. Each line's exact share is pool × weight / Σ weights; it first gets the whole pennies of that.
 * 2. The pennies left over (fewer than the number of lines) go one each to the lines with the
 *    largest fractions of a penny cut off; equal fractions go to the earlier line first.
 * Lines with weight 0 get nothing. The shares always add up to the pool exactly.
 *
 * Bounded work whatever the inputs: each line's exact share is worked out as pool × (weight / Σ),
 * which never exceeds the pool, so fewer pennies are left over than there are lines and the
 * hand-out loop runs at most twice over the lines. Returns null (the caller shows #NUM!) when the
 * pool is not a whole number of pennies below 2^53 or the weights are not finite and ≥ 0 with a
 * finite total: then no exact share exists.
 */
export function sharePennies(poolPennies: number, weights: Float64Array): Float64Array | null {
  const n = weights.length;
  const shares = new Float64Array(n);
  if (!Number.isSafeInteger(poolPennies) || poolPennies < 0) return null;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w >= 0 && w < Infinity)) return null;
    total += w;
  }
  if (!(total < Infinity)) return null;
  if (!(total > 0)) return shares;
  const fraction = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    if (weights[i] <= 0) continue;
    const exact = poolPennies * (weights[i] / total);
    const whole = Math.floor(exact);
    shares[i] = whole;
    fraction[i] = exact - whole;
    given += whole;
  }
  let left = poolPennies - given;
  if (left === 0) return shares;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (weights[i] > 0) order.push(i);
  if (left > 0) {
    order.sort((a, b) => fraction[b] - fraction[a] || a - b);
  } else {
    // Only reachable through floating-point rounding of `exact` just above a whole penny.
    order.sort((a, b) => fraction[a] - fraction[b] || b - a);
  }
  // Rounding can leave at most a few pennies per line; anything else means no exact share.
  if (!(Math.abs(left) <= order.length)) return null;
  const step = left > 0 ? 1 : -1;
  const limit = 2 * order.length;
  for (let j = 0, tries = 0; left !== 0 && tries < limit; j = (j + 1) % order.length, tries++) {
    const i = order[j];
    if (step < 0 && shares[i] <= 0) continue;
    shares[i] += step;
    left -= step;
  }
  return left === 0 ? shares : null;
}
