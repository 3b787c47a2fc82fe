/**
 * The workbook's charts as Excel charts in the saved file: for each sheet with charts, a drawing
 * part (xl/drawings/drawingN.xml, one two-cell anchor per chart at its anchor cell, about the
 * 520 × 300 px the page draws) and a chart part per chart (xl/charts/chartN.xml: a line or
 * clustered column chart, one series per column of the data range after the first, the first
 * column the categories, the header row the series names), all referring to the sheet's cells, so
 * Excel and LibreOffice draw them from the saved values and redraw them as the cells change.
 * ECMA-376 Part 1, 21.2 (DrawingML charts) and 20.5 (spreadsheet drawing); element order follows
 * the schema (a series: idx, order, tx, spPr, marker or invertIfNegative, cat, val, smooth). Each
 * series carries the page's colour (workbook/chartStyle.ts, the Okabe–Ito palette the Excel adapter
 * also uses): a line in its colour, 2.25 pt as office/charts.ts draws it; a column filled in its
 * colour with the dark outline the page draws. The value axis carries the chart's number format
 * ("£#,##0") when it has one; otherwise it follows the cells' own format, as Excel's default does.
 */
import { columnLetters, parseRange, quoteSheet } from "../../workbook/address";
import type { ChartSpec } from "../../workbook/port";
import { BAR_OUTLINE, seriesColour } from "../../workbook/chartStyle";
import { escXml } from "./sheetXml";

const XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** A chart as saved: its sheet, what the page drew, and whether its categories are numbers (a
 *  date or year axis) rather than text. */
export interface SavedChart {
  sheet: string;
  spec: ChartSpec;
  numericCategories?: boolean;
}

/** Columns and rows a chart covers from its anchor (the page draws 520 × 300 px; Excel's default
 *  column is 64 px wide and its default row 20 px high). */
const SPAN = { cols: 8, rows: 15 };

/** Why a chart cannot be written as an Excel chart, or null when it can. */
export function chartProblem(chart: SavedChart): string | null {
  let r;
  try {
    r = parseRange(chart.spec.dataAddress);
  } catch {
    return `chart "${chart.spec.title}": its data range ${chart.spec.dataAddress} is not a range`;
  }
  if (r.bottom - r.top < 1 || r.right - r.left < 1)
    return `chart "${chart.spec.title}": its data range ${chart.spec.dataAddress} needs a header row, a category column and a column of values`;
  return null;
}

/** A colour as DrawingML writes it ("#0072B2" → a:srgbClr val="0072B2"). */
const solidFill = (colour: string) =>
  `<a:solidFill><a:srgbClr val="${colour.replace(/^#/, "").toUpperCase()}"/></a:solidFill>`;

/** Line widths in EMU (12,700 a point): a series line 2.25 pt (office/charts.ts), a bar's outline 0.75 pt. */
const LINE_EMU = 28_575;
const OUTLINE_EMU = 9_525;

/** Series `k`'s shape properties (c:spPr): a line in its colour, or a column filled in it and outlined. */
export function seriesShape(line: boolean, k: number): string {
  return line
    ? `<c:spPr><a:ln w="${LINE_EMU}" cap="rnd">${solidFill(seriesColour(k))}<a:round/></a:ln></c:spPr>`
    : `<c:spPr>${solidFill(seriesColour(k))}<a:ln w="${OUTLINE_EMU}">${solidFill(BAR_OUTLINE)}</a:ln></c:spPr>`;
}

const abs = (sheet: string, top: number, left: number, bottom: number, right: number) =>
  `${quoteSheet(sheet)}!$${columnLetters(left)}$${top + 1}` +
  (top === bottom && left === right ? "" : `:$${columnLetters(right)}$${bottom + 1}`);

