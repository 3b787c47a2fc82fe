/* `npm run bench`: runs every benchmark, prints figures, exits 1 if any answer is wrong.
   Each bench file runs in its own process, so one family's million-row inputs do not sit in the
   heap (and slow the garbage collector) while another family is timed.
   `npm run bench -- tariff` runs only the benchmarks whose name contains "tariff". */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { time, type Bench } from "./harness";

const fmt = (n: number) => Math.round(n).toLocaleString("en-GB");

async function main() {
  const fileFlag = process.argv.indexOf("--file");
  if (fileFlag < 0) {
    const files = readdirSync(__dirname)
      .filter((f) => f.endsWith(".bench.ts"))
      .sort();
    let failed = false;
    for (const file of files) {
      const args = [...process.execArgv, __filename, "--file", file, ...process.argv.slice(2)];
      const child = spawnSync(process.execPath, args, { stdio: "inherit" });
      if (child.status !== 0) failed = true;
    }
    process.exit(failed ? 1 : 0);
  }
  const files = [process.argv[fileFlag + 1]];
  const filter = process.argv
    .slice(2)
    .find((a, i, all) => a !== "--file" && all[i - 1] !== "--file");
  let wrong = 0;
  for (const file of files) {
    // `teardown`: what a file opened for its benches (a browser, a server), closed after them.
    const mod = (await import(join(__dirname, file))) as {
      benches: Bench[];
      teardown?: () => Promise<void>;
    };
    for (const b of mod.benches) {
      if (filter && !b.name.toLowerCase().includes(filter.toLowerCase())) continue;
      b.setup?.();
      let best = Infinity;
      let bestDetail = "";
      let problem: string | void = undefined;
      const runs = b.runs ?? 5;
      for (let i = 0; i < runs + 1; i++) {
        const timed = await time(b.run);
        const output = timed.output;
        const ms = b.measure ? b.measure(output, timed.ms) : timed.ms;
        try {
          problem = b.check(output) || problem;
        } catch (e) {
          problem = e instanceof Error ? e.message : String(e);
        }
        if (i > 0 && ms < best) {
          // first run is warm-up
          best = ms;
          bestDetail = b.detail ? `, ${b.detail(output)}` : "";
        }
      }
      const rate = (b.items / best) * 1000;
      const met = b.target.kind === "rate" ? rate >= b.target.min : best <= b.target.maxMs;
      const targetText =
        b.target.kind === "rate"
          ? `target ≥ ${fmt(b.target.min)} ${b.unit}/s`
          : `target ≤ ${b.target.maxMs} ms`;
      const answer = problem ? `WRONG ANSWER: ${problem}` : "answers checked";
      console.log(
        `${b.name}: ${best.toFixed(1)} ms${bestDetail}, ${fmt(rate)} ${b.unit}/s (${targetText}: ${met ? "met" : "MISSED"}); ${answer}`
      );
      if (problem) wrong++;
    }
    await mod.teardown?.();
  }
  if (wrong > 0) {
    console.error(`${wrong} benchmark(s) gave wrong answers`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
