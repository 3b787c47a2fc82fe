/* Opening an .xlsx as the playground's workbook: values, formulas (shared, array, Excel's saved names for PBR functions), formats, names and tables. */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { createEmbeddedWorkbook, type EmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { openBook } from "../../src/playground/open/openBook";
import { xlsxBytes } from "../../src/playground/export/saveXlsx";
import { takeSnapshot } from "../../src/playground/export/snapshot";
import {
  fromFileFormula,
  shiftFormula,
  toFileFormula,
} from "../../src/playground/open/fileFormulas";
import { XlsxReadError, readXlsxBook } from "../../src/playground/open/readXlsx";
import { openDemo } from "../../src/playground/demo/demoWorkbook";
import { runSetup } from "../../src/taskpane/setup/run";
import { loadPbrFunctions } from "../support/pbrFunctions";
import { handMadeXlsx } from "../support/xlsxFixtures";

// Several tests here build the demo or the set-up model and save or open it whole: seconds each on
// a shared machine, so a hang guard of a minute rather than jest's 5 s (never a timing assertion).
jest.setTimeout(60_000);

async function workbook(): Promise<EmbeddedWorkbook> {
  return createEmbeddedWorkbook({ functions: await loadPbrFunctions() }).port;
}

const value = (wb: EmbeddedWorkbook, sheet: string, row: number, col: number) => {
  const v = wb.getValue(sheet, row, col);
  return v !== null && typeof v === "object" ? (v as { value: unknown }).value : v;
};

describe("formulas as a file stores them", () => {
  it("moves relative references of a shared formula and leaves fixed ones, text and table columns", () => {
    expect(shiftFormula("B1*2+$B$1", 2, 0)).toBe("B3*2+$B$1");
    expect(shiftFormula("SUM(A1:B2)+Sheet1!C$3+$D4", 1, 1)).toBe("SUM(B2:C3)+Sheet1!D$3+$D5");
    expect(shiftFormula("\"A1\"&'My A1'!A1&T[FY2024]&LOG10(A1)", 1, 0)).toBe(
      "\"A1\"&'My A1'!A2&T[FY2024]&LOG10(A2)"
    );
    expect(shiftFormula("SUM(A:A,3:3)+PBR.FYCOST(A1)", 1, 1)).toBe("SUM(B:B,4:4)+PBR.FYCOST(B2)");
    expect(shiftFormula("A1", -1, 0)).toBe("#REF!");
  });

  it("turns Excel's saved names for new and custom functions back into the playground's", () => {
    const ids = ["TARIFF", "FYCOST", "CLUSTERNAME"];
    expect(fromFileFormula("_xldudf_PBR_TARIFF(11,30)", ids)).toBe("PBR.TARIFF(11,30)");
    expect(fromFileFormula("[2]!_xldudf_PBR_FYCOST(A1)+1", ids)).toBe("PBR.FYCOST(A1)+1");
    expect(fromFileFormula("_xll.PBR.CLUSTERNAME(3)", ids)).toBe("PBR.CLUSTERNAME(3)");
    expect(fromFileFormula("_xlfn._xlws.FILTER(A1:A3,B1:B3)&_xlfn.XOR(TRUE)", ids)).toBe(
      "FILTER(A1:A3,B1:B3)&XOR(TRUE())"
    );
    expect(fromFileFormula('PBR.TARIFF(11,30)&"_xlfn.kept"', ids)).toBe(
      'PBR.TARIFF(11,30)&"_xlfn.kept"'
    );
    // A quote mark inside text, doubled as Excel writes it, reaches the engine as CHAR(34).
    expect(fromFileFormula('"Status: ""left out"""', ids)).toBe('("Status: "&CHAR(34)&"left out"&CHAR(34)&"")');
    // Saving writes a PBR call as Excel does, and only outside text; reading gives it back.
    const typed = 'PBR.TARIFF(11,PBR.FYCOST(A1))&"PBR.TARIFF(1)"&Sheet1!PBR.X&OTHER.TARIFF(1)';
    const file = toFileFormula(typed, ids);
    expect(file).toBe(
      '_xldudf_PBR_TARIFF(11,_xldudf_PBR_FYCOST(A1))&"PBR.TARIFF(1)"&Sheet1!PBR.X&OTHER.TARIFF(1)'
    );
    expect(fromFileFormula(file, ids)).toBe(typed);
    expect(toFileFormula("pbr.tariff(1)+PBR.NOTAFUNCTION(2)", ids)).toBe(
      "_xldudf_PBR_TARIFF(1)+PBR.NOTAFUNCTION(2)"
    );
    // The engine knows TRUE and FALSE as functions only.
    expect(fromFileFormula('IF(TRUE,FALSE(),"TRUE")&TRUE!A1', ids)).toBe(
      'IF(TRUE(),FALSE(),"TRUE")&TRUE!A1'
    );
  });
});

describe("reading an .xlsx written by hand (as Excel writes one)", () => {
  it("opens both sheets with strings, numbers, booleans, errors, dates, shared and array formulas, names", async () => {
    const wb = await workbook();
    const { book, notes } = readXlsxBook(handMadeXlsx(), wb.functionIds);
    expect(notes).toEqual(["name Gone: refers to a deleted range (#REF!), not opened"]);
    expect(openBook(wb, book)).toEqual([]);
    expect(wb.engine.getSheetNames()).toEqual(["Inputs", "Model & Results", "Prices"]);
    // Values of every kind.
    expect(value(wb, "Inputs", 0, 0)).toBe("Code");
    expect(value(wb, "Inputs", 1, 0)).toBe(" spaced ");
    expect(value(wb, "Inputs", 2, 0)).toBe("rich text");
    expect(value(wb, "Inputs", 3, 0)).toBe("00123"); // text stays text
    expect(value(wb, "Inputs", 0, 2)).toBe(true);
    expect(value(wb, "Inputs", 1, 1)).toBe("#N/A");
    expect(value(wb, "Inputs", 2, 1)).toBe("inline");
    // A date keeps its serial number and its format; money its format; text its "@".
    expect(value(wb, "Inputs", 1, 2)).toBe(45748);
    expect(wb.formatAt("Inputs", 1, 2)).toBe("dd/mm/yyyy");
    expect(wb.formatAt("Inputs", 2, 2)).toBe('"£"#,##0.00');
    expect(wb.formatAt("Inputs", 3, 0)).toBe("@");
    // A shared formula is filled out to each cell, and recalculates (not the cached zeros).
    expect(["B4", "B5", "B6"].map((_, i) => wb.getContent("Inputs", 3 + i, 1))).toEqual([
      "=B1*2+$B$1",
      "=B2*2+$B$1",
      "=B3*2+$B$1",
    ]);
    expect(value(wb, "Inputs", 3, 1)).toBe(1.5);
    expect(value(wb, "Inputs", 4, 1)).toBe("#N/A"); // B2 is #N/A
    // Names: a workbook name, a sheet's own name; print areas are not names for formulas.
    expect(value(wb, "Model & Results", 0, 0)).toBe(50);
    expect(value(wb, "Model & Results", 2, 0)).toBe(51);
    expect(wb.engine.listNamedExpressions()).toEqual(["PriceTable", "Rate"]); // a table name is a name over its data rows
    // PBR functions saved by Excel under its custom-function names, and _xlfn. functions.
    expect(wb.getContent("Model & Results", 0, 1)).toBe("=PBR.CLUSTERNAME(11)");
    expect(value(wb, "Model & Results", 0, 1)).toEqual(expect.stringMatching(/psychosis/i));
    expect(wb.getContent("Model & Results", 3, 0)).toBe("=PBR.CLUSTERNAME(3)");
    expect(value(wb, "Model & Results", 0, 2)).toBe(true);
    // An array formula on its first cell; the cells it fills come from the formula, not the file.
    expect(wb.getContent("Model & Results", 1, 0)).toMatch(/^=TRANSPOSE\(/);
    expect(book.sheets[1].cells[1].slice(1)).toEqual([]); // the file's cached 20 and 30 are not read
    expect(
      wb.engine.isCellPartOfArray({ sheet: wb.sheetId("Model & Results"), row: 1, col: 1 })
    ).toBe(true);
    expect([0, 1, 2].map((c) => value(wb, "Model & Results", 1, c))).toEqual([10, 20, 30]);
    expect(value(wb, "Model & Results", 2, 1)).toBe(60);
    expect(value(wb, "Model & Results", 2, 2)).toBe("A1'x");
    // A table: kept as a table (the task pane lists it), its references in formulas as ranges.
    await expect(wb.listTables()).resolves.toEqual(["PriceTable"]);
    expect([value(wb, "Prices", 1, 2), value(wb, "Prices", 2, 2)]).toEqual([200, 500]);
    expect([value(wb, "Prices", 0, 4), value(wb, "Prices", 0, 5)]).toEqual([350, 2]);
    expect(wb.canUndo).toBe(false);
  });

  it("opens over the demo workbook, whose names feed SUMIF and spilled PBR results", async () => {
    const wb = await workbook();
    await openDemo(wb, () => undefined);
    openBook(wb, readXlsxBook(handMadeXlsx(), wb.functionIds).book);
    expect(wb.engine.getSheetNames()).toEqual(["Inputs", "Model & Results", "Prices"]);
    expect(wb.charts).toEqual([]);
    expect(value(wb, "Model & Results", 0, 0)).toBe(50);
  });

  it("moves dates of a 1904-date-system workbook to the 1900 system the engine uses", () => {
    const files = unzipSync(handMadeXlsx());
    files["xl/workbook.xml"] = strToU8(
      strFromU8(files["xl/workbook.xml"]).replace("<workbookPr/>", '<workbookPr date1904="1"/>')
    );
    const { book } = readXlsxBook(zipSync(files));
    expect(book.sheets[0].cells[1][2]).toBe(45_748 + 1462); // formatted as a date
    expect(book.sheets[0].cells[2][2]).toBe(1234.5); // money: not a date
  });

  it("says plainly what is wrong with a file that is not a workbook, and the workbook stays", async () => {
    expect(() => readXlsxBook(strToU8("Code,Cluster\n1,11\n"))).toThrow(XlsxReadError);
    expect(() => readXlsxBook(strToU8("Code,Cluster\n1,11\n"))).toThrow(/text file \(CSV or similar\), not an Excel workbook/);
    expect(() => readXlsxBook(zipSync({ "word/document.xml": strToU8("<w/>") }))).toThrow(
      /Word document/
    );
    const wb = await workbook();
    wb.setCell("Sheet1", 0, 0, 42);
    expect(() =>
      openBook(wb, {
        sheets: [
          { name: "A", cells: [], formats: [] },
          { name: "a", cells: [], formats: [] },
        ],
        names: [],
        tables: [],
      })
    ).toThrow(/used twice/);
    expect(wb.engine.getSheetNames()).toEqual(["Sheet1"]);
    expect(value(wb, "Sheet1", 0, 0)).toBe(42);
  });
});

describe("a workbook saved from the playground re-opens the same", () => {
  it("keeps every sheet, cell, formula, number format and name of the set-up model, and its numbers", async () => {
    const first = await workbook();
    await runSetup(first, 2025);
    await first.writeRange("Sheet1", "A1:C1", [["00123", '\'=HYPERLINK("x")', true]]);
    await first.setNumberFormat("Sheet1", "A1", "@");
    first.setCell("Sheet1", 1, 0, "#N/A"); // an error typed as a value
    const { names } = takeSnapshot(first);
    const bytes = Buffer.from(xlsxBytes(takeSnapshot(first)));

    const second = await workbook();
    const { book, notes } = readXlsxBook(new Uint8Array(bytes), second.functionIds);
    // The set-up model's chart is saved as an Excel chart and opens as the same chart.
    expect(notes).toEqual([]);
    expect(openBook(second, book)).toEqual([]);
    expect(second.charts).toEqual(first.charts);
    expect(second.engine.getSheetNames()).toEqual(first.engine.getSheetNames());
    expect(second.engine.listNamedExpressions()).toEqual(expect.arrayContaining(names.map((n) => n.name)));
    // Tables come back as tables (saved as table parts), over the same cells.
    expect(second.tables.map((t) => `${t.name} ${t.sheet}!${t.address}`).sort()).toEqual(
      first.tables.map((t) => `${t.name} ${t.sheet}!${t.address}`).sort()
    );
    // A name of one sheet only is saved for that sheet and opens as one.
    const local = await workbook();
    openBook(local, readXlsxBook(handMadeXlsx(), local.functionIds).book);
    const localSaved = takeSnapshot(local);
    expect(localSaved.names).toContainEqual({
      name: "Local",
      ref: expect.stringMatching(/!\$A\$1$/),
      localSheetId: 1,
    });
    let cells = 0;
    let formulas = 0;
    for (const sheet of first.engine.getSheetNames()) {
      const { rows, cols } = first.dimensions(sheet);
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) {
          const id = first.engine.getSheetId(sheet)!;
          const spilled =
            first.engine.isCellPartOfArray({ sheet: id, row: r, col: c }) &&
            !first.engine.doesCellHaveFormula({ sheet: id, row: r, col: c });
          const content = first.getContent(sheet, r, c);
          if (!spilled)
            expect([sheet, r, c, second.getContent(sheet, r, c)]).toEqual([sheet, r, c, content]);
          expect([sheet, r, c, value(second, sheet, r, c)]).toEqual([
            sheet,
            r,
            c,
            value(first, sheet, r, c),
          ]);
          if (content !== null)
            expect([sheet, r, c, second.formatAt(sheet, r, c)]).toEqual([
              sheet,
              r,
              c,
              first.formatAt(sheet, r, c),
            ]);
          if (content !== null) cells++;
          if (typeof content === "string" && content.startsWith("=")) formulas++;
        }
    }
    expect(cells).toBeGreaterThan(500);
    expect(formulas).toBeGreaterThan(40);
  });
});
