/*
 * Round trip through a second, independent reader and writer: ExcelJS reads the playground's saved
 * demo model (every formula and value as the playground holds it), and writes a workbook (shared
 * formula, names, dates, errors, a PBR call) that the playground opens and recalculates.
 *
 * ExcelJS is a development dependency for this test only (the product reads with fflate and
 * fast-xml-parser and writes its own parts zipped by fflate, so neither is the code under test).
 */
import ExcelJS from "exceljs";
import { createEmbeddedWorkbook, type EmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { openBook } from "../../src/playground/open/openBook";
import { xlsxBytes } from "../../src/playground/export/saveXlsx";
import { takeSnapshot } from "../../src/playground/export/snapshot";
import { openDemo } from "../../src/playground/demo/demoWorkbook";
import { readXlsxBook } from "../../src/playground/open/readXlsx";
import { toFileFormula } from "../../src/playground/open/fileFormulas";
import { loadPbrFunctions } from "../support/pbrFunctions";

const value = (wb: EmbeddedWorkbook, sheet: string, row: number, col: number) => {
  const v = wb.getValue(sheet, row, col);
  return v !== null && typeof v === "object" ? (v as { value: unknown }).value : v;
};

describe("round trip through ExcelJS", () => {
  it("ExcelJS reads every formula and value of the playground's saved demo model", async () => {
    const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
    await openDemo(port, () => undefined);
    const { names } = takeSnapshot(port);
    const buffer = Buffer.from(xlsxBytes(takeSnapshot(port)));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(book.worksheets.map((w: { name: string }) => w.name)).toEqual(
      port.engine.getSheetNames()
    );
    let formulas = 0;
    let pbrCalls = 0;
    let cells = 0;
    for (const ws of book.worksheets) {
      const id = port.sheetId(ws.name);
      const { rows, cols } = port.dimensions(ws.name);
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) {
          const at = { sheet: id, row: r, col: c };
          if (port.engine.isCellPartOfArray(at) && !port.engine.doesCellHaveFormula(at)) continue; // spilled
          const content = port.getContent(ws.name, r, c);
          if (content === null || content === "") continue;
          const cell = ws.getCell(r + 1, c + 1);
          cells++;
          if (typeof content === "string" && content.startsWith("=")) {
            formulas++;
            // As Excel stores it: a PBR call as _xldudf_PBR_… (the playground reads it back).
            expect([ws.name, r, c, cell.formula]).toEqual([
              ws.name,
              r,
              c,
              toFileFormula(content.slice(1), port.functionIds),
            ]);
            if (/_xldudf_PBR_/.test(cell.formula)) pbrCalls++;
          } else {
            const v = value(port, ws.name, r, c);
            const got =
              cell.value instanceof Date ? cell.value.getTime() / 86_400_000 + 25_569 : cell.value;
            expect([ws.name, r, c, got]).toEqual([ws.name, r, c, v]);
          }
        }
    }
    expect(book.definedNames.model.map((n: { name: string }) => n.name).sort()).toEqual(
      names.map((n) => n.name).sort()
    );
    expect(cells).toBeGreaterThan(10_000);
    expect(formulas).toBeGreaterThan(100);
    expect(pbrCalls).toBeGreaterThan(10);
  }, 60_000);

  it("the playground opens a workbook ExcelJS wrote, and recalculates it", async () => {
    const out = new ExcelJS.Workbook();
    const a = out.addWorksheet("Inputs");
    a.getCell("A1").value = "Code";
    a.getCell("B1").value = 0.5;
    a.getCell("C1").value = true;
    a.getCell("A2").value = { error: "#N/A" };
    a.getCell("B2").value = new Date(Date.UTC(2025, 3, 1));
    a.getCell("B2").numFmt = "dd/mm/yyyy";
    a.getCell("C2").value = 1234.5;
    a.getCell("C2").numFmt = '"£"#,##0.00';
    [1, 2, 3].forEach((n, i) => (a.getCell(`A${3 + i}`).value = n));
    // A shared formula as Excel writes one (ExcelJS's types do not list shareType and ref).
    a.getCell("B3").value = {
      formula: "A3*10+$B$1",
      result: 0,
      shareType: "shared",
      ref: "B3:B5",
    } as unknown as ExcelJS.CellFormulaValue;
    a.getCell("B4").value = { sharedFormula: "B3", result: 0 };
    a.getCell("B5").value = { sharedFormula: "B3", result: 0 };
    out.definedNames.add("Inputs!$B$1", "Rate");
    const b = out.addWorksheet("Model");
    b.getCell("A1").value = { formula: "Rate*100", result: 0 };
    b.getCell("A2").value = { formula: "PBR.CLUSTERNAME(11)", result: "" };
    b.getCell("A3").value = { formula: "SUM(Inputs!B3:B5)", result: 0 };
    b.getCell("A4").value = { formula: 'IF(Inputs!C1,"yes","no")', result: "" };

    const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
    const { book, notes } = readXlsxBook(
      new Uint8Array(await out.xlsx.writeBuffer()),
      port.functionIds
    );
    expect(notes).toEqual([]);
    openBook(port, book);
    expect(port.engine.getSheetNames()).toEqual(["Inputs", "Model"]);
    expect(port.engine.listNamedExpressions()).toEqual(["Rate"]);
    expect([0, 1, 2, 3, 4].map((r) => [0, 1, 2].map((c) => value(port, "Inputs", r, c)))).toEqual([
      ["Code", 0.5, true],
      ["#N/A", 45_748, 1234.5],
      [1, 10.5, null],
      [2, 20.5, null],
      [3, 30.5, null],
    ]);
    expect([2, 3, 4].map((r) => port.getContent("Inputs", r, 1))).toEqual([
      "=A3*10+$B$1",
      "=A4*10+$B$1",
      "=A5*10+$B$1",
    ]);
    expect([port.formatAt("Inputs", 1, 1), port.formatAt("Inputs", 1, 2)]).toEqual([
      "dd/mm/yyyy",
      '"£"#,##0.00',
    ]);
    expect([0, 1, 2, 3].map((r) => value(port, "Model", r, 0))).toEqual([
      50,
      expect.stringMatching(/psychosis/i),
      61.5,
      "yes",
    ]);
  }, 60_000);
});
