/* Charts are saved as Excel charts over their cells; what Save does not keep is said by the page
   and by the file itself, in its description (docProps/core.xml), which LibreOffice reads as the
   file's properties. LibreOffice, an independent reader, opens the charts. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { xlsxBytes } from "../../src/playground/export/saveXlsx";
import { takeSnapshot } from "../../src/playground/export/snapshot";
import { fileDescription } from "../../src/playground/export/coreProps";
import { readXlsxBook } from "../../src/playground/open/readXlsx";
import { BAR_OUTLINE, seriesColour } from "../../src/workbook/chartStyle";
import { convert, requireSoffice } from "../support/libreoffice";

const hex = (colour: string) => colour.slice(1).toUpperCase();

jest.setTimeout(180_000);

/** A sheet with a table and two charts, and a second sheet whose name needs quotes. */
async function withCharts() {
  const { port } = createEmbeddedWorkbook();
  port.setCells("Sheet1", 0, 0, [
    ["Month", "Cost", "Budget"],
    ["Apr", 10, 11],
    ["May", 12, 11],
  ]);
  await port.addChart("Sheet1", {
    type: "line",
    title: "Cost & budget",
    dataAddress: "A1:C3",
    anchor: "E2",
    valueFormat: "£#,##0",
  });
  await port.createSheet("Plan B");
  await port.writeTable(
    "Plan B",
    "A1",
    "PlanTable",
    ["Year", "People"],
    [
      [2025, 100],
      [2026, 120],
    ]
  );
  await port.addChart("Plan B", {
    type: "bar",
    title: "People",
    dataAddress: "A1:B3",
    anchor: "D1",
  });
  return port;
}

