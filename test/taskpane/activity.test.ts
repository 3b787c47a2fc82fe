/**
 * Activity by resource group, run through the embedded workbook engine so the written formulas are
 * really evaluated: grouped and priced rows, a bad row found before writing and left out with its
 * sheet row, a specialised code counted but not priced, and a summary with no error cells.
 */
import { DetailedCellError } from "hyperformula";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { loadPbrFunctions } from "../support/pbrFunctions";
import { preflightActivity } from "../../src/taskpane/activity/plan";
import {
  activityRowsFrom,
  guessActivityColumn,
  runActivity,
  type ActivityColumns,
} from "../../src/taskpane/activity/run";
import type { TableData } from "../../src/workbook/port";

const header = [
  "Activity",
  "AgeAtCareContact",
  "PrimDiag",
  "ServTeamTypeRefToMH",
  "PrimReasonReferralMH",
  "Units",
];
const table: TableData = {
  sheet: "Activity",
  address: "A1:F9",
  header,
  rows: [
    ["contact", 40, "F20.0", "A05", null, 12], // MAA96A 12 × 182.61
    ["contact", 35, "F32", "A05", null, 3], // MAB96A 3 × 206.30
    ["contact", 40, null, "A05", null, 2], // MBU96A 2 × 232.62, unclassified
    ["spell", 50, "F20", "206", null, 10], // MAA98D specialised: counted, not priced
    ["contact", 40, "F20", "X99", null, 1], // unknown team type: left out
    [null, null, null, null, null, null], // blank: skipped
    ["spell", 45, "F20", "200", null, 30], // MAA98A 30 × 626.47 = 18,794.10
    ["contact", 15, "F20", "A05", null, 1], // MCG96A 263.89
  ],
};

describe("Activity by resource group", () => {
  const cols: ActivityColumns = {
    kind: guessActivityColumn(header, "kind"),
    age: guessActivityColumn(header, "age"),
    diagnosis: guessActivityColumn(header, "diagnosis"),
    service: guessActivityColumn(header, "service"),
    reason: guessActivityColumn(header, "reason"),
    crisis: guessActivityColumn(header, "crisis"),
    units: guessActivityColumn(header, "units"),
  };

  it("recognises MHSDS-style column names", () => {
    expect(cols).toEqual({
      kind: 0,
      age: 1,
      diagnosis: 2,
      service: 3,
      reason: 4,
      crisis: -1,
      units: 5,
    });
  });

  it("finds the bad row before writing, naming its sheet row and the reason", () => {
    const pre = preflightActivity(activityRowsFrom(table, cols, null));
    expect(pre.rows).toHaveLength(7);
    expect(pre.leftOut.map((r) => [r.sheetRow, r.reason_])).toEqual([
      [
        6,
        'team type "X99" is not an MHSDS service team type in the rules (e.g. A05, A14, C10, F01)',
      ],
    ]);
    expect(pre.specialised.map((r) => r.code)).toEqual(["MAA98D"]);
    expect(pre.unclassifiedUnits).toBe(2);
  });

  it("writes live formulas whose summary adds up, with no error cell outside the left-out row", async () => {
    const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
    const pre = preflightActivity(activityRowsFrom(table, cols, null));
    const result = await runActivity(port, pre, "Activity");
    const sheet = result.sheets.groups;
    const read = Array.from({ length: 40 }, (_, r) =>
      Array.from({ length: 12 }, (_, c) => port.getValue(sheet, r, c))
    );
    const errors: string[] = [];
    read.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v instanceof DetailedCellError)
          errors.push(`${r + 1}:${c + 1} ${v.value} ${v.message}`);
      })
    );
    expect(errors).toEqual([]);
    const label = (text: string) => read.find((row) => row[0] === text)!;
    const expectedValue = 12 * 182.61 + 3 * 206.3 + 2 * 232.62 + 30 * 626.47 + 263.89;
    expect(label("All")[1] as number).toBeCloseTo(expectedValue, 6);
    expect(label("All")[2]).toBe(12 + 3 + 2 + 10 + 30 + 1);
    expect(label("Unclassified (MBU) units")[2]).toBe(2);
    expect(label("Unclassified share of units")[2] as number).toBeCloseTo(2 / 58, 12);
    expect(label("Specialised units (out of scope, not priced)")[2]).toBe(10);
    expect(label("Rows left out (see Status)")[2]).toBe(1);
    expect(label("MAA98A")[1] as number).toBeCloseTo(18794.1, 6);
    expect(
      read.some(
        (row) => typeof row[8] === "string" && String(row[8]).startsWith("Left out: team type")
      )
    ).toBe(true);
  });
});
