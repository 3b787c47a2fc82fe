/**
 * Resource groups findings people can click to (issue 28): the pre-flight and the outcome name
 * each row as "Activity row 12" with a link to its cell, the written sheet's Status of a row left
 * out is a HYPERLINK to its source row (and the summary still counts it), and an extract read as
 * a stream, whose rows are on no sheet, names file lines with no link.
 */
import { DetailedCellError } from "hyperformula";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { loadPbrFunctions } from "../support/pbrFunctions";
import {
  blankUnitsFinding,
  duplicatesFinding,
  invalidFinding,
  leftOutWhere,
} from "../../src/taskpane/activity/findings";
import { preflightActivity } from "../../src/taskpane/activity/preflight";
import { activityPlan } from "../../src/taskpane/activity/plan";
import {
  activityRowsFrom,
  runActivity,
  type ActivityColumns,
} from "../../src/taskpane/activity/run";
import { extractPlan } from "../../src/taskpane/activity/extractPlan";
import { addVerdict, leftOutRows, newTally, tallyFigures } from "../../src/taskpane/activity/tally";
import { activityChecker, activityRowOf } from "../../src/taskpane/activity/preflight";
import { splitLinks } from "../../src/taskpane/plan/rowRefs";
import type { CellInput, TableData } from "../../src/workbook/port";

const header = ["Activity", "Age", "Team", "Units"];
// Sheet rows 2… (header on row 1).
const body = [
  ["contact", "40", "A05", "12"], // 2
  ["contact", "40", "X99", "1"], // 3: not a team type
  ["contact", "35", "A05", "3"], // 4
  ["contact", "35", "A05", "3"], // 5: duplicate of row 4
  ["contact", "30", "A06", ""], // 6: blank units
  ["contact", "30", "A06", "-2"], // 7: impossible units
];
const cols: ActivityColumns = {
  kind: 0,
  age: 1,
  diagnosis: -1,
  team: 2,
  bed: -1,
  reason: -1,
  crisis: -1,
  attendance: -1,
  units: 3,
};
const tableOn = (sheet: string, top = 0): TableData => ({
  sheet,
  address: `A${top + 1}:D${top + 1 + body.length}`,
  header,
  rows: body,
});

describe("Resource groups findings with links", () => {
  it("name each row with its sheet and link to the row's first cell", () => {
    const pre = preflightActivity(
      activityRowsFrom(tableOn("Activity"), cols, null),
      undefined,
      "Activity"
    );
    expect(pre.leftOut.map((r) => r.sheetRow)).toEqual([3, 5, 6, 7]);

    const invalid = invalidFinding(pre)!;
    expect(invalid.text).toMatch(
      /^2 of 6 rows cannot be grouped or priced: Activity row 3: team type "X99" .*; Activity row 7: units "-2" is not a whole number of contacts or bed days\. They are left out .*their Status links back to the row/
    );
    expect(invalid.links).toEqual([
      { text: "Activity row 3", sheet: "Activity", address: "A3" },
      { text: "Activity row 7", sheet: "Activity", address: "A7" },
    ]);
    // Every link's words are found in the sentence, so each becomes a button.
    const parts = splitLinks(invalid.text, invalid.links).filter((p) => typeof p !== "string");
    expect(parts).toEqual(invalid.links);

    const dups = duplicatesFinding(pre)!;
    expect(dups.text).toBe(
      "1 row repeats an earlier row exactly (Activity row 5 = Activity row 4):"
    );
    expect(dups.links.map((l) => l.address)).toEqual(["A5", "A4"]);
    expect(splitLinks(dups.text, dups.links).filter((p) => typeof p !== "string")).toHaveLength(2);

    const blank = blankUnitsFinding(pre)!;
    expect(blank.text).toBe("1 row has no units (contacts or bed days): Activity row 6:");
    expect(blank.links).toEqual([{ text: "Activity row 6", sheet: "Activity", address: "A6" }]);

    const where = leftOutWhere(pre);
    expect(where.text).toBe(
      "Status says why and links to the row: Activity row 3, Activity row 5, Activity row 6 and 1 more"
    );
    expect(where.links.map((l) => l.address)).toEqual(["A3", "A5", "A6"]);
    // The duplicate's reason names the earlier row with its sheet too.
    expect(pre.leftOut[1].reason_).toBe("an exact duplicate of Activity row 4");
  });

  it("count rows from the table's own header row, wherever the table stands", () => {
    const pre = preflightActivity(
      activityRowsFrom(tableOn("Data", 9), cols, null),
      undefined,
      "Data"
    );
    expect(invalidFinding(pre)!.links.map((l) => [l.text, l.address])).toEqual([
      ["Data row 12", "A12"],
      ["Data row 16", "A16"],
    ]);
  });

  it("say 'sheet row' with no links where the sheet is not known", () => {
    const pre = preflightActivity(activityRowsFrom(tableOn("Activity"), cols, null));
    expect(invalidFinding(pre)!.text).toMatch(
      /^2 of 6 rows cannot be grouped or priced: sheet row 3: /
    );
    expect(invalidFinding(pre)!.text).not.toContain("Status links");
    expect(invalidFinding(pre)!.links).toEqual([]);
    expect(duplicatesFinding(pre)!.text).toContain("(sheet row 5 = sheet row 4)");
    expect(leftOutWhere(pre)).toEqual({ text: "Status says why", links: [] });
  });

  it("say nothing of a kind of problem the table does not have", () => {
    const clean = preflightActivity(
      activityRowsFrom({ ...tableOn("Activity"), rows: [body[0]], address: "A1:D2" }, cols, null),
      undefined,
      "Activity"
    );
    expect([invalidFinding(clean), duplicatesFinding(clean), blankUnitsFinding(clean)]).toEqual([
      null,
      null,
      null,
    ]);
    expect(leftOutWhere(clean)).toEqual({ text: "Status says why", links: [] });
  });
});

