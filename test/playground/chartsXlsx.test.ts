/* Charts through Save and Open: the chart parts Save writes follow the DrawingML chart schema's
   element order and carry the page's colours and axis format; Open reads line and column charts
   back as the page's charts (the saved demo's, also after LibreOffice re-saved it, and one as
   Excel writes it) and names the others. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { XMLParser } from "fast-xml-parser";
import { createEmbeddedWorkbook, type EmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { BAR_OUTLINE, MONEY_AXIS, seriesColour } from "../../src/workbook/chartStyle";
import type { ChartSpec } from "../../src/workbook/port";
import { chartXml } from "../../src/playground/export/chartParts";
import { xlsxBytes, xlsxParts } from "../../src/playground/export/saveXlsx";
import { takeSnapshot } from "../../src/playground/export/snapshot";
import { openBook } from "../../src/playground/open/openBook";
import { openWorkbookFile } from "../../src/playground/open/openFile";
import { readXlsxBook } from "../../src/playground/open/readXlsx";
import { CHART_LIMIT, plainCurrency } from "../../src/playground/open/readCharts";
import { parser } from "../../src/playground/open/xlsxXml";
import { openDemo } from "../../src/playground/demo/demoWorkbook";
import { loadPbrFunctions } from "../support/pbrFunctions";
import { convert, requireSoffice } from "../support/libreoffice";

// The demo is built, saved and opened whole: seconds on a shared machine (a hang guard only).
jest.setTimeout(120_000);

/** ECMA-376 Part 1, 21.2 and 20.1: the order of each element's children the tests check. */
const SCHEMA: Record<string, string[]> = {
  lineSer: [
    "idx",
    "order",
    "tx",
    "spPr",
    "marker",
    "dPt",
    "dLbls",
    "trendline",
    "errBars",
    "cat",
    "val",
    "smooth",
    "extLst",
  ],
  barSer: [
    "idx",
    "order",
    "tx",
    "spPr",
    "invertIfNegative",
    "pictureOptions",
    "dPt",
    "dLbls",
    "trendline",
    "errBars",
    "cat",
    "val",
    "shape",
    "extLst",
  ],
  lineChart: [
    "grouping",
    "varyColors",
    "ser",
    "dLbls",
    "dropLines",
    "hiLowLines",
    "upDownBars",
    "marker",
    "smooth",
    "axId",
    "extLst",
  ],
  barChart: [
    "barDir",
    "grouping",
    "varyColors",
    "ser",
    "dLbls",
    "gapWidth",
    "overlap",
    "serLines",
    "shape",
    "axId",
    "extLst",
  ],
  valAx: [
    "axId",
    "scaling",
    "delete",
    "axPos",
    "majorGridlines",
    "minorGridlines",
    "title",
    "numFmt",
    "majorTickMark",
    "minorTickMark",
    "tickLblPos",
    "spPr",
    "txPr",
    "crossAx",
    "crosses",
    "crossesAt",
    "crossBetween",
    "majorUnit",
    "minorUnit",
    "dispUnits",
    "extLst",
  ],
  spPr: [
    "xfrm",
    "custGeom",
    "prstGeom",
    "noFill",
    "solidFill",
    "gradFill",
    "blipFill",
    "pattFill",
    "grpFill",
    "ln",
    "effectLst",
    "effectDag",
    "scene3d",
    "sp3d",
    "extLst",
  ],
  ln: [
    "noFill",
    "solidFill",
    "gradFill",
    "pattFill",
    "prstDash",
    "custDash",
    "round",
    "bevel",
    "miter",
    "headEnd",
    "tailEnd",
    "extLst",
  ],
};

type Ordered = Record<string, unknown> & { ":@"?: Record<string, string> };
const ordered = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
});
const tagOf = (n: Ordered) => Object.keys(n).find((k) => k !== ":@")!;
const kids = (n: Ordered) => n[tagOf(n)] as Ordered[];

