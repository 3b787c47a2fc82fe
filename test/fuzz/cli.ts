/**
 * npm run fuzz [-- calls [seed]]: many more extreme calls than npm test makes (default 500,000,
 * seed from the clock). Prints the calls made, the slowest call and every failure with its
 * arguments; exits 1 on any failure.
 */
import { fuzz } from "./harness";

async function main(): Promise<void> {
  const calls = Number(process.argv[2] ?? 500_000);
  const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
  console.log(`fuzz: ${calls.toLocaleString("en-GB")} calls, seed ${seed}, 5 s limit per call`);
  const s = await fuzz(seed, calls);
  console.log(
    `fuzz: ${s.calls.toLocaleString("en-GB")} calls in ${s.seconds.toFixed(1)} s; slowest ${s.slowest.id} ` +
      `(call ${s.slowest.index}) ${s.slowest.ms.toFixed(1)} ms; ${s.failures.length} failures`
  );
  for (const f of s.failures.slice(0, 50)) console.log(`  call ${f.index} PBR.${f.id}: ${f.problem}\n    args ${f.args}`);
  process.exit(s.failures.length > 0 ? 1 : 0);
}

void main();