describe("the Resource groups sheet's rows left out", () => {
  it("link their Status to the source row, and the summary still counts them", async () => {
    const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
    // A source sheet whose name needs quoting in a link.
    const source = await port.createSheet("Jo's activity");
    await port.writeRange(source, `A1:D${body.length + 1}`, [header, ...body] as CellInput[][]);
    const table = tableOn(source);
    const pre = preflightActivity(activityRowsFrom(table, cols, null), undefined, source);
    const plan = activityPlan(pre, "Activity");
    const tableBlock = plan.sheets[0].blocks.find((b) => b.kind === "table")!;
    const statuses = (tableBlock as { rows: CellInput[][] }).rows.map((r) => r[10]);
    expect(statuses[1]).toBe(
      `=HYPERLINK("#'Jo''s activity'!A3","Left out: team type "&CHAR(34)&"X99"&CHAR(34)&" is not an MHSDS service team type (ServTeamTypeRefToMH, e.g. A05, A14, C10, F01)")`
    );
    expect(statuses[3]).toBe(
      `=HYPERLINK("#'Jo''s activity'!A5","Left out: an exact duplicate of Jo's activity row 4")`
    );
    // Rows kept are not links.
    expect(statuses[0]).toBe("OK");

    const result = await runActivity(port, pre, "Activity");
    const sheet = result.sheets.groups;
    const read = Array.from({ length: 40 }, (_, r) =>
      Array.from({ length: 14 }, (_, c) => port.getValue(sheet, r, c))
    );
    expect(read.flat().filter((v) => v instanceof DetailedCellError)).toEqual([]);
    const first = read.findIndex((row) => row[0] === "Source row") + 1;
    const linked = read
      .map((row, r) => ({ r, source: row[0], link: port.linkAt(sheet, r, 10), status: row[10] }))
      .filter((x) => x.r >= first && x.link);
    expect(linked.map((x) => [x.source, x.link])).toEqual([
      [3, { sheet: source, address: "A3" }],
      [5, { sheet: source, address: "A5" }],
      [6, { sheet: source, address: "A6" }],
      [7, { sheet: source, address: "A7" }],
    ]);
    // The link shows its words, and the summary's COUNTIFS read them.
    expect(linked[2].status).toBe("Left out: units blank (no contacts given)");
    expect(linked[0].status).toMatch(
      /^Left out: team type "X99" is not an MHSDS service team type/
    );
    const leftOut = read.find((row) => row[0] === "Rows left out (see Status)")!;
    expect(leftOut[2]).toBe(4);
    expect(read.find((row) => row[0] === "All")![2]).toBe(12 + 3);
  });

  it("write the Status as plain words where the sheet is not known", () => {
    const pre = preflightActivity(activityRowsFrom(tableOn("Activity"), cols, null));
    const plan = activityPlan(pre, "Activity");
    const tableBlock = plan.sheets[0].blocks.find((b) => b.kind === "table") as {
      rows: CellInput[][];
    };
    expect(tableBlock.rows[3][10]).toBe("Left out: an exact duplicate of sheet row 4");
  });
});

describe("an extract read as a stream", () => {
  it("names file lines in plain text: its rows are on no sheet", () => {
    const check = activityChecker();
    const tally = newTally();
    body.forEach((row, i) => {
      const r = activityRowOf(row, i + 2, cols, null);
      addVerdict(tally, r, check(r));
    });
    const choices = { duplicates: "leave out", blankUnits: "leave out" } as const;
    const leftOut = leftOutRows(tally, choices);
    expect(leftOut.listed.map((r) => [r.line, r.reason.replace(/ \(.*/, "")])).toEqual([
      [3, 'team type "X99" is not an MHSDS service team type'],
      [5, "an exact duplicate of line 4"],
      [6, "units blank"],
      [7, 'units "-2" is not a whole number of contacts or bed days'],
    ]);
    const plan = extractPlan({
      fileName: "x.csv",
      rows: tally.rows,
      why: "asked",
      figures: tallyFigures(tally, choices),
      leftOut,
    });
    const cells = plan.sheets[0].blocks.flatMap((b) =>
      b.kind === "table" ? [b.header, ...b.rows] : b.kind === "cells" ? b.values : []
    );
    expect(cells.flat().filter((v) => typeof v === "string" && /HYPERLINK/i.test(v))).toEqual([]);
  });
});
