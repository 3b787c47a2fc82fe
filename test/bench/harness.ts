/**
 * Benchmarks that also check answers. Each bench file exports `benches: Bench[]`; `npm run bench`
 * runs them all, prints figures against targets, and fails (exit 1) when an answer is wrong.
 * A missed speed target is reported but does not fail: machines are shared and noisy.
 */
export interface BenchResult {
  /** What was measured, e.g. "PBR.CLUSTER core, 1,000,000 rows". */
  name: string;
  /** Items processed per run (rows, variances, people…). */
  items: number;
  unit: string;
  /** Best wall time of the timed runs, ms. */
  ms: number;
  /** The target: "≥ 3,000,000 rows/s" or "≤ 5 ms". */
  target: { kind: "rate"; min: number } | { kind: "time"; maxMs: number };
}

export interface Bench {
  name: string;
  /** Build inputs once (not timed). */
  setup?: () => void;
  /** The timed work (may be async); returns whatever `check` needs. */
  run: () => unknown;
  /** Throws (or returns a message) when the answer is wrong. */
  check: (output: unknown) => string | void;
  items: number;
  unit: string;
  target: BenchResult["target"];
  /** Timed runs after warm-up (best is reported). Default 5. */
  runs?: number;
}

export async function time(fn: () => unknown): Promise<{ ms: number; output: unknown }> {
  const t0 = performance.now();
  let output = fn();
  if (output instanceof Promise) output = await output;
  return { ms: performance.now() - t0, output };
}
