/* Saving the playground's workbook as .xlsx: the package holds what Excel saves (cached values,
   dynamic array formulas with their metadata, table parts, the add-in's web extension) and the
   playground reads back the same workbook. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import readWorkbook from "read-excel-file/node";
import { createEmbeddedWorkbook, type EmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { ADDIN } from "../../src/playground/export/packageParts";
import { xlsxBytes } from "../../src/playground/export/saveXlsx";
import { takeSnapshot } from "../../src/playground/export/snapshot";
import { runSetup } from "../../src/taskpane/setup/run";
import { loadPbrFunctions } from "../support/pbrFunctions";

async function saved(build: (wb: EmbeddedWorkbook) => Promise<void>) {
  const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
  await build(port);
  const snapshot = takeSnapshot(port);
  const bytes = xlsxBytes(snapshot);
  const files = unzipSync(bytes);
  const text = (path: string) => strFromU8(files[path]);
  return { port, bytes, files, text, snapshot };
}

/** The <c> element of a cell in a sheet part. */
const cellXml = (sheetXml: string, ref: string) =>
  new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`).exec(sheetXml)?.[0] ?? "";

describe("saving the playground workbook as .xlsx", () => {
  it("keeps every sheet, the PBR formulas, the names they use and text exactly as typed", async () => {
    const { text, bytes, snapshot } = await saved(async (wb) => {
      await runSetup(wb, 2025);
      await wb.writeRange("Sheet1", "A1:B1", [["00123", '\'=HYPERLINK("x")']]);
    });
    const workbook = text("xl/workbook.xml");
    for (const sheet of [
      "Sheet1",
      "Prices",
      "Profile",
      "SuperclassRules",
      "Steps",
      "RiskBands",
      "Caseload",
      "Scenario",
      "Summary",
    ])
      expect(workbook).toContain(`name="${sheet}"`);
    expect(snapshot.names.map((n) => n.name)).toEqual(
      expect.arrayContaining(["FYStart", "PlanValue"])
    );
    expect(workbook).toMatch(
      /<definedNames>.*<definedName name="FYStart">Summary!\$B\$5<\/definedName>/
    );
    // Excel shows the saved values on opening (no recalculation before the add-in has loaded).
    expect(workbook).toContain('<calcPr calcId="191029"/>');
    const sheetFiles = Object.keys(unzipSync(bytes)).filter((f) =>
      /^xl\/worksheets\/sheet\d+\.xml$/.test(f)
    );
    const all = sheetFiles.map(text).join("");
    expect(all).toMatch(/<f( [^>]*)?>_xldudf_PBR_FYCOST\([^<]*FYStart[^<]*\)<\/f>/);
    expect(all).toMatch(/_xldudf_PBR_SCENARIOS\(/);
    expect(all).not.toMatch(/PBR\.[A-Z]+\(/);
    const book = (await readWorkbook(Buffer.from(bytes))) as { sheet: string; data: unknown[][] }[];
    const sheet1 = book.find((s) => s.sheet === "Sheet1")!.data;
    expect(sheet1[0][0]).toBe("00123");
    expect(sheet1[0][1]).toBe('=HYPERLINK("x")');
    expect(text("xl/styles.xml")).toContain('formatCode="dd/mm/yyyy"');
  });

  it("saves every formula with its value, and a spilling one as a dynamic array over its spill range", async () => {
    const { port, text, files, snapshot } = await saved(async (wb) => {
      await runSetup(wb, 2025);
      wb.setCell("Sheet1", 0, 0, 5);
      wb.setCell("Sheet1", 0, 1, "=A1*2");
      wb.setCell("Sheet1", 0, 2, '=IF(A1>1,"big","small")');
      wb.setCell("Sheet1", 0, 3, "=A1>1");
      wb.setCell("Sheet1", 0, 4, "=1/0");
      wb.settle();
    });
    const sheetNo = (name: string) => snapshot.sheets.findIndex((s) => s.name === name) + 1;
    const sheet1 = text(`xl/worksheets/sheet${sheetNo("Sheet1")}.xml`);
    expect(cellXml(sheet1, "B1")).toBe('<c r="B1"><f>A1*2</f><v>10</v></c>');
    expect(cellXml(sheet1, "C1")).toBe(
      '<c r="C1" t="str"><f>IF(A1&gt;1,&quot;big&quot;,&quot;small&quot;)</f><v>big</v></c>'
    );
    expect(cellXml(sheet1, "D1")).toBe('<c r="D1" t="b"><f>A1&gt;1</f><v>1</v></c>');
    expect(cellXml(sheet1, "E1")).toBe('<c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c>');

    // Scenario!C10 spills the scenarios: a dynamic array formula (t="array", ref = its spill, cm="1"),
    // and every cell of the spill carries the playground's value.
    const scenario = text(`xl/worksheets/sheet${sheetNo("Scenario")}.xml`);
    const anchor = cellXml(scenario, "C10");
    const m =
      /^<c r="C10"[^>]* cm="1"><f t="array" ref="(C10:[A-Z]+\d+)">_xldudf_PBR_SCENARIOS\(/.exec(
        anchor
      );
    expect(m).not.toBeNull();
    const spill = m![1];
    expect(spill).not.toBe("C10:C10");
    const v = port.getValue("Scenario", 10, 3);
    expect(typeof v).toBe("number");
    expect(cellXml(scenario, "D11")).toMatch(new RegExp(`<v>${v}</v>`));
    // The cell metadata part marks cm="1" as a dynamic array (XLDAPR, fDynamic="1").
    const meta = text("xl/metadata.xml");
    expect(meta).toContain('<metadataType name="XLDAPR"');
    expect(meta).toContain('<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/>');
    expect(meta).toContain('<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>');
    expect(text("xl/_rels/workbook.xml.rels")).toContain(
      '/relationships/sheetMetadata" Target="metadata.xml"'
    );
    expect(text("[Content_Types].xml")).toContain('PartName="/xl/metadata.xml"');
    // Every formula in the package has a cached value unless its result is empty.
    const formulas = Object.keys(files)
      .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
      .flatMap((f) => text(f).match(/<c [^>]*><f[^>]*>.*?<\/c>/g) ?? []);
    expect(formulas.length).toBeGreaterThan(30);
    const withoutValue = formulas.filter((c) => !/<v>/.test(c));
    expect(withoutValue.length).toBeLessThan(formulas.length / 10);
  });

  it("saves every table as an Excel table part and names the add-in that the file needs", async () => {
    const { text, files, port, snapshot } = await saved(async (wb) => {
      await runSetup(wb, 2025);
    });
    const tableParts = Object.keys(files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f));
    expect(port.tables.length).toBeGreaterThan(0);
    const asParts = snapshot.sheets.flatMap((s) => s.tables.map((t) => t.name));
    // Every table is a table part, or kept as a name and said so.
    const tableNotes = snapshot.notes.filter((n) => n.startsWith("table "));
    expect(asParts.length + tableNotes.length).toBe(port.tables.length);
    expect(tableParts.length).toBe(asParts.length);
    for (const t of port.tables.filter((x) => asParts.includes(x.name))) {
      const part = tableParts.map(text).find((x) => x.includes(`displayName="${t.name}"`))!;
      expect(part).toContain(`ref="${t.address.replace(/\$/g, "")}"`);
      expect(text("xl/workbook.xml")).not.toContain(`<definedName name="${t.name}">`);
    }
    // The add-in: web extension with the manifest's id and version, opened with the document.
    const manifest = readFileSync(join(__dirname, "../../manifest.xml"), "utf8");
    expect(manifest).toContain(`<Id>${ADDIN.id}</Id>`);
    expect(manifest).toContain(`<Version>${ADDIN.version}</Version>`);
    const we = text("xl/webextensions/webextension1.xml");
    expect(we).toContain(`<we:reference id="${ADDIN.id}" version="${ADDIN.version}"`);
    expect(we).toContain('<we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/>');
    expect(text("_rels/.rels")).toContain(
      'Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"'
    );
    expect(text("xl/webextensions/_rels/taskpanes.xml.rels")).toContain(
      'Target="webextension1.xml"'
    );
  });

  it("writes only the cells that exist: cells at A1 and XFD1048576 make a small file", async () => {
    const { text } = await saved(async (wb) => {
      wb.setCell("Sheet1", 0, 0, 1);
      wb.setCell("Sheet1", 1_048_575, 16_383, "far");
    });
    const xml = text("xl/worksheets/sheet1.xml");
    expect(xml).toContain('<dimension ref="A1:XFD1048576"/>');
    expect(xml.length).toBeLessThan(1_000);
  });

  it("escapes text XML cannot carry as it is", async () => {
    const { text } = await saved(async (wb) => {
      wb.setCell("Sheet1", 0, 0, 'a < b & "c"\u0001 _x0041_ end ');
    });
    expect(text("xl/sharedStrings.xml")).toContain(
      '<t xml:space="preserve">a &lt; b &amp; &quot;c&quot;_x0001_ _x005F_x0041_ end </t>'
    );
  });
});