/** Every element named `tag` under `nodes`, depth first. */
function findAll(nodes: Ordered[], tag: string): Ordered[] {
  const out: Ordered[] = [];
  for (const n of nodes) {
    const t = tagOf(n);
    if (t === "#text") continue;
    if (t === tag) out.push(n);
    out.push(...findAll(kids(n), tag));
  }
  return out;
}

/** The children of `n` out of the schema's order (or not in it at all), as "child after child". */
function outOfOrder(n: Ordered, schema: string[]): string[] {
  const names = kids(n)
    .map(tagOf)
    .filter((t) => t !== "#text");
  const wrong: string[] = [];
  names.forEach((name, i) => {
    const at = schema.indexOf(name);
    if (at < 0) wrong.push(`${name} is not a child of ${tagOf(n)}`);
    else if (i > 0 && at < schema.indexOf(names[i - 1]))
      wrong.push(`${name} after ${names[i - 1]}`);
  });
  return wrong;
}

const colourOf = (fill: Ordered | undefined) =>
  fill ? String(findAll([fill], "srgbClr")[0]?.[":@"]?.val ?? "") : "";

function partsOf(spec: ChartSpec, columns = 3) {
  const xml = chartXml({ sheet: "Plan B", spec, numericCategories: false }, 1);
  const doc = ordered.parse(xml) as Ordered[];
  const serName = spec.type === "line" ? "lineSer" : "barSer";
  const series = findAll(doc, "ser");
  expect(series).toHaveLength(columns - 1);
  return { xml, doc, serName, series };
}

describe("chart parts Save writes", () => {
  it("follow the schema's order and colour each line series from the page's palette, with the £ axis", () => {
    const { doc, serName, series } = partsOf({
      type: "line",
      title: "Cost",
      dataAddress: "A1:C4",
      anchor: "E2",
      valueFormat: MONEY_AXIS,
    });
    const wrong = [
      ...series.flatMap((s) => outOfOrder(s, SCHEMA[serName])),
      ...findAll(doc, "lineChart").flatMap((n) => outOfOrder(n, SCHEMA.lineChart)),
      ...findAll(doc, "valAx").flatMap((n) => outOfOrder(n, SCHEMA.valAx)),
      ...findAll(doc, "spPr").flatMap((n) => outOfOrder(n, SCHEMA.spPr)),
      ...findAll(doc, "ln").flatMap((n) => outOfOrder(n, SCHEMA.ln)),
    ];
    expect(wrong).toEqual([]);
    // Each series' line in its colour (no fill of its own), the first two of the palette.
    expect(
      series.map((s) => {
        const spPr = kids(s).find((k) => tagOf(k) === "spPr")!;
        const ln = kids(spPr).find((k) => tagOf(k) === "ln")!;
        return [kids(spPr).map(tagOf), colourOf(ln), ln[":@"]?.w];
      })
    ).toEqual([
      [["ln"], seriesColour(0).slice(1), "28575"],
      [["ln"], seriesColour(1).slice(1), "28575"],
    ]);
    const numFmt = findAll(findAll(doc, "valAx"), "numFmt")[0][":@"];
    expect(numFmt).toEqual({ formatCode: "£#,##0", sourceLinked: "0" });
  });

  it("fill each column series with its colour and outline it as the page does; no format leaves the cells' own", () => {
    const { doc, serName, series } = partsOf(
      { type: "bar", title: "People", dataAddress: "A1:I4", anchor: "E2" },
      9
    );
    expect(series.flatMap((s) => outOfOrder(s, SCHEMA[serName]))).toEqual([]);
    expect(findAll(doc, "barChart").flatMap((n) => outOfOrder(n, SCHEMA.barChart))).toEqual([]);
    const fills = series.map((s) => {
      const spPr = kids(s).find((k) => tagOf(k) === "spPr")!;
      const fill = kids(spPr).find((k) => tagOf(k) === "solidFill");
      const ln = kids(spPr).find((k) => tagOf(k) === "ln");
      return [colourOf(fill), colourOf(ln)];
    });
    // Eight colours, then the palette again for a ninth series.
    expect(fills).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 7].map((k) => [seriesColour(k).slice(1), BAR_OUTLINE.slice(1)])
    );
    expect(new Set(fills.map((f) => f[0])).size).toBe(8);
    expect(findAll(findAll(doc, "valAx"), "numFmt")[0][":@"]).toEqual({
      formatCode: "General",
      sourceLinked: "1",
    });
  });
});

