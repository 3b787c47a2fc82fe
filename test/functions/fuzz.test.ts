/**
 * No input can hang or crash a function: every registered PBR function is called with values from
 * the edges of a double (±1E+308, ±Infinity, NaN, -0, 2^53, denormals), numeric- and date-looking
 * text, booleans, blanks, and empty, ragged and large ranges, in a child process with a time limit
 * per call. A call fails the test if it hangs, throws (or is caught by the guard as an "unexpected
 * problem"), returns something that is not a rectangular grid, or returns a non-finite number.
 * `npm run fuzz` makes many more calls.
 */
import { fuzz } from "../fuzz/harness";

const CALLS = Number(process.env.PBR_FUZZ_CALLS ?? 50_000);
const SEED = 20261128;

jest.setTimeout(300_000);

it(`${CALLS.toLocaleString("en-GB")} extreme calls: no hang, no exception, grids of finite values`, async () => {
  const s = await fuzz(SEED, CALLS);
  console.log(
    `fuzz: ${s.calls} calls in ${s.seconds.toFixed(1)} s; slowest PBR.${s.slowest.id} (call ${s.slowest.index}) ` +
      `${s.slowest.ms.toFixed(1)} ms`
  );
  const report = s.failures.slice(0, 10).map((f) => `call ${f.index} PBR.${f.id}: ${f.problem}\n  args ${f.args}`);
  expect(report).toEqual([]);
  expect(s.calls).toBe(CALLS);
});
