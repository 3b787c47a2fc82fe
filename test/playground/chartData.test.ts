/** The playground's charts read their data as Excel does: series by column, categories as the sheet shows them. */
import { chartData, labelStep } from "../../src/playground/charts/ChartView";

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
