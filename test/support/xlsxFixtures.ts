/* Workbook files for tests of opening an .xlsx, built from their XML parts as another program writes them (not by the playground's own writer). */
import { strToU8, zipSync } from "fflate";

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
