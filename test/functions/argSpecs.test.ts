/**
 * Each core function's declared arguments (its spec, core/args/specs.ts) against the function's
 * metadata generated from its JSDoc (the golden functions.json): every argument a spec reads is
 * an argument of the PBR function by the same name, in the same order, so the specs, the JSDoc,
 * functions.json and the playground registry cannot drift apart, and the first problem reported
 * is the first in the formula as written. A spec's own `what` (the name in messages, e.g.
 * "admitted days") may differ; the key may not.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ArgSpecs } from "../../src/core/args";
import { CALIBRATE } from "../../src/core/ras/calibrate";
import { BUDGET } from "../../src/core/ras/budget";
import { RAS_POINTS } from "../../src/core/ras/points";
import { BLENDED } from "../../src/core/riskshare/blended";
import { SWEEP } from "../../src/core/riskshare/scenarios";
import { CONTRACT } from "../../src/core/riskshare/settle";
import { COST_PER_DAY } from "../../src/core/tariff/costing";
import { FY_COST, PERIOD } from "../../src/core/tariff/fy";
import { CODES } from "../../src/core/tariff/period";
import { REBASE } from "../../src/core/tariff/rebase";
import { TARIFF } from "../../src/core/tariff/tariff";
import { ACTIVITY } from "../../src/core/mhnrg/group";
import { NAMED, PRICED } from "../../src/core/mhnrg/price";
import { REVIEW_DUE } from "../../src/core/clusters/codes";

const SPECS: Record<string, ArgSpecs> = {
  TARIFF,
  PERIODPRICE: CODES,
  FYDAYS: PERIOD,
  FYCOST: FY_COST,
  COSTPERDAY: COST_PER_DAY,
  REBASE,
  RISKSHARE: CONTRACT,
  SETTLEMENT: CONTRACT,
  BLENDED,
  SCENARIOS: SWEEP,
  RASBUDGET: BUDGET,
  RASBUILDUP: BUDGET,
  RASCALIBRATE: CALIBRATE,
  RASPOINTS: RAS_POINTS,
  MHNRG: ACTIVITY,
  MHNRGWHY: ACTIVITY,
  MHNRGPRICE: PRICED,
  MHNRGNAME: NAMED,
  REVIEWDUE: REVIEW_DUE,
};

/** Arguments the function's caller reads before core (a parsed price table, a budget setup). */
const CALLER_READ = new Set(["setup"]);

const metadata = JSON.parse(readFileSync(join(__dirname, "..", "golden", "functions.json"), "utf8")) as {
  functions: { id: string; parameters: { name: string }[] }[];
};
const params = new Map(metadata.functions.map((f) => [f.id, f.parameters.map((p) => p.name)]));

describe("argument specs match the PBR functions' arguments", () => {
  it.each(Object.entries(SPECS))("%s", (id, spec) => {
    const names = params.get(id);
    expect(names).toBeDefined();
    const read = Object.keys(spec).filter((k) => !CALLER_READ.has(k));
    expect(read.filter((k) => !names!.includes(k))).toEqual([]);
    expect(read).toEqual(names!.filter((n) => read.includes(n)));
  });

  it("a spec whose function takes more arguments names the others as read before core", () => {
    // The arguments no spec reads are the tables and choices each adapter reads itself.
    const unread = new Set<string>();
    for (const [id, spec] of Object.entries(SPECS))
      for (const name of params.get(id)!) if (!(name in spec)) unread.add(name);
    expect([...unread].sort()).toEqual(["detail", "fallback", "per", "prices", "rules", "steps"]);
  });
});
