/* Rollback tells the truth: a sheet that could not be removed is named, with what to do. */
import { cleanupText, leftBehind } from "../../../src/taskpane/plan/run";
import { runScenario } from "../../../src/taskpane/scenario/run";
import { runImport } from "../../../src/taskpane/import/runImport";
import { gridSource } from "../../../src/taskpane/import/source";
import { autoMap } from "../../../src/core/caseload/headers";
import { DEFAULT_VARIANCE } from "../../../src/taskpane/scenario/plan";
import { MemoryWorkbook } from "../../support/memoryPort";

const inputs = { plan: 1_000_000, bands: null, cap: null, collar: null, ...DEFAULT_VARIANCE };

describe("rollback", () => {
  it("says everything was removed when it was", async () => {
    const wb = new MemoryWorkbook(["Sheet1"]);
    wb.failAfterChunks = 0;
    const error = await runScenario(wb, inputs).catch((e) => e);
    expect(leftBehind(error)).toEqual([]);
    expect(cleanupText(error)).toBe("Everything written so far was removed.");
    expect([...wb.sheets.keys()]).toEqual(["Sheet1"]);
  });

  it("names a sheet it could not delete and says how to remove it", async () => {
    const wb = new MemoryWorkbook(["Sheet1"]);
    wb.failAfterChunks = 0;
    wb.failDeleting.add("Scenario");
    const error = await runScenario(wb, inputs).catch((e) => e);
    expect(error.message).toMatch(/^simulated failure/);
    expect(leftBehind(error)).toEqual(['"Scenario" (the workbook structure is protected)']);
    expect(cleanupText(error)).toMatch(/^Not everything could be removed: sheet "Scenario" \(the workbook structure is protected\) is still in the workbook\. Delete it by hand/);
    expect([...wb.sheets.keys()]).toEqual(["Sheet1", "Scenario"]);
  });

  it("does the same for an import", async () => {
    const wb = new MemoryWorkbook(["Sheet1"]);
    wb.failAfterChunks = 0;
    wb.failDeleting.add("Caseload");
    const src = gridSource([["ID", "Cluster", "Start"], ["A", "11", "01/04/2024"]], "x.xlsx")!;
    const error = await runImport(wb, src, autoMap(src.header)).catch((e) => e);
    expect(leftBehind(error)).toEqual(['"Caseload" (the workbook structure is protected)']);
  });
});
