/**
 * The formulas each journey writes for a caseload of `people`, for the payload model (test and
 * `npm run bench -- marshal`): the cluster audit, the budget planner and the scenario runner costing
 * its plan value from the caseload (leaving out rows that cannot be priced: FYCOST twice). Tables a
 * user keeps on other sheets are referred to at their real sizes.
 */
import { auditPlan, type AuditRow } from "../../src/taskpane/audit/plan";
import { budgetPlan } from "../../src/taskpane/budget/plan";
import { caseloadPlanValue, scenarioPlan, DEFAULT_VARIANCE } from "../../src/taskpane/scenario/plan";
import { defaultProfileGrid } from "../../src/core/clusters/defaultProfile";
import { ILLUSTRATIVE_PRICES } from "../../src/core/tariff/illustrative";
import { ILLUSTRATIVE_STEPS } from "../../src/core/ras/illustrative";
import { rangeAddress } from "../../src/workbook/address";
import { planFormulas } from "./payloadModel";

const table = (sheet: string, rows: number, cols: number, top = 3) =>
  `${sheet}!${rangeAddress(top, 0, rows + 1, cols).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
export const PROFILE = table("Profile", defaultProfileGrid().length - 1, defaultProfileGrid()[0].length, 2);
export const PRICES = table("Prices", ILLUSTRATIVE_PRICES.rows.length, ILLUSTRATIVE_PRICES.header.length);
export const STEPS = table("Steps", ILLUSTRATIVE_STEPS.rows.length, ILLUSTRATIVE_STEPS.header.length);

const CLUSTERS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21];
const TEAMS = Array.from({ length: 40 }, (_, i) => `Community Mental Health Team ${i + 1}`);

export type Journey = "Cluster audit" | "Budget planner" | "Scenario runner";

/** Each journey's written formulas for `people` people. */
export function journeyFormulas(people: number): Record<Journey, string[]> {
  const ratings = Array.from({ length: 18 }, (_, j) => j % 5); // one array shared by every row
  const rows: AuditRow[] = Array.from({ length: people }, (_, i) => ({
    id: `P${i}`,
    team: TEAMS[i % TEAMS.length],
    recorded: CLUSTERS[i % CLUSTERS.length],
    ratings,
  }));
  const audit = planFormulas(auditPlan({ rows, profile: PROFILE, byTeam: true }));
  rows.length = 0;
  const budget = planFormulas(
    budgetPlan({
      people: Array.from({ length: people }, (_, i) => ({ id: `P${i}`, code: CLUSTERS[i % 21], step: 1 + (i % 5) })),
      envelope: 1e8,
      contingency: 0.05,
      prices: PRICES,
      steps: STEPS,
      roundTo: 0.01,
    })
  );
  const col = (c: string) => `Caseload!$${c}$5:$${c}$${people + 4}`;
  const costed = caseloadPlanValue(
    { codes: col("B"), starts: col("C"), ends: col("D"), admitted: col("E"), fyStartYear: 2025, prices: PRICES },
    true
  );
  const scenario = planFormulas(
    scenarioPlan({
      ...DEFAULT_VARIANCE,
      plan: costed.plan,
      leftOutCount: costed.leftOutCount,
      workings: costed.workings,
      leftOut: [{ index: 0, sheetRow: 5, id: "P0", reason: "code 99 is not in the price table" }],
      bands: null,
      cap: null,
      collar: null,
    })
  );
  return { "Cluster audit": audit, "Budget planner": budget, "Scenario runner": scenario };
}