async function demoWorkbook(): Promise<EmbeddedWorkbook> {
  const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
  await openDemo(port, () => undefined);
  return port;
}

const chartsOf = (wb: EmbeddedWorkbook) =>
  wb.charts.map((c) => ({ sheet: c.sheet, spec: { ...c.spec } }));

describe("charts opened from a saved file", () => {
  it("the saved demo opens with the same charts: title, type, data range, anchor and axis format", async () => {
    const first = await demoWorkbook();
    expect(first.charts.length).toBe(2);
    const bytes = xlsxBytes(takeSnapshot(first));
    const second = createEmbeddedWorkbook({ functions: await loadPbrFunctions() }).port;
    const { book, notes } = readXlsxBook(bytes, second.functionIds);
    expect(notes).toEqual([]);
    openBook(second, book);
    expect(chartsOf(second)).toEqual(chartsOf(first));
    const third = second;
    // Saved again, the charts' parts are the same as the first time.
    const again = xlsxParts(takeSnapshot(third));
    const once = xlsxParts(takeSnapshot(first));
    expect(again["xl/charts/chart1.xml"]).toBe(once["xl/charts/chart1.xml"]);
    expect(again["xl/charts/chart2.xml"]).toBe(once["xl/charts/chart2.xml"]);
  });

  (requireSoffice() ? it : it.skip)(
    "the saved demo's charts, re-saved by LibreOffice, open in the playground as the same charts in the page's colours",
    async () => {
      const first = await demoWorkbook();
      const dir = mkdtempSync(join(tmpdir(), "pbr-demo-charts-"));
      const file = join(dir, "demo.xlsx");
      writeFileSync(file, xlsxBytes(takeSnapshot(first)));
      // LibreOffice reads the file into its own model and writes its own chart parts.
      const bytes = new Uint8Array(readFileSync(convert(file, "xlsx")["demo.xlsx"]));
      const { book } = readXlsxBook(bytes, first.functionIds);
      // LibreOffice writes the axis format's £ escaped ("\\£#,##0"): opened bare, as the page had it.
      expect(book.charts).toEqual(chartsOf(first));
      const files = unzipSync(bytes);
      const colours = Object.keys(files)
        .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
        .sort()
        .map((f) =>
          [...strFromU8(files[f]).matchAll(/<c:ser>.*?<\/c:ser>/gs)].map((m) =>
            /srgbClr val="([0-9a-fA-F]{6})"/.exec(m[0])?.[1].toUpperCase()
          )
        );
      expect(colours.flat().sort()).toEqual(
        [0, 1, 0, 1, 2, 3].map((k) => seriesColour(k).slice(1)).sort()
      );
    }
  );

  it("Open workbook (in slices, as the page opens a file) puts the file's charts in place of the workbook's", async () => {
    const { port } = createEmbeddedWorkbook();
    port.setCells("Sheet1", 0, 0, [
      ["Month", "Cost"],
      ["Apr", 1],
    ]);
    await port.addChart("Sheet1", { type: "bar", title: "T", dataAddress: "A1:B2", anchor: "D1" });
    const bytes = xlsxBytes(takeSnapshot(port));
    const other = createEmbeddedWorkbook().port;
    await other.addChart("Sheet1", {
      type: "line",
      title: "Old",
      dataAddress: "A1:B2",
      anchor: "A5",
    });
    const opened = await openWorkbookFile(other, new Blob([bytes as BlobPart]), () => true);
    expect(opened?.notes).toEqual([]);
    expect(chartsOf(other)).toEqual([
      { sheet: "Sheet1", spec: { type: "bar", title: "T", dataAddress: "A1:B2", anchor: "D1" } },
    ]);
  });
});

