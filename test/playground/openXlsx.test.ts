/* Opening an .xlsx as the playground's workbook: values, formulas (shared, array, Excel's saved names for PBR functions), formats, names and tables. */
import { strToU8, zipSync } from "fflate";
import writeXlsx from "write-excel-file/node";
import { createEmbeddedWorkbook, type EmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { definedNamesFeature, workbookContent } from "../../src/playground/export/saveXlsx";
import { fromFileFormula, shiftFormula } from "../../src/playground/open/fileFormulas";
import { XlsxReadError, readXlsxBook } from "../../src/playground/open/readXlsx";
import { runSetup } from "../../src/taskpane/setup/run";
import { loadPbrFunctions } from "../support/pbrFunctions";

async function workbook(): Promise<EmbeddedWorkbook> {
  return createEmbeddedWorkbook({ functions: await loadPbrFunctions() }).port;
}

const value = (wb: EmbeddedWorkbook, sheet: string, row: number, col: number) => {
  const v = wb.getValue(sheet, row, col);
  return v !== null && typeof v === "object" ? (v as { value: unknown }).value : v;
};

/** An .xlsx zipped from parts written by hand, as another program (Excel) would write them. */
export function handMadeXlsx(): Uint8Array {
  const ns =
    'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns}><workbookPr/><sheets>
        <sheet name="Inputs" sheetId="1" r:id="rId1"/><sheet name="Model &amp; Results" sheetId="2" r:id="rId2"/><sheet name="Prices" sheetId="3" r:id="rId5"/></sheets>
        <definedNames>
          <definedName name="Rate">Inputs!$B$1</definedName>
          <definedName name="Local" localSheetId="1">'Model &amp; Results'!$A$1</definedName>
          <definedName name="_xlnm.Print_Area" localSheetId="0">Inputs!$A$1:$C$9</definedName>
          <definedName name="Gone">#REF!</definedName>
        </definedNames></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", "worksheet", "worksheets/sheet1.xml")}${rel("rId2", "worksheet", "/xl/worksheets/sheet2.xml")}${rel("rId3", "sharedStrings", "sharedStrings.xml")}${rel("rId4", "styles", "styles.xml")}${rel("rId5", "worksheet", "worksheets/sheet3.xml")}</Relationships>`,
    "xl/worksheets/_rels/sheet3.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", "table", "../tables/table1.xml")}</Relationships>`,
    "xl/tables/table1.xml": `<?xml version="1.0"?><table ${ns} id="1" name="Table1" displayName="PriceTable" ref="A1:C3"><tableColumns count="3"><tableColumn id="1" name="Code"/><tableColumn id="2" name="Price"/><tableColumn id="3" name="Double"/></tableColumns></table>`,
    "xl/worksheets/sheet3.xml": `<?xml version="1.0"?><worksheet ${ns}><sheetData>
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Price</t></is></c><c r="C1" t="inlineStr"><is><t>Double</t></is></c><c r="E1"><f>SUM(PriceTable[Price])</f></c><c r="F1"><f>ROWS(PriceTable)</f></c></row>
        <row r="2"><c r="A2"><v>11</v></c><c r="B2"><v>100</v></c><c r="C2"><f t="shared" ref="C2:C3" si="0">PriceTable[[#This Row],[Price]]*2</f></c></row>
        <row r="3"><c r="A3"><v>12</v></c><c r="B3"><v>250</v></c><c r="C3"><f t="shared" si="0"/></c></row>
      </sheetData></worksheet>`,
    "xl/sharedStrings.xml": `<?xml version="1.0"?><sst ${ns} count="4" uniqueCount="4"><si><t>Code</t></si><si><t xml:space="preserve"> spaced </t></si><si><r><t>rich</t></r><r><rPr><b/></rPr><t xml:space="preserve"> text</t></r></si><si><t>00123</t></si></sst>`,
    "xl/styles.xml": `<?xml version="1.0"?><styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;£&quot;#,##0.00"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="49"/></cellXfs></styleSheet>`,
    "xl/worksheets/sheet1.xml": `<?xml version="1.0"?><worksheet ${ns}><sheetData>
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>0.5</v></c><c r="C1" t="b"><v>1</v></c></row>
        <row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="e"><v>#N/A</v></c><c r="C2" s="1"><v>45748</v></c></row>
        <row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" t="inlineStr"><is><t>inline</t></is></c><c r="C3" s="2"><v>1234.5</v></c></row>
        <row r="4"><c r="A4" t="s" s="3"><v>3</v></c><c r="B4"><f t="shared" ref="B4:B6" si="0">B1*2+$B$1</f><v>1.5</v></c></row>
        <row r="5"><c r="B5"><f t="shared" si="0"/><v>0</v></c></row>
        <row r="6"><c r="B6"><f t="shared" si="0"/><v>0</v></c></row>
        <row r="8"><c r="A8"><v>10</v></c><c r="B8"><v>20</v></c><c r="C8"><v>30</v></c></row>
      </sheetData></worksheet>`,
    "xl/worksheets/sheet2.xml": `<?xml version="1.0"?><worksheet ${ns}><sheetData>
        <row r="1"><c r="A1"><f>Rate*100</f><v>50</v></c><c r="B1" t="str"><f>_xldudf_PBR_CLUSTERNAME(11)</f><v>cached</v></c><c r="C1"><f>_xlfn.XOR(TRUE,FALSE)</f><v>1</v></c></row>
        <row r="2"><c r="A2"><f t="array" ref="A2:C2">TRANSPOSE(Inputs!A8:A8*{1;2;3})</f><v>10</v></c><c r="B2"><v>20</v></c><c r="C2"><v>30</v></c></row>
        <row r="3"><c r="A3"><f>Local+1</f><v>51</v></c><c r="B3"><f>SUM(Inputs!A8:C8)</f><v>60</v></c><c r="C3" t="str"><f>"A1"&amp;"'x"</f><v>A1'x</v></c></row>
        <row r="4"><c r="A4"><f>_xll.PBR.CLUSTERNAME(3)</f></c></row>
      </sheetData></worksheet>`,
  };
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
}

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
    expect(wb.openBook(book)).toEqual([]);
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

  it("says plainly what is wrong with a file that is not a workbook, and the workbook stays", async () => {
    expect(() => readXlsxBook(strToU8("Code,Cluster\n1,11\n"))).toThrow(XlsxReadError);
    expect(() => readXlsxBook(strToU8("Code,Cluster\n1,11\n"))).toThrow(/not an \.xlsx workbook/);
    expect(() => readXlsxBook(zipSync({ "word/document.xml": strToU8("<w/>") }))).toThrow(
      /Word document/
    );
    const wb = await workbook();
    wb.setCell("Sheet1", 0, 0, 42);
    expect(() =>
      wb.openBook({
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
    const { sheets, names } = workbookContent(first);
    const bytes = await (
      writeXlsx as unknown as (s: unknown, o: unknown) => { toBuffer(): Promise<Buffer> }
    )(sheets, {
      features: [definedNamesFeature(names)],
    }).toBuffer();

    const second = await workbook();
    const { book, notes } = readXlsxBook(new Uint8Array(bytes), second.functionIds);
    expect(notes).toEqual([]);
    expect(second.openBook(book)).toEqual([]);
    expect(second.engine.getSheetNames()).toEqual(first.engine.getSheetNames());
    expect(second.engine.listNamedExpressions().sort()).toEqual(names.map((n) => n.name).sort());
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
          if (content !== null && typeof second.formatAt(sheet, r, c) !== "undefined")
            expect(second.formatAt(sheet, r, c)).toBe(first.formatAt(sheet, r, c));
          if (content !== null) cells++;
          if (typeof content === "string" && content.startsWith("=")) formulas++;
        }
    }
    expect(cells).toBeGreaterThan(500);
    expect(formulas).toBeGreaterThan(40);
  });
});
