/**
 * How a chart looks, the same in both adapters (Excel's native chart in office/charts.ts, the
 * playground's SVG in playground/charts): one colour per series from the Okabe–Ito palette, which
 * stays distinguishable with the common colour-vision deficiencies (Okabe and Ito, "Color Universal
 * Design", 2008; the palette Wong recommends in Nature Methods 8, 441, 2011). Ordered so the first
 * series, most charts' main one, get the strongest contrast on white; the pale yellow comes late
 * and every bar has a dark outline, so no series depends on its fill alone being seen.
 */
export const SERIES_COLOURS: readonly string[] = [
  "#0072B2", // blue
  "#E69F00", // orange
  "#009E73", // bluish green
  "#D55E00", // vermillion
  "#CC79A7", // reddish purple
  "#56B4E9", // sky blue
  "#000000", // black
  "#F0E442", // yellow
];

/** Outline of bars (and the legend's swatches) so a pale fill still stands out on white. */
export const BAR_OUTLINE = "#404040";

/**
 * The colour of series `k` (0-based). Past the eighth series the palette repeats: no chart the pane
 * writes has more than eight (the audit's seven results and Other).
 */
export function seriesColour(k: number): string {
  const n = SERIES_COLOURS.length;
  return SERIES_COLOURS[((Math.floor(k) % n) + n) % n];
}

/** The value axis format of a chart of money: whole pounds with thousands separators. */
export const MONEY_AXIS = "£#,##0";
/** The value axis format of a chart of counts (people, checks). */
export const COUNT_AXIS = "#,##0";
