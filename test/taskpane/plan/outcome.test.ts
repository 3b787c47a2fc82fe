/* Honest outcomes: a journey never reports "Wrote" over cells that ended in an error. */
import { errorCells, isErrorValue, outcome, readBackErrors } from "../../../src/taskpane/plan/outcome";
import { MemoryWorkbook } from "../../support/memoryPort";

describe("error cells read back", () => {
  it("recognises Excel error values and nothing else", () => {
    for (const e of ["#VALUE!", "#N/A", "#NUM!", "#DIV/0!", "#REF!", "#NAME?", "#SPILL!"]) expect(isErrorValue(e)).toBe(true);
    for (const v of ["#1 team", "VALUE!", 0, null, true, "", "# N/A"]) expect(isErrorValue(v)).toBe(false);
  });

  it("names each error cell by its sheet address, offset by where the range starts", () => {
    const cells = errorCells({ address: "B3:D5", header: ["a", "#N/A", "c"], rows: [[1, 2, 3], ["#VALUE!", 5, 6]] });
    expect(cells).toEqual([
      { address: "C3", value: "#N/A" },
      { address: "B5", value: "#VALUE!" },
    ]);
  });

  it("reads back only the sheets asked for", async () => {
    const wb = new MemoryWorkbook(["Scenario", "Other"]);
    await wb.writeRange("Scenario", "A1:B2", [["Plan", 1], ["Total", "#VALUE!"]]);
    await wb.writeRange("Other", "A1", [["#N/A"]]);
    expect(await readBackErrors(wb, ["Scenario"])).toEqual([{ sheet: "Scenario", cells: [{ address: "B2", value: "#VALUE!" }] }]);
    await wb.writeRange("Scenario", "B2", [[42]]);
    expect(await readBackErrors(wb, ["Scenario"])).toEqual([]);
  });
});

describe("outcome wording", () => {
  it("passes the success message through when nothing is in error", () => {
    expect(outcome("Wrote sheet Scenario.", [])).toEqual({ message: "Wrote sheet Scenario.", hasErrors: false });
  });

  it("never says Wrote over errors, and says where they are and how many", () => {
    const cells = ["B5", "E11", "E12", "E13", "E14"].map((address) => ({ address, value: "#VALUE!" }));
    const o = outcome("Wrote sheet Scenario: 13 scenarios.", [{ sheet: "Scenario", cells }], "Hover B5.");
    expect(o.hasErrors).toBe(true);
    expect(o.message).not.toMatch(/Wrote/);
    expect(o.message).toBe(
      "The results are not usable yet. On sheet Scenario, 5 cells show an error (B5 #VALUE!, E11 #VALUE!, E12 #VALUE!, and 2 more). Hover B5."
    );
    expect(outcome("x", [{ sheet: "S", cells: cells.slice(0, 1) }]).message).toMatch(/1 cell shows an error \(B5 #VALUE!\)/);
  });
});
