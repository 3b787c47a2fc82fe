/* Pickers offer only the tables that have the columns a journey needs, newest first. */
import { tablesWith } from "../../src/taskpane/ui/tables";

const headers = new Map<string, string[]>([
  ["ImportRejects", ["Row", "Field", "Value", "Reason"]],
  ["Prices", ["Code", "Day price", "Admitted day price"]],
  ["Caseload_2", ["ID", "Cluster", "Start date", "End date", "Step", "MHCT 1", "MHCT 2"]],
  ["Caseload", ["Id", "Recorded cluster", "Start date", "Budget step"]],
]);
const newestFirst = ["ImportRejects", "Prices", "Caseload_2", "Caseload"];

describe("table pickers", () => {
  it("keeps only tables with every needed column, in the order given", () => {
    expect(tablesWith(newestFirst, headers, ["cluster", "start"])).toEqual(["Caseload_2", "Caseload"]);
    // A price table's Code column would pass for a cluster, but a lookup table is never a caseload.
    expect(tablesWith(newestFirst, headers, ["cluster"])).toEqual(["Caseload_2", "Caseload"]);
    expect(tablesWith(newestFirst, headers.set("Caseload", ["Id", "Recorded cluster", "Start date"]), ["cluster", "step"])).toEqual(["Caseload_2"]);
  });

  it("can ask for rating columns too (the cluster audit)", () => {
    expect(tablesWith(newestFirst, headers, ["cluster"], 1)).toEqual(["Caseload_2"]);
    // The profile (Cluster | Item | 0 | 1 | 2 | 3 | 4) has a cluster and rating-like columns, newest or not.
    const withProfile = new Map([...headers, ["ProfileTable", ["Cluster", "Item", "0", "1", "2", "3", "4"]]]);
    expect(tablesWith(["ProfileTable", ...newestFirst], withProfile, ["cluster"], 1)).toEqual(["Caseload_2"]);
  });
});

describe("lookup table pickers", () => {
  it("offer only tables shaped like the lookup they need", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { tablesOfKind } = require("../../src/taskpane/ui/tables");
    const h = new Map<string, string[]>([
      ["Prices", ["Code", "Day price", "Admitted day price", "Source"]],
      ["MhnrgPrices", ["Code", "Unit price", "Currency code"]],
      ["Steps", ["Step", "Percent", "Label"]],
      ["RiskBands", ["From", "To", "Rate"]],
      ["Profile", ["Cluster", "Item", "0", "1", "2", "3", "4"]],
      ["SuperclassRules", ["Rule", "Super class", "When", "Reason"]],
      ["Caseload", ["ID", "Cluster", "Start date", "Step"]],
    ]);
    const all = [...h.keys()];
    expect(tablesOfKind(all, h, "prices")).toEqual(["Prices", "MhnrgPrices"]);
    expect(tablesOfKind(all, h, "steps")).toEqual(["Steps"]);
    expect(tablesOfKind(all, h, "bands")).toEqual(["RiskBands"]);
    expect(tablesOfKind(all, h, "profile")).toEqual(["Profile"]);
    expect(tablesOfKind(all, h, "rules")).toEqual(["SuperclassRules"]);
  });
});

describe("picker labels and the default table", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { tableLabel, largestTable } = require("../../src/taskpane/ui/tables") as typeof import("../../src/taskpane/ui/tables");
  const summary = (name: string, sheet: string, rows: number, cols: number) =>
    [name, { name, sheet, rows, header: Array.from({ length: cols }, (_, i) => `C${i}`) }] as const;
  const summaries = new Map([
    summary("Caseload_4", "Caseload (4)", 10, 24),
    summary("Caseload_3", "Caseload (2)", 5343, 24),
    summary("Caseload", "Caseload", 1, 1),
  ]);

  it("names the table, its sheet, its rows and its columns", () => {
    expect(tableLabel("Caseload_3", summaries.get("Caseload_3"))).toBe("Caseload_3 — Caseload (2) · 5,343 rows × 24 cols");
    expect(tableLabel("Caseload", summaries.get("Caseload"))).toBe("Caseload — Caseload · 1 row × 1 col");
    expect(tableLabel("Unknown")).toBe("Unknown");
  });

  it("starts at the largest candidate, never simply the newest", () => {
    expect(largestTable(["Caseload_4", "Caseload_3", "Caseload"], summaries)).toBe("Caseload_3");
    expect(largestTable(["Caseload_4", "Caseload"], summaries)).toBe("Caseload_4");
    expect(largestTable([], summaries)).toBe("");
  });
});
