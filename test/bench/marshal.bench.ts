/* What Excel marshals to the add-in for a 100,000-person cluster audit and budget sheet, before
   (one PBR.* call per person, as the journeys wrote until issue 19) and after (one spilled call per
   result column; the audit's checks one per 5,000 people and a PBR.CHECKCOUNTS per summary). Each
   call is handed its ranges, including the whole profile or price and step table, every time it
   recalculates. The timed part builds the real plans; the check fails if the written sheets hold
   more PBR.* calls than that. */
import { CHECK_BLOCK, auditPlan, type AuditRow } from "../../src/taskpane/audit/plan";
import { budgetPlan } from "../../src/taskpane/budget/plan";
import { defaultProfileGrid } from "../../src/core/clusters/defaultProfile";
import { defaultSuperclassRulesGrid } from "../../src/core/clusters/defaultSuperclassRules";
import { ILLUSTRATIVE_PRICES } from "../../src/core/tariff/illustrative";
import { ILLUSTRATIVE_STEPS } from "../../src/core/ras/illustrative";
import { rangeAddress } from "../../src/workbook/address";
import type { WorkbookPlan } from "../../src/taskpane/plan/types";
import { marshalled, type MarshalCount } from "../support/marshalModel";
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
      // A check per CHECK_BLOCK people, and the two summaries (by cluster, by team).
      if (after.audit.calls > Math.ceil(PEOPLE / CHECK_BLOCK) + 2)
        return `audit writes ${after.audit.calls} PBR calls`;
      if (after.budget.calls > 3) return `budget sheet writes ${after.budget.calls} PBR calls`;
    },
    items: PEOPLE,
    unit: "people",
    target: { kind: "time", maxMs: 2000 },
    runs: 2,
  },
];
