/* Stepped budget benchmark: PBR.RASCALIBRATE then PBR.RASBUDGET over a 100,000-person cohort through
   the Excel adapter, with the calibrated total and every budget checked. */
import type { Bench } from "./harness";
import { rasbudget, rascalibrate } from "../../src/functions/ras";
import { ILLUSTRATIVE_PRICES } from "../../src/core/tariff/illustrative";
import { ILLUSTRATIVE_STEPS } from "../../src/core/ras/illustrative";

const PEOPLE = 100_000;
const ENVELOPE = 250_000_000;
const CONTINGENCY = 0.1;
const ROUND_TO = 10;
const CODES = ILLUSTRATIVE_PRICES.rows.map((r) => r[0] as number);
const YEARLY = new Map(ILLUSTRATIVE_PRICES.rows.map((r) => [r[0] as number, (r[1] as number) * 365]));
const PERCENT = new Map(ILLUSTRATIVE_STEPS.rows.map((r) => [r[0] as number, r[1] as number]));

let codes: number[][] = [];
let steps: number[][] = [];

interface Output {
  k: number;
  budgets: unknown[][];
}

export const benches: Bench[] = [
  {
    name: "PBR.RASCALIBRATE + PBR.RASBUDGET via adapter, 100,000 people",
    setup: () => {
      if (codes.length === PEOPLE) return;
      codes = Array.from({ length: PEOPLE }, (_, i) => [CODES[(i * 7) % CODES.length]]);
      steps = Array.from({ length: PEOPLE }, (_, i) => [1 + ((i * 3) % 5)]);
    },
    run: (): Output => {
      const none = null as never;
      const k = rascalibrate(codes, steps, ENVELOPE, CONTINGENCY, none, none, none)[0][0] as number;
      return { k, budgets: rasbudget(codes, steps, none, none, k, none, ROUND_TO) };
    },
    check: (output) => {
      const { k, budgets } = output as Output;
      let raw = 0;
      for (let i = 0; i < PEOPLE; i++) raw += YEARLY.get(codes[i][0])! * PERCENT.get(steps[i][0])!;
      const target = ENVELOPE * (1 - CONTINGENCY);
      if (Math.abs(k - target / raw) > 1e-12 * k) return `k ${k} is not ${target / raw}`;
      // Largest remainders, checked independently: every budget is its amount rounded down to £10
      // or one £10 more; the cohort adds up to its unrounded total rounded down to a whole £10; and
      // no budget got the extra £10 while one with a clearly larger remainder did not.
      let total = 0;
      let lowestUp = Infinity;
      let highestDown = -Infinity;
      let unrounded = 0;
      for (let i = 0; i < PEOPLE; i++) {
        const q = (YEARLY.get(codes[i][0])! * PERCENT.get(steps[i][0])! * k) / ROUND_TO;
        unrounded += q;
        const floor = Math.floor(q + 1e-9);
        const got = budgets[i][0] as number;
        const units = got / ROUND_TO;
        if (units === floor + 1) lowestUp = Math.min(lowestUp, q - floor);
        else if (units === floor) highestDown = Math.max(highestDown, q - floor);
        else return `person ${i + 1}: budget ${got}, expected ${floor * ROUND_TO} or ${(floor + 1) * ROUND_TO}`;
        total += got;
      }
      if (total > target + 1e-6) return `cohort total ${total} is over the target ${target}`;
      if (total / ROUND_TO !== Math.floor(unrounded + 1e-6)) return `cohort total ${total} is not the total rounded down to £10`;
      if (highestDown > lowestUp + 1e-9) return `a remainder of ${highestDown} stayed down while ${lowestUp} went up`;
    },
    items: PEOPLE,
    unit: "people",
    target: { kind: "time", maxMs: 50 },
  },
];
