/* What Save does not keep (charts; tables Excel would refuse) is said by the page and by the file
   itself, in its description (docProps/core.xml), which LibreOffice reads as the file's properties. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { xlsxBytes } from "../../src/playground/export/saveXlsx";
import { takeSnapshot } from "../../src/playground/export/snapshot";
import { fileDescription } from "../../src/playground/export/coreProps";
import { convert, requireSoffice } from "../support/libreoffice";

jest.setTimeout(180_000);

async function withChart() {
  const { port } = createEmbeddedWorkbook();
  port.setCells("Sheet1", 0, 0, [
    ["Month", "Cost"],
    ["Apr", 10],
    ["May", 12],
  ]);
  await port.addChart("Sheet1", {
    type: "line",
    title: "Cost & time",
    dataAddress: "A1:B3",
    anchor: "D2",
  });
  return port;
}

describe("what Save does not keep", () => {
  it("is a note for the page when the workbook holds charts, and none when it does not", async () => {
    const port = await withChart();
    expect(takeSnapshot(port).notes).toEqual([
      "1 chart (drawn in the page only: the file keeps its data; insert a chart in Excel, or use each chart's SVG or PNG button)",
    ]);
    const { port: plain } = createEmbeddedWorkbook();
    plain.setCell("Sheet1", 0, 0, 1);
    expect(takeSnapshot(plain).notes).toEqual([]);
  });

  it("is written in the file's description, a core properties part the package lists", async () => {
    const snapshot = takeSnapshot(await withChart());
    const files = unzipSync(xlsxBytes(snapshot));
    const text = (p: string) => strFromU8(files[p]);
    expect(text("docProps/core.xml")).toContain(
      "<dc:description>Saved from the PbR Toolkit playground. Not saved as in the playground: 1 chart (drawn in the page only: the file keeps its data; insert a chart in Excel, or use each chart's SVG or PNG button).</dc:description>".replace(
        "&apos;",
        "'"
      )
    );
    expect(text("[Content_Types].xml")).toContain(
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    );
    expect(text("_rels/.rels")).toContain(
      'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"'
    );
    expect(fileDescription([])).toBe("Saved from the PbR Toolkit playground.");
  });

  (requireSoffice() ? it : it.skip)(
    "LibreOffice opens the file and keeps its description",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "pbr-notes-"));
      const file = join(dir, "charts.xlsx");
      writeFileSync(file, xlsxBytes(takeSnapshot(await withChart())));
      const out = convert(file, "xlsx");
      const files = unzipSync(new Uint8Array(readFileSync(out["charts.xlsx"])));
      expect(strFromU8(files["docProps/core.xml"])).toContain(
        "Not saved as in the playground: 1 chart"
      );
      expect(strFromU8(files["xl/worksheets/sheet1.xml"])).toMatch(/<v>12<\/v>/);
    }
  );
});