/** A chart part (c:chartSpace), `n` making its axis ids its own. */
export function chartXml(chart: SavedChart, n: number): string {
  const numericCategories = chart.numericCategories === true;
  const r = parseRange(chart.spec.dataAddress);
  const { sheet, spec } = chart;
  const catId = 50_000_000 + n * 2;
  const valId = catId + 1;
  const cat = abs(sheet, r.top + 1, r.left, r.bottom, r.left);
  const line = spec.type === "line";
  const series: string[] = [];
  for (let col = r.left + 1; col <= r.right; col++) {
    const k = col - r.left - 1;
    series.push(
      `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>` +
        `<c:tx><c:strRef><c:f>${escXml(abs(sheet, r.top, col, r.top, col))}</c:f></c:strRef></c:tx>` +
        seriesShape(line, k) +
        (line ? `<c:marker><c:symbol val="none"/></c:marker>` : `<c:invertIfNegative val="0"/>`) +
        `<c:cat>${numericCategories ? `<c:numRef><c:f>${escXml(cat)}</c:f></c:numRef>` : `<c:strRef><c:f>${escXml(cat)}</c:f></c:strRef>`}</c:cat>` +
        `<c:val><c:numRef><c:f>${escXml(abs(sheet, r.top + 1, col, r.bottom, col))}</c:f></c:numRef></c:val>` +
        (line ? `<c:smooth val="0"/>` : "") +
        `</c:ser>`
    );
  }
  // The chart's own axis format (not linked to the cells), or the cells' format as Excel's default.
  const valueFormat = spec.valueFormat
    ? `<c:numFmt formatCode="${escXml(spec.valueFormat)}" sourceLinked="0"/>`
    : `<c:numFmt formatCode="General" sourceLinked="1"/>`;
  const axes = `<c:axId val="${catId}"/><c:axId val="${valId}"/>`;
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series.join("")}<c:marker val="1"/>${axes}</c:lineChart>`
    : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series.join("")}<c:gapWidth val="150"/>${axes}</c:barChart>`;
  return (
    XML +
    `<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${REL}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escXml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}` +
    `<c:catAx><c:axId val="${catId}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="${valId}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${valId}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>${valueFormat}<c:tickLblPos val="nextTo"/><c:crossAx val="${catId}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** A sheet's drawing part: each chart anchored from its anchor cell, relationship ids rIdC1… */
export function drawingXml(charts: readonly SavedChart[]): string {
  const anchors = charts.map((chart, i) => {
    const at = parseRange(chart.spec.anchor);
    const cell = (col: number, row: number) =>
      `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    return (
      `<xdr:twoCellAnchor><xdr:from>${cell(at.left, at.top)}</xdr:from><xdr:to>${cell(at.left + SPAN.cols, at.top + SPAN.rows)}</xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escXml(`Chart ${i + 1}`)}" descr="${escXml(chart.spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${REL}" r:id="rIdC${i + 1}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return XML + `<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}">${anchors.join("")}</xdr:wsDr>`;
}

/**
 * Add every chart of `charts` that can be written (`chartProblem` is null; the snapshot notes the
 * others) to `parts`, the package by path as saveXlsx.ts builds it: chart and drawing parts, their
 * relationships, the sheets' `<drawing>` elements and the content types. `sheetNames` in workbook
 * order.
 */
export function addCharts(
  parts: Record<string, string>,
  sheetNames: readonly string[],
  charts: readonly SavedChart[]
): void {
  const types: string[] = [];
  let chartNo = 0;
  let drawingNo = 0;
  sheetNames.forEach((sheet, i) => {
    const mine = charts.filter((c) => c.sheet === sheet && chartProblem(c) === null);
    if (mine.length === 0) return;
    drawingNo++;
    const drawing = `xl/drawings/drawing${drawingNo}.xml`;
    parts[drawing] = drawingXml(mine);
    types.push(
      `<Override PartName="/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`
    );
    const rels = mine.map((chart, k) => {
      chartNo++;
      parts[`xl/charts/chart${chartNo}.xml`] = chartXml(chart, chartNo);
      types.push(
        `<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`
      );
      return `<Relationship Id="rIdC${k + 1}" Type="${REL}/chart" Target="../charts/chart${chartNo}.xml"/>`;
    });
    parts[`xl/drawings/_rels/drawing${drawingNo}.xml.rels`] =
      XML + `<Relationships xmlns="${PKG_REL}">${rels.join("")}</Relationships>`;
    // The sheet points at its drawing: <drawing> comes before <tableParts> in a worksheet.
    const sheetPart = `xl/worksheets/sheet${i + 1}.xml`;
    const xml = parts[sheetPart];
    const at = xml.includes("<tableParts")
      ? xml.indexOf("<tableParts")
      : xml.lastIndexOf("</worksheet>");
    parts[sheetPart] = `${xml.slice(0, at)}<drawing r:id="rIdDrawing"/>${xml.slice(at)}`;
    const relsPart = `xl/worksheets/_rels/sheet${i + 1}.xml.rels`;
    const drawingRel = `<Relationship Id="rIdDrawing" Type="${REL}/drawing" Target="../drawings/drawing${drawingNo}.xml"/>`;
    parts[relsPart] = parts[relsPart]
      ? parts[relsPart].replace("</Relationships>", `${drawingRel}</Relationships>`)
      : XML + `<Relationships xmlns="${PKG_REL}">${drawingRel}</Relationships>`;
  });
  if (types.length > 0)
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
      "</Types>",
      `${types.join("")}</Types>`
    );
}
