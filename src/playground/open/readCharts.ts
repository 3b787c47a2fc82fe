/**
 * Charts in an opened .xlsx (readXlsx.ts), read back as the playground's own charts where it can
 * draw them: a worksheet's drawing part (xl/drawings/drawingN.xml, ECMA-376 Part 1, 20.5) anchors
 * each chart at a cell and points at its chart part (xl/charts/chartN.xml, 21.2). A line chart or a
 * bar/column chart whose series are the columns of one block of the chart's own sheet (categories in
 * the column to the left of the first series' values, each series' name in the cell above its
 * values, the series side by side in order) becomes a ChartSpec over that block, anchored at the
 * same cell: what the page draws and Save writes (../export/chartParts.ts), so a chart saved from
 * the playground opens as it was. Anything else (a pie, scatter, area, 3-D or combined chart, a
 * chart over another sheet, another workbook or values typed into the chart, series along rows)
 * stays in the file only, and the notes say which chart and why, in words.
 *
 * The parts are read from the zip the guards of core/files/xlsxGuard.ts already unpacked (its size,
 * part count and no-DTD checks apply), with the same fast-xml-parser set-up as the sheets; each part
 * is parsed once however many relationships point at it, and at most CHART_LIMIT charts are read
 * from one workbook (the rest are counted in a note).
 */
import { cellAddress, parseRange, rangeAddress, splitQualified } from "../../workbook/address";
import type { BookChart } from "../../workbook/embedded/bookContent";
import type { ChartSpec } from "../../workbook/port";
import { FileRefused, refuseDtd } from "../../core/files/xlsxGuard";
import { strFromU8 } from "fflate";
import { parser, relsOf, text, type Node } from "./xlsxXml";

/** An element that may occur once or many times, as a list. */
const many = (x: Node): Node[] => (x === undefined || x === null ? [] : Array.isArray(x) ? x : [x]);

/** Chart kinds the playground does not draw, in words (DrawingML's plot elements). */
const KINDS: Record<string, string> = {
  pieChart: "a pie chart",
  pie3DChart: "a 3-D pie chart",
  ofPieChart: "a pie-of-pie chart",
  doughnutChart: "a doughnut chart",
  scatterChart: "an XY (scatter) chart",
  bubbleChart: "a bubble chart",
  areaChart: "an area chart",
  area3DChart: "a 3-D area chart",
  radarChart: "a radar chart",
  stockChart: "a stock chart",
  surfaceChart: "a surface chart",
  surface3DChart: "a 3-D surface chart",
  line3DChart: "a 3-D line chart",
  bar3DChart: "a 3-D bar chart",
};

/**
 * An axis format with its currency sign written bare: Excel and LibreOffice often write "£" as
 * `"£"` or `\£` (the same format to Excel, which shows £ either way), which the page's number
 * formatter would otherwise drop. Only a currency sign or a space is unwrapped.
 */
export function plainCurrency(code: string): string {
  return code.replace(/"([£€$¥ ]+)"|\\([£€$¥ ])/g, (_m, quoted?: string, escaped?: string) =>
    String(quoted ?? escaped)
  );
}

/** A chart that cannot be opened as a playground chart, with the reason in words. */
class NotOpened extends Error {}

