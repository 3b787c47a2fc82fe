/* The task pane features carried out through the Office.js adapter on office-addin-mock: what
   reaches Excel, in which chunks, never overwriting, and nothing left behind after a failure. */
import { createOfficePort } from "../../src/workbook/officePort";
import { runSetup } from "../../src/taskpane/setup/run";
import { runScenario } from "../../src/taskpane/scenario/run";
import { runBudget } from "../../src/taskpane/budget/run";
import { runAudit } from "../../src/taskpane/audit/run";
import { insertAtSelection } from "../../src/taskpane/assistant/run";
import { DEFAULT_VARIANCE } from "../../src/taskpane/scenario/plan";
import { FakeExcel } from "./officePortFake";

function setup(sheets?: string[]) {
  const fake = new FakeExcel(sheets);
  (globalThis as { Excel?: unknown }).Excel = fake.api();
  return { fake, port: createOfficePort() };
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

describe("features through the Office.js adapter", () => {
  it("Set up model makes the eight tables, names and chart in Excel", async () => {
    const { fake, port } = setup(["Sheet1", "Prices"]);
    fake.names.push({ name: "Prices", formula: "=Prices!$A$1:$B$3" });
    const { message } = await runSetup(port, 2025);
    expect(message).toContain("Prices (2)");
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1", "Prices", "Prices (2)", "Profile", "SuperclassRules", "Steps", "RiskBands", "Caseload", "Scenario", "Summary"]);
    expect(fake.tables.map((t) => t.name)).toEqual([
      "PricesTable", "ProfileTable", "SuperclassRulesTable", "StepsTable", "RiskBandsTable", "CaseloadTable", "ScenarioVariances", "SummaryTable",
    ]);
    expect(fake.names.map((n) => n.name)).toEqual(["Prices", "Prices_2", "Profile", "SuperclassRules", "Steps", "RiskBands", "Caseload", "FYStart", "PlanValue"]);
    expect(fake.names[1].formula).toBe("='Prices (2)'!$A$4:$D$25");
    expect(fake.get("Caseload", "Z5")).toBe("=PBR.FYCOST(B5,C5,D5,FYStart,E5,Prices_2)");
    expect(fake.charts).toMatchObject([{ sheet: "Scenario", type: "Line", source: "Scenario!J10:K23", categories: "Scenario!I11:I23", title: "Payment and provider gain against variance" }]);
    expect(fake.formats).toContainEqual({ sheet: "Caseload", address: "C5:C10", format: "dd/mm/yyyy" });
    expect(fake.formats).toContainEqual({ sheet: "Prices (2)", address: "B5:B25", format: "£#,##0.00" });
  });

  it("Set up model sends the profile in chunks of the size asked for", async () => {
    const { fake, port } = setup();
    await runSetup(port, 2025, { chunkRows: 100 });
    const profileWrites = fake.requests.flat().filter((w) => w.sheet === "Profile" && w.kind !== "numberFormat");
    // Title and note, header, then 360 profile rows (20 clusters × 18 items) as 100 + 100 + 100 + 60.
    expect(profileWrites.map((w) => w.rows)).toEqual([2, 1, 100, 100, 100, 60]);
    expect(Math.max(...fake.writeRows)).toBeLessThanOrEqual(100);
  });

  it("a failure part-way through leaves the workbook exactly as it was", async () => {
    const { fake, port } = setup(["Sheet1"]);
    fake.names.push({ name: "Mine", formula: "=Sheet1!$A$1" });
    fake.failOnRequest = 12;
    await expect(runSetup(port, 2025, { chunkRows: 100 })).rejects.toThrow("simulated failure");
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(fake.tables).toEqual([]);
    expect(fake.names).toEqual([{ name: "Mine", formula: "=Sheet1!$A$1" }]);
    expect(fake.charts).toEqual([]);
  });

  it("Scenario runner, Budget planner and Cluster audit write their formulas and charts", async () => {
    const { fake, port } = setup(["Sheet1"]);
    await runScenario(port, { plan: 5_000_000, bands: null, cap: 0.05, collar: 0.05, ...DEFAULT_VARIANCE });
    expect(fake.get("Scenario", "C10")).toBe("=PBR.SCENARIOS($B$5,$A$11:$A$23,$A$27:$C$30,,$B$6,$B$7)");
    expect(fake.tables.map((t) => t.name)).toEqual(["ScenarioVariances", "ScenarioBands"]);

    await runBudget(port, { people: [{ id: "S1", code: 11, step: 3 }], envelope: 80_000, contingency: 0.1, prices: null, steps: null });
    expect(fake.get("Budgets", "B7")).toBe("=PBR.RASCALIBRATE($B$12,$C$12,$B$5,$B$6)");
    expect(fake.get("Budgets", "E12")).toBe("=PBR.RASBUILDUP($B$12,$C$12,,,$B$7)");
    expect(fake.names.map((n) => n.name)).toEqual(["BudgetK"]);

    await runAudit(port, { rows: [{ id: "P1", team: "North", recorded: 4, ratings: Array(18).fill(1) }], profile: null, byTeam: true });
    expect(fake.get("Cluster audit", "X5")).toBe('=IF($V$5<>"",$V$5,PBR.CLUSTERCHECK($D$5:$U$5,$C$5))');
    expect(fake.charts.map((c) => c.type)).toEqual(["Line", "ColumnClustered"]);
  });

  it("Cluster assistant inserts only into empty cells", async () => {
    const { fake, port } = setup(["Sheet1"]);
    fake.selection = { sheet: "Sheet1", address: "C2" };
    const ratings = Array(18).fill(1);
    await expect(insertAtSelection(port, ratings, "A", null)).resolves.toMatchObject({ ok: true });
    expect(fake.get("Sheet1", "U2")).toBe('=PBR.CLUSTER(C2:T2,"A")');
    fake.selection = { sheet: "Sheet1", address: "B2" };
    const writes = fake.requests.length;
    await expect(insertAtSelection(port, ratings, null, null)).resolves.toMatchObject({ ok: false });
    expect(fake.requests.length).toBe(writes);
  });
});
