/* A task pane action is undone and redone as one step in the playground's workbook: its new sheets, cells, names, tables, formats and charts. */
import { createEmbeddedWorkbook, type EmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { asOneStep } from "../../src/workbook/port";
import { runSetup } from "../../src/taskpane/setup/run";
import { loadPbrFunctions } from "../support/pbrFunctions";

async function workbook(): Promise<EmbeddedWorkbook> {
  return createEmbeddedWorkbook({ functions: await loadPbrFunctions() }).port;
}

/** Every cell's content and value, every name, table, format and chart. */
function everything(wb: EmbeddedWorkbook) {
  const sheets = wb.engine.getSheetNames().map((sheet) => {
    const { rows, cols } = wb.dimensions(sheet);
    const cells: unknown[] = [];
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const v = wb.getValue(sheet, r, c);
        cells.push([
          wb.getContent(sheet, r, c),
          v !== null && typeof v === "object" ? (v as { value: unknown }).value : v,
        ]);
      }
    return { sheet, cells };
  });
  return {
    sheets,
    names: wb.engine.listNamedExpressions().map((n) => [n, wb.engine.getNamedExpressionFormula(n)]),
    tables: wb.tables.map((t) => ({ ...t })),
    formats: wb.formats.length,
    charts: wb.charts.length,
  };
}

describe("a task pane action as one undo step", () => {
  it("undoes Set up model (nine sheets, names, tables, formats, charts) in one step, and redoes it", async () => {
    const wb = await workbook();
    wb.setCell("Sheet1", 0, 0, "typed before");
    const start = everything(wb);
    await asOneStep(wb, "Set up model", () => runSetup(wb, 2025));
    const done = everything(wb);
    expect(done.sheets.length).toBeGreaterThan(5);
    expect(wb.undoLabel).toBe("Set up model");

    expect(wb.undo()).toBe(true);
    expect(everything(wb)).toEqual(start);
    expect(wb.undoLabel).toBe("typing"); // the edit before it is next
    expect(wb.redo()).toBe(true);
    expect(everything(wb)).toEqual(done);
    // And again, to be sure a redone step undoes as well.
    wb.undo();
    expect(everything(wb)).toEqual(start);
    wb.undo();
    expect(wb.getContent("Sheet1", 0, 0)).toBeNull();
  });

  it("puts back cells an action wrote over on an existing sheet, and keeps earlier edits undoable", async () => {
    const wb = await workbook();
    wb.setCell("Sheet1", 1, 1, 5);
    wb.setCell("Sheet1", 1, 2, "=B2*2");
    await wb.action("Write", async () => {
      await wb.writeRange("Sheet1", "B2:C2", [[7, "=B2*3"]]);
      await wb.setNumberFormat("Sheet1", "B2", "0.00");
      const sheet = await wb.createSheet("Extra");
      await wb.writeRange(sheet, "A1", [["=Sheet1!C2"]]);
      await wb.addName("Input", "Sheet1", "B2");
    });
    expect(wb.getValue("Extra", 0, 0)).toBe(21);
    wb.undo();
    expect(wb.engine.getSheetNames()).toEqual(["Sheet1"]);
    expect([
      wb.getContent("Sheet1", 1, 1),
      wb.getContent("Sheet1", 1, 2),
      wb.getValue("Sheet1", 1, 2),
    ]).toEqual([5, "=B2*2", 10]);
    expect(wb.formatAt("Sheet1", 1, 1)).toBeUndefined();
    expect(wb.engine.listNamedExpressions()).toEqual([]);
    wb.redo();
    expect(wb.getValue("Extra", 0, 0)).toBe(21);
    expect(wb.engine.listNamedExpressions()).toEqual(["Input"]);
    wb.undo();
    wb.undo(); // the typed formula
    expect(wb.getContent("Sheet1", 1, 2)).toBeNull();
  });

  it("does not keep an action over a million cells for undo, and forgets the steps before it", async () => {
    const wb = await workbook();
    wb.setCell("Sheet1", 999_999, 1, 1); // the sheet's used range is now 1,000,000 × 2
    await wb.action("Big", () => wb.writeRange("Sheet1", "A1", [[2]]));
    expect(wb.getValue("Sheet1", 0, 0)).toBe(2);
    expect(wb.canUndo).toBe(false);
  });

  it("records nothing for an action that failed (it removed what it wrote) or changed nothing", async () => {
    const wb = await workbook();
    await expect(
      wb.action("Fails", async () => {
        const sheet = await wb.createSheet("Half");
        await wb.deleteSheet(sheet);
        throw new Error("cancelled");
      })
    ).rejects.toThrow("cancelled");
    await wb.action("Reads only", async () => wb.listSheets());
    expect(wb.canUndo).toBe(false);
  });
});
