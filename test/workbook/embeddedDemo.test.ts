/**
 * The playground's demo workbook, opened through the embedded port: synthetic, deterministic,
 * clearly labelled, and its cluster-family formulas evaluate (the other families' cells are listed
 * in DEMO_CELLS_BY_FAMILY and checked once those families are in the build).
 */
import { DetailedCellError } from "hyperformula";
import { createEmbeddedWorkbook, type EmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { openDemo } from "../../src/playground/demo/demoWorkbook";
import { CASELOAD_HEADER, syntheticCaseload } from "../../src/playground/demo/syntheticCaseload";
import { mulberry32 } from "../../src/playground/demo/random";
import { formatValue } from "../../src/playground/format";
import { fyEnd, fyStart } from "../../src/core/dates";
import { ALLOCATABLE_CODES } from "../../src/core/clusters/reference";
import { loadPbrFunctions } from "../support/pbrFunctions";

describe("synthetic caseload", () => {
  const rows = syntheticCaseload();

  it("is the same every time (fixed seed) and has 2,000 people", () => {
    expect(rows).toHaveLength(2000);
    expect(syntheticCaseload()).toEqual(rows);
    expect(mulberry32(1)()).toBe(mulberry32(1)());
    expect(rows[0][0]).toBe("SYN-0001");
  });

  it("holds plausible values in every column", () => {
    const codes = new Set([0, ...ALLOCATABLE_CODES]);
    for (const r of rows) {
      expect(r).toHaveLength(CASELOAD_HEADER.length);
      expect(codes.has(r[3] as number)).toBe(true);
      const start = r[4] as number;
      const end = r[5] as number | null;
      expect(start).toBeGreaterThanOrEqual(fyStart(2023));
      expect(start).toBeLessThanOrEqual(fyEnd(2024));
      const days = (end ?? fyEnd(2024)) - start + 1;
      if (end !== null) expect(end).toBeGreaterThanOrEqual(start);
      expect(r[6]).toBeLessThanOrEqual(days);
      expect([1, 2, 3, 4, 5]).toContain(r[7]);
      for (const rating of r.slice(8)) expect([0, 1, 2, 3, 4, 9]).toContain(rating);
    }
    const starts2024 = rows.filter((r) => (r[4] as number) >= fyStart(2024)).length;
    expect(starts2024).toBeGreaterThan(600); // periods start in both financial years
    expect(rows.length - starts2024).toBeGreaterThan(600);
    expect(new Set(rows.map((r) => r[3])).size).toBe(21); // every cluster appears
  });
});

describe("demo workbook", () => {
  let wb: EmbeddedWorkbook;
  beforeAll(async () => {
    wb = createEmbeddedWorkbook({ functions: await loadPbrFunctions() }).port;
    await openDemo(wb);
  }, 60_000);

  it("has the sheets, tables and names the task pane expects, labelled synthetic or illustrative", async () => {
    // The built-in sheets are Set up model's own (taskpane/setup/plan.ts builtInSheets).
    expect(await wb.listSheets()).toEqual(["Caseload", "Summary", "Prices", "Steps", "RiskBands", "Profile", "SuperclassRules"]);
    expect(await wb.listTables()).toEqual(["Caseload", "PricesTable", "StepsTable", "RiskBandsTable", "ProfileTable", "SuperclassRulesTable"]);
    expect([...wb.names.keys()]).toEqual(["Prices", "Steps", "RiskBands", "Profile", "SuperclassRules"]);
    expect(String(wb.getValue("Caseload", 0, 0))).toMatch(/^SYNTHETIC/);
    for (const sheet of ["Prices", "Steps", "RiskBands"]) expect(String(wb.getValue(sheet, 0, 0))).toMatch(/Illustrative/);
    expect(String(wb.getValue("Profile", 0, 0))).toMatch(/Indicative/);
    const caseload = await wb.readTable("Caseload");
    expect(caseload.rows).toHaveLength(2000);
    expect(caseload.header).toEqual(CASELOAD_HEADER);
  });

  it("evaluates the cluster-family formulas on all 2,000 people", () => {
    let errors = 0;
    for (let r = 3; r < 2003; r++) {
      if (wb.getValue("Caseload", r, 26) instanceof DetailedCellError) errors++; // AA: PBR.CLUSTER
      if (wb.getValue("Caseload", r, 27) instanceof DetailedCellError) errors++; // AB: PBR.CLUSTERCHECK
      if (wb.getValue("Caseload", r, 28) instanceof DetailedCellError) errors++; // AC: PBR.REVIEWDUE
    }
    expect(errors).toBe(0);
    expect(wb.getValue("Summary", 56, 1)).toBe(2000); // recorded
    expect(wb.getValue("Summary", 56, 2)).toBe(2000); // suggested: everybody got a cluster
    expect(wb.getValue("Summary", 48, 4)).toBe("Psychotic Crisis"); // E49: the name of cluster 14
  });

  it("recalculates the Summary when a rating changes", () => {
    const before = wb.getValue("Caseload", 3, 26);
    const counts = () => Array.from({ length: 21 }, (_, i) => wb.getValue("Summary", 35 + i, 2));
    const was = counts();
    // SYN-0001: severe hallucinations and delusions (item 6, column N) → a psychotic cluster
    wb.setCell("Caseload", 3, 13, 4);
    expect(wb.getValue("Caseload", 3, 26)).not.toBe(before);
    expect(counts()).not.toEqual(was);
  });

  it("records its charts for the page to draw", () => {
    expect(wb.charts.map((c) => [c.sheet, c.spec.type])).toEqual([
      ["Summary", "bar"],
      ["Summary", "line"],
    ]);
  });
});

describe("grid number formats", () => {
  it("shows values the way Excel would under the demo's formats", () => {
    expect(formatValue(1234.5, "£#,##0.00")).toBe("£1,234.50");
    expect(formatValue(-3, "£#,##0.00")).toBe("-£3.00");
    expect(formatValue(45322, "dd/mm/yyyy")).toBe("31/01/2024");
    expect(formatValue(0.075, "0.0%")).toBe("7.5%");
    expect(formatValue(-0.15, "0%")).toBe("-15%");
    expect(formatValue(0.1 + 0.2)).toBe("0.3");
    expect(formatValue(true)).toBe("TRUE");
    expect(formatValue(null)).toBe("");
  });
});
