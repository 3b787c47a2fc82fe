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
    expect(tablesWith(newestFirst, headers, ["cluster"])).toEqual(["Prices", "Caseload_2", "Caseload"]);
    expect(tablesWith(newestFirst, headers.set("Caseload", ["Id", "Recorded cluster", "Start date"]), ["cluster", "step"])).toEqual(["Caseload_2"]);
  });

  it("can ask for rating columns too (the cluster audit)", () => {
    expect(tablesWith(newestFirst, headers, ["cluster"], 1)).toEqual(["Caseload_2"]);
  });
});
