/* eslint-disable @typescript-eslint/no-explicit-any */
import { periodPriceRange } from "../../../src/core/tariff/period";
import { illustrativePrices } from "../../../src/core/tariff/builtin";
import { cells, col, show, table } from "./fixtures";

const run = (code: unknown, basis: unknown, t = table()): any => {
  const r = cells(periodPriceRange(code, t, basis));
  return Array.isArray(r) ? r.map(show) : show(r);
};

describe("PBR.PERIODPRICE", () => {
  it("period: Period price, else Day price × Period days, else × the cluster's maximum review period", () => {
    expect(run(col("MH02", "MH01", 14, 1, 11), null)).toEqual([
      1000, // Period price given
      900, // £10 × 90 Period days
      840, // cluster 14 (psychotic crisis): 4 weeks = 28 days × £30
      336, // cluster 1: 12 weeks = 84 days × £4
      700, // Period price given
    ]);
    expect(run(14, "period")).toEqual([840]);
  });

  it("uses 182 days for a 6-month cluster and 365 for an annual one", () => {
    const t = table([["Code", "Day price"], [3, 2], [12, 3], [0, 1]]);
    expect(run(col(3, 12, 0), "period", t)).toEqual([364, 1095, 182]);
  });

  it("year: period price × 365 ÷ period days; with no Period price simply Day price × 365", () => {
    expect(run(col("MH02", "MH01", 14, "MH03", 11), "year")).toEqual([
      3650, // £1,000 × 365 / 100
      3650, // £10 × 365
      10950, // £30 × 365
      1825, // £5 × 365: no review period needed
      700, // £700 × 365 / 365 (cluster 11 is annual)
    ]);
  });

  it("day: the Day price", () => {
    expect(run(col("MH02", 14), " Day ")).toEqual([12, 30]);
  });

  it("gives blanks for blank rows", () => {
    expect(run(col(14, "", null), "day")).toEqual([30, "", ""]);
  });

  it("a code that is not a care cluster and has no period → #N/A saying what to add", () => {
    expect(run(col("MH03", 9), "period", table([["Code", "Day price"], ["MH03", 5], [9, 1]]))).toEqual([
      '#N/A row 1: code "MH03" has no Period price or Period days in the price table (row 2) and is not a care cluster with a maximum review period: add Period days (or Period price) for it',
      "#N/A row 2: code 9 has no Period price or Period days in the price table (row 3) and is not a care cluster with a maximum review period: add Period days (or Period price) for it",
    ]);
  });

  it("a period price with no way to know its days cannot be made yearly", () => {
    const t = table([["Code", "Day price", "Period price"], ["MH09", "", 500]]);
    expect(run("MH09", "period", t)).toEqual([500]);
    expect(run("MH09", "year", t)[0]).toMatch(/^#N\/A row 1: code "MH09" has no Period price or Period days/);
    expect(run("MH09", "day", t)).toEqual(['#N/A row 1: code "MH09" has no Day price in the price table (row 2)']);
  });

  it("unknown code → #N/A; unknown basis → #VALUE!", () => {
    expect(run(99, null, illustrativePrices())).toEqual([
      "#N/A row 1: code 99 is not in the illustrative price table (rows 2–22)",
    ]);
    expect(run(14, "weekly")).toBe('#VALUE! per "weekly" is not recognised; use one of period, year, day');
    expect(run(14, 7)).toBe("#VALUE! per 7 is not recognised; use one of period, year, day");
  });
});
