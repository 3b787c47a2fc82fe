/**
 * Charts in the playground, as a first-time user meets them: the page opens on the Summary with its
 * charts in view and clear of the task pane (1366×768 and 1920×1080); every series has its own
 * colour (the shared Okabe–Ito palette), none is dropped (the audit's Other), money axes read in
 * pounds, nothing is clipped, and each chart has its numbers as a table under "Show data".
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { SERIES_COLOURS } from "../../../src/workbook/chartStyle";
import { TEST_OUTPUT } from "../support/harness";
import { openFeature, pane, settled, usePlayground } from "../support/playground";

const ROOT = join(__dirname, "..", "..", "..");
const RISK = "Risk share against variance: activity value, payment, provider gain, change";
const PEOPLE = "People by cluster: recorded and suggested";

type Box = { x: number; y: number; width: number; height: number };
const box = async (l: Locator): Promise<Box> => (await l.boundingBox())!;

/** The part of the page where the grid shows cells: below the column letters, left of the pane. */
async function gridArea(
  page: Page
): Promise<{ left: number; top: number; right: number; bottom: number }> {
  const scroller = await box(page.locator(".pbr-scroller"));
  const paneBox = await box(pane(page));
  return {
    left: scroller.x,
    top: scroller.y + 24,
    right: Math.min(scroller.x + scroller.width, paneBox.x),
    bottom: scroller.y + scroller.height,
  };
}

/** Every text element of a chart's SVG lies inside the SVG (nothing clipped at an edge). */
async function clippedTexts(chart: Locator): Promise<string[]> {
  return chart.locator("svg").evaluate((svg) => {
    const frame = svg.getBoundingClientRect();
    return [...svg.querySelectorAll("text")]
      .filter((t) => {
        const r = t.getBoundingClientRect();
        return (
          r.width > 0 &&
          (r.left < frame.left - 0.5 ||
            r.right > frame.right + 0.5 ||
            r.top < frame.top - 0.5 ||
            r.bottom > frame.bottom + 0.5)
        );
      })
      .map((t) => t.textContent ?? "");
  });
}