describe("charts in the saved file", () => {
  it("are Excel charts over the chart's cells: one drawing per sheet, one chart part per chart", async () => {
    const snapshot = takeSnapshot(await withCharts());
    expect(snapshot.notes).toEqual([]);
    const files = unzipSync(xlsxBytes(snapshot));
    const text = (p: string) => strFromU8(files[p]);
    const line = text("xl/charts/chart1.xml");
    expect(line).toContain("<c:lineChart>");
    expect(line).toContain("<a:t>Cost &amp; budget</a:t>");
    expect(line).toContain("<c:tx><c:strRef><c:f>Sheet1!$B$1</c:f></c:strRef></c:tx>");
    expect(line).toContain("<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$3</c:f></c:strRef></c:cat>");
    expect(line).toContain("<c:val><c:numRef><c:f>Sheet1!$C$2:$C$3</c:f></c:numRef></c:val>");
    const bar = text("xl/charts/chart2.xml");
    expect(bar).toContain('<c:barChart><c:barDir val="col"/>');
    // Year categories are numbers; the sheet name is quoted.
    expect(bar).toContain("<c:cat><c:numRef><c:f>'Plan B'!$A$2:$A$3</c:f></c:numRef></c:cat>");
    expect(text("xl/drawings/drawing1.xml")).toContain(
      "<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>"
    );
    expect(text("xl/drawings/_rels/drawing1.xml.rels")).toContain('Target="../charts/chart1.xml"');
    // Plan B has a table too: <drawing> comes before <tableParts>, both in the sheet's relationships.
    expect(text("xl/worksheets/sheet2.xml")).toMatch(
      /<\/sheetData><drawing r:id="rIdDrawing"\/><tableParts/
    );
    const rels = text("xl/worksheets/_rels/sheet2.xml.rels");
    expect(rels).toContain('Target="../drawings/drawing2.xml"');
    expect(rels).toContain('Target="../tables/table1.xml"');
    const types = text("[Content_Types].xml");
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>'
    );
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>'
    );
  });

  it("open again in the playground as the same charts, on their sheets", async () => {
    const saved = await withCharts();
    const { notes, book } = readXlsxBook(xlsxBytes(takeSnapshot(saved)));
    expect(notes).toEqual([]);
    expect(book.charts).toEqual(saved.charts);
    expect(book.tables.map((t) => t.name)).toEqual(["PlanTable"]);
  });

  it("leaves out a chart whose range cannot make one, and says so on the page and in the file", async () => {
    const { port } = createEmbeddedWorkbook();
    port.setCells("Sheet1", 0, 0, [["Only"], [1]]);
    await port.addChart("Sheet1", {
      type: "bar",
      title: "One column",
      dataAddress: "A1:A2",
      anchor: "C1",
    });
    const snapshot = takeSnapshot(port);
    const note =
      'chart "One column": its data range A1:A2 needs a header row, a category column and a column of values; not saved';
    expect(snapshot.notes).toEqual([note]);
    const files = unzipSync(xlsxBytes(snapshot));
    expect(Object.keys(files).filter((f) => f.includes("chart"))).toEqual([]);
    expect(strFromU8(files["docProps/core.xml"])).toContain(
      `<dc:description>Saved from the PbR Toolkit playground. Not saved as in the playground: ${note.replace(/"/g, "&quot;")}.</dc:description>`
    );
    expect(fileDescription([])).toBe("Saved from the PbR Toolkit playground.");
    expect(strFromU8(files["_rels/.rels"])).toContain('Target="docProps/core.xml"');
  });

  (requireSoffice() ? it : it.skip)(
    "LibreOffice opens both charts over the same cells",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "pbr-charts-"));
      const file = join(dir, "charts.xlsx");
      writeFileSync(file, xlsxBytes(takeSnapshot(await withCharts())));
      // LibreOffice reads the file into its own model and writes it again: charts it did not
      // understand would be gone from what it writes.
      const out = convert(file, "xlsx");
      const files = unzipSync(new Uint8Array(readFileSync(out["charts.xlsx"])));
      const charts = Object.keys(files)
        .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
        .map((f) => strFromU8(files[f]).replace(/&apos;/g, "'"));
      expect(charts).toHaveLength(2);
      // What LibreOffice caches for each series is what it read from the cells the chart names.
      const cached = (xml: string) => [...xml.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
      const line = charts.find((c) => c.includes("<c:lineChart>"))!;
      expect(line).toContain("Sheet1!$C$2:$C$3");
      expect(line).toContain("Cost &amp; budget");
      expect(cached(line)).toEqual([
        "Cost",
        "Apr",
        "May",
        "10",
        "12",
        "Budget",
        "Apr",
        "May",
        "11",
        "11",
      ]);
      const bar = charts.find((c) => c.includes("<c:barChart>"))!;
      expect(bar).toContain("'Plan B'!$B$2:$B$3");
      expect(cached(bar)).toEqual(["People", "2025", "2026", "100", "120"]);
      // LibreOffice kept the page's colours (its own model holds them, it did not just copy XML):
      // each line in its palette colour, each column filled with it and outlined; and the £ axis.
      const colours = (xml: string) =>
        [...xml.matchAll(/<c:ser>.*?<\/c:ser>/gs)].map((m) =>
          [...m[0].replace(/<c:tx>.*?<\/c:tx>/s, "").matchAll(/srgbClr val="([0-9a-fA-F]{6})"/g)]
            .map((c) => c[1].toUpperCase())
            .join(" ")
        );
      expect(colours(line)).toEqual([
        `${hex(seriesColour(0))} ${hex(seriesColour(0))}`,
        `${hex(seriesColour(1))} ${hex(seriesColour(1))}`,
      ]);
      expect(colours(bar)).toEqual([`${hex(seriesColour(0))} ${hex(BAR_OUTLINE)}`]);
      expect(line).toMatch(/<c:valAx>.*<c:numFmt formatCode="\\?£#,##0" sourceLinked="0"\/>/s);
      // And the playground opens LibreOffice's file with the same charts (LibreOffice writes the
      // £ of the axis format escaped, "\£", the same to Excel; it opens bare, as the page had it).
      const again = readXlsxBook(new Uint8Array(readFileSync(out["charts.xlsx"])));
      expect(again.book.charts).toEqual((await withCharts()).charts);
      expect(strFromU8(files["docProps/core.xml"])).toContain(
        "Saved from the PbR Toolkit playground."
      );
    }
  );
});
