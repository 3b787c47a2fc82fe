/* What Excel marshals to the add-in for a 100,000-person cluster audit and budget sheet, before
   (one PBR.* call per person, as the journeys wrote until issue 19) and after (one spilled call per
   result column; the audit's checks one per CHECK_BLOCK people and a PBR.CHECKCOUNTS per summary
   and block; the budgets one RASBUILDUP per block of people, as the payload model sizes them). Each
   call is handed its ranges, including the whole profile or price and step table, every time it
   recalculates. The timed part builds the real plans; the check fails if the written sheets hold
   more PBR.* calls than that. The second bench prints the largest modelled payload (bytes in and out
   of one call, test/support/payloadModel.ts) per journey at 100,000 and 1,000,000 people and fails
   if any is over 1 MB. */
import { CHECK_BLOCK, auditPlan, type AuditRow } from "../../src/taskpane/audit/plan";
import { budgetPlan } from "../../src/taskpane/budget/plan";
import { defaultProfileGrid } from "../../src/core/clusters/defaultProfile";
import { defaultSuperclassRulesGrid } from "../../src/core/clusters/defaultSuperclassRules";
import { ILLUSTRATIVE_PRICES } from "../../src/core/tariff/illustrative";
import { ILLUSTRATIVE_STEPS } from "../../src/core/ras/illustrative";
import { rangeAddress } from "../../src/workbook/address";
import type { WorkbookPlan } from "../../src/taskpane/plan/types";
import { marshalled, type MarshalCount } from "../support/marshalModel";
import { callPayloads, largestCall } from "../support/payloadModel";
import { journeyFormulas } from "../support/payloadJourneys";
import { CALL_PAYLOAD_BUDGET } from "../../src/taskpane/plan/payload";
import type { Bench } from "./harness";

const PEOPLE = 100_000;
const fmt = (n: number) => Math.round(n).toLocaleString("en-GB");

