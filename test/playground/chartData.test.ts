/** The playground's charts read their data as Excel does: series by column, categories as the sheet shows them. */
import { chartData, labelStep } from "../../src/playground/charts/ChartView";
import { chartLayout } from "../../src/playground/charts/chartLayout";

describe("chartData", () => {
  it("labels categories with their cells' number format, so variances read as percentages", () => {
    const data = chartData(
      [
        ["Variance", "Payment", "Provider gain"],
        [-0.1, 900, -50],
        [0, 1000, 0],
        [0.125, 1100, "#N/A"],
      ],
      ["0.0%", "0.0%", "0.0%"]
    );
    expect(data.categories).toEqual(["-10.0%", "0.0%", "12.5%"]);
    expect(data.series).toEqual([
      { name: "Payment", values: [900, 1000, 1100] },
      { name: "Provider gain", values: [-50, 0, null] },
    ]);
  });

  it("shows unformatted categories as General and text as written", () => {
    expect(chartData([["Cluster", "People"], [1, 5], ["Team A", 2], [null, 1]]).categories).toEqual(["1", "Team A", ""]);
  });

  it("labels only as many categories as fit without overlapping", () => {
    const percents = ["-15.0%", "-12.5%", "-10.0%", "-7.5%", "-5.0%", "-2.5%", "0.0%", "2.5%", "5.0%", "7.5%", "10.0%", "12.5%", "15.0%"];
    expect(labelStep(percents, 440 / 13)).toBe(2); // 34 px per category; a label needs 6 × 5.6 + 8 ≈ 42 px
    const clusters = ["Cluster 0 (variance)", ...Array.from({ length: 21 }, (_, i) => `Cluster ${i + 1}`)];
    const step = labelStep(clusters, 440 / 22);
    expect(step * (440 / 22)).toBeGreaterThanOrEqual("Cluster 0 (variance)".length * 5.6);
    expect(labelStep(["1", "2", "3"], 100)).toBe(1);
  });
});

describe("chart layout", () => {
  const audit = ["OK", "Broken", "Unconfirmed", "Super class", "Variance", "Not clustered", "Too few ratings", "Other"];

  it("keeps the first column's header as the name of the categories", () => {
    expect(chartData([["Recorded cluster", "OK"], [1, 5]]).categoryName).toBe("Recorded cluster");
  });

  it("flows the legend onto rows inside the chart and grows the chart to hold them", () => {
    const layout = chartLayout("Cluster checks by recorded cluster", [0, 120], audit, "#,##0");
    expect(layout.legend.map((l) => l.name)).toEqual(audit);
    for (const item of layout.legend) {
      expect(item.x + 14 + item.name.length * 5.6).toBeLessThanOrEqual(layout.width);
      expect(item.y + 4).toBeLessThanOrEqual(layout.height); // a descender's room below the baseline
    }
    expect(new Set(layout.legend.map((l) => l.y)).size).toBeGreaterThan(1);
  });

  it("wraps a long title instead of running it past the edges", () => {
    const title = "Risk share against variance: activity value, payment, provider gain, change";
    const layout = chartLayout(title, [1], ["A"]);
    expect(layout.titleLines.length).toBeGreaterThan(1);
    expect(layout.titleLines.join(" ")).toBe(title);
    for (const line of layout.titleLines) expect(line.length * 7.4).toBeLessThanOrEqual(layout.width);
    expect(layout.plot.top).toBeGreaterThan(14 + 17 * layout.titleLines.length);
  });

  it("writes money axes in pounds and makes the axis as wide as its widest label", () => {
    const layout = chartLayout("Payment", [-250_000, 12_400_000], ["Payment"], "£#,##0");
    expect(layout.tickLabels).toContain("£0");
    expect(layout.tickLabels.every((t) => /^-?£[\d,]+$/.test(t))).toBe(true);
    const widest = Math.max(...layout.tickLabels.map((t) => t.length));
    expect(layout.plot.left).toBeGreaterThanOrEqual(widest * 5.6 + 6);
    expect(chartLayout("Counts", [3, 7], ["People"]).tickLabels).toContain("8");
  });
});
