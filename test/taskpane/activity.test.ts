/**
 * Activity by resource group, run through the embedded workbook engine so the written formulas are
 * really evaluated, on an MHSDS-style extract as a CSV brings it (every cell text): contacts and
 * spells in one table with separate team type and bed type columns, an attendance column,
 * duplicates, blank and impossible units, specialised beds, a MAZ99Z spell, referral reasons
 * 09/28/29/31 and a bad code. The sheet's summary must equal the pane's figures.
 */
import { DetailedCellError } from "hyperformula";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { loadPbrFunctions } from "../support/pbrFunctions";
import { preflightActivity } from "../../src/taskpane/activity/preflight";
import { summaryText } from "../../src/taskpane/activity/summary";
import {
  activityRowsFrom,
  guessActivityColumn,
  runActivity,
  type ActivityColumns,
  type ActivityField,
} from "../../src/taskpane/activity/run";
import type { TableData } from "../../src/workbook/port";

const header = [
  "RecordNumber",
  "Activity",
  "AgeAtCareContact",
  "PrimDiag",
  "ServTeamTypeRefToMH",
  "HospitalBedTypeMH",
  "PrimReasonReferralMH",
  "AttendOrDNACode",
  "Units",
];
// Sheet rows 2… (header on row 1). Prices: 2026/27 indicative, read by hand from the source.
const rows = [
  ["1", "contact", "40", "F20.0", "A05", "", "", "5", "12"], // 2: MAA96A 12 × 182.61
  ["2", "contact", "35", "F32.1", "A05", "", "", "", "3"], // 3: MAB96A 3 × 206.30
  ["3", "contact", "40", "", "A05", "", "28", "5", "2"], // 4: MBU96A 2 × 232.62, reason not in the rules
  ["4", "spell", "50", "F20", "", "206", "", "", "10"], // 5: MAA98D specialised: 10 units, not priced
  ["5", "contact", "40", "F20", "X99", "", "", "", "1"], // 6: not a team type: left out
  ["6", "spell", "45", "F20", "", "200", "", "", "30"], // 7: MAA98A 30 × 626.47
  ["7", "spell", "45", "", "", "200", "18", "", "4"], // 8: MAZ99Z spell, acute → MBU98A 4 × 624.17
  ["7", "spell", "45", "", "", "200", "18", "", "4"], // 9: duplicate of row 8
  ["8", "spell", "40", "F32", "", "", "", "", ""], // 10: blank bed days (MAB98Z)
  ["9", "contact", "40", "F32", "A05", "", "", "", "-2"], // 11: impossible units: left out
  ["10", "spell", "40", "", "", "999", "", "", "5"], // 12: bed type 999 not a code: left out
  ["11", "contact", "30", "", "A06", "", "09", "3", "1"], // 13: did not attend (MBU96A): £0
  ["12", "contact", "30", "", "A06", "", "29", "", "1"], // 14: MBU96A 232.62, not in the rules
  ["13", "contact", "15", "", "A06", "", "31", "", "1"], // 15: MCG96A 263.89 (child), not in the rules
];
const table: TableData = { sheet: "Activity", address: `A1:I${rows.length + 1}`, header, rows };

const FIELDS: ActivityField[] = [
  "kind",
  "age",
  "diagnosis",
  "team",
  "bed",
  "reason",
  "crisis",
  "units",
  "attendance",
];
const cols = Object.fromEntries(
  FIELDS.map((f) => [f, guessActivityColumn(header, f)])
) as ActivityColumns;

