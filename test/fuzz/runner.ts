/**
 * Child process of the fuzz harness: calls PBR functions with the arguments of calls
 * [start, start + count) of a seeded run and reports on stdout, one line each:
 *   S <index>            before each call (the harness's heartbeat: a call that never returns is a hang)
 *   F <json>             a call that threw, returned something that is not a grid, or a bad cell
 *   D <json>             done: calls made and the slowest call
 * Run by harness.ts as `tsx test/fuzz/runner.ts <seed> <start> <count>`.
 */
import { writeSync } from "node:fs";
import { PbrError } from "../../src/core/errors";
import { loadPbrFunctions } from "../support/pbrFunctions";
import { callAt } from "./arbitraries";

function problemWith(out: unknown): string | null {
  if (!Array.isArray(out) || out.length === 0) return "did not return a non-empty grid";
  const width = Array.isArray(out[0]) ? out[0].length : -1;
  for (let r = 0; r < out.length; r++) {
    const row = out[r];
    if (!Array.isArray(row) || row.length === 0)
      return `row ${r + 1} of the result is not a non-empty list`;
    if (row.length !== width)
      return `result rows have different widths (${width} and ${row.length})`;
    for (const v of row) {
      if (typeof v === "number") {
        if (!Number.isFinite(v)) return `result holds the number ${String(v)}`;
      } else if (v instanceof PbrError) {
        if (v.message.startsWith("unexpected problem")) return `hit an exception: ${v.message}`;
      } else if (typeof v !== "string" && typeof v !== "boolean") {
        return `result holds ${String(v)} (${typeof v})`;
      }
    }
  }
  return null;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Write all of `text` to stdout synchronously. The pipe to the harness is non-blocking: when the
 * harness is slow to read (a loaded machine), a write can fail with EAGAIN or write only part, so
 * wait a moment and go on until everything is written.
 */
function writeAll(text: string): void {
  const buf = Buffer.from(text);
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(1, buf, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

async function main(): Promise<void> {
  const [seed, start, count] = process.argv.slice(2).map(Number);
  const functions = await loadPbrFunctions();
  const line = (s: string) => writeAll(s + "\n");
  let slowest = { ms: 0, id: "", index: -1 };
  for (let index = start; index < start + count; index++) {
    const { id, args } = callAt(functions, seed, index);
    const entry = functions.find((f) => f.id === id)!;
    line(`S ${index}`);
    const t0 = performance.now();
    let problem: string | null;
    try {
      problem = problemWith(entry.fn(...args));
    } catch (e) {
      problem = `threw ${e instanceof Error ? e.message : String(e)}`;
    }
    const ms = performance.now() - t0;
    if (ms > slowest.ms) slowest = { ms, id, index };
    if (problem) line(`F ${JSON.stringify({ index, id, problem })}`);
  }
  line(`D ${JSON.stringify({ calls: count, slowest })}`);
}

main().catch((e) => {
  writeAll(`F ${JSON.stringify({ index: -1, id: "", problem: `runner failed: ${String(e)}` })}\n`);
  process.exit(1);
});