describe("charts in the playground", () => {
  const pg = usePlayground();

  it.each([
    [1366, 768],
    [1920, 1080],
  ])(
    "opens on the Summary with its charts in view and clear of the task pane at %i×%i",
    async (width, height) => {
      const { page } = pg();
      await page.setViewportSize({ width, height });
      await page.getByRole("grid", { name: "Sheet Summary", exact: true }).waitFor();
      const area = await gridArea(page);
      const charts = page.locator(".pbr-chart-box");
      await expect(
        settled(
          () => charts.count(),
          (n) => n === 2
        )
      ).resolves.toBe(2);
      const boxes = [await box(charts.nth(0)), await box(charts.nth(1))];
      // Every chart lies wholly left of the pane and inside the grid's width…
      for (const b of boxes) {
        expect(b.x).toBeGreaterThanOrEqual(area.left);
        expect(b.x + b.width).toBeLessThanOrEqual(area.right);
      }
      // …the first wholly in view, the second at least begun (1366×768 has room for 24 rows)…
      expect(boxes[0].y).toBeGreaterThanOrEqual(area.top);
      expect(boxes[0].y + boxes[0].height).toBeLessThanOrEqual(area.bottom);
      expect(boxes[1].y).toBeLessThan(area.bottom - 100);
      // …and on a 1080-pixel screen both wholly.
      if (height >= 1080) expect(boxes[1].y + boxes[1].height).toBeLessThanOrEqual(area.bottom);
      await page.screenshot({
        path: join(TEST_OUTPUT, `playground-first-look-${width}x${height}.png`),
      });
    }
  );

  it("puts pounds on the risk share chart's value axis and clips no label or title", async () => {
    const { page } = pg();
    const chart = page.getByRole("figure", { name: `Line chart: ${RISK}` });
    const ticks = await chart.locator('text[data-axis="value"]').allTextContents();
    expect(ticks.length).toBeGreaterThan(2);
    for (const t of ticks) expect(t).toMatch(/^-?£\d{1,3}(,\d{3})*$/);
    // The long title wraps onto lines rather than running past the edges.
    await expect(chart.locator("text[data-chart-title] tspan").count()).resolves.toBeGreaterThan(1);
    await expect(clippedTexts(chart)).resolves.toEqual([]);
    await expect(
      clippedTexts(page.getByRole("figure", { name: `Bar chart: ${PEOPLE}` }))
    ).resolves.toEqual([]);
  });

  it("has the numbers as a table under Show data, in the axis's format", async () => {
    const { page } = pg();
    const chart = page.getByRole("figure", { name: `Line chart: ${RISK}` });
    await chart.getByText("Show data", { exact: true }).click();
    const table = chart.getByRole("table", { name: `Data for chart: ${RISK}` });
    await table.waitFor();
    const header = await table.getByRole("columnheader").allTextContents();
    expect(header).toEqual([
      "Variance",
      "Activity value",
      "Payment",
      "Provider gain",
      "Change against plan",
    ]);
    const rows = table.getByRole("row");
    await expect(
      settled(
        () => rows.count(),
        (n) => n === 8
      )
    ).resolves.toBe(8); // the header and seven variances
    const first = await rows.nth(1).locator("th, td").allTextContents();
    expect(first[0]).toBe("-15%");
    for (const v of first.slice(1)) expect(v).toMatch(/^-?£[\d,]+$/);
    // The picture names its series and points to the table.
    await expect(chart.getByRole("img").getAttribute("aria-label")).resolves.toContain("Show data");
    await chart.getByText("Show data", { exact: true }).click(); // closed again
  });

  it("takes the README's picture: the toolbar, the Summary's charts and the Resource groups tab", async () => {
    const { page } = pg();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page
      .getByRole("navigation", { name: "Sheets" })
      .getByRole("tab", { name: "Summary", exact: true })
      .click();
    await page.getByRole("grid", { name: "Sheet Summary", exact: true }).waitFor();
    await openFeature(page, "Resource groups");
    const file = join(TEST_OUTPUT, "playground.png");
    await page.screenshot({ path: file });
    // Kept current in the README when asked to (PBR_UPDATE_SCREENSHOT=1).
    if (process.env.PBR_UPDATE_SCREENSHOT) copyFileSync(file, join(ROOT, "docs", "playground.png"));
  });
  it("gives each of the audit chart's eight series its own colour, Other included", async () => {
    const { page } = pg();
    const panel = await openFeature(page, "Cluster audit");
    await panel.getByRole("button", { name: "Audit clusters" }).click();
    await panel
      .getByRole("status")
      .filter({ hasText: "Wrote sheet Cluster audit" })
      .waitFor({ timeout: 30_000 });
    await page
      .getByRole("navigation", { name: "Sheets" })
      .getByRole("tab", { name: "Cluster audit", exact: true })
      .click();
    const chart = page.getByRole("figure", {
      name: "Bar chart: Cluster checks by recorded cluster",
    });
    await chart.scrollIntoViewIfNeeded();
    const legend = chart.locator("svg g[data-legend]");
    const names = await legend.evaluateAll((gs) => gs.map((g) => g.getAttribute("data-legend")));
    expect(names).toEqual([
      "OK",
      "Broken",
      "Unconfirmed",
      "Super class",
      "Variance",
      "Not clustered",
      "Too few ratings",
      "Other",
    ]);
    const fills = await legend
      .locator("rect")
      .evaluateAll((rs) => rs.map((r) => r.getAttribute("fill")));
    expect(new Set(fills).size).toBe(8);
    expect(fills).toEqual(SERIES_COLOURS.slice(0, 8));
    expect(fills[names.indexOf("OK")]).not.toBe(fills[names.indexOf("Too few ratings")]);
    // Counts, not money: whole numbers on the axis; every label inside the picture.
    for (const t of await chart.locator('text[data-axis="value"]').allTextContents())
      expect(t).toMatch(/^[\d,]+$/);
    await expect(clippedTexts(chart)).resolves.toEqual([]);
  });
});
