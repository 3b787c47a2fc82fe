/*
 * An error cell in an input (#DIV/0!, #N/A …) is that row's error and nothing more: with
 * allowErrorForDataTypeAny in functions.json Excel hands the error to the function, which answers
 * the other rows as usual. Outside Excel errors come back as PbrError values.
 */
import { PbrError, inputErrorCode, show } from "../../src/core/errors";
import { toKey } from "../../src/core/values";
import { clustername, reviewdue } from "../../src/functions/clusters";
import { fydays, periodprice, tariff } from "../../src/functions/tariff";
import { rasbudget, rasbuildup } from "../../src/functions/ras";
import { blended } from "../../src/functions/riskshare";
import { mhnrgname } from "../../src/functions/mhnrg";
import { TABLE } from "../core/tariff/fixtures";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ExcelErrorCell, callAsExcel } from "../support/excelBehaviour";

/** CustomFunctions.Error as the runtime builds it: a code ("#DIV/0!") and an optional message. */
class HostError {
  constructor(
    public readonly code: string,
    public readonly message?: string
  ) {}
}
const DIV0 = new HostError("#DIV/0!");
const NA = new HostError("#N/A", "not found");
/** Excel.ErrorCellValue, the data-types shape of the same thing. */
const CELL_VALUE_ERROR = { type: "Error", errorType: "Div0", basicValue: "#DIV/0!" };

const kindAndMessage = (cell: unknown) => (cell instanceof PbrError ? `${cell.kind} ${cell.message}` : cell);
const flat = (grid: unknown[][]) => grid.map((row) => row.map(kindAndMessage));

describe("reading an error cell", () => {
  it("recognises the shapes a host hands over, and not text", () => {
    expect(inputErrorCode(DIV0)).toBe("#DIV/0!");
    expect(inputErrorCode(NA)).toBe("#N/A");
    expect(inputErrorCode(CELL_VALUE_ERROR)).toBe("#DIV/0!");
    expect(inputErrorCode({ type: "Error", errorType: "NotAvailable" })).toBe("#N/A");
    expect(inputErrorCode({ value: "#REF!", type: "REF" })).toBe("#REF!");
    expect(inputErrorCode("#N/A")).toBeNull();
    expect(inputErrorCode(null)).toBeNull();
    expect(inputErrorCode({ code: "not an error" })).toBeNull();
    expect(show(DIV0)).toBe("#DIV/0! (the input cell holds an error)");
    expect(toKey(NA)).toBe("#N/A"); // never blank, so a code lookup reports it
  });
});

describe("an error cell affects only its row", () => {
  it("per-row functions answer the other rows and name the error in its row", () => {
    expect(flat(clustername([[4], [DIV0], [11]]))).toEqual([
      [expect.any(String)],
      ["#VALUE! row 2: the input cell holds #DIV/0!"],
      [expect.any(String)],
    ]);
    expect(flat(tariff([[14], [14], [1]], [[30], [NA], [10]], [[5], [""], [null]], TABLE, null as never))).toEqual([
      [2650],
      ["#VALUE! row 2: the input cell holds #N/A"],
      [40],
    ]);
    expect(flat(fydays([[45383], [CELL_VALUE_ERROR]], [[45400], [45400]], [[2024], [2024]]))).toEqual([
      [18],
      ["#VALUE! row 2: the input cell holds #DIV/0!"],
    ]);
    expect(flat(mhnrgname([[DIV0], [""]]))).toEqual([["#VALUE! row 1: the input cell holds #DIV/0!"], [""]]);
    expect(flat(reviewdue([[4], [4]], [[45383], [DIV0]]))[1]).toEqual(["#VALUE! row 2: the input cell holds #DIV/0!"]);
  });

  it("fills every cell of a wider row with the row's error", () => {
    const out = flat(rasbuildup([[11], [DIV0]], [[3], [3]], null as never, null as never, 1, null as never, null));
    expect(out[0].every((v) => typeof v === "number")).toBe(true);
    expect(out[1]).toEqual(Array(4).fill("#VALUE! row 2: the input cell holds #DIV/0!"));
    expect(flat(rasbudget([[11], [DIV0]], [[3], [3]], null as never, null as never, 1, null as never, null))[1]).toEqual([
      "#VALUE! row 2: the input cell holds #DIV/0!",
    ]);
  });

  it("a one-value argument holding an error applies to every row", () => {
    const out = flat(blended([[100], [200]], [[100], [200]], [[100], [200]], [[DIV0]], null as never, null as never));
    expect(out).toEqual([["#VALUE! row 1: the input cell holds #DIV/0!"], ["#VALUE! row 2: the input cell holds #DIV/0!"]]);
  });

  it("an error inside a table argument is named in the table's message", () => {
    const prices = TABLE.map((r) => r.slice());
    prices[1][1] = DIV0 as never;
    const out = flat(periodprice([[prices[1][0]]], prices, null as never));
    expect(String(out[0][0])).toContain("#DIV/0! (the input cell holds an error)");
  });
});

describe("as Excel calls the function (test/support/excelBehaviour.ts)", () => {
  const golden = JSON.parse(readFileSync(join(__dirname, "../golden/functions.json"), "utf8"));
  const codes = [[14], [14], [1]];
  const days = [[30], [new ExcelErrorCell("#DIV/0!")], [10]];
  const admitted = [[5], [""], [null]];

  it("without allowErrorForDataTypeAny one error cell is the whole spilled result", () => {
    const out = callAsExcel({}, tariff, codes, days, admitted, TABLE, null as never);
    expect(out).toEqual([[new ExcelErrorCell("#DIV/0!")]]);
  });

  it("with the shipped functions.json only the error's row is an error", () => {
    const out = flat(callAsExcel(golden, tariff, codes, days, admitted, TABLE, null as never));
    expect(out).toEqual([[2650], ["#VALUE! row 2: the input cell holds #DIV/0!"], [40]]);
  });
});
