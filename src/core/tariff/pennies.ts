/**
 * Sharing a whole number of pennies in proportion to weights so the shares add up exactly
 * (the largest-remainder method, also called Hamilton's method).
 *
 * 1. Each line's exact share is pool × weight / Σ weights; it first gets the whole pennies of that.
 * 2. The pennies left over (fewer than the number of lines) go one each to the lines with the
 *    largest fractions of a penny cut off; equal fractions go to the earlier line first.
 * Lines with weight 0 get nothing. The shares always add up to the pool exactly.
 */
export function sharePennies(poolPennies: number, weights: Float64Array): Float64Array {
  const n = weights.length;
  const shares = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  if (!(total > 0)) return shares;
  const fraction = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    if (weights[i] <= 0) continue;
    const exact = (poolPennies * weights[i]) / total;
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
  const step = left > 0 ? 1 : -1;
  for (let j = 0; left !== 0; j = (j + 1) % order.length) {
    const i = order[j];
    if (step < 0 && shares[i] <= 0) continue;
    shares[i] += step;
    left -= step;
  }
  return shares;
}
