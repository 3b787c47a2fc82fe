/**
 * The embedded WorkbookPort: the same behaviours the in-memory port promises (unique names, chunked
 * writes with progress and cancel, cleanup by deleteSheet), plus real formula evaluation and the
 * PBR.* functions through the one plugin.
 */
import { DetailedCellError } from "hyperformula";
import { createEmbeddedWorkbook, type EmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { loadPbrFunctions } from "../support/pbrFunctions";
import type { PbrFunctionEntry } from "../../src/workbook/embedded/registry";

let functions: PbrFunctionEntry[];
beforeAll(async () => {
  functions = await loadPbrFunctions();
}, 60_000);

const make = (sheets?: Record<string, (string | number | null)[][]>): EmbeddedWorkbook =>
  createEmbeddedWorkbook({ functions, sheets }).port;

describe("embedded workbook: the WorkbookPort contract", () => {
  it("makes sheet names unique and lists them in tab order", async () => {
    const wb = make();
    expect(await wb.createSheet("Prices")).toBe("Prices");
    expect(await wb.createSheet("prices")).toBe("prices (2)");
    expect(await wb.createSheet("Prices")).toBe("Prices (3)");
    expect(await wb.listSheets()).toEqual(["Sheet1", "Prices", "prices (2)", "Prices (3)"]);
  });

  it("writes a table in chunks with progress, evaluates its formulas and reads it back", async () => {
    const wb = make();
    const sheet = await wb.createSheet("Data");
    const rows = Array.from({ length: 25 }, (_, i) => [i, `=A${i + 2}*2`]);
    const progress: number[] = [];
    const { table, address } = await wb.writeTable(sheet, "A1", "Data", ["n", "twice"], rows, {
      chunkRows: 10,
      onProgress: (p) => progress.push(p.rowsWritten),
    });
    expect(address).toBe("A1:B26");
    expect(progress).toEqual([10, 20, 25]);
    const read = await wb.readTable(table);
    expect(read.header).toEqual(["n", "twice"]);
    expect(read.rows[24]).toEqual([24, 48]); // the formula's value, as Excel's range.values gives
    expect(await wb.listTables()).toEqual(["Data"]);
    expect(wb.getContent(sheet, 25, 1)).toBe("=A26*2");
  });

  it("stops at the next chunk when cancelled and leaves the cleanup to deleteSheet", async () => {
    const wb = make();
    const sheet = await wb.createSheet("Import");
    const controller = new AbortController();
    const rows = Array.from({ length: 50 }, (_, i) => [i]);
    const write = wb.writeTable(sheet, "A1", "Import", ["n"], rows, {
      chunkRows: 10,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.rowsWritten === 20) controller.abort();
      },
    });
    await expect(write).rejects.toMatchObject({ name: "AbortError" });
    expect(wb.getValue(sheet, 20, 0)).toBe(19); // two chunks landed
    expect(wb.getValue(sheet, 21, 0)).toBeNull(); // the third never did
    expect(await wb.listTables()).toEqual([]);
    await wb.deleteSheet(sheet);
    expect(await wb.listSheets()).toEqual(["Sheet1"]);
  });

  it("deleteSheet removes the sheet's tables, names, charts and formats", async () => {
    const wb = make();
    const sheet = await wb.createSheet("Scenario");
    await wb.writeTable(sheet, "A1", "Scenario", ["x", "y"], [[1, 2], [3, 4]]);
    const name = await wb.addName("ScenarioPlan", sheet, "B2");
    await wb.addChart(sheet, { type: "line", title: "t", dataAddress: "A1:B3", anchor: "D2" });
    await wb.setNumberFormat(sheet, "B2:B3", "£#,##0.00");
    await wb.writeRange("Sheet1", "A1", [["=ScenarioPlan*10"]]);
    expect(wb.getValue("Sheet1", 0, 0)).toBe(20);
    await wb.deleteSheet(sheet);
    expect(await wb.listTables()).toEqual([]);
    expect(wb.names.has(name)).toBe(false);
    expect(wb.charts).toEqual([]);
    expect(wb.formats).toEqual([]);
    expect(wb.engine.getNamedExpression(name)).toBeUndefined();
    expect(wb.getValue("Sheet1", 0, 0)).toBeInstanceOf(DetailedCellError);
  });

  it("never reuses a table or workbook name", async () => {
    const wb = make();
    await wb.writeTable("Sheet1", "A1", "Prices", ["Code"], [[1]]);
    expect(await wb.addName("Prices", "Sheet1", "A1:A2")).toBe("Prices_2");
    const second = await wb.writeTable("Sheet1", "D1", "Prices", ["Code"], [[2]]);
    expect(second.table).toBe("Prices_3");
  });

  it("tells empty ranges from used ones, including cells a formula spills into", async () => {
    const wb = make();
    await wb.writeRange("Sheet1", "A1", [["=PBR.CLUSTERNAME({1;2;3})"]]);
    expect(await wb.isEmpty("Sheet1", "A2:A3")).toBe(false);
    expect(await wb.isEmpty("Sheet1", "B1:C10")).toBe(true);
    await expect(wb.writeRange("Sheet1", "B1:C1", [[1]])).rejects.toThrow("1×2");
  });

  it("keeps the selection and reads the used range", async () => {
    const wb = make({ Sheet1: [["a", "b"], [1, 2]] });
    await wb.select("Sheet1", "B2");
    expect(await wb.getSelection()).toEqual({ sheet: "Sheet1", address: "B2" });
    const used = await wb.readUsedRange("Sheet1");
    expect(used).toEqual({ sheet: "Sheet1", address: "A1:B2", header: ["a", "b"], rows: [[1, 2]] });
    await expect(wb.select("Nowhere", "A1")).rejects.toThrow("no sheet");
  });

  it("keeps text written through the port as text everywhere; typing is parsed unless the cell is text-formatted (@)", async () => {
    const wb = make();
    const sheet = await wb.createSheet("Import");
    await wb.setNumberFormat(sheet, "A2:A3", "@");
    await wb.writeTable(sheet, "A1", "Ids", ["Id", "When"], [["007", "11/04/2024"], ["11/04/2024", "007"]]);
    // Written text stays text in and out of the text column, as the Office adapter's prefix keeps it in Excel.
    expect((await wb.readTable("Ids")).rows).toEqual([["007", "11/04/2024"], ["11/04/2024", "007"]]);
    expect(wb.getContent(sheet, 1, 1)).toBe("'11/04/2024");
    await wb.writeRange(sheet, "A3", [["TRUE"]]);
    expect(wb.getValue(sheet, 2, 0)).toBe("TRUE");
    wb.setCell(sheet, 1, 0, "00123"); // typing into a text cell keeps the zeros too
    expect(wb.getValue(sheet, 1, 0)).toBe("00123");
    wb.setCell(sheet, 4, 0, "00123"); // typing into a General cell is read as Excel reads typing
    expect(wb.getValue(sheet, 4, 0)).toBe(123);
    await wb.deleteSheet(sheet);
    const again = await wb.createSheet("Import");
    await wb.writeRange(again, "A2", [["007"]]);
    expect(wb.getValue(again, 1, 0)).toBe("007");
    wb.setCell(again, 1, 0, "007");
    expect(wb.getValue(again, 1, 0)).toBe(7); // the deleted sheet's text format went with it
  });

  it("tells the page about every change", async () => {
    const wb = make();
    let calls = 0;
    const stop = wb.subscribe(() => calls++);
    await wb.createSheet("X");
    wb.setCell("X", 0, 0, 5);
    stop();
    await wb.createSheet("Y");
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});

describe("embedded workbook: formulas and PBR functions", () => {
  it("registers every function of every family listed in FUNCTION_FILES", () => {
    const wb = make();
    expect(wb.functionIds).toEqual(expect.arrayContaining(["CLUSTER", "CLUSTERNAME", "REVIEWDUE"]));
    expect(wb.functionIds.length).toBe(functions.length);
  });

  it("recalculates a PBR.CLUSTER spill when a rating changes", () => {
    const low = [1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const wb = make({ S: [low, low.map(() => null), ["=PBR.CLUSTER(A1:R2)"]] });
    wb.setCell("S", 2, 0, "=PBR.CLUSTER(A1:R2)");
    const before = wb.getValue("S", 2, 0);
    expect(typeof before).toBe("number");
    expect(wb.getValue("S", 3, 0)).toBe(""); // a blank row gives a blank
    wb.setCell("S", 0, 5, 4); // item 6 (hallucinations and delusions) severe
    expect(wb.getValue("S", 2, 0)).not.toBe(before);
  });

  it("gives PBR errors as engine errors with the message", () => {
    const wb = make({ S: [["=PBR.CLUSTERNAME(99)", "=PBR.CLUSTER(A5:Q5)", "=PBR.REVIEWDAYS(1, 200)"]] });
    const na = wb.getValue("S", 0, 0) as DetailedCellError;
    expect(na).toBeInstanceOf(DetailedCellError);
    expect(na.value).toBe("#N/A");
    expect(na.message).toContain("99 is not a care cluster code");
    expect((wb.getValue("S", 0, 1) as DetailedCellError).value).toBe("#VALUE!");
    expect((wb.getValue("S", 0, 1) as DetailedCellError).message).toContain("got 17");
  });

  it("resizes a spill to the result's real shape (rows and columns)", () => {
    const row = [1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const wb = make({ S: [[...row, "=PBR.CLUSTERCANDIDATES(A1:R1, 2)"]] });
    // guessed 1×1 from the arguments; the result is 2 rows × 2 columns
    expect(typeof wb.getValue("S", 0, 18)).toBe("number");
    expect(typeof wb.getValue("S", 0, 19)).toBe("number");
    expect(typeof wb.getValue("S", 1, 18)).toBe("number");
    expect(wb.getValue("S", 2, 18)).toBeNull();
  });

  it("shows #SPILL! when the cells a result needs are taken", () => {
    const wb = make({ S: [["=PBR.CLUSTERNAME({1;2;3})"], [null], ["taken"]] });
    expect((wb.getValue("S", 0, 0) as DetailedCellError).value).toBe("#SPILL!");
  });

  it("gives a one-value result over long ranges even when the cells under it are taken", async () => {
    // PBR.RASCALIBRATE reads 10-row columns, so the engine first reserves 10 rows for its result;
    // "Total" below it must not block a result that is one value (Excel spills only what it needs).
    const wb = make();
    await wb.writeRange("Sheet1", "A1:B10", Array.from({ length: 10 }, () => [11, 3]));
    await wb.writeRange("Sheet1", "D1:D3", [[100000], ["=PBR.RASCALIBRATE(A1:A10, B1:B10, D1, 0)"], ["Total"]]);
    expect(typeof wb.getValue("Sheet1", 1, 3)).toBe("number");
    expect(wb.getValue("Sheet1", 2, 3)).toBe("Total");
    // A result that really needs the taken cells still shows #SPILL!.
    await wb.writeRange("Sheet1", "F1:F2", [["=PBR.CLUSTERNAME(A1:A10)"], ["taken"]]);
    expect((wb.getValue("Sheet1", 0, 5) as DetailedCellError).value).toBe("#SPILL!");
  });

  it("gives one value per row for per-row formulas that look things up in a longer table", async () => {
    const wb = make();
    const prices = [["Code", "Day price"], ...Array.from({ length: 21 }, (_, i) => [i + 1, 10 * (i + 1)])];
    await wb.writeRange("Sheet1", "A1:B22", prices);
    const rows = [11, 3, 14].map((code, i) => [code, `=PBR.PERIODPRICE(D${i + 2}, $A$1:$B$22, "day")`]);
    await wb.writeTable("Sheet1", "D1", "People", ["Code", "Day price"], rows);
    expect([1, 2, 3].map((r) => wb.getValue("Sheet1", r, 4))).toEqual([110, 30, 140]);
  });

  it("passes omitted and empty arguments as Excel does (null)", () => {
    const wb = make({ S: [["=PBR.REVIEWDAYS(3)", "=PBR.REVIEWDAYS(3, , 366)", "=PBR.REVIEWDAYS(7, , 366)"]] });
    expect(wb.getValue("S", 0, 0)).toBe(182);
    expect(wb.getValue("S", 0, 1)).toBe(182);
    expect(wb.getValue("S", 0, 2)).toBe(366);
  });

  it("rewrites structured references to a table's ranges", async () => {
    const wb = make();
    const { table } = await wb.writeTable("Sheet1", "A1", "Codes", ["Code", "Name"], [
      [14, "=PBR.CLUSTERNAME([@Code])"],
      [18, "=PBR.CLUSTERNAME([@Code])"],
    ]);
    expect(wb.getValue("Sheet1", 1, 1)).toBe("Psychotic Crisis");
    await wb.writeRange("Sheet1", "D1:E1", [[`=COUNT(${table}[Code])`, `=ROWS(${table}[#All])`]]);
    expect(wb.getValue("Sheet1", 0, 3)).toBe(2);
    expect(wb.getValue("Sheet1", 0, 4)).toBe(3);
    await wb.writeRange("Sheet1", "F1", [[`=SUM(${table})`]]); // the bare name is the data body, as in Excel
    expect(wb.getValue("Sheet1", 0, 5)).toBe(32);
  });
});

describe("embedded workbook: undo and redo of typed and pasted edits", () => {
  it("puts back what the cells held, one edit at a time, and redoes it", async () => {
    const wb = make({ S: [["keep", 1]] });
    wb.setCell("S", 0, 1, 5);
    wb.setCells("S", 1, 0, [["a", "=B1*2"], ["b", 3]]);
    expect(wb.getValue("S", 1, 1)).toBe(10);
    expect(wb.canUndo).toBe(true);
    expect(wb.undo()).toBe(true); // the paste
    expect([wb.getContent("S", 1, 0), wb.getContent("S", 1, 1), wb.getContent("S", 2, 1)]).toEqual([null, null, null]);
    expect(wb.currentSelection).toEqual({ sheet: "S", address: "A2:B3" });
    expect(wb.undo()).toBe(true); // the typed 5
    expect(wb.getValue("S", 0, 1)).toBe(1);
    expect(wb.undo()).toBe(false);
    expect(wb.redo()).toBe(true);
    expect(wb.redo()).toBe(true);
    expect(wb.getValue("S", 1, 1)).toBe(10);
    expect(wb.canRedo).toBe(false);
    // A new edit after an undo drops what could have been redone.
    wb.undo();
    wb.setCell("S", 0, 0, "new");
    expect(wb.canRedo).toBe(false);
  });
});
