/* eslint-disable @typescript-eslint/no-explicit-any */
import { costPerDayRange } from "../../../src/core/tariff/costing";
import { sharePennies } from "../../../src/core/tariff/pennies";
import { rebaseRange } from "../../../src/core/tariff/rebase";
import { col, show } from "./fixtures";

// Positional, in the order of PBR.COSTPERDAY's arguments, to keep the cases short.
const cpd = (costPool: any, codes: any, days: any, weights: any): any => {
  const r = costPerDayRange({ costPool, codes, days, weights });
  return Array.isArray(r) ? r.map(show) : show(r);
};
const rebase = (contractValue: any, codes: any, plannedActivity: any, costs: any): any => {
  const r = rebaseRange({ contractValue, codes, plannedActivity, costs });
  return Array.isArray(r) ? r.map((row) => row.map(show)) : show(r);
};

describe("sharing pennies (largest remainder)", () => {
  it("gives leftover pennies to the largest fractions", () => {
    // 100p over weights 1 : 2 : 4 → 14.29p, 28.57p, 57.14p → 14 + 28 + 57 = 99, 1 left → the .57 share
    expect(Array.from(sharePennies(100, Float64Array.from([1, 2, 4]))!)).toEqual([14, 29, 57]);
  });

  it("breaks ties in favour of the earlier row", () => {
    // 100p three ways: 33.33p each, 1p left → row 1
    expect(Array.from(sharePennies(100, Float64Array.from([1, 1, 1]))!)).toEqual([34, 33, 33]);
    // 2p left over four equal shares of 25.5p → rows 1 and 2
    expect(Array.from(sharePennies(102, Float64Array.from([1, 1, 1, 1]))!)).toEqual([26, 26, 25, 25]);
  });

  it("gives nothing to a weight of 0", () => {
    expect(Array.from(sharePennies(101, Float64Array.from([0, 1, 1]))!)).toEqual([0, 51, 50]);
  });
});

