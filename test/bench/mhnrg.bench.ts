/* PBR.MHNRG over 1,000,000 contacts through the Excel adapter (columns in, a column out), each
   answer checked against the plain reference implementation (test/support/referenceMhnrg.ts). */
import { mhnrg } from "../../src/functions/mhnrg";
import { mulberry32 } from "../support/random";
import { referenceMhnrg } from "../support/referenceMhnrg";
import type { Bench } from "./harness";

const ROWS = 1_000_000;
const TEAMS = [
  "A05",
  "A05",
  "A06",
  "A14",
  "A15",
  "A02",
  "A18",
  "C10",
  "F01",
  "E01",
  "Z01",
  "A03",
  "A08",
  "D06",
];
const DIAGS = [
  "F20.0",
  "F32.1",
  "F41.1",
  "",
  "",
  "F60.3",
  "F00.1",
  "F50.0",
  "F84.0",
  "F10.2",
  "Z03.9",
  "G30.9",
  "F31.2",
];
// 09 and 28 are valid MHSDS reasons that no rule lists: unclassified, the path issue 24 added.
const REASONS = ["", "01", "04", "08", "12", "18", "24", "10", "09", "28"];
let cols: {
  kind: string[][];
  age: (number | null)[][];
  diag: string[][];
  team: string[][];
  reason: string[][];
  crisis: boolean[][];
};
let expected: string[] = [];

function setup() {
  if (expected.length) return;
  const rnd = mulberry32(20260401);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  cols = { kind: [], age: [], diag: [], team: [], reason: [], crisis: [] };
  for (let i = 0; i < ROWS; i++) {
    const age = rnd() < 0.05 ? null : Math.floor(rnd() * 95);
    const row = {
      kind: "contact",
      age,
      diag: pick(DIAGS),
      team: pick(TEAMS),
      reason: pick(REASONS),
      crisis: rnd() < 0.1,
    };
    cols.kind.push([row.kind]);
    cols.age.push([row.age]);
    cols.diag.push([row.diag]);
    cols.team.push([row.team]);
    cols.reason.push([row.reason]);
    cols.crisis.push([row.crisis]);
    expected.push(referenceMhnrg(row.kind, row.age, row.diag, row.team, row.reason, row.crisis));
  }
}

export const benches: Bench[] = [
  {
    name: "PBR.MHNRG Excel adapter, 1,000,000 contacts",
    setup,
    run: () => mhnrg(cols.kind, cols.age, cols.diag, cols.team, cols.reason, cols.crisis),
    check: (out) => {
      const grid = out as unknown[][];
      for (let i = 0; i < ROWS; i++)
        if (grid[i][0] !== expected[i])
          return `row ${i + 1}: got ${String(grid[i][0])}, expected ${expected[i]}`;
      const unclassified = expected.filter((c) => c.startsWith("MBU")).length;
      if (!(unclassified > 0)) return "no unclassified rows in the sample";
    },
    items: ROWS,
    unit: "rows",
    target: { kind: "rate", min: 2_000_000 },
  },
];
