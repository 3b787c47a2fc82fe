/* Set up model: plan contents and running it against the in-memory workbook. */
import { setupPlan, currentFinancialYear, CASELOAD_HEADER } from "../../src/taskpane/setup/plan";
import { runSetup } from "../../src/taskpane/setup/run";
import { ILLUSTRATIVE_PRICES } from "../../src/core/tariff/illustrative";
import { defaultProfileGrid } from "../../src/core/clusters/defaultProfile";
import { MemoryWorkbook } from "../support/memoryPort";

describe("set up model plan", () => {
  it("plans the eight sheets, each with a labelled table and a named range", () => {
    const plan = setupPlan(2025);
    expect(plan.sheets.map((s) => s.name)).toEqual([
      "Prices",
      "Profile",
      "SuperclassRules",
      "Steps",
      "RiskBands",
      "Caseload",
      "Scenario",
      "Summary",
    ]);
    for (const sheet of plan.sheets) {
      const kinds = sheet.blocks.map((b) => b.kind);
      expect(kinds).toContain("table");
      if (sheet.key !== "Scenario") expect(kinds).toContain("name");
      const title = sheet.blocks[0];
      expect(title.kind).toBe("cells");
      const text = JSON.stringify(title).toLowerCase();
      if (sheet.key === "Profile" || sheet.key === "SuperclassRules")
        expect(text).toContain("indicative");
      else if (sheet.key !== "Summary") expect(text).toMatch(/illustrative|scenarios/);
    }
  });

  it("picks the financial year a date falls in", () => {
    expect(currentFinancialYear(new Date(2026, 2, 31))).toBe(2025);
    expect(currentFinancialYear(new Date(2026, 3, 1))).toBe(2026);
  });
});

