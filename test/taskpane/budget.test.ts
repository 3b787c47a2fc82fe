/* Budget planner: people from a caseload, the plan's formulas, and running it. */
import { budgetPlan, checkBudgetInputs } from "../../src/taskpane/budget/plan";
import { peopleFrom, runBudget } from "../../src/taskpane/budget/run";
import { MemoryWorkbook } from "../support/memoryPort";

const table = {
  sheet: "Caseload",
  address: "A4:D8",
  header: ["Id", "Cluster", "Step", "Team"],
  rows: [
    ["S1", 11, 3, "North"],
    ["S2", 12, 4, "North"],
    [null, null, null, null],
    ["S3", 13, 2, "South"],
  ],
};

describe("budget planner", () => {
  it("takes one person per caseload row with a code or step", () => {
    expect(peopleFrom(table, { id: 0, code: 1, step: 2 })).toEqual([
      { id: "S1", code: 11, step: 3 },
      { id: "S2", code: 12, step: 4 },
      { id: "S3", code: 13, step: 2 },
    ]);
    expect(peopleFrom(table, { id: -1, code: 1, step: 2 })[2].id).toBe(3);
  });

  it("checks the envelope, contingency and cohort", () => {
    const people = peopleFrom(table, { id: 0, code: 1, step: 2 });
    expect(
      checkBudgetInputs({ people, envelope: 80_000, contingency: 0.1, prices: null, steps: null })
    ).toEqual({});
    expect(
      checkBudgetInputs({ people: [], envelope: 0, contingency: 1, prices: null, steps: null })
    ).toEqual({
      envelope: "Enter the budget envelope in pounds, above £0.",
      contingency: "The contingency must be at least 0% and below 100%.",
      people: "The caseload has no rows with a cluster code: choose the right table and columns.",
    });
  });

  it("writes k with PBR.RASCALIBRATE and every budget with one spilled PBR.RASBUILDUP over the cohort", () => {
    const people = peopleFrom(table, { id: 0, code: 1, step: 2 });
    const plan = budgetPlan({
      people,
      envelope: 80_000,
      contingency: 0.1,
      prices: "Prices",
      steps: "Steps",
      roundTo: 0.01,
    });
    const [settings, people_, k, header, spill] = plan.sheets[0].blocks;
    expect(settings).toMatchObject({
      values: expect.arrayContaining([
        ["Budget envelope", 80_000],
        ["Contingency held back", 0.1],
        ["Calibration factor k"],
        ["Total of budgets"],
      ]),
    });
    // k and the total are written after the people: written first, they would be calculated again
    // after every chunk of people (the playground took 17 s for 100,000 people).
    expect(k).toMatchObject({
      topLeft: "B7",
      values: [["=PBR.RASCALIBRATE($B$12:$B$14,$C$12:$C$14,$B$5,$B$6,Prices,Steps)"], ["=SUM($H$12:$H$14)"]],
    });
    expect(people_).toMatchObject({
      kind: "table",
      topLeft: "A11",
      header: ["Id", "Cluster", "Step"],
      rows: [["S1", 11, 3], ["S2", 12, 4], ["S3", 13, 2]],
    });
    expect(header).toMatchObject({ topLeft: "E11", values: [["Cluster average", "Step percent", "k", "Budget"]] });
    expect(spill).toMatchObject({
      topLeft: "E12",
      values: [["=PBR.RASBUILDUP($B$12:$B$14,$C$12:$C$14,Prices,Steps,$B$7,,0.01)"]],
    });
    expect(JSON.stringify(plan)).toContain("to the penny");
  });

  it("lists the people the pre-flight left out, with their sheet row and why", () => {
    const plan = budgetPlan({
      people: [{ id: "S1", code: 11, step: 3 }],
      envelope: 1000,
      contingency: 0,
      prices: null,
      steps: null,
      leftOut: [{ index: 1, sheetRow: 6, id: "S2", reason: "step 7 is not in the step table" }],
      source: "Caseload",
    });
    const blocks = plan.sheets[0].blocks;
    expect(blocks).toContainEqual({ kind: "cells", topLeft: "J10", values: [["Left out: 1 row of Caseload whose budget cannot be worked out"]] });
    expect(blocks).toContainEqual(
      expect.objectContaining({ kind: "table", topLeft: "J11", header: ["Sheet row", "ID", "Why it was left out"], rows: [[6, "S2", "step 7 is not in the step table"]] })
    );
    expect(JSON.stringify(plan)).toContain("1 person was left out");
  });

  it("leaves optional arguments empty for the built-in tables and says they are illustrative", () => {
    const plan = budgetPlan({
      people: [{ id: 1, code: 4, step: 3 }],
      envelope: 1000,
      contingency: 0,
      prices: null,
      steps: null,
      basis: "period",
    });
    const text = JSON.stringify(plan);
    expect(text).toContain('=PBR.RASCALIBRATE($B$12,$C$12,$B$5,$B$6,,,\\"period\\")');
    expect(text).toContain('=PBR.RASBUILDUP($B$12,$C$12,,,$B$7,\\"period\\")');
    expect(text).toContain("built-in illustrative prices and steps");
  });

  it("runs in chunks and cleans up when cancelled", async () => {
    const wb = new MemoryWorkbook(["Sheet1"]);
    const people = Array.from({ length: 250 }, (_, i) => ({ id: i + 1, code: 11, step: 3 }));
    const inputs = { people, envelope: 80_000, contingency: 0.1, prices: null, steps: null };
    const ok = await runBudget(wb, inputs, { chunkRows: 100 });
    expect(ok.sheets.budgets).toBe("Budgets");
    expect(wb.chunks).toEqual([100, 100, 50]);
    expect(wb.get("Budgets", "E12")).toBe("=PBR.RASBUILDUP($B$12:$B$261,$C$12:$C$261,,,$B$7)");
    expect(wb.names.get("BudgetK")).toBe("Budgets!B7");

    const controller = new AbortController();
    const second = runBudget(wb, inputs, {
      chunkRows: 100,
      signal: controller.signal,
      onProgress: (p) => p.done > 120 && controller.abort(),
    });
    await expect(second).rejects.toMatchObject({ name: "AbortError" });
    expect([...wb.sheets.keys()]).toEqual(["Sheet1", "Budgets"]);
    expect([...wb.names.keys()]).toEqual(["BudgetK"]);
  });
});

