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
  /**
   * The figure to report for a run instead of its wall time, from its output (e.g. the longest
   * time the run held the event loop). Default: wall time.
   */
  measure?: (output: unknown, ms: number) => number;
  /** More to print beside the figure, from the best run's output (e.g. the whole run's time). */
  detail?: (output: unknown) => string;
}

/**
 * Run async work and note the longest stretch the event loop was held (no timer could run): how
 * long a page running this work on its own thread would freeze at worst.
 */
export async function longestHold<T>(
  work: () => Promise<T>
): Promise<{ value: T; holdMs: number }> {
  let last = performance.now();
  let worst = 0;
  const beat = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 1);
  try {
    const value = await work();
    worst = Math.max(worst, performance.now() - last);
    return { value, holdMs: worst };
  } finally {
    clearInterval(beat);
  }
}

export async function time(fn: () => unknown): Promise<{ ms: number; output: unknown }> {
  const t0 = performance.now();
  let output = fn();
  if (output instanceof Promise) output = await output;
  return { ms: performance.now() - t0, output };
}