describe("running set up model", () => {
  it("writes every table, named range, format and the scenario chart", async () => {
    const wb = new MemoryWorkbook(["Sheet1"]);
    const { result, message } = await runSetup(wb, 2025);
    expect(message).toBe(
      "Added 8 sheets: Prices, Profile, SuperclassRules, Steps, RiskBands, Caseload, Scenario, Summary."
    );
    expect(wb.tables.map((t) => t.name)).toEqual([
      "PricesTable",
      "ProfileTable",
      "SuperclassRulesTable",
      "StepsTable",
      "RiskBandsTable",
      "CaseloadTable",
      "ScenarioVariances",
      "SummaryTable",
    ]);
    expect([...wb.names.keys()]).toEqual([
      "Prices",
      "Profile",
      "SuperclassRules",
      "Steps",
      "RiskBands",
      "Caseload",
      "FYStart",
      "PlanValue",
    ]);
    expect(wb.names.get("Prices")).toBe(`Prices!A4:D${4 + ILLUSTRATIVE_PRICES.rows.length}`);
    expect(wb.names.get("Profile")).toBe(`Profile!A4:H${3 + defaultProfileGrid().length}`);
    expect(wb.get("Prices", "A1")).toBe(ILLUSTRATIVE_PRICES.title);
    expect(wb.values("Prices", "A4:D5")).toEqual([
      ILLUSTRATIVE_PRICES.header,
      ILLUSTRATIVE_PRICES.rows[0],
    ]);
    expect(wb.formats).toContainEqual({
      sheet: "Prices",
      address: `B5:B${4 + ILLUSTRATIVE_PRICES.rows.length}`,
      format: "£#,##0.00",
    });
    expect(wb.formats).toContainEqual({
      sheet: "Caseload",
      address: "C5:C10",
      format: "dd/mm/yyyy",
    });
    // Live formulas, with the names the workbook gave.
    const costCol = String.fromCharCode(64 + CASELOAD_HEADER.length);
    expect(wb.get("Caseload", `${costCol}5`)).toBe("=PBR.FYCOST(B5,C5,D5,FYStart,E5,Prices)");
    expect(wb.get("Summary", "B7")).toBe(`=SUM(Caseload!$${costCol}$5:$${costCol}$10)`);
    expect(wb.get("Scenario", "B5")).toBe("=PlanValue");
    expect(wb.get("Scenario", "C10")).toBe("=PBR.SCENARIOS($B$5,$A$11:$A$23,RiskBands,,$B$6,$B$7)");
    expect(wb.charts).toEqual([
      {
        sheet: "Scenario",
        spec: {
          type: "line",
          title: "Payment and provider gain against variance",
          dataAddress: "I10:K23",
          anchor: "M4",
          valueFormat: "£#,##0",
        },
      },
    ]);
    expect(wb.selection).toEqual({ sheet: "Summary", address: "B5" });
    expect(result.sheets.Prices).toBe("Prices");
  });

  it("never overwrites: clashing sheets and names get new ones, and formulas follow them", async () => {
    const wb = new MemoryWorkbook(["Prices", "Risk Share"]);
    wb.names.set("Prices", "Prices!A1:B2");
    wb.tables.push({ name: "CaseloadTable", sheet: "Prices", address: "D1:E3" });
    await wb.writeRange("Prices", "A1", [["mine"]]);
    const { message } = await runSetup(wb, 2025);
    expect(message).toContain("Prices (2)");
    expect(message).toContain('"Prices" already existed');
    expect(wb.get("Prices", "A1")).toBe("mine");
    expect(wb.names.get("Prices")).toBe("Prices!A1:B2");
    expect(wb.names.get("Prices_2")).toBe("Prices (2)!A4:D25");
    expect(wb.tables.map((t) => t.name)).toContain("CaseloadTable_2");
    expect(wb.get("Caseload", "Z5")).toBe("=PBR.FYCOST(B5,C5,D5,FYStart,E5,Prices_2)");
  });

  it("offers the built-in tables already in the workbook, and uses them instead of copies", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { findReusable } = require("../../src/taskpane/setup/run");
    const wb = new MemoryWorkbook(["Sheet1"]);
    await runSetup(wb, 2025);
    // A table the user changed is not offered: edit one price.
    await wb.writeRange("Steps", "B5", [[0.55]]);
    const reusable = await findReusable(wb);
    expect(reusable.map((r: { key: string }) => r.key)).toEqual(["Prices", "Profile", "SuperclassRules", "RiskBands"]);
    expect(reusable[0]).toEqual({ key: "Prices", table: "PricesTable", sheet: "Prices", ref: "Prices!$A$4:$D$25" });
    const sheetsBefore = [...wb.sheets.keys()].length;
    const { message } = await runSetup(wb, 2025, {}, reusable);
    // Only Steps, Caseload, Scenario and Summary are added; formulas point at the existing tables.
    expect([...wb.sheets.keys()].length - sheetsBefore).toBe(4);
    expect(message).toContain("Added 4 sheets: Steps (2), Caseload (2), Scenario (2), Summary (2).");
    expect(message).toContain("Used the built-in tables already in the workbook instead of copies: Prices (table PricesTable on sheet Prices)");
    expect(wb.get("Caseload (2)", "Z5")).toBe("=PBR.FYCOST(B5,C5,D5,FYStart_2,E5,Prices!$A$4:$D$25)");
    expect(wb.get("Scenario (2)", "C10")).toMatch(/^=PBR\.SCENARIOS\(\$B\$5,\$A\$11:\$A\$23,RiskBands!\$A\$4:\$C\$\d+,/);
  });

  it("quotes renamed sheets in formulas", async () => {
    const wb = new MemoryWorkbook(["Caseload"]);
    await runSetup(wb, 2025);
    expect(wb.get("Summary", "B7")).toBe("=SUM('Caseload (2)'!$Z$5:$Z$10)");
  });

  it("removes every sheet it made when a write fails, leaving the workbook as it was", async () => {
    const wb = new MemoryWorkbook(["Sheet1"]);
    wb.names.set("Mine", "Sheet1!A1");
    wb.failAfterChunks = 2;
    await expect(runSetup(wb, 2025, { chunkRows: 50 })).rejects.toThrow("simulated failure");
    expect([...wb.sheets.keys()]).toEqual(["Sheet1"]);
    expect(wb.tables).toEqual([]);
    expect([...wb.names.keys()]).toEqual(["Mine"]);
    expect(wb.calls.filter((c) => c.startsWith("deleteSheet")).length).toBe(8);
  });

  it("removes what it made when cancelled part-way, and says it was cancelled", async () => {
    const wb = new MemoryWorkbook(["Sheet1"]);
    const controller = new AbortController();
    const run = runSetup(wb, 2025, {
      chunkRows: 100,
      signal: controller.signal,
      onProgress: (p) => p.done > 200 && controller.abort(),
    });
    await expect(run).rejects.toMatchObject({
      name: "AbortError",
      message: "Cancelled: nothing was left in the workbook.",
    });
    expect([...wb.sheets.keys()]).toEqual(["Sheet1"]);
    // The profile table (≈ 380 rows) was being written in chunks of 100 when it stopped.
    expect(wb.chunks.every((n) => n <= 100)).toBe(true);
  });
});

describe("set up model's examples cost something in the year it proposes (issue 12)", () => {
  it.each([2024, 2026, 2031])(
    "every example person has a non-zero cost in the financial year from April %i",
    async (year) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createEmbeddedWorkbook } = require("../../src/workbook/embeddedPort");
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { loadPbrFunctions } = require("../support/pbrFunctions");
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runPlan } = require("../../src/taskpane/plan/run");
      const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
      const result = await runPlan(port, setupPlan(year));
      const table = await port.readTable(result.tables.CaseloadTable);
      const costs = table.rows.map((r: unknown[]) => r[r.length - 1]);
      expect(costs).toHaveLength(6);
      for (const c of costs) expect(c as number).toBeGreaterThan(0);
    }
  );
});