describe("rounding budgets in the planner (issue 12)", () => {
  async function write(roundTo: number, callRows?: number) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createEmbeddedWorkbook } = require("../../src/workbook/embeddedPort");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadPbrFunctions } = require("../support/pbrFunctions");
    const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
    const people = Array.from({ length: 20 }, (_, i) => ({
      id: `P${i + 1}`,
      code: [1, 3, 4, 7, 11, 12, 13, 16, 18, 21][i % 10],
      step: 1 + (i % 5),
    }));
    const result = await runBudget(port, { people, envelope: 80000, contingency: 0.1, prices: null, steps: null, roundTo, callRows });
    const sheet = result.sheets.budgets;
    const budgets = Array.from({ length: 20 }, (_, i) => port.getValue(sheet, 11 + i, 7) as number);
    return {
      budgets,
      total: port.getValue(sheet, 7, 1) as number,
      target: port.getValue(sheet, 8, 1) as number,
      gap: port.getValue(sheet, 9, 1) as number,
    };
  }

  it("rounds to pennies by default so the 20 budgets add up to the calibrated total to the penny", async () => {
    const { budgets, total, target, gap } = await write(0.01);
    for (const b of budgets) expect(Math.abs(b * 100 - Math.round(b * 100))).toBeLessThan(1e-6);
    expect(target).toBeCloseTo(72000, 9);
    expect(Math.round(budgets.reduce((a, b) => a + b * 100, 0))).toBe(7_200_000);
    expect(total).toBeCloseTo(72000, 6);
    expect(Math.abs(gap)).toBeLessThan(1e-6);
  });

  it("rounds to £10 together, keeping the total within the envelope less contingency and showing the gap", async () => {
    const { budgets, total, target, gap } = await write(10);
    for (const b of budgets) expect(b % 10).toBe(0);
    expect(total).toBe(budgets.reduce((a, b) => a + b, 0));
    expect(total).toBeLessThanOrEqual(target);
    expect(gap).toBeCloseTo(target - total, 9);
    expect(gap).toBeLessThan(10);
  });

  it("split into calls of 7 people (the payload limit): the same k, every budget within a penny, never over, at most a penny a block short", async () => {
    const whole = await write(0.01);
    const split = await write(0.01, 7);
    split.budgets.forEach((b, i) => expect(Math.abs(b - whole.budgets[i])).toBeLessThanOrEqual(0.01 + 1e-9));
    expect(split.target).toBeCloseTo(72000, 9);
    expect(split.total).toBeLessThanOrEqual(split.target + 1e-9);
    expect(split.gap).toBeGreaterThanOrEqual(-1e-9);
    expect(split.gap).toBeLessThan(0.03 + 1e-9); // three blocks: 7, 7, 6 people
  });

  it("split into calls: one RASBUILDUP per block at E12, E19, E26, and k from the blocks' costs at k = 1", () => {
    const people = Array.from({ length: 20 }, (_, i) => ({ id: i, code: 11, step: 3 }));
    const plan = budgetPlan({ people, envelope: 1000, contingency: 0, prices: null, steps: null, callRows: 7 });
    const cells = plan.sheets[0].blocks.filter((b) => b.kind === "cells") as { topLeft: string; values: unknown[][] }[];
    const at = (ref: string) => cells.find((b) => b.topLeft === ref)?.values;
    expect(at("B7")?.[0][0]).toBe("=$B$9/SUM($N$12:$N$14)");
    expect(at("E12")?.[0][0]).toBe("=PBR.RASBUILDUP($B$12:$B$18,$C$12:$C$18,,,$B$7)");
    expect(at("E19")?.[0][0]).toBe("=PBR.RASBUILDUP($B$19:$B$25,$C$19:$C$25,,,$B$7)");
    expect(at("E26")?.[0][0]).toBe("=PBR.RASBUILDUP($B$26:$B$31,$C$26:$C$31,,,$B$7)");
    expect(at("N10")?.slice(2).map((r) => r[0])).toEqual([
      "=SUM(PBR.RASBUDGET($B$12:$B$18,$C$12:$C$18,,,1))",
      "=SUM(PBR.RASBUDGET($B$19:$B$25,$C$19:$C$25,,,1))",
      "=SUM(PBR.RASBUDGET($B$26:$B$31,$C$26:$C$31,,,1))",
    ]);
  });
});
