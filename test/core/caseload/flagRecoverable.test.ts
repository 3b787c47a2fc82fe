/* Import and flag (issue 28): a row whose only problem is recoverable (admitted days more than the
   period's days) is imported with its value kept and the problem named in its Note, when the user
   chooses; any other problem still leaves the row out. */
import { autoMap } from "../../../src/core/caseload/headers";
import { CaseloadValidator, NOT_CLUSTERED_NOTE } from "../../../src/core/caseload/validator";

const HEADER = ["ID", "Cluster", "Start", "End", "Admitted days"];

function run(rows: unknown[][], flagRecoverable: boolean) {
  const v = new CaseloadValidator(autoMap(HEADER), HEADER.length, { flagRecoverable });
  rows.forEach((r, i) => v.add(r, i + 2));
  return v;
}

const over = ["P1", "11", "01/04/2024", "13/04/2024", "30"]; // 30 admitted days in a 13-day period

describe("import and flag", () => {
  it("leaves the person out by default, as before", () => {
    const v = run([over], false);
    expect(v.counts).toMatchObject({ imported: 0, rejected: 1, flagged: 0 });
    expect(v.rejects[0].flagged).toBeUndefined();
  });

  it("imports and flags the person when chosen: value kept, problem in the Note, listed as flagged", () => {
    const v = run([over, ["P2", "4", "01/04/2024", "", ""]], true);
    expect(v.counts).toMatchObject({ imported: 2, rejected: 0, flagged: 1 });
    expect(v.counts.imported + v.counts.rejected).toBe(v.dataRows);
    const note = v.header.indexOf("Note");
    expect(v.rows[0][4]).toBe(30);
    expect(v.rows[0][note]).toBe(
      "Flagged: admitted days: 30 is more than the 13 days from 01/04/2024 to 13/04/2024"
    );
    expect(v.rows[1][note]).toBeNull();
    expect(v.rejects).toHaveLength(1);
    expect(v.rejects[0]).toMatchObject({ row: 2, id: "P1", field: "admitted days", flagged: true });
  });

  it("still leaves out a row with any problem that is not recoverable", () => {
    const v = run([["P1", "23", "01/04/2024", "13/04/2024", "30"]], true); // cluster 23 too
    expect(v.counts).toMatchObject({ imported: 0, rejected: 1, flagged: 0 });
    expect(v.rejects.every((r) => r.flagged === undefined)).toBe(true);
  });

  it("checks a flagged row for repeats, and keeps both notes on a flagged 99", () => {
    const v = run([over, over, ["P3", "99", "01/04/2024", "13/04/2024", "30"]], true);
    expect(v.counts).toMatchObject({ imported: 2, rejected: 1, flagged: 2, notClustered: 1 });
    const duplicate = v.rejects.find((r) => r.field === "ID");
    expect(duplicate).toMatchObject({ row: 3 });
    expect(duplicate!.flagged).toBeUndefined();
    const note = v.header.indexOf("Note");
    expect(v.rows[1][note]).toBe(
      `Flagged: admitted days: 30 is more than the 13 days from 01/04/2024 to 13/04/2024; ${NOT_CLUSTERED_NOTE}`
    );
  });
});
