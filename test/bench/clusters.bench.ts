/* PBR.CLUSTER over 1,000,000 rows: (a) the core, (b) the Excel adapter (number[][] in and out),
   both with the super class step on (the built-in rules decide each row's super class first).
   Answers are checked row by row against the plain reference implementation. Also prints the
   vignette accuracy tables of the built-in default (test/core/clusters/vignettes.ts, and the
   pictures written from the Clustering Booklet's descriptions in bookletVignettes.ts). */
import { allocateRange } from "../../src/core/clusters/allocate";
import { defaultProfile } from "../../src/core/clusters/defaultProfile";
import { cluster } from "../../src/functions/clusters";
import { mulberry32 } from "../support/random";
import { referenceAllocateWithRules } from "../support/referenceCluster";
import { defaultSuperclassRules } from "../../src/core/clusters/defaultSuperclassRules";
import { accuracyTable, placeVignettes } from "../support/vignetteAccuracy";
import { BOOKLET_VIGNETTES } from "../core/clusters/bookletVignettes";
import type { Bench } from "./harness";

const ROWS = 1_000_000;
let ratings: number[][] = [];
let expected: Int32Array = new Int32Array(0);

function setup() {
  if (ratings.length) return;
  const rnd = mulberry32(20261122);
  ratings = new Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    const severity = rnd() * 4;
    const r = new Array<number>(18);
    for (let j = 0; j < 18; j++) {
      const x = rnd();
      r[j] = x < 0.04 ? 9 : Math.max(0, Math.min(4, Math.round(severity * rnd() * 1.3 - 0.3)));
    }
    ratings[i] = r;
  }
  expected = new Int32Array(ROWS);
  const profile = defaultProfile();
  const rules = defaultSuperclassRules();
  for (let i = 0; i < ROWS; i++)
    expected[i] = referenceAllocateWithRules(profile, rules, ratings[i]) ?? -1;
}

function compare(values: (index: number) => unknown): string | void {
  for (let i = 0; i < ROWS; i++) {
    const got = values(i);
    const want = expected[i];
    if (want === -1 ? typeof got === "number" : got !== want)
      return `row ${i + 1}: got ${String(got)}, expected ${want}`;
  }
}

export const benches: Bench[] = [
  {
    name: "PBR.CLUSTER core, 1,000,000 rows",
    setup,
    run: () => allocateRange(ratings, null, defaultProfile(), defaultSuperclassRules()),
    check: (out) => compare((i) => (out as unknown[])[i]),
    items: ROWS,
    unit: "rows",
    target: { kind: "rate", min: 3_000_000 },
  },
  {
    name: "PBR.CLUSTER Excel adapter (number[][] in, number[][] out), 1,000,000 rows",
    setup,
    run: () => cluster(ratings),
    check: (out) => compare((i) => (out as unknown[][])[i][0]),
    items: ROWS,
    unit: "rows",
    target: { kind: "rate", min: 1_500_000 },
  },
  {
    name: "Cluster vignettes: the built-in default on 50 clinical pictures",
    setup: () => undefined,
    run: () => placeVignettes(),
    check: (out) => {
      const results = out as ReturnType<typeof placeVignettes>;
      console.log(accuracyTable(results));
      const sc = results.filter((r) => r.superclass === r.vignette.superclass).length;
      const cl = results.filter((r) => r.cluster === r.vignette.cluster).length;
      if (sc < results.length) return `super class right for only ${sc} of ${results.length}`;
      if (cl < 0.9 * results.length)
        return `cluster right for only ${cl} of ${results.length} (target 90%)`;
    },
    items: 50,
    unit: "vignettes",
    runs: 1,
    target: { kind: "time", maxMs: 1000 },
  },
  {
    name: "Cluster vignettes: the built-in default on 40 pictures from the booklet's descriptions",
    setup: () => undefined,
    run: () => placeVignettes(BOOKLET_VIGNETTES),
    check: (out) => {
      const results = out as ReturnType<typeof placeVignettes>;
      console.log(accuracyTable(results));
      const sc = results.filter((r) => r.superclass === r.vignette.superclass).length;
      const cl = results.filter((r) => r.cluster === r.vignette.cluster).length;
      if (sc < results.length) return `super class right for only ${sc} of ${results.length}`;
      if (cl < 0.9 * results.length)
        return `cluster right for only ${cl} of ${results.length} (target 90%)`;
    },
    items: BOOKLET_VIGNETTES.length,
    unit: "vignettes",
    runs: 1,
    target: { kind: "time", maxMs: 1000 },
  },
];
