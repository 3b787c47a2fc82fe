/**
 * Large plain-value tables go into the embedded engine through the bulk loader
 * (src/workbook/embedded/bulkLoad.ts) instead of cell-by-cell edits. These tests pin that the
 * result is the same workbook either way, that formulas elsewhere see the new cells, and that the
 * engine falls back to ordinary edits whenever something already refers to the target cells.
 */
import { DetailedCellError } from "hyperformula";
import { createEmbeddedWorkbook, type EmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import type { CellInput } from "../../src/workbook/port";

const make = (sheets?: Record<string, CellInput[][]>): EmbeddedWorkbook => createEmbeddedWorkbook({ functions: [], sheets }).port;

/** Everything a cell holds: what was typed and what it shows. */
function cells(wb: EmbeddedWorkbook, sheet: string, height: number, width: number): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 0; r < height; r++) {
    const line: unknown[] = [];
    for (let c = 0; c < width; c++) {
      const v = wb.getValue(sheet, r, c);
      line.push([wb.getContent(sheet, r, c), v instanceof DetailedCellError ? v.value : v]);
    }
    out.push(line);
  }
  return out;
}

/** Values of every kind the engine parses: numbers, -0, text that looks like dates, numbers, booleans, errors, percentages, currency. */
const HEADER = ["Text", "Number", "Looks like", "Blank"];
const ROWS: CellInput[][] = [
  ["R0000001", 14, "28/07/2023", null],
  ["North CMHT", -0, "2024-03-31", null],
  ["15N", 1.5, "TRUE", 9],
  ["'=not a formula", 45451, "#N/A", null],
  ["", 0, "12%", null],
  ["Older Adults, East", -3, "1,234", null],
];