/* ------------------------------------------------------------------ files as Excel writes them */

const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A series as Excel 2016 writes it: theme colours, caches, an extension list. */
const excelSeries = (k: number, sheet: string, col: string, cat = `${sheet}!$A$3:$A$5`) =>
  `<c:ser><c:idx val="${k}"/><c:order val="${k}"/><c:tx><c:strRef><c:f>${sheet}!$${col}$2</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>S${k}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
  `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:schemeClr val="accent${k + 1}"/></a:solidFill><a:round/></a:ln><a:effectLst/></c:spPr><c:marker><c:symbol val="none"/></c:marker>` +
  `<c:cat><c:numRef><c:f>${cat}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>2024</c:v></c:pt></c:numCache></c:numRef></c:cat>` +
  `<c:val><c:numRef><c:f>${sheet}!$${col}$3:$${col}$5</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/></c:numCache></c:numRef></c:val><c:smooth val="0"/>` +
  `<c:extLst><c:ext uri="{C3380CC4-5D6E-409C-BE32-E72D297353CC}" xmlns:c16="http://schemas.microsoft.com/office/drawing/2014/chart"><c16:uniqueId val="{0000000${k}-0000-0000-0000-000000000000}"/></c:ext></c:extLst></c:ser>`;

/** A chart part as Excel writes it, around `plot` (one or more chart-type elements). */
const excelChart = (
  plot: string,
  title = "Cost by year",
  axisFormat = '<c:numFmt formatCode="&quot;£&quot;#,##0" sourceLinked="0"/>'
) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<c:chartSpace xmlns:c="${C_NS}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL_NS}" xmlns:c16r2="http://schemas.microsoft.com/office/drawing/2015/06/chart">` +
  `<c:date1904 val="0"/><c:lang val="en-GB"/><c:roundedCorners val="0"/><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="c14" xmlns:c14="http://schemas.microsoft.com/office/drawing/2007/8/2/chart"><c14:style val="102"/></mc:Choice><mc:Fallback><c:style val="2"/></mc:Fallback></mc:AlternateContent>` +
  `<c:chart><c:title><c:tx><c:rich><a:bodyPr rot="0" spcFirstLastPara="1" vertOverflow="ellipsis" vert="horz" wrap="square" anchor="ctr" anchorCtr="1"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="0"/></a:pPr><a:r><a:rPr lang="en-GB"/><a:t>${title.split(" ")[0]}</a:t></a:r><a:r><a:rPr lang="en-GB" b="1"/><a:t>${title.slice(title.split(" ")[0].length)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
  `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}` +
  `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:crossAx val="2"/></c:catAx>` +
  `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>${axisFormat}<c:crossAx val="1"/></c:valAx>` +
  `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr><c:printSettings><c:headerFooter/></c:printSettings></c:chartSpace>`;

const lineOf = (series: string) =>
  `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="1"/><c:axId val="2"/></c:lineChart>`;

/** A drawing as Excel writes it: a two-cell anchor per chart ("editAs"), ids rId1…, names "Chart N". */
const excelDrawing = (anchors: { row: number; col: number; rId: string; name: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
  anchors
    .map(
      (a, i) =>
        `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${a.col}</xdr:col><xdr:colOff>304800</xdr:colOff><xdr:row>${a.row}</xdr:row><xdr:rowOff>9525</xdr:rowOff></xdr:from><xdr:to><xdr:col>${a.col + 7}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row + 15}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${a.name}"><a:extLst><a:ext uri="{FF2B5EF4-FFF2-40B4-BE49-F238E27FC236}"><a16:creationId xmlns:a16="http://schemas.microsoft.com/office/drawing/2014/main" id="{00000000-0000-0000-0000-00000000000${i}}"/></a:ext></a:extLst></xdr:cNvPr><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" xmlns:r="${REL_NS}" r:id="${a.rId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    )
    .join("") +
  `</xdr:wsDr>`;