/** A series reference ("'Plan B'!$A$2:$A$3") as a range of `sheet`, or the reason it is not one. */
function refRange(f: string, sheet: string, what: string) {
  const formula = f.trim();
  if (formula.length > 1_000) throw new NotOpened(`its ${what} are not a range of cells`);
  let quoted = false;
  for (const ch of formula) {
    if (ch === "'") quoted = !quoted;
    else if (!quoted && (ch === "," || ch === "("))
      throw new NotOpened(`its ${what} are more than one block of cells`);
  }
  const { sheet: on, address } = splitQualified(formula);
  if (on !== null && /^\[/.test(on)) throw new NotOpened("its data is in another workbook");
  if (on === null) throw new NotOpened(`its ${what} are a name, not cells`);
  if (on.toLowerCase() !== sheet.toLowerCase())
    throw new NotOpened(
      `its data is on sheet ${on}; the playground draws a chart from the cells of its own sheet`
    );
  try {
    return parseRange(address.replace(/\$/g, ""));
  } catch {
    throw new NotOpened(`its ${what} (${formula}) are not a range of cells`);
  }
}

/** The reference of a series' categories or values (c:cat, c:val), or why there is none. */
function dataRef(node: Node, what: string): string {
  if (node === undefined) throw new NotOpened(`its series have no ${what}`);
  const ref = node.numRef ?? node.strRef ?? node.multiLvlStrRef;
  if (node.multiLvlStrRef) throw new NotOpened(`its ${what} have more than one level`);
  if (ref === undefined || ref.f === undefined)
    throw new NotOpened("its data is typed into the chart, not read from cells");
  return text(ref.f);
}

/** The text of a title's rich text (paragraphs of runs and fields), or of its cell's cached text. */
function titleText(title: Node): string | null {
  if (title === undefined || title === null || typeof title !== "object") return null;
  const tx = title.tx;
  if (tx?.rich)
    return many(tx.rich.p)
      .map((p: Node) => [...many(p.r), ...many(p.fld)].map((r: Node) => text(r.t)).join(""))
      .join("\n")
      .trim();
  if (tx?.strRef) {
    const pt = many(tx.strRef.strCache?.pt)[0];
    return pt ? text(pt.v) : text(tx.strRef.f);
  }
  return null;
}

/** The chart in a chart part as a ChartSpec anchored at `anchor` on `sheet`; throws NotOpened. */
export function chartSpecOf(
  chartSpace: Node,
  sheet: string,
  anchor: string,
  fallbackTitle: string
): { spec: ChartSpec; drawnAs: string | null } {
  const chart = chartSpace?.chart;
  const plot = chart?.plotArea;
  if (!plot || typeof plot !== "object") throw new NotOpened("its chart part has no plot area");
  const kinds = Object.keys(plot).filter((k) => /Chart$/.test(k));
  if (kinds.length === 0) throw new NotOpened("its chart part has no chart in its plot area");
  const plots = kinds.flatMap((k) => many(plot[k]).map((p: Node) => ({ kind: k, p })));
  if (plots.length > 1) throw new NotOpened("it combines chart types or value axes");
  const { kind, p } = plots[0];
  if (kind !== "lineChart" && kind !== "barChart")
    throw new NotOpened(`it is ${KINDS[kind] ?? `a ${kind.replace(/Chart$/, "")} chart`}`);
  if (many(plot.valAx).length !== 1) throw new NotOpened("it does not have one value axis");
  const series = many(p.ser)
    .map((s: Node, i: number) => {
      const order = Number(s.order?.val ?? s.idx?.val ?? i);
      return { s, order: Number.isFinite(order) ? order : i };
    })
    .sort((a, b) => a.order - b.order)
    .map((x) => x.s);
  if (series.length === 0) throw new NotOpened("it has no series");

  let top = -1;
  let bottom = -1;
  let firstCol = -1;
  series.forEach((s: Node, k: number) => {
    const val = refRange(dataRef(s.val, "values"), sheet, "values");
    const cat = refRange(dataRef(s.cat, "categories"), sheet, "categories");
    if (val.left !== val.right)
      throw new NotOpened(
        "its series run along rows; the playground charts a column of values per series"
      );
    if (k === 0) {
      top = val.top;
      bottom = val.bottom;
      firstCol = val.left;
    }
    if (val.top !== top || val.bottom !== bottom || val.left !== firstCol + k)
      throw new NotOpened("its series are not side by side columns of the same rows, in order");
    if (
      cat.left !== cat.right ||
      cat.left !== firstCol - 1 ||
      cat.top !== top ||
      cat.bottom !== bottom
    )
      throw new NotOpened(
        "its categories are not the column just left of its values, on the same rows"
      );
    const name = s.tx?.strRef?.f;
    const nameAt = name === undefined ? null : refRange(text(name), sheet, "series names");
    if (
      !nameAt ||
      nameAt.top !== top - 1 ||
      nameAt.bottom !== top - 1 ||
      nameAt.left !== val.left ||
      nameAt.right !== val.left
    )
      throw new NotOpened("its series names are not the cells just above their values");
  });

  let drawnAs: string | null = null;
  const grouping = String(p.grouping?.val ?? (kind === "lineChart" ? "standard" : "clustered"));
  if (kind === "barChart") {
    const horizontal = String(p.barDir?.val ?? "col") === "bar";
    if (horizontal || grouping !== "clustered")
      drawnAs = `opened as side-by-side columns (the file has ${grouping === "clustered" ? "" : `${grouping} `}${horizontal ? "bars" : "columns"})`;
  } else if (grouping !== "standard")
    drawnAs = `opened as plain lines (the file has ${grouping} lines)`;

  const numFmt = many(many(plot.valAx)[0]?.numFmt)[0]; // a list in the shared parser (styles)
  const code = numFmt ? String(numFmt.formatCode ?? "") : "";
  const linked = ["1", "true"].includes(String(numFmt?.sourceLinked ?? "0"));
  const title = chart.autoTitleDeleted?.val === "1" ? null : titleText(chart.title);
  const spec: ChartSpec = {
    type: kind === "lineChart" ? "line" : "bar",
    title: title || fallbackTitle,
    dataAddress: rangeAddress(top - 1, firstCol - 1, bottom - top + 2, series.length + 1),
    anchor,
    ...(code && !linked && code.toLowerCase() !== "general"
      ? { valueFormat: plainCurrency(code) }
      : {}),
  };
  return { spec, drawnAs };
}

/** A drawing's anchored graphic frames that show a chart: relationship id, anchor cell, name. */
function chartFrames(drawing: Node): Map<string, { anchor: string | null; name: string }> {
  const frames = new Map<string, { anchor: string | null; name: string }>();
  const wsDr = drawing?.wsDr ?? {};
  const anchors = [
    ...many(wsDr.twoCellAnchor),
    ...many(wsDr.oneCellAnchor),
    ...many(wsDr.absoluteAnchor),
    // Newer chart kinds come wrapped in markup-compatibility choices.
    ...many(wsDr.AlternateContent).flatMap((ac: Node) =>
      many(ac.Choice).flatMap((c: Node) => [
        ...many(c.twoCellAnchor),
        ...many(c.oneCellAnchor),
        ...many(c.absoluteAnchor),
      ])
    ),
  ];
  for (const a of anchors)
    for (const frame of many(a.graphicFrame)) {
      const id = frame.graphic?.graphicData?.chart?.id;
      if (id === undefined) continue;
      const from = a.from;
      const row = Number(text(many(from?.row)[0])); // "row" is a list in the shared parser
      const col = Number(text(many(from?.col)[0]));
      const anchor =
        from &&
        Number.isInteger(row) &&
        Number.isInteger(col) &&
        row >= 0 &&
        col >= 0 &&
        row < 1_048_576 &&
        col < 16_384
          ? cellAddress(row, col)
          : null;
      const name = String(frame.nvGraphicFramePr?.cNvPr?.name ?? "");
      frames.set(String(id), { anchor, name });
    }
  return frames;
}

/** Chart relationships read from one workbook, far more than any real workbook holds; past it,
 *  charts are only counted (a file cannot make the page parse one chart part thousands of times). */
export const CHART_LIMIT = 1_000;

/** The unpacked zip's drawing and chart parts, each parsed once however many relationships point
 *  at it, and how many chart relationships have been read so far (CHART_LIMIT). */
export class ChartParts {
  private readonly parsed = new Map<string, Node>();
  read = 0;
  constructor(readonly files: Record<string, Uint8Array>) {}

  /** A part's XML parsed, or null when it cannot be read; a DTD refuses the whole file (FileRefused). */
  parse(path: string): Node {
    if (this.parsed.has(path)) return this.parsed.get(path);
    const xml = strFromU8(this.files[path]);
    refuseDtd(path, xml);
    let doc: Node = null;
    try {
      doc = parser.parse(xml);
    } catch {
      doc = null;
    }
    this.parsed.set(path, doc);
    return doc;
  }
}

/**
 * The charts of worksheet `sheet` (its part at `sheetPath`) that the playground can draw, and a note
 * for each it cannot (or draws differently); `parts` is the workbook's unpacked zip.
 */
export function readSheetCharts(
  parts: ChartParts,
  sheet: string,
  sheetPath: string
): { charts: BookChart[]; notes: string[] } {
  const { files } = parts;
  const charts: BookChart[] = [];
  const notes: string[] = [];
  let skipped = 0;
  for (const d of relsOf(files, sheetPath).filter((x) => x.type.endsWith("/drawing"))) {
    if (!files[d.target]) continue;
    const chartRels = relsOf(files, d.target).filter(
      (x) => x.type.endsWith("/chart") || x.type.endsWith("/chartEx")
    );
    if (chartRels.length === 0) continue;
    const drawing = parts.parse(d.target);
    if (drawing === null) {
      notes.push(
        `${sheet}: ${chartRels.length} ${chartRels.length === 1 ? "chart" : "charts"} not opened (its drawing part cannot be read)`
      );
      continue;
    }
    const frames = chartFrames(drawing);
    for (const rel of chartRels) {
      if (parts.read >= CHART_LIMIT) {
        skipped++;
        continue;
      }
      parts.read++;
      const frame = frames.get(rel.id);
      let doc: Node = undefined;
      try {
        if (rel.type.endsWith("/chartEx"))
          throw new NotOpened(
            "it is one of Excel's newer chart types (waterfall, histogram, map and others)"
          );
        if (!files[rel.target]) throw new NotOpened("its chart part is missing from the file");
        doc = parts.parse(rel.target); // a DTD refuses the whole file, as in any other part
        if (doc === null) throw new NotOpened("its chart part cannot be read");
        if (!frame) throw new NotOpened("the drawing does not place it on the sheet");
        if (frame.anchor === null) throw new NotOpened("it is placed by position, not at a cell");
        const { spec, drawnAs } = chartSpecOf(
          doc.chartSpace,
          sheet,
          frame.anchor,
          frame.name || `Chart ${charts.length + 1}`
        );
        charts.push({ sheet, spec });
        if (drawnAs) notes.push(`${sheet}: chart "${spec.title}" ${drawnAs}`);
      } catch (e) {
        // A refused file stays refused; anything odd in one chart leaves only that chart out.
        if (e instanceof FileRefused) throw e;
        const reason = e instanceof NotOpened ? e.message : "its chart part cannot be read";
        const title =
          titleText(doc?.chartSpace?.chart?.title) ||
          frame?.name ||
          rel.target.replace(/^.*\//, "");
        notes.push(
          `${sheet}: chart "${title}" not opened: ${reason} (the playground draws line and column charts over a block of their own sheet's cells)`
        );
      }
    }
  }
  if (skipped > 0)
    notes.push(
      `${sheet}: ${skipped.toLocaleString("en-GB")} ${skipped === 1 ? "chart" : "charts"} not opened (more than the ${CHART_LIMIT.toLocaleString("en-GB")} charts this page reads from one workbook)`
    );
  return { charts, notes };
}