/** Count the engine's public cell edits made while `fn` runs. */
async function editsDuring(wb: EmbeddedWorkbook, fn: () => Promise<unknown>): Promise<number> {
  const spy = jest.spyOn(wb.engine, "setCellContents");
  try {
    await fn();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe("embedded workbook: bulk loading of plain-value tables", () => {
  it("loads a table into a new sheet without cell edits and gives the same workbook as cell edits", async () => {
    const wb = make();
    const bulk = await wb.createSheet("Bulk");
    const edited = await wb.createSheet("Edited");
    // A formula over a range of "Edited" (outside the table) means new cells there may have
    // dependents, so that sheet is written with ordinary edits.
    wb.setCell("Sheet1", 0, 0, "=SUM(Edited!F1:F2)");

    expect(await editsDuring(wb, () => wb.writeTable(bulk, "A1", "Bulk", HEADER, ROWS, { chunkRows: 4 }))).toBe(0);
    expect(await editsDuring(wb, () => wb.writeTable(edited, "A1", "Edited", HEADER, ROWS, { chunkRows: 4 }))).toBeGreaterThan(0);

    expect(cells(wb, bulk, ROWS.length + 1, HEADER.length)).toEqual(cells(wb, edited, ROWS.length + 1, HEADER.length));
    expect(wb.dimensions(bulk)).toEqual({ rows: 7, cols: 4 });
    // Text that looks like a date, boolean, error, percentage or number stays text (workbook/cellText.ts).
    expect(ROWS.map((_, i) => wb.getValue(bulk, i + 1, 2))).toEqual(["28/07/2023", "2024-03-31", "TRUE", "#N/A", "12%", "1,234"]);
    expect(wb.getContent(bulk, 1, 2)).toBe("'28/07/2023");
    expect(wb.getValue(bulk, 4, 0)).toBe("=not a formula");
    expect(Object.is(wb.getValue(bulk, 2, 1), 0)).toBe(true); // -0 stored as 0, as the engine does
  });

  it("lets formulas on other sheets use the loaded cells, by address, structured reference and bare table name", async () => {
    const wb = make();
    const sheet = await wb.createSheet("Caseload");
    const rows = Array.from({ length: 30 }, (_, i) => [`R${i + 1}`, i + 1, i % 3 === 0 ? null : 2]);
    const { table } = await wb.writeTable(sheet, "A1", "Caseload", ["ID", "n", "r"], rows, { chunkRows: 7 });
    await wb.writeRange("Sheet1", "A1:D1", [
      ["=SUM(Caseload!B2:B31)", `=SUM(${table}[n])`, `=ROWS(${table})`, `=COUNT(${table}[r])`],
    ]);
    expect(wb.getValue("Sheet1", 0, 0)).toBe(465);
    expect(wb.getValue("Sheet1", 0, 1)).toBe(465);
    expect(wb.getValue("Sheet1", 0, 2)).toBe(30);
    expect(wb.getValue("Sheet1", 0, 3)).toBe(20);
    // and they follow later edits of the loaded cells
    wb.setCell(sheet, 1, 1, 101);
    expect(wb.getValue("Sheet1", 0, 0)).toBe(565);
    expect(wb.getValue("Sheet1", 0, 1)).toBe(565);
  });

  it("names a table in the engine only when a formula uses its bare name", async () => {
    const wb = make();
    const sheet = await wb.createSheet("Caseload");
    await wb.writeTable(sheet, "A1", "Caseload", ["n"], [[1], [2], [3]]);
    expect(wb.engine.getNamedExpression("Caseload")).toBeUndefined();
    await wb.writeRange("Sheet1", "A1:C1", [["=Caseload!A2+'Caseload'!A3", "=SUM(Caseload[n])", "=CaseloadX"]]);
    expect(wb.getValue("Sheet1", 0, 0)).toBe(3);
    expect(wb.getValue("Sheet1", 0, 1)).toBe(6);
    expect(wb.engine.getNamedExpression("Caseload")).toBeUndefined();
    wb.setCell("Sheet1", 1, 0, "=SUM(caseload)*2");
    expect(wb.engine.getNamedExpression("Caseload")).toBeDefined();
    expect(wb.getValue("Sheet1", 1, 0)).toBe(12);
  });

  it("evaluates a formula that used the table's name before the table existed", async () => {
    const wb = make();
    wb.setCell("Sheet1", 0, 0, "=SUM(Prices)");
    expect((wb.getValue("Sheet1", 0, 0) as DetailedCellError).value).toBe("#NAME?");
    const sheet = await wb.createSheet("Prices");
    await wb.writeTable(sheet, "A1", "Prices", ["Code", "Price"], [[1, 10], [2, 20]]);
    expect(wb.getValue("Sheet1", 0, 0)).toBe(33);
  });

  it("falls back to cell edits when a formula already refers to cells of the new sheet", async () => {
    const wb = make();
    wb.setCell("Sheet1", 0, 0, "=SUM(Data!B2:B4)");
    wb.setCell("Sheet1", 0, 1, "=Data!A2");
    const sheet = await wb.createSheet("Data");
    expect(sheet).toBe("Data");
    const edits = await editsDuring(wb, () => wb.writeTable(sheet, "A1", "Data", ["a", "b"], [["x", 1], ["y", 2], ["z", 3]]));
    expect(edits).toBeGreaterThan(0);
    expect(wb.getValue("Sheet1", 0, 0)).toBe(6);
    expect(wb.getValue("Sheet1", 0, 1)).toBe("x");
  });

  it("falls back to cell edits for tables with formulas and keeps evaluating them", async () => {
    const wb = make();
    const sheet = await wb.createSheet("F");
    const edits = await editsDuring(wb, () => wb.writeTable(sheet, "A1", "F", ["n", "twice"], [[1, "=[@n]*2"], [4, "=[@n]*2"]]));
    expect(edits).toBeGreaterThan(0);
    expect(wb.getValue(sheet, 2, 1)).toBe(8);
  });

  it("does not load over cells already in use (a title above the table is fine)", async () => {
    const wb = make();
    const sheet = await wb.createSheet("T");
    wb.setCell(sheet, 0, 0, "Title");
    expect(await editsDuring(wb, () => wb.writeTable(sheet, "A3", "T", ["n"], [[1], [2]]))).toBe(0);
    expect(wb.getValue(sheet, 0, 0)).toBe("Title");
    expect(wb.getValue(sheet, 4, 0)).toBe(2);
    wb.setCell(sheet, 10, 0, 5);
    expect(await editsDuring(wb, () => wb.writeTable(sheet, "A10", "T2", ["n"], [[1], [2]]))).toBeGreaterThan(0);
    expect(wb.getValue(sheet, 10, 0)).toBe(1); // overwritten by the table, as before
  });

  it("keeps text-formatted (@) columns as text on both paths, so ID 00123 is not the number 123", async () => {
    for (const referenced of [false, true]) {
      const wb = make();
      const sheet = await wb.createSheet("Caseload");
      if (referenced) wb.setCell("Sheet1", 0, 0, "=COUNTA(Caseload!C1:C9)");
      await wb.setNumberFormat(sheet, "A2:A3", "@");
      await wb.writeTable(sheet, "A1", "Caseload", ["ID", "n"], [["00123", "00123"], ["'=x", 7]]);
      expect(wb.getValue(sheet, 1, 0)).toBe("00123");
      expect(wb.getValue(sheet, 1, 1)).toBe("00123"); // not formatted: kept as text by the prefix
      expect(wb.getValue(sheet, 2, 0)).toBe("=x");
      expect(wb.getContent(sheet, 1, 0)).toBe("'00123");
    }
  });

  it("stops between chunks when cancelled; deleteSheet then removes everything", async () => {
    const wb = make();
    const sheet = await wb.createSheet("Import");
    const controller = new AbortController();
    const rows = Array.from({ length: 100 }, (_, i) => [`id${i}`, i, i * 2]);
    const progress: number[] = [];
    const write = wb.writeTable(sheet, "A1", "Import", ["id", "n", "m"], rows, {
      chunkRows: 25,
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p.rowsWritten);
        if (p.rowsWritten === 50) controller.abort();
      },
    });
    await expect(write).rejects.toMatchObject({ name: "AbortError" });
    expect(progress).toEqual([25, 50]);
    expect(wb.getValue(sheet, 50, 1)).toBe(49);
    expect(wb.getValue(sheet, 51, 1)).toBeNull();
    await wb.deleteSheet(sheet);
    expect(await wb.listSheets()).toEqual(["Sheet1"]);
    // the name is free again and a new import of it works
    const again = await wb.createSheet("Import");
    await wb.writeTable(again, "A1", "Import", ["id", "n", "m"], rows, { chunkRows: 25 });
    wb.setCell("Sheet1", 0, 0, "=SUM(Import[m])");
    expect(wb.getValue("Sheet1", 0, 0)).toBe(9900);
  });

  it("deleting a loaded table's sheet turns formulas that used it into errors", async () => {
    const wb = make();
    const sheet = await wb.createSheet("Caseload");
    await wb.writeTable(sheet, "A1", "Caseload", ["n"], [[1], [2], [3]]);
    await wb.writeRange("Sheet1", "A1:B1", [["=SUM(Caseload)", "=SUM(Caseload!A2:A4)"]]);
    expect(wb.getValue("Sheet1", 0, 0)).toBe(6);
    await wb.deleteSheet(sheet);
    expect(wb.getValue("Sheet1", 0, 0)).toBeInstanceOf(DetailedCellError);
    expect(wb.getValue("Sheet1", 0, 1)).toBeInstanceOf(DetailedCellError);
    expect(await wb.listTables()).toEqual([]);
  });
});