/**
 * A workbook whose sheets "Plan 2025" and "Other" hold a year column and three value columns from
 * row 2 (the header row), after Sheet1, saved by the playground with no charts, then given `charts` on Plan 2025
 * as Excel writes them: one drawing, a chart part per chart.
 */
async function withExcelCharts(
  charts: { xml: string; row: number; col: number; name: string; type?: "chart" | "chartEx" }[]
): Promise<Uint8Array> {
  const { port } = createEmbeddedWorkbook();
  await port.createSheet("Plan 2025"); // after Sheet1: the second sheet part
  await port.createSheet("Other");
  const block = [
    ["Year", "Cost", "Budget", "People"],
    [2024, 10, 11, 100],
    [2025, 12, 11, 120],
    [2026, 13, 12, 130],
  ];
  port.setCells("Plan 2025", 1, 0, block);
  port.setCells("Other", 1, 0, block);
  const parts = xlsxParts(takeSnapshot(port));
  const sheetNo = 2;
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${REL_NS}/${type}" Target="${target}"/>`;
  parts["xl/drawings/drawing1.xml"] = excelDrawing(
    charts.map((c, i) => ({ row: c.row, col: c.col, rId: `rId${i + 1}`, name: c.name }))
  );
  parts["xl/drawings/_rels/drawing1.xml.rels"] =
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    charts
      .map((c, i) =>
        c.type === "chartEx"
          ? `<Relationship Id="rId${i + 1}" Type="http://schemas.microsoft.com/office/2014/relationships/chartEx" Target="../charts/chartEx${i + 1}.xml"/>`
          : rel(`rId${i + 1}`, "chart", `../charts/chart${i + 1}.xml`)
      )
      .join("") +
    `</Relationships>`;
  charts.forEach((c, i) => {
    parts[c.type === "chartEx" ? `xl/charts/chartEx${i + 1}.xml` : `xl/charts/chart${i + 1}.xml`] =
      c.xml;
  });
  const sheetPart = `xl/worksheets/sheet${sheetNo}.xml`;
  parts[sheetPart] = parts[sheetPart].replace("</worksheet>", '<drawing r:id="rId9"/></worksheet>');
  parts[`xl/worksheets/_rels/sheet${sheetNo}.xml.rels`] =
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId9", "drawing", "/xl/drawings/drawing1.xml")}</Relationships>`;
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
}

