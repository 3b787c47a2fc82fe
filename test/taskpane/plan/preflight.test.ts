/* Pre-flight: the rows a journey's formulas would turn into errors, found with the same core code, by sheet row. */
import { describePreflight, groupReasons, preflightBudgets, preflightFyCost, sheetRowOf } from "../../../src/taskpane/plan/preflight";
import { cohortRows } from "../../../src/taskpane/budget/run";

// Caseload table with its header on sheet row 3: body rows are sheet rows 4…
const caseload = {
  sheet: "Caseload",
  address: "A3:F9",
  header: ["ID", "Cluster", "Start date", "End date", "Admitted days", "Step"],
  rows: [
    ["P1", 11, 45748, 45838, null, 3], // 01/04/2025–30/06/2025
    ["P2", 99, 45748, null, null, 3], // not clustered
    [null, null, null, null, null, null], // blank
    ["P4", 12, 45748, 45777, 40, 9], // 30-day period with 40 admitted days; step 9 unknown
    ["P5", "", 45748, null, null, 2], // blank code
    ["P6", 4, 45748, null, 0, 1],
  ],
};
const cols = { id: 0, code: 1, start: 2, end: 3, admitted: 4 };

describe("pre-flight", () => {
  it("names the sheet row of each body row", () => {
    expect(sheetRowOf(caseload, 0)).toBe(4);
  });

  it("finds the rows PBR.FYCOST cannot price, by sheet row and ID, and skips blank rows", () => {
    const check = preflightFyCost(caseload, cols, 2025, null);
    if (!("leftOut" in check)) throw new Error(String(check));
    expect(check.rows).toBe(5);
    expect(check.leftOut.map((r) => [r.sheetRow, r.id])).toEqual([
      [5, "P2"],
      [7, "P4"],
      [8, "P5"],
    ]);
    expect(check.leftOut[0].reason).toBe("code 99 is not in the built-in illustrative price table");
    expect(check.leftOut[1].reason).toMatch(/admitted/);
    expect(check.leftOut[2].reason).not.toMatch(/^row/);
  });

  it("finds the people PBR.RASBUDGET cannot budget", () => {
    const check = preflightBudgets(cohortRows(caseload, { id: 0, code: 1, step: 5 }), caseload, 0, null, null);
    if (!("leftOut" in check)) throw new Error(String(check));
    expect(check.leftOut.map((r) => r.id)).toEqual(["P2", "P4", "P5"]);
  });

  it("reports a bad price table as one problem, not one per row", () => {
    const prices = { sheet: "Prices", address: "A1:B2", header: ["Nothing", "Here"], rows: [[1, 2]] };
    const check = preflightFyCost(caseload, cols, 2025, prices);
    expect("leftOut" in check).toBe(false);
  });

  it("groups reasons by kind and says how many, with one sheet row each", () => {
    const leftOut = [
      { index: 0, sheetRow: 10, id: "A", reason: "code 99 is not in the price table (rows 2–22)" },
      { index: 1, sheetRow: 11, id: "B", reason: "admitted days 40 are more than the 30 days" },
      { index: 2, sheetRow: 12, id: "C", reason: "code 98 is not in the price table (rows 2–22)" },
    ];
    expect(groupReasons(leftOut).map((g) => [g.count, g.example.sheetRow])).toEqual([
      [2, 10],
      [1, 11],
    ]);
    expect(describePreflight({ rows: 100, leftOut }, "priced", "Caseload")).toEqual([
      "3 of 100 rows of Caseload cannot be priced:",
      "2 like sheet row 10 (A): code 99 is not in the price table (rows 2–22)",
      "1 like sheet row 11 (B): admitted days 40 are more than the 30 days",
    ]);
  });
});
