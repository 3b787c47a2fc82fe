/* The Excel adapter for the pricing functions, outside Excel: errors come back as PbrError values. */
import { PbrError } from "../../src/core/errors";
import { PricePer, costperday, fycost, fydays, periodprice, rebase, tariff } from "../../src/functions/tariff";
import { priceArg } from "../../src/functions/priceArg";
import { illustrativePrices } from "../../src/core/tariff/builtin";
import { ILLUSTRATIVE_PRICES } from "../../src/core/tariff/illustrative";
import { TABLE, d } from "../core/tariff/fixtures";

const kindAndMessage = (cell: unknown) => (cell instanceof PbrError ? `${cell.kind} ${cell.message}` : cell);
const flat = (grid: unknown[][]) => grid.map((row) => row.map(kindAndMessage));

describe("pricing functions through the adapter", () => {
  it("TARIFF spills one answer per row, blank rows blank", () => {
    expect(flat(tariff([[14], [""], [1]], [[30], [""], [10]], [[5], [""], [null]], TABLE, null as never))).toEqual([
      [2650],
      [""],
      [40],
    ]);
  });

  it("omitted prices use the built-in ILLUSTRATIVE table", () => {
    const out = tariff([[14]], [[10]], null as never, null as never, null as never);
    expect(out[0][0]).toBeCloseTo(362, 9); // 10 × £36.20
    expect(priceArg(null)).toBe(illustrativePrices());
    expect(priceArg([[""]])).toBe(illustrativePrices());
  });

  it("parses a price table once per content (cached)", () => {
    const copy = TABLE.map((r) => r.slice());
    expect(priceArg(TABLE)).toBe(priceArg(copy));
  });

  it("a prices argument that is not a range, or lacks columns → one #VALUE! cell", () => {
    expect(flat(tariff([[1]], [[1]], null as never, 5 as never, null as never))).toEqual([
      ['#VALUE! prices 5 is not a range: give a price table with a header row (Code | Day price | …)'],
    ]);
    expect(flat(tariff([[1]], [[1]], null as never, [["Code", "Cost"], [1, 2]], null as never))).toEqual([
      ['#VALUE! the price table has no "Day price" column in its header row'],
    ]);
  });

  it("PERIODPRICE, FYDAYS and FYCOST spill per row", () => {
    expect(flat(periodprice([[14], ["MH02"]], TABLE, PricePer.year))).toEqual([[10950], [3650]]);
    expect(flat(fydays([[d("15/03/2024")]], [[d("10/04/2024")]], [[2023], [2024]]))).toEqual([[17], [10]]);
    expect(flat(fycost([[1]], [[d("25/03/2025")]], [[""]], [[2024]], null as never, TABLE, [[1.5]]))).toEqual([[7 * 4 * 1.5]]);
  });

  it("COSTPERDAY spills codes × 1 and REBASE spills [price, k]", () => {
    expect(flat(costperday(1000, [[1], [2], [3]], [[1], [1], [1]]))).toEqual([[333.34], [333.33], [333.33]]);
    expect(flat(rebase(200, [[1], [2]], [[10], [0]], [[10], [7]]))).toEqual([
      [20, 2],
      [14, 2],
    ]);
  });

  it("an empty result spills one blank cell", () => {
    expect(tariff([], [], null as never, TABLE, null as never)).toEqual([[""]]);
  });

  it("never lets an exception out: an unexpected problem becomes a #VALUE! cell", () => {
    const evil = { toString: () => { throw new Error("boom"); } };
    const out = flat(tariff([[evil]], [[1]], null as never, TABLE, null as never));
    expect(out).toEqual([["#VALUE! unexpected problem: boom"]]);
  });

  it("the illustrative table the task pane writes is labelled illustrative", () => {
    expect(ILLUSTRATIVE_PRICES.title.toLowerCase()).toContain("illustrative");
  });
});
