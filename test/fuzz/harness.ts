/**
 * Calls every registered PBR function with extreme arguments in a child process, with a time
 * limit per call: a call that does not return within the limit is a hang (the child is killed and
 * the run goes on after it). Used by test/functions/fuzz.test.ts (npm test) and by
 * `npm run fuzz` (many more calls).
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { loadPbrFunctions } from "../support/pbrFunctions";
import { callAt } from "./arbitraries";

const ROOT = join(__dirname, "..", "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

export interface FuzzFailure {
  index: number;
  id: string;
  problem: string;
  /** The arguments of the call, shown for replay. */
  args: string;
}

export interface FuzzSummary {
  calls: number;
  failures: FuzzFailure[];
  slowest: { ms: number; id: string; index: number };
  seconds: number;
}

/** Arguments as text, with the numbers JSON cannot hold (Infinity, NaN, -0) spelled out; long ones cut. */
export function showArgs(args: unknown[]): string {
  const text = JSON.stringify(args, (_k, v) =>
    typeof v === "number" && (!Number.isFinite(v) || Object.is(v, -0)) ? `<${Object.is(v, -0) ? "-0" : String(v)}>` : v
  );
  return text.length > 600 ? `${text.slice(0, 600)}… (${text.length} characters)` : text;
}

function runChild(
  seed: number,
  start: number,
  count: number,
  limitMs: number
): Promise<{ next: number; failures: Omit<FuzzFailure, "args">[]; slowest?: FuzzSummary["slowest"]; hang?: number }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [join(__dirname, "runner.ts"), String(seed), String(start), String(count)], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const failures: Omit<FuzzFailure, "args">[] = [];
    let current = start - 1;
    let beat = Date.now();
    let slowest: FuzzSummary["slowest"] | undefined;
    let hang: number | undefined;
    let buffer = "";
    let stderr = "";
    // The first heartbeat waits for tsx to start and the functions to load.
    let started = false;
    const timer = setInterval(() => {
      const limit = started ? limitMs : Math.max(limitMs, 60_000);
      if (Date.now() - beat > limit) {
        hang = current;
        child.kill("SIGKILL");
      }
    }, 50);
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith("S ")) {
          current = Number(line.slice(2));
          beat = Date.now();
          started = true;
        } else if (line.startsWith("F ")) {
          failures.push(JSON.parse(line.slice(2)));
        } else if (line.startsWith("D ")) {
          slowest = JSON.parse(line.slice(2)).slowest;
        }
      }
    });
    child.stderr.on("data", (c) => (stderr += String(c)));
    child.on("close", (code) => {
      clearInterval(timer);
      if (hang === undefined && slowest === undefined) {
        failures.push({ index: current, id: "", problem: `the child process stopped (exit ${code}): ${stderr.slice(-500)}` });
        resolve({ next: current + 1, failures });
        return;
      }
      resolve({ next: hang !== undefined ? hang + 1 : start + count, failures, slowest, hang });
    });
  });
}

/** Make `calls` calls from call `0` of the run with `seed`; a call over `limitMs` is a hang. */
export async function fuzz(seed: number, calls: number, limitMs = 5_000): Promise<FuzzSummary> {
  const t0 = Date.now();
  const functions = await loadPbrFunctions();
  const failures: FuzzFailure[] = [];
  let slowest = { ms: 0, id: "", index: -1 };
  let next = 0;
  while (next < calls) {
    const r = await runChild(seed, next, calls - next, limitMs);
    const found = [...r.failures];
    if (r.hang !== undefined)
      found.push({ index: r.hang, id: "", problem: `did not return within ${limitMs} ms (a hang)` });
    for (const f of found) {
      const call = f.index >= 0 ? callAt(functions, seed, f.index) : { id: f.id, args: [] };
      failures.push({ ...f, id: call.id, args: showArgs(call.args) });
    }
    if (r.slowest && r.slowest.ms > slowest.ms) slowest = r.slowest;
    if (r.hang !== undefined) slowest = { ms: limitMs, id: callAt(functions, seed, r.hang).id, index: r.hang };
    if (r.next <= next) break; // the child could not make progress: already reported
    next = r.next;
  }
  return { calls: next, failures, slowest, seconds: (Date.now() - t0) / 1000 };
}
