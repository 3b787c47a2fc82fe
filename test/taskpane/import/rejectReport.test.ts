/* The reject report leads with the ID and the reason, grouped by problem with each group's size. */
import { problemKind, rejectLines, REJECT_HEADER } from "../../../src/taskpane/import/rejectReport";
import type { CaseloadReject } from "../../../src/core/caseload/validator";

const over = (row: number, id: string, days: number): CaseloadReject => ({
  row,
  line: row,
  field: "admitted days",
  value: String(days),
  reason: `row ${row}, admitted days: ${days} is more than the 13 days from 01/04/2024 to 13/04/2024`,
  id,
});

describe("the Import rejects sheet", () => {
  it("names the kind of problem without the row and the values", () => {
    expect(
      problemKind(
        "row 12, admitted days: 30 is more than the 13 days from 01/04/2024 to 13/04/2024"
      )
    ).toBe("admitted days: … is more than the … days from … to …");
    expect(problemKind('row 4, cluster: "X9" is not a cluster code 0–21')).toBe(
      "cluster: … is not a cluster code …–…"
    );
  });

  it("leads with the ID and the reason, largest group first, file order within a group", () => {
    const bad: CaseloadReject = {
      row: 3,
      line: 3,
      field: "start date",
      value: "31/02/2024",
      reason: "row 3, start date: 31/02/2024 is not a date",
      id: "P-3",
    };
    const lines = rejectLines([bad, over(7, "P-7", 30), over(5, "P-5", 20)]);
    expect(REJECT_HEADER.slice(0, 4)).toEqual([
      "ID",
      "Reason",
      "Problem",
      "Rows with this problem",
    ]);
    expect(lines.map((l) => l[0])).toEqual(["P-7", "P-5", "P-3"]);
    expect(lines[0]).toEqual([
      "P-7",
      "row 7, admitted days: 30 is more than the 13 days from 01/04/2024 to 13/04/2024",
      "admitted days: … is more than the … days from … to …",
      2,
      "admitted days",
      "30",
      7,
      7,
      "Left out",
    ]);
    expect(lines[2].slice(2, 4)).toEqual(["start date: … is not a date", 1]);
  });

  it("marks the rows imported and flagged (import and flag) in the Outcome column", () => {
    const lines = rejectLines([{ ...over(7, "P-7", 30), flagged: true }, over(5, "P-5", 20)]);
    expect(REJECT_HEADER[8]).toBe("Outcome");
    expect(lines.map((l) => [l[0], l[8]])).toEqual([
      ["P-7", "Imported and flagged"],
      ["P-5", "Left out"],
    ]);
  });
});