describe("Activity by resource group", () => {
  it("recognises MHSDS column names, team type and bed type apart", () => {
    expect(cols).toEqual({
      kind: 1,
      age: 2,
      diagnosis: 3,
      team: 4,
      bed: 5,
      reason: 6,
      crisis: -1,
      units: 8,
      attendance: 7,
    });
    expect(guessActivityColumn(["Bed type", "Team type"], "bed")).toBe(0);
    expect(guessActivityColumn(["MHAdmittedPatientClass"], "bed")).toBe(0);
  });

  it("flags duplicates, blank and impossible units and codes that are not codes, with their sheet rows", () => {
    const pre = preflightActivity(activityRowsFrom(table, cols, null));
    expect(pre.invalid.map((r) => [r.sheetRow, r.reason_])).toEqual([
      [
        6,
        'team type "X99" is not an MHSDS service team type (ServTeamTypeRefToMH, e.g. A05, A14, C10, F01)',
      ],
      [11, 'units "-2" is not a whole number of contacts or bed days'],
      [
        12,
        'bed type "999" is not an MHSDS hospital bed type (MHAdmittedPatientClass: v5 10–40, v6 200–213 or 300–311)',
      ],
    ]);
    expect(pre.duplicates.map((d) => [d.row.sheetRow, d.of])).toEqual([[9, 8]]);
    expect(pre.blankUnits.map((r) => r.sheetRow)).toEqual([10]);
    // By default both are left out; keeping them counts them.
    expect(pre.leftOut.map((r) => r.sheetRow)).toEqual([6, 9, 10, 11, 12]);
    const kept = preflightActivity(activityRowsFrom(table, cols, null), {
      duplicates: "keep",
      blankUnits: "keep",
    });
    expect(kept.leftOut.map((r) => r.sheetRow)).toEqual([6, 11, 12]);
    expect(kept.totalUnits - pre.totalUnits).toBe(4 + 1);
  });

  it("groups valid codes the rules do not list as unclassified, prices a MAZ99Z spell by its ward, and a DNA at £0", () => {
    const pre = preflightActivity(activityRowsFrom(table, cols, null));
    const at = (sheetRow: number) => pre.rows.find((r) => r.sheetRow === sheetRow)!;
    expect([at(4).code, at(4).unlisted, at(14).code, at(15).code]).toEqual([
      "MBU96A",
      true,
      "MBU96A",
      "MCG96A",
    ]);
    expect(pre.unlisted.map((r) => r.sheetRow)).toEqual([4, 14, 15]);
    expect([at(8).code, at(8).price, at(8).value]).toEqual(["MAZ99Z", 624.17, 4 * 624.17]);
    expect([at(13).status, at(13).value]).toEqual(["not attended", 0]);
    expect([at(5).status, at(5).unitCount]).toEqual(["specialised", 10]);
    const value = 12 * 182.61 + 3 * 206.3 + 2 * 232.62 + 30 * 626.47 + 4 * 624.17 + 232.62 + 263.89;
    expect(pre.totalValue).toBeCloseTo(value, 9);
    expect(pre.totalUnits).toBe(12 + 3 + 2 + 10 + 30 + 4 + 1 + 1);
    expect(pre.unclassifiedUnits).toBe(2 + 1);
    expect(pre.specialisedUnits).toBe(10);
  });

  it("writes numbers as numbers and a summary whose every figure is the pane's, with no error cell", async () => {
    const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
    const pre = preflightActivity(activityRowsFrom(table, cols, null));
    const result = await runActivity(port, pre, "Activity");
    const sheet = result.sheets.groups;
    const read = Array.from({ length: 60 }, (_, r) =>
      Array.from({ length: 14 }, (_, c) => port.getValue(sheet, r, c))
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
    // The sheet's figures…
    const sheet_ = {
      value: label("All")[1] as number,
      units: label("All")[2],
      unclassified: label("Unclassified (MBU) units")[2],
      share: label("Unclassified share of units")[2] as number,
      unlisted: label("Unclassified: reason not in the rules (rows)")[2],
      specialised: label("Specialised units (out of scope, not priced)")[2],
      notAttended: label("Not attended or cancelled (rows, £0)")[2],
      leftOut: label("Rows left out (see Status)")[2],
    };
    // …are the pane's.
    expect(sheet_.value).toBeCloseTo(pre.totalValue, 6);
    expect(sheet_).toEqual({
      ...sheet_,
      units: pre.totalUnits,
      unclassified: pre.unclassifiedUnits,
      unlisted: pre.unlisted.length,
      specialised: pre.specialisedUnits,
      notAttended: pre.notAttended.length,
      leftOut: pre.leftOut.length,
    });
    expect(sheet_.share).toBeCloseTo(pre.unclassifiedUnits / pre.totalUnits, 12);
    expect(summaryText(pre)).toContain(
      `Unclassified (MBU): 3 units, ${((100 * 3) / 63).toFixed(1)}% of units`
    );
    expect(summaryText(pre)).toContain(
      `Value £${pre.totalValue.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} over 63 units`
    );
    expect(label("MAA98A")[1] as number).toBeCloseTo(18794.1, 6);
    expect(label("MAA98A")[2]).toBe(30); // bed days counted: written as a number, not text
    expect(label("MAZ99Z")[1] as number).toBeCloseTo(4 * 624.17, 6);
    const statuses = read.map((row) => row[10]).filter((v) => typeof v === "string");
    expect(statuses).toContain("Left out: an exact duplicate of sheet row 8");
    expect(statuses).toContain("Not attended: £0");
  });
});