// The tables a user keeps on sheets (header on row 3 or 4), referenced as the pane references them.
const table = (sheet: string, rows: number, cols: number, top = 3) => `${sheet}!${rangeAddress(top, 0, rows + 1, cols).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
const PROFILE = table("Profile", defaultProfileGrid().length - 1, defaultProfileGrid()[0].length, 2);
const RULES = table("SuperclassRules", defaultSuperclassRulesGrid().length - 1, 4, 2);
const PRICES = table("Prices", ILLUSTRATIVE_PRICES.rows.length, ILLUSTRATIVE_PRICES.header.length);
const STEPS = table("Steps", ILLUSTRATIVE_STEPS.rows.length, ILLUSTRATIVE_STEPS.header.length);

function formulasOf(plan: WorkbookPlan): unknown[] {
  const out: unknown[] = [];
  for (const sheet of plan.sheets)
    for (const b of sheet.blocks) {
      if (b.kind === "cells") for (const row of b.values) out.push(...row);
      if (b.kind === "table") for (const row of b.rows) out.push(...row);
    }
  return out;
}

const people: AuditRow[] = Array.from({ length: PEOPLE }, (_, i) => ({
  id: `P${i}`,
  team: "T",
  recorded: 11,
  ratings: Array.from({ length: 18 }, (_, j) => (i + j) % 5),
}));

/** The per-person formulas the journeys wrote before: a CLUSTERCHECK per row; four budget calls per row. */
function before(): { audit: MarshalCount; budget: MarshalCount } {
  const audit: string[] = [];
  const budget: string[] = [`=PBR.RASCALIBRATE($B$12:$B$${PEOPLE + 11},$C$12:$C$${PEOPLE + 11},$B$5,$B$6,${PRICES},${STEPS})`];
  for (let i = 0; i < PEOPLE; i++) {
    const r = 5 + i;
    audit.push(`=PBR.CLUSTERCHECK(D${r}:U${r},C${r},${PROFILE},${RULES})`);
    const b = 12 + i;
    const args = `B${b},C${b},${PRICES},${STEPS},$B$7`;
    for (let n = 1; n <= 3; n++) budget.push(`=INDEX(PBR.RASBUILDUP(${args}),1,${n})`);
    budget.push(`=PBR.RASBUDGET(${args})`);
  }
  return { audit: marshalled(audit), budget: marshalled(budget) };
}

let after: { audit: MarshalCount; budget: MarshalCount } | null = null;

export const benches: Bench[] = [
  {
    name: `Marshalling model: audit and budget sheets for ${fmt(PEOPLE)} people (plans built)`,
    setup() {
      const old = before();
      const a = marshalled(formulasOf(auditPlan({ rows: people, profile: PROFILE, rules: RULES, byTeam: true })));
      const b = marshalled(
        formulasOf(
          budgetPlan({
            people: people.map((p) => ({ id: p.id, code: 11, step: 3 })),
            envelope: 1e8,
            contingency: 0.05,
            prices: PRICES,
            steps: STEPS,
            roundTo: 0.01,
          })
        )
      );
      after = { audit: a, budget: b };
      const line = (what: string, x: MarshalCount, y: MarshalCount) =>
        `  ${what}: before ${fmt(x.calls)} PBR calls marshalling ${fmt(x.cells)} cells; after ${fmt(y.calls)} calls, ${fmt(y.cells)} cells (${(x.cells / y.cells).toFixed(0)}× fewer)`;
      console.log(`Cells Excel hands the add-in per full recalculation, ${fmt(PEOPLE)} people:`);
      console.log(line("Cluster audit", old.audit, a));
      console.log(line("Budget sheet ", old.budget, b));
    },
    run: () => auditPlan({ rows: people, profile: PROFILE, rules: RULES, byTeam: true }),
    check: () => {
      if (!after) return "model not run";
      // A check per CHECK_BLOCK people, and per block a CHECKCOUNTS for each summary.
      if (after.audit.calls > 3 * Math.ceil(PEOPLE / CHECK_BLOCK))
        return `audit writes ${after.audit.calls} PBR calls`;
      // A RASBUILDUP and a RASBUDGET (k = 1) per block of people, and k from them.
      const budgetBlocks = Math.ceil(PEOPLE / 9_500);
      if (after.budget.calls > 2 * budgetBlocks) return `budget sheet writes ${after.budget.calls} PBR calls`;
    },
    items: PEOPLE,
    unit: "people",
    target: { kind: "time", maxMs: 2000 },
    runs: 2,
  },
];

const KB = (n: number) => `${fmt(n / 1000)} kB`;
let largest: string | null = null;

benches.push({
  name: "Marshalled payload per call (model): the largest PBR call each journey writes, 100,000 and 1,000,000 people",
  run: () => {
    const lines: string[] = [];
    let problem: string | null = null;
    for (const people of [100_000, 1_000_000]) {
      const journeys = journeyFormulas(people);
      for (const [journey, formulas] of Object.entries(journeys)) {
        const top = largestCall(formulas);
        if (!top) {
          problem = `${journey} writes no PBR call`;
          continue;
        }
        const calls = formulas.reduce((n, f) => n + callPayloads(f).length, 0);
        lines.push(
          `  ${fmt(people).padStart(9)} people, ${journey.padEnd(15)}: ${fmt(calls).padStart(4)} calls; largest PBR.${top.name} ${KB(top.bytesIn)} in, ${KB(top.bytesOut)} out`
        );
        if (Math.max(top.bytesIn, top.bytesOut) > CALL_PAYLOAD_BUDGET)
          problem = `${journey} at ${people}: PBR.${top.name} is over ${CALL_PAYLOAD_BUDGET} bytes`;
      }
    }
    largest = lines.join("\n");
    return problem;
  },
  check: (problem) => (problem ? String(problem) : undefined),
  detail: () => `\n${largest}`,
  items: 1_100_000,
  unit: "people",
  target: { kind: "time", maxMs: 30_000 },
  runs: 1,
});
