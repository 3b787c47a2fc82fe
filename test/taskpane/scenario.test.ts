/* Scenario runner: inputs checks, the plan's formulas, and running it against the in-memory workbook. */
import { checkScenarioInputs, planFromCaseload, scenarioPlan, variances, DEFAULT_VARIANCE } from "../../src/taskpane/scenario/plan";
import { runScenario } from "../../src/taskpane/scenario/run";
import { MemoryWorkbook } from "../support/memoryPort";

const base = { plan: 1_000_000, bands: "RiskBands", cap: null, collar: null, ...DEFAULT_VARIANCE };

describe("scenario inputs", () => {
  it("makes −15% … +15% by 2.5% by default, without float drift", () => {
    const v = variances(-0.15, 0.15, 0.025);
    expect(v).toHaveLength(13);
    expect(v[0]).toBe(-0.15);
    expect(v[6]).toBe(0);
    expect(v[12]).toBe(0.15);
  });

  it("names the field that is wrong, in plain English", () => {
    expect(checkScenarioInputs(base)).toEqual({});
    expect(checkScenarioInputs({ ...base, plan: 0 })).toEqual({ plan: "Enter the planned contract value in pounds, above £0." });
    expect(checkScenarioInputs({ ...base, from: 0.1, to: -0.1 })).toEqual({ to: "The highest variance must not be below the lowest." });
    expect(checkScenarioInputs({ ...base, step: 0 })).toEqual({ step: "The step must be a percentage above 0, e.g. 2.5." });
    expect(checkScenarioInputs({ ...base, step: 0.0001 }).step).toMatch(/3001 scenarios/);
    expect(checkScenarioInputs({ ...base, cap: -0.01 })).toEqual({ cap: "The cap must be a percentage of 0 or more." });
    expect(checkScenarioInputs({ ...base, from: NaN }).from).toMatch(/lowest/);
  });
});

describe("scenario plan", () => {
  it("drives the table with one live PBR.SCENARIOS formula and charts payment and provider gain", () => {
    const plan = scenarioPlan({ ...base, underBands: "Under!$A$1:$C$4", cap: 0.05, collar: 0.03 });
    const blocks = plan.sheets[0].blocks;
    const spill = blocks.find((b) => b.kind === "cells" && b.topLeft === "C10");
    expect(spill).toMatchObject({ values: [["=PBR.SCENARIOS($B$5,$A$11:$A$23,RiskBands,Under!$A$1:$C$4,$B$6,$B$7)"]] });
    const settings = blocks[0];
    expect(settings).toMatchObject({ values: expect.arrayContaining([["Plan value (P)", 1_000_000], ["Cap (share of P, blank for none)", 0.05]]) });
    const chartData = blocks.find((b) => b.kind === "cells" && b.topLeft === "I10");
    expect(chartData).toMatchObject({ values: expect.arrayContaining([["Variance", "Payment", "Provider gain"], ["=C11", "=E11", "=F11"], ["=C23", "=E23", "=F23"]]) });
    expect(blocks.at(-1)).toEqual({
      kind: "chart",
      chart: { type: "line", title: "Payment and provider gain against variance", dataAddress: "I10:K23", anchor: "M4", valueFormat: "£#,##0" },
    });
  });

  it("writes the illustrative bands on the sheet when no band table is chosen", () => {
    const plan = scenarioPlan({ ...base, bands: null, from: -0.1, to: 0.1, step: 0.05 });
    const blocks = plan.sheets[0].blocks;
    expect(blocks.find((b) => b.kind === "cells" && b.topLeft === "C10")).toMatchObject({
      values: [["=PBR.SCENARIOS($B$5,$A$11:$A$15,$A$19:$C$22,,$B$6,$B$7)"]],
    });
    expect(blocks.find((b) => b.kind === "table" && b.table === "ScenarioBands")).toMatchObject({ topLeft: "A18", header: ["From", "To", "Rate"] });
    expect(JSON.stringify(blocks)).toContain("Illustrative risk-share bands");
  });

  it("computes the plan value from a caseload with live formulas", () => {
    expect(
      planFromCaseload({ codes: "Caseload!$B$5:$B$10", starts: "Caseload!$C$5:$C$10", ends: "Caseload!$D$5:$D$10", fyStartYear: 2025, prices: "Prices" })
    ).toBe("=SUM(PBR.FYCOST(Caseload!$B$5:$B$10,Caseload!$C$5:$C$10,Caseload!$D$5:$D$10,2025,,Prices))");
  });
});

describe("running the scenario plan", () => {
  it("writes a new Scenario sheet beside an existing one, with formats and chart", async () => {
    const wb = new MemoryWorkbook(["Scenario"]);
    const result = await runScenario(wb, base);
    expect(result.sheets.scenario).toBe("Scenario (2)");
    expect(wb.get("Scenario (2)", "C10")).toBe("=PBR.SCENARIOS($B$5,$A$11:$A$23,RiskBands,,$B$6,$B$7)");
    expect(wb.values("Scenario (2)", "A10:A12")).toEqual([["Variance"], [-0.15], [-0.125]]);
    expect(wb.formats).toContainEqual({ sheet: "Scenario (2)", address: "D11:G23", format: "£#,##0.00" });
    expect(wb.formats).toContainEqual({ sheet: "Scenario (2)", address: "A11:A23", format: "0.0%" });
    expect(wb.charts).toHaveLength(1);
    expect(wb.selection).toEqual({ sheet: "Scenario (2)", address: "B5" });
  });

  it("removes its sheet when the write fails", async () => {
    const wb = new MemoryWorkbook(["Sheet1"]);
    wb.failAfterChunks = 0;
    await expect(runScenario(wb, base)).rejects.toThrow("simulated failure");
    expect([...wb.sheets.keys()]).toEqual(["Sheet1"]);
  });
});

