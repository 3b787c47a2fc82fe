import fc from "fast-check";
import { autoMap } from "../../../src/core/caseload/headers";
import { CLUSTER_NINE_NOTE, CaseloadValidator, NOT_CLUSTERED_NOTE } from "../../../src/core/caseload/validator";

const HEADER = ["ID", "Cluster", "Start", "End", "HoNOS 6"];

function run(rows: unknown[][], header = HEADER) {
  const v = new CaseloadValidator(autoMap(header), header.length);
  rows.forEach((r, i) => v.add(r, i + 2)); // the header is row 1
  return v;
}

describe("caseload validator", () => {
  it("writes the core columns, all 18 items when any is mapped, and a note", () => {
    const v = run([["P1", "11", "01/04/2024", "", "3"]]);
    expect(v.header.slice(0, 8)).toEqual(["ID", "Cluster", "Start date", "End date", "Admitted days", "Team", "Commissioner", "Step"]);
    expect(v.header[8]).toBe("MHCT 1");
    expect(v.header).toHaveLength(8 + 18 + 1);
    expect(v.dateColumns).toEqual([2, 3]);
    // 01/04/2024 = serial 45383; HoNOS 6 is the 6th item, column 8 + 5 = 13.
    expect(v.rows[0][0]).toBe("P1");
    expect(v.rows[0][1]).toBe(11);
    expect(v.rows[0][2]).toBe(45383);
    expect(v.rows[0][13]).toBe(3);
  });

  it("leaves the items out when the file has none", () => {
    const v = run([["P1", "11", "01/04/2024"]], ["ID", "Cluster", "Start"]);
    expect(v.header).toEqual(["ID", "Cluster", "Start date", "End date", "Admitted days", "Team", "Commissioner", "Step", "Note"]);
  });

  it("rejects a row once however many problems it has, listing each", () => {
    const v = run([["P1", "23", "31/02/2024", "", "7"]]);
    expect(v.counts).toEqual({ imported: 0, rejected: 1, blankSkipped: 0, notClustered: 0, clusterNine: 0, flagged: 0 });
    expect(v.rejects.map((r) => [r.row, r.field, r.value])).toEqual([
      [2, "cluster", "23"],
      [2, "start date", "31/02/2024"],
      [2, "MHCT item 6", "7"],
    ]);
  });

  it("rejects an end before the start, quoting both dates", () => {
    const v = run([["P1", "11", "05/03/2024", "01/03/2024"]]);
    expect(v.rejects[0]).toEqual({
      row: 2,
      line: 2,
      field: "end date",
      value: "01/03/2024",
      reason: "row 2, end date: 01/03/2024 is before the start date 05/03/2024",
      id: "P1",
    });
  });

  it("keeps cluster 99 and cluster 9 as flagged rows, with a note saying why", () => {
    const v = run([["P1", "99", "01/04/2024"], ["P2", "9", "01/04/2024"]]);
    expect(v.counts.notClustered).toBe(1);
    expect(v.counts.clusterNine).toBe(1);
    expect(v.rows[0][1]).toBe(99);
    expect(v.rows[0][v.header.length - 1]).toBe(NOT_CLUSTERED_NOTE);
    expect(v.rows[1][1]).toBe(9);
    expect(v.rows[1][v.header.length - 1]).toBe(CLUSTER_NINE_NOTE);
  });

  it("rejects admitted days beyond the days from start to end", () => {
    const v = run(
      [
        ["P1", "11", "01/04/2024", "30/04/2024", "31"],
        ["P2", "11", "01/04/2024", "30/04/2024", "30"],
        ["P3", "11", "01/04/2024", "", "400"],
      ],
      ["ID", "Cluster", "Start", "End", "Bed days"]
    );
    expect(v.counts.imported).toBe(2);
    expect(v.rejects).toEqual([
      { row: 2, line: 2, field: "admitted days", value: "31", reason: "row 2, admitted days: 31 is more than the 30 days from 01/04/2024 to 30/04/2024", id: "P1" },
    ]);
  });

  it("rejects a repeated (ID, start date) but not the same ID with another start", () => {
    const v = run([
      ["P1", "11", "01/04/2024"],
      ["P1", "12", "01/10/2024"], // a later cluster period: fine
      ["P1", "11", "2024-04-01"], // the same period again (same date, other spelling)
      ["P2", "31", "01/04/2024"], // rejected for its cluster…
      ["P2", "3", "01/04/2024"], // …so this is the first imported P2 of that date
    ]);
    expect(v.counts.imported).toBe(3);
    expect(v.rejects.map((r) => r.reason)).toEqual([
      'row 4, ID: "P1" with start date 01/04/2024 was already imported from row 2',
      'row 5, cluster: "31" is not a care cluster (0–8 or 10–21; 99 = not clustered)',
    ]);
  });

  it("skips blank rows inside the data and ignores trailing ones", () => {
    const v = run([["P1", "11", "01/04/2024"], [], ["", " ", null], ["P2", "11", "01/04/2024"], [""], [",", ""].slice(1)]);
    expect(v.counts).toEqual({ imported: 2, rejected: 0, blankSkipped: 2, notClustered: 0, clusterNine: 0, flagged: 0 });
  });

  it("rejects rows with more values than the header, but not trailing empty ones", () => {
    const v = run([
      ["P1", "11", "01/04/2024", "", "", "extra"],
      ["P2", "11", "01/04/2024", "", "", "", ""],
    ]);
    expect(v.counts.imported).toBe(1);
    expect(v.rejects[0].reason).toMatch(/^row 2: 6 values but the header has 5 columns/);
  });

  it("treats missing trailing values as blank", () => {
    const v = run([["P1", "11", "01/04/2024"], ["P2", "11"]]);
    expect(v.counts.imported).toBe(1);
    expect(v.rejects[0].reason).toBe("row 3, start date: blank, but this field is required");
  });

  it("imported + rejected = non-blank rows, and the report names exactly the rejected rows (property)", () => {
    const cell = fc.constantFrom("", " ", "P1", "P2", "11", "9", "99", "23", "4", "01/04/2024", "31/02/2024", "12/31/2024", "2024-04-02", "x");
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 40 }), (rows) => {
        const v = run(rows);
        const nonBlank = rows.filter((r) => r.some((c) => c.trim() !== "")).length;
        expect(v.counts.imported + v.counts.rejected).toBe(nonBlank);
        expect(v.rows).toHaveLength(v.counts.imported);
        expect(new Set(v.rejects.map((r) => r.row)).size).toBe(v.counts.rejected);
        const lastData = rows.reduce((last, r, i) => (r.some((c) => c.trim() !== "") ? i : last), -1);
        const blankInside = rows.slice(0, lastData + 1).filter((r) => r.every((c) => c.trim() === "")).length;
        expect(v.counts.blankSkipped).toBe(blankInside);
      })
    );
  });
});
