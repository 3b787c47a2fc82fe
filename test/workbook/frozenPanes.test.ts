/* Frozen panes (issue 28): the port freezes a header row and an ID column; the playground's workbook
   keeps them through undo, drops them with the sheet, and Save writes them where Excel reads them. */
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { frozenView } from "../../src/playground/export/sheetXml";
import { openWorkbookFile } from "../../src/playground/open/openFile";
import { xlsxBytes } from "../../src/playground/export/saveXlsx";
import { takeSnapshot } from "../../src/playground/export/snapshot";

describe("frozen panes in the embedded workbook", () => {
  it("are set, undone with the action that set them, and dropped with the sheet", async () => {
    const { port } = createEmbeddedWorkbook();
    expect(port.frozenPanes("Sheet1")).toEqual({ rows: 0, columns: 0 });
    await port.action("Audit", async () => {
      const s = await port.createSheet("Audit");
      await port.writeRange(s, "A1", [["x"]]);
      await port.freezePanes(s, 4, 1);
    });
    expect(port.frozenPanes("audit")).toEqual({ rows: 4, columns: 1 });
    port.undo();
    expect(await port.listSheets()).toEqual(["Sheet1"]);
    port.redo();
    expect(port.frozenPanes("Audit")).toEqual({ rows: 4, columns: 1 });
    await port.deleteSheet("Audit");
    await port.createSheet("Audit");
    expect(port.frozenPanes("Audit")).toEqual({ rows: 0, columns: 0 });
    await expect(port.freezePanes("Nowhere", 1, 1)).rejects.toThrow(/no sheet named Nowhere/);
  });

  it("are saved as a frozen pane, which ExcelJS reads back", async () => {
    const { port } = createEmbeddedWorkbook();
    await port.writeRange("Sheet1", "A1:B2", [
      ["Id", "Team"],
      ["P1", "North"],
    ]);
    await port.freezePanes("Sheet1", 4, 1);
    const bytes = xlsxBytes(takeSnapshot(port));
    const xml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]);
    expect(xml).toContain(
      '<pane xSplit="1" ySplit="4" topLeftCell="B5" activePane="bottomRight" state="frozen"/>'
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const view = book.getWorksheet("Sheet1")!.views[0] as {
      state: string;
      xSplit: number;
      ySplit: number;
    };
    expect([view.state, view.xSplit, view.ySplit]).toEqual(["frozen", 1, 4]);
  });

  it("are read back on Open, and an opened book keeps none of the old book's", async () => {
    const { port } = createEmbeddedWorkbook();
    await port.writeRange("Sheet1", "A1:B2", [
      ["Id", "Team"],
      ["P1", "North"],
    ]);
    await port.freezePanes("Sheet1", 4, 1);
    const frozenFile = xlsxBytes(takeSnapshot(port));
    const other = createEmbeddedWorkbook().port;
    await other.writeRange("Sheet1", "A1", [["x"]]);
    const plainFile = xlsxBytes(takeSnapshot(other));

    const opened = createEmbeddedWorkbook().port;
    await opened.freezePanes("Sheet1", 2, 0);
    await openWorkbookFile(opened, new Blob([frozenFile as BlobPart]), () => true);
    expect(opened.frozenPanes("Sheet1")).toEqual({ rows: 4, columns: 1 });
    // A file with a sheet of the same name and no freeze: nothing carries over.
    await openWorkbookFile(opened, new Blob([plainFile as BlobPart]), () => true);
    expect(opened.frozenPanes("Sheet1")).toEqual({ rows: 0, columns: 0 });
  });

  it("a row or a column alone, and nothing when none is frozen", () => {
    expect(frozenView({ rows: 1, columns: 0 })).toContain(
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    );
    expect(frozenView({ rows: 0, columns: 2 })).toContain(
      '<pane xSplit="2" topLeftCell="C1" activePane="topRight" state="frozen"/>'
    );
    expect(frozenView({ rows: 0, columns: 0 })).toBe("");
  });
});