describe("PBR.COSTPERDAY", () => {
  it("shares the pool by days and returns cost per day; shares add up to the pool", () => {
    // £1,000 over three codes with 1 day each: 333.34 + 333.33 + 333.33 (the odd penny to row 1)
    expect(cpd(1000, col(1, 2, 3), col(1, 1, 1), null)).toEqual([333.34, 333.33, 333.33]);
    // £1 over 1, 2 and 4 days: shares 14p, 29p, 57p → per day 0.14, 0.145, 0.1425
    expect(cpd(1, col(1, 2, 3), col(1, 2, 4), null)).toEqual([0.14, 0.145, 0.1425]);
  });

  it("weights days: a day with weight 2 costs twice as much", () => {
    // £900; 10 days × 2 = 20 and 20 days × 1 = 20 → £450 each → £45 and £22.50 per day
    expect(cpd(900, col(14, 1), col(10, 20), col(2, 1))).toEqual([45, 22.5]);
    // blank weight counts as 1
    expect(cpd(900, col(14, 1), col(10, 20), col(2, ""))).toEqual([45, 22.5]);
  });

  it("lets a code repeat (one line per team) and leaves blank rows blank", () => {
    expect(cpd("£1,200", col(14, "", 14), col(10, "", 30), null)).toEqual([30, "", 30]);
  });

  it("rounds the pool to the penny first", () => {
    expect(cpd(10.004, col(1, 2), col(1, 1), null)).toEqual([5, 5]);
  });

  it("0 days on a row → #DIV/0! on that row only (its share is £0)", () => {
    expect(cpd(100, col(1, 2), col(0, 4), null)).toEqual([
      "#DIV/0! row 1: code 1 has 0 days, so it has no cost per day (its share is £0)",
      25,
    ]);
  });

  it("all days × weight 0 → #DIV/0! explained", () => {
    const why = "#DIV/0! the total of days × weight is 0, so there is nothing to share the pool in proportion to";
    expect(cpd(100, col(1, 2), col(0, 0), null)).toEqual([why, why]);
    expect(cpd(100, col(1, 2), col(3, 4), col(0, 0))).toEqual([why, why]);
  });

  it("a bad row shows its error; the others say which row to fix", () => {
    expect(cpd(100, col(1, 2, "", 4), col(5, -1, 3, "x"), col(1, 1, 1, 1))).toEqual([
      "#VALUE! row 1: the cost per day cannot be worked out until this is fixed: row 2, days: -1 is negative",
      "#NUM! row 2, days: -1 is negative",
      "#VALUE! row 3: code is blank",
      '#VALUE! row 4, days: "x" is not a number',
    ]);
    expect(cpd(100, col(1, 2), col(5, 5), col(1, -2))[1]).toBe("#NUM! row 2, weight: -2 is negative");
  });

  it("bad pool → #VALUE! (text) or #NUM! (negative, too large)", () => {
    expect(cpd("lots", 1, 1, null)).toBe('#VALUE! costPool "lots" is not a number');
    expect(cpd(-5, 1, 1, null)).toBe("#NUM! costPool -5 is negative");
    expect(cpd(1e12, 1, 1, null)).toMatch(/^#NUM! costPool 1000000000000 is over the £90,000,000,000 limit/);
    expect(cpd([[1], [2]], 1, 1, null)).toBe("#VALUE! costPool must be a single value; got 2 cells");
  });
});

describe("PBR.REBASE", () => {
  it("scales costs by k so that Σ price × planned activity = the contract value", () => {
    // Σ cost × activity = 300 × 1,000 + 2,000 × 200 = £700,000; k = 1,000,000 / 700,000 = 10/7
    const out = rebase(1_000_000, col(1, 14), col(1000, 200), col(300, 2000)) as number[][];
    const k = 10 / 7;
    expect(out[0][0]).toBeCloseTo(300 * k, 9);
    expect(out[1][0]).toBeCloseTo(2000 * k, 9);
    expect(out[0][1]).toBeCloseTo(k, 12);
    expect(out[1][1]).toBe(out[0][1]);
    expect(out[0][0] * 1000 + out[1][0] * 200).toBeCloseTo(1_000_000, 6);
  });

  it("leaves blank rows blank and lets a code with no activity still get a price", () => {
    expect(rebase(200, col(1, "", 2), col(10, "", 0), col(10, "", 7))).toEqual([
      [20, 2],
      ["", ""],
      [14, 2],
    ]);
  });

  it("a repeated code → #VALUE! on the later row; the others cannot have k", () => {
    expect(rebase(100, col(14, "14"), col(1, 1), col(1, 1))).toEqual([
      ["#VALUE! row 1: k cannot be worked out until this is fixed: row 2: code \"14\" is already given in row 1; give each code once", ""],
      ['#VALUE! row 2: code "14" is already given in row 1; give each code once', ""],
    ]);
  });

  it("negative or text activity and costs stay in their rows", () => {
    const out = rebase(100, col(1, 2, 3), col(1, -1, 1), col(1, 1, "n/a")) as unknown[][];
    expect(out[1][0]).toBe("#NUM! row 2, planned activity: -1 is negative");
    expect(out[2][0]).toBe('#VALUE! row 3, cost: "n/a" is not a number');
  });

  it("contract value 0 or less → #NUM!; text → #VALUE!; Σ cost × activity 0 → #DIV/0!", () => {
    expect(rebase(0, 1, 1, 1)).toBe("#NUM! contractValue 0 must be more than 0");
    expect(rebase(-1, 1, 1, 1)).toBe("#NUM! contractValue -1 is negative");
    expect(rebase("block", 1, 1, 1)).toBe('#VALUE! contractValue "block" is not a number');
    expect(rebase(100, col(1, 2), col(0, 5), col(9, 0))).toEqual([
      ["#DIV/0! the total of cost × planned activity is 0, so no factor k can reproduce the contract value", ""],
      ["#DIV/0! the total of cost × planned activity is 0, so no factor k can reproduce the contract value", ""],
    ]);
  });
});

describe("bounded work under extreme values (issue 11)", () => {
  it("shares in bounded time and says why when no exact penny share exists", () => {
    expect(sharePennies(400, Float64Array.from([1e308]))).not.toBeNull();
    expect(sharePennies(400, Float64Array.from([1e308, 1e308]))).toBeNull(); // Σ overflows
    expect(sharePennies(400, Float64Array.from([Infinity]))).toBeNull();
    expect(sharePennies(400, Float64Array.from([NaN, 1]))).toBeNull();
    expect(sharePennies(2 ** 53, Float64Array.from([1, 2]))).toBeNull();
    expect(Array.from(sharePennies(9e12, Float64Array.from([1e-300, 1]))!)).toEqual([0, 9e12]);
  });
});
