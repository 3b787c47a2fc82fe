/* PBR.SCENARIOS over 10,000 variances with a 5-band table (the adapter, as Excel calls it). */
import type { Bench } from "./harness";
import { scenarios } from "../../src/functions/riskshare";

const N = 10_000;
const PLAN = 25_000_000;
// 5 bands: 0–2% at 0, 2–5% at 0.25, 5–10% at 0.5, 10–20% at 0.75, above 20% at 1
const BANDS = [
  ["From", "To", "Rate"],
  [0, 0.02, 0],
  [0.02, 0.05, 0.25],
  [0.05, 0.1, 0.5],
  [0.1, 0.2, 0.75],
  [0.2, "", 1],
];

/** Shared fraction for |variance| x, written out band by band (independent of the code). */
function expectedShare(x: number): number {
  const parts: [number, number, number][] = [
    [0, 0.02, 0],
    [0.02, 0.05, 0.25],
    [0.05, 0.1, 0.5],
    [0.1, 0.2, 0.75],
    [0.2, Infinity, 1],
  ];
  let s = 0;
  for (const [lo, hi, r] of parts) if (x > lo) s += r * (Math.min(x, hi) - lo);
  return s;
}

let variances: number[][] = [];

export const benches: Bench[] = [
  {
    name: "PBR.SCENARIOS, 10,000 variances, 5-band table",
    setup: () => {
      // −30% … +30% in even steps
      variances = Array.from({ length: N }, (_, i) => [-0.3 + (0.6 * i) / (N - 1)]);
    },
    run: () => scenarios([[PLAN]], variances, BANDS, null as never, [[0.15]], [[0.1]]),
    check: (output) => {
      const out = output as number[][];
      if (out.length !== N + 1) return `expected ${N + 1} rows, got ${out.length}`;
      for (let i = 0; i < N; i++) {
        const v = variances[i][0];
        const row = out[i + 1];
        const V = PLAN * (1 + v);
        let paid = PLAN + Math.sign(v) * PLAN * expectedShare(Math.abs(v));
        paid = Math.min(PLAN * 1.15, Math.max(PLAN * 0.9, paid));
        const want = [v, V, paid, paid - V, paid - PLAN];
        for (let j = 0; j < 5; j++) {
          if (!(Math.abs(row[j] - want[j]) <= 1e-6)) return `row ${i + 2}, column ${j + 1}: ${row[j]} ≠ ${want[j]}`;
        }
      }
      // spot check by hand: +12% → 0.25 × 0.03 + 0.5 × 0.05 + 0.75 × 0.02 = 0.0475 → £1,187,500 over plan
      const spot = scenarios([[PLAN]], [[0.12]], BANDS) as number[][];
      if (Math.abs(spot[1][2] - (PLAN + 1_187_500)) > 1e-6) return `+12% paid ${spot[1][2]}`;
    },
    items: N,
    unit: "variances",
    target: { kind: "time", maxMs: 5 },
    runs: 20,
  },
];