describe("charts opened from a file written as Excel writes it", () => {
  it("a line chart over a block of its sheet opens as the page's chart, at its cell, with its title and £ axis", async () => {
    const series = ["B", "C", "D"].map((col, k) => excelSeries(k, "'Plan 2025'", col)).join("");
    const bytes = await withExcelCharts([
      { xml: excelChart(lineOf(series)), row: 7, col: 5, name: "Chart 3" },
    ]);
    const { book, notes } = readXlsxBook(bytes);
    expect(notes).toEqual([]);
    expect(book.charts).toEqual([
      {
        sheet: "Plan 2025",
        spec: {
          type: "line",
          title: "Cost by year",
          dataAddress: "A2:D5",
          anchor: "F8",
          valueFormat: "£#,##0", // written "£" in the file: the page's formatter needs it bare
        },
      },
    ]);
    const wb = createEmbeddedWorkbook().port;
    openBook(wb, book);
    expect(chartsOf(wb)).toEqual(book.charts);
  });

  it("axis formats open with their currency sign bare, as the page's formatter reads them", () => {
    expect(plainCurrency('"£"#,##0')).toBe("£#,##0");
    expect(plainCurrency("\\£#,##0.00")).toBe("£#,##0.00");
    expect(plainCurrency('#,##0" people"')).toBe('#,##0" people"');
    expect(plainCurrency("0.0%")).toBe("0.0%");
  });

  it("a column chart of horizontal or stacked bars opens as columns side by side, and says so", async () => {
    const series = ["B", "C"]
      .map((col, k) => excelSeries(k, "'Plan 2025'", col))
      .join("")
      .replace(/<c:marker>.*?<\/c:marker>|<c:smooth val="0"\/>/g, "");
    const bar = (dir: string, grouping: string) =>
      `<c:barChart><c:barDir val="${dir}"/><c:grouping val="${grouping}"/><c:varyColors val="0"/>${series}<c:gapWidth val="219"/><c:overlap val="100"/><c:axId val="1"/><c:axId val="2"/></c:barChart>`;
    const bytes = await withExcelCharts([
      {
        xml: excelChart(bar("col", "clustered"), "Plain columns", ""),
        row: 0,
        col: 6,
        name: "Chart 1",
      },
      { xml: excelChart(bar("bar", "clustered"), "Across bars"), row: 20, col: 6, name: "Chart 2" },
      { xml: excelChart(bar("col", "stacked"), "Stacked up"), row: 40, col: 6, name: "Chart 3" },
    ]);
    const { book, notes } = readXlsxBook(bytes);
    expect(
      book.charts?.map((c) => [
        c.spec.type,
        c.spec.title,
        c.spec.dataAddress,
        c.spec.anchor,
        c.spec.valueFormat,
      ])
    ).toEqual([
      ["bar", "Plain columns", "A2:C5", "G1", undefined],
      ["bar", "Across bars", "A2:C5", "G21", "£#,##0"],
      ["bar", "Stacked up", "A2:C5", "G41", "£#,##0"],
    ]);
    expect(notes).toEqual([
      'Plan 2025: chart "Across bars" opened as side-by-side columns (the file has bars)',
      'Plan 2025: chart "Stacked up" opened as side-by-side columns (the file has stacked columns)',
    ]);
  });

  it("charts the page does not draw stay in the file, each named with the reason in words", async () => {
    const one = (sheet: string, col: string, cat?: string) => excelSeries(0, sheet, col, cat);
    const pie = `<c:pieChart><c:varyColors val="1"/>${one("'Plan 2025'", "B").replace(/<c:marker>.*?<\/c:marker>|<c:smooth val="0"\/>/g, "")}<c:firstSliceAng val="0"/></c:pieChart>`;
    const scatter = `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:xVal><c:numRef><c:f>'Plan 2025'!$A$3:$A$5</c:f></c:numRef></c:xVal><c:yVal><c:numRef><c:f>'Plan 2025'!$B$3:$B$5</c:f></c:numRef></c:yVal></c:ser><c:axId val="1"/><c:axId val="2"/></c:scatterChart>`;
    const literal = lineOf(
      `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>Typed</c:v></c:tx><c:cat><c:strLit><c:ptCount val="1"/><c:pt idx="0"><c:v>a</c:v></c:pt></c:strLit></c:cat><c:val><c:numLit><c:ptCount val="1"/><c:pt idx="0"><c:v>1</c:v></c:pt></c:numLit></c:val></c:ser>`
    );
    const charts = [
      { xml: excelChart(pie, "Share"), name: "Chart 1" },
      { xml: excelChart(scatter, "Points"), name: "Chart 2" },
      {
        xml: excelChart(lineOf(one("Other", "B", "Other!$A$3:$A$5")), "Elsewhere"),
        name: "Chart 3",
      },
      {
        xml: excelChart(lineOf(one("'[1]Plan 2025'", "B", "'[1]Plan 2025'!$A$3:$A$5")), "Linked"),
        name: "Chart 4",
      },
      { xml: excelChart(literal, "Typed in"), name: "Chart 5" },
      { xml: excelChart(lineOf(one("'Plan 2025'", "C")), "Gap"), name: "Chart 6" },
      {
        xml: excelChart(
          lineOf(one("'Plan 2025'", "B")) +
            `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>${one("'Plan 2025'", "C")}<c:axId val="1"/><c:axId val="2"/></c:barChart>`,
          "Combo"
        ),
        name: "Chart 7",
      },
      { xml: "<cx:chartSpace/>", name: "Chart 8", type: "chartEx" as const },
    ].map((c, i) => ({ ...c, row: i * 20, col: 6 }));
    const { book, notes } = readXlsxBook(await withExcelCharts(charts));
    expect(book.charts).toEqual([]);
    const tail =
      " (the playground draws line and column charts over a block of their own sheet's cells)";
    expect(notes).toEqual(
      [
        'chart "Share" not opened: it is a pie chart',
        'chart "Points" not opened: it is an XY (scatter) chart',
        'chart "Elsewhere" not opened: its data is on sheet Other; the playground draws a chart from the cells of its own sheet',
        'chart "Linked" not opened: its data is in another workbook',
        'chart "Typed in" not opened: its data is typed into the chart, not read from cells',
        'chart "Gap" not opened: its categories are not the column just left of its values, on the same rows',
        'chart "Combo" not opened: it combines chart types or value axes',
        `chart "Chart 8" not opened: it is one of Excel's newer chart types (waterfall, histogram, map and others)`,
      ].map((n) => `Plan 2025: ${n}${tail}`)
    );
  });

  it("reads at most CHART_LIMIT charts from one file, each chart part parsed once, and counts the rest", async () => {
    const series = ["B", "C"].map((col, k) => excelSeries(k, "'Plan 2025'", col)).join("");
    const files = unzipSync(
      await withExcelCharts([{ xml: excelChart(lineOf(series)), row: 0, col: 6, name: "Chart 1" }])
    );
    // CHART_LIMIT + 3 anchors, every relationship pointing at the one chart part.
    const n = CHART_LIMIT + 3;
    const anchors = Array.from({ length: n }, (_, i) => ({
      row: i,
      col: 6,
      rId: `rId${i + 1}`,
      name: `Chart ${i + 1}`,
    }));
    files["xl/drawings/drawing1.xml"] = strToU8(excelDrawing(anchors));
    files["xl/drawings/_rels/drawing1.xml.rels"] = strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        anchors
          .map(
            (a) =>
              `<Relationship Id="${a.rId}" Type="${REL_NS}/chart" Target="../charts/chart1.xml"/>`
          )
          .join("") +
        `</Relationships>`
    );
    const parse = jest.spyOn(parser, "parse");
    const { book, notes } = readXlsxBook(zipSync(files));
    const chartParses = parse.mock.calls.filter(([xml]) => String(xml).includes("<c:chartSpace"));
    parse.mockRestore();
    expect(chartParses).toHaveLength(1);
    expect(book.charts).toHaveLength(CHART_LIMIT);
    expect(book.charts?.[CHART_LIMIT - 1].spec.anchor).toBe(`G${CHART_LIMIT}`);
    expect(notes).toEqual([
      "Plan 2025: 3 charts not opened (more than the 1,000 charts this page reads from one workbook)",
    ]);
  });

  it("a chart on a sheet renamed on opening moves with its sheet", async () => {
    const series = excelSeries(0, "'Plan 2025'", "B");
    const files = unzipSync(
      await withExcelCharts([{ xml: excelChart(lineOf(series)), row: 1, col: 6, name: "Chart 1" }])
    );
    // "History" is a name Excel reserves: the sheet is renamed on opening, and its chart with it.
    const rename = (p: string) => strToU8(strFromU8(files[p]).replace(/Plan 2025/g, "History"));
    for (const p of ["xl/workbook.xml", "xl/charts/chart1.xml"]) files[p] = rename(p);
    const { book, notes } = readXlsxBook(zipSync(files));
    expect(notes).toEqual([expect.stringMatching(/^sheet "History" renamed "([^"]+)"/)]);
    const renamed = /renamed "([^"]+)"/.exec(notes[0])![1];
    expect(book.charts?.map((c) => c.sheet)).toEqual([renamed]);
    expect(book.sheets.map((s) => s.name)).toContain(renamed);
  });
});
