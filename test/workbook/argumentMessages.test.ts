/* The playground's argument-count and wrong-argument messages name the arguments (issue 28). */
import { DetailedCellError } from "hyperformula";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { argumentCountProblem } from "../../src/workbook/embedded/registry";
import { cluster, clustercheck, clusterfit } from "../../src/functions/clusters";
import { loadPbrFunctions } from "../support/pbrFunctions";

const params = [
  { name: "code", optional: false },
  { name: "days", optional: false },
  { name: "prices", optional: true },
];

describe("argumentCountProblem", () => {
  it("is null for any count from the required ones to all of them", () => {
    expect(argumentCountProblem("TARIFF", params, 2)).toBeNull();
    expect(argumentCountProblem("TARIFF", params, 3)).toBeNull();
  });
  it("names the required arguments when too few are given", () => {
    expect(argumentCountProblem("TARIFF", params, 1)).toBe(
      "PBR.TARIFF needs at least 2 arguments (code, days; also takes prices); got 1"
    );
  });
  it("says exactly how many when none is optional", () => {
    expect(argumentCountProblem("X", params.slice(0, 2), 0)).toBe(
      "PBR.X needs 2 arguments (code, days); got 0"
    );
  });
  it("lists every argument, optional ones in brackets, when too many are given", () => {
    expect(argumentCountProblem("TARIFF", params, 4)).toBe(
      "PBR.TARIFF takes at most 3 arguments (code, days, [prices]); got 4"
    );
  });
});

describe("argument messages in the embedded workbook", () => {
  it("names PBR.TARIFF's arguments instead of 'Wrong number of arguments.'", async () => {
    const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
    await port.writeRange("Sheet1", "A1:A2", [["=PBR.TARIFF(11)"], ["=PBR.CLUSTER(1,2,3,4,5)"]]);
    const a1 = port.getValue("Sheet1", 0, 0) as DetailedCellError;
    expect(a1).toBeInstanceOf(DetailedCellError);
    expect(a1.message).toMatch(
      /^PBR\.TARIFF needs at least 2 arguments \(code, days; also takes .*prices.*\); got 1$/
    );
    const a2 = port.getValue("Sheet1", 1, 0) as DetailedCellError;
    expect(a2.message).toBe(
      "PBR.CLUSTER takes at most 4 arguments (ratings, [superclass], [profile], [rules]); got 5"
    );
  });

  it("says PBR.CLUSTER(1,2,3,4)'s ratings are wrong, not the profile's header", async () => {
    const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
    await port.writeRange("Sheet1", "A1", [["=PBR.CLUSTER(1,2,3,4)"]]);
    const a1 = port.getValue("Sheet1", 0, 0) as DetailedCellError;
    expect(a1.message).toBe("ratings must be 18 columns (MHCT items 1–13 then A–E); got 1");
  });
});

describe("cluster functions check the ratings before the profile", () => {
  const message = (rows: unknown[][]) => (rows[0][0] as { message: string }).message;
  it("CLUSTER, CLUSTERCHECK and CLUSTERFIT name the ratings first", () => {
    const ratings = [[1, 2, 3]];
    const bad = [["not a profile"]];
    expect(message(cluster(ratings, [[""]], bad, null as never))).toMatch(
      /^ratings must be 18 columns.*got 3$/
    );
    expect(message(clustercheck(ratings, [[3]], bad))).toMatch(
      /^ratings must be 18 columns.*got 3$/
    );
    expect(message(clusterfit(ratings, [[3]], bad))).toMatch(/^ratings must be 18 columns.*got 3$/);
  });
});
