/* fast-check settings for the unit project. Every run draws a fresh seed, so local runs keep
   exploring; FC_SEED replays one run exactly (fast-check prints the seed of any failure), and
   FC_NUM_RUNS raises the number of cases for a long shake-out of the properties that take the
   default (for example FC_NUM_RUNS=20000 npx jest --selectProjects unit test/core). */
import fc from "fast-check";

const seed = process.env.FC_SEED;
const numRuns = process.env.FC_NUM_RUNS;
fc.configureGlobal({
  ...(seed ? { seed: Number(seed) } : {}),
  ...(numRuns ? { numRuns: Number(numRuns) } : {}),
});
