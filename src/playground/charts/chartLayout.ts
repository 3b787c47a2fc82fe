/**
 * Where everything of a playground chart goes, worked out before drawing so nothing is clipped:
 * the title wraps onto as many lines as it needs, the value axis is as wide as its widest label,
 * and the legend flows onto as many rows as its names need, the chart growing to hold them.
 * Text widths are estimated (Segoe UI / Arial at 10 px: about 5.6 px a character, 13 px bold: 7.4).
 */
import { formatValue, general } from "../format";

export const CHART_WIDTH = 520;
const CHAR_10 = 5.6;
const CHAR_TITLE = 7.4;
const PLOT_HEIGHT = 190;
const LEGEND_ROW = 16;
/** Room the SVG/PNG download buttons take at the top right. */
const TOOLS_WIDTH = 96;

export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let t = Math.floor(min / step) * step; t <= max + step / 2 && ticks.length < 50; t += step)
    ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** Label every k-th category so that no two x-axis labels (10 px text) overlap. */
export function labelStep(categories: readonly string[], band: number): number {
  const widest = categories.reduce((w, c) => Math.max(w, c.length), 0) * CHAR_10 + 8;
  return Math.max(1, Math.ceil(categories.length / 12), Math.ceil(widest / Math.max(1, band)));
}

/** A value as the axis, the tooltips and the data table show it: in the chart's format, else General. */
export function axisText(value: number, format?: string): string {
  return format ? formatValue(value, format) : general(value);
}

/** Words of `text` on lines of at most `maxChars` characters (a longer word gets a line to itself). */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [""];
}

export interface LegendItem {
  name: string;
  x: number;
  y: number;
}

/** Legend entries left to right, onto a new row when the next would pass the right edge. */
export function legendLayout(
  names: readonly string[],
  left: number,
  top: number,
  width = CHART_WIDTH
): LegendItem[] {
  const out: LegendItem[] = [];
  let x = left;
  let y = top;
  for (const name of names) {
    const w = 14 + name.length * CHAR_10 + 14;
    if (x > left && x + w > width - 8) {
      x = left;
      y += LEGEND_ROW;
    }
    out.push({ name, x, y });
    x += w;
  }
  return out;
}

export interface ChartLayout {
  width: number;
  height: number;
  titleLines: string[];
  ticks: number[];
  tickLabels: string[];
  plot: { left: number; top: number; right: number; bottom: number };
  legend: LegendItem[];
}

/** The whole layout of a chart of `numbers` (every plotted value) with these series names. */
export function chartLayout(
  title: string,
  numbers: readonly number[],
  seriesNames: readonly string[],
  valueFormat?: string
): ChartLayout {
  const width = CHART_WIDTH;
  const titleLines = wrapWords(title, Math.floor((width - 2 * TOOLS_WIDTH) / CHAR_TITLE));
  let lo = 0;
  let hi = 0;
  for (const v of numbers) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const ticks = niceTicks(lo, hi);
  const tickLabels = ticks.map((t) => axisText(t, valueFormat));
  const left = Math.ceil(Math.max(40, ...tickLabels.map((l) => l.length * CHAR_10 + 14)));
  const top = 14 + 17 * titleLines.length + 8;
  const plot = { left, top, right: width - 16, bottom: top + PLOT_HEIGHT };
  const legend = legendLayout(seriesNames, 12, plot.bottom + 38, width);
  const lastRow = legend.length > 0 ? legend[legend.length - 1].y : plot.bottom + 22;
  return { width, height: lastRow + 10, titleLines, ticks, tickLabels, plot, legend };
}
