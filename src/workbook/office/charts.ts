/**
 * A native Excel chart for a ChartSpec, looking as the playground draws it (workbook/chartStyle.ts):
 * the first column of the data range is the category (x) axis and the other columns the series,
 * each series its own Okabe–Ito colour (bars outlined), the legend at the bottom, and the value
 * axis in the spec's number format ("£#,##0").
 *
 * Requirement sets (Microsoft's Excel JavaScript API reference; src/workbook/requirements.ts):
 * charts.add, title, setPosition, series.getItemAt, ChartFill.setSolidColor, ChartLineFormat.color
 * and the legend are ExcelApi 1.1; categoryAxis.setCategoryNames and ChartLineFormat.weight 1.7 (the
 * add-in's minimum); ChartAxis.numberFormat is ExcelApi 1.8, so the axis format is set only where
 * that is supported. Without it Excel's axis follows the source cells' format ("linked to source",
 * Excel's default), and the pane formats those cells as money anyway.
 *
 * The chart's text alternative in Excel is its data range, which sits on the same sheet as cells a
 * screen reader reads; Office.js gives charts no alt text of their own.
 */
import { parseRange, rangeAddress } from "../address";
import { BAR_OUTLINE, seriesColour } from "../chartStyle";
import type { ChartSpec } from "../port";

/** Chart size in points, as the pane has always written it. */
const WIDTH = 480;
const HEIGHT = 288;

/**
 * Queue the chart on `sheetName` in `context` (the caller syncs). `supports(version)` says whether
 * this Excel has ExcelApi `version` (host.ts `supportsExcelApi`).
 */
export function queueChart(
  context: Excel.RequestContext,
  sheetName: string,
  spec: ChartSpec,
  supports: (version: string) => boolean
): Excel.Chart {
  // The first column is always the category (x) axis: the series are the other columns,
  // and the categories are set explicitly so Excel never plots a numeric first column as a series.
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const r = parseRange(spec.dataAddress);
  const width = r.right - r.left + 1;
  const rows = r.bottom - r.top + 1;
  const type = spec.type === "line" ? "Line" : "ColumnClustered";
  const values = width > 1 ? rangeAddress(r.top, r.left + 1, rows, width - 1) : spec.dataAddress;
  const chart = sheet.charts.add(
    type as Excel.ChartType,
    sheet.getRange(values),
    "Columns" as Excel.ChartSeriesBy
  );
  if (width > 1 && rows > 1)
    chart.axes.categoryAxis.setCategoryNames(
      sheet.getRange(rangeAddress(r.top + 1, r.left, rows - 1, 1))
    );
  chart.title.text = spec.title;
  chart.setPosition(spec.anchor);
  chart.width = WIDTH;
  chart.height = HEIGHT;
  chart.legend.visible = true;
  chart.legend.position = "Bottom" as Excel.ChartLegendPosition;
  // One series per value column (series by columns): colour each as the playground does.
  const seriesCount = Math.max(1, width - 1);
  for (let k = 0; k < seriesCount; k++) {
    const format = chart.series.getItemAt(k).format;
    if (spec.type === "line") {
      format.line.color = seriesColour(k);
      format.line.weight = 2.25;
    } else {
      format.fill.setSolidColor(seriesColour(k));
      format.line.color = BAR_OUTLINE;
    }
  }
  if (spec.valueFormat && supports("1.8")) chart.axes.valueAxis.numberFormat = spec.valueFormat;
  return chart;
}