describe("leaving out caseload rows that cannot be priced (issue 12)", () => {
  it("sums the rows that can be priced, counts the others live and lists them on the sheet", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createEmbeddedWorkbook } = require("../../src/workbook/embeddedPort");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadPbrFunctions } = require("../support/pbrFunctions");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { preflightFyCost } = require("../../src/taskpane/plan/preflight");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { leftOutCountFormula } = require("../../src/taskpane/scenario/plan");
    const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
    const sheet = await port.createSheet("Caseload");
    const { table } = await port.writeTable(sheet, "A1", "Caseload", ["ID", "Cluster", "Start date", "End date"], [
      ["P1", 11, 45748, 45838],
      ["P2", 99, 45748, 45838],
      ["P3", 12, 45748, 45838],
    ]);
    const cl = await port.readTable(table);
    const check = preflightFyCost(cl, { id: 0, code: 1, start: 2, end: 3, admitted: -1 }, 2025, null);
    expect(check.leftOut.map((r: { sheetRow: number; id: string }) => [r.sheetRow, r.id])).toEqual([[3, "P2"]]);
    const refs = { codes: "Caseload!$B$2:$B$4", starts: "Caseload!$C$2:$C$4", ends: "Caseload!$D$2:$D$4", fyStartYear: 2025 };
    const result = await runScenario(port, {
      ...base,
      bands: null,
      plan: planFromCaseload(refs, true),
      leftOut: check.leftOut,
      leftOutCount: leftOutCountFormula(refs),
      source: "Caseload",
    });
    const s = result.sheets.scenario;
    expect(port.getValue(s, 4, 0)).toBe("Plan value (P)");
    // 91 days at £6.20 (cluster 11) + 91 days of cluster 12, from the illustrative prices
    const plan = port.getValue(s, 4, 1) as number;
    expect(plan).toBeGreaterThan(6.2 * 91);
    expect(port.getValue(s, 7, 1)).toBe(1);
    expect(port.getValue(s, 10, 3)).toEqual(expect.any(Number)); // scenarios are numbers, not #N/A
    const used = await port.readUsedRange(s);
    const text = JSON.stringify(used);
    expect(text).toContain("Left out of the plan value: 1 row of Caseload that cannot be priced");
    // The built-in table is in no sheet: no row span that points nowhere (issue 28).
    expect(text).toContain("code 99 is not in the built-in illustrative price table");
    expect(text).not.toMatch(/illustrative price table \(rows/);
    expect(text).not.toMatch(/#(VALUE|N\/A|NUM)/);
  });
});

describe("a caseload bigger than one PBR.FYCOST call (the payload limit)", () => {
  it("is costed in blocks at Y10, and the plan value and the count are their sums, equal to one call's", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createEmbeddedWorkbook } = require("../../src/workbook/embeddedPort");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadPbrFunctions } = require("../support/pbrFunctions");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { caseloadPlanValue } = require("../../src/taskpane/scenario/plan");
    const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
    const sheet = await port.createSheet("Caseload");
    const rows = Array.from({ length: 7 }, (_, i) => [`P${i}`, i === 4 ? 99 : 10 + i, 45748 + i * 9, 45838 + i * 30]);
    await port.writeTable(sheet, "A1", "Caseload", ["ID", "Cluster", "Start date", "End date"], rows);
    const refs = { codes: "Caseload!$B$2:$B$8", starts: "Caseload!$C$2:$C$8", ends: "Caseload!$D$2:$D$8", fyStartYear: 2025 };
    const whole = caseloadPlanValue(refs, true);
    expect(whole.workings).toBeUndefined();
    const split = caseloadPlanValue(refs, true, 3);
    expect(split.plan).toBe("=SUM($Z$12:$Z$14)");
    expect(split.leftOutCount).toBe("=SUM($AA$12:$AA$14)");
    expect(split.workings.slice(2).map((r: unknown[]) => r[1])).toEqual([
      "=SUM(IFERROR(PBR.FYCOST(Caseload!$B$2:$B$4,Caseload!$C$2:$C$4,Caseload!$D$2:$D$4,2025),0))",
      "=SUM(IFERROR(PBR.FYCOST(Caseload!$B$5:$B$7,Caseload!$C$5:$C$7,Caseload!$D$5:$D$7,2025),0))",
      "=SUM(IFERROR(PBR.FYCOST(Caseload!$B$8,Caseload!$C$8,Caseload!$D$8,2025),0))",
    ]);
    const values = [];
    for (const costed of [whole, split]) {
      const result = await runScenario(port, { ...base, bands: null, plan: costed.plan, leftOutCount: costed.leftOutCount, workings: costed.workings, leftOut: [{ index: 4, sheetRow: 6, id: "P4", reason: "code 99" }] });
      const s = result.sheets.scenario;
      values.push([port.getValue(s, 4, 1), port.getValue(s, 7, 1)]);
    }
    expect(values[0][0]).toBeGreaterThan(0);
    expect(values[1][0]).toBeCloseTo(values[0][0] as number, 6);
    expect(values.map((v) => v[1])).toEqual([1, 1]);
  });
});

describe("the year to cost a caseload in", () => {
  it("is the financial year most periods start in, ties to the later one", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { suggestYear } = require("../../src/taskpane/scenario/plan");
    // 45383 = 01/04/2024 (FY 2024); 45382 = 31/03/2024 (FY 2023); 45748 = 01/04/2025
    expect(suggestYear([45383, 45382, 45400, null, "x", 45748])).toBe(2024);
    expect(suggestYear([45382, 45383])).toBe(2024);
    expect(suggestYear([null, "", "01/04/2024"])).toBeNull();
  });
});
