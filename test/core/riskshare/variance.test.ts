import { PbrError } from "../../../src/core/errors";
import { ILLUSTRATIVE_PRICES } from "../../../src/core/tariff/illustrative";
import { splitVariance, varianceTable } from "../../../src/core/riskshare/variance";

describe("variance decomposition", () => {
  it("worked example with a price column", () => {
    // code 1 at £10, code 2 at £20. Plan 10 + 10 → P = 100 + 200 = 300, ΣA_plan = 20, avg 15.
    // Actual 12 + 5 → V = 120 + 100 = 220, ΣA_act = 17, avg 220/17.
    // volume = (17 − 20) × 15 = −45; mix = 17 × (220/17 − 15) = 220 − 255 = −35; total = −80
    const out = varianceTable([[1], [2]], [[10], [10]], [[12], [5]], [[10], [20]]) as number[][];
    expect(out).toHaveLength(1);
    expect(out[0][0]).toBeCloseTo(-45, 12);
    expect(out[0][1]).toBeCloseTo(-35, 12);
    expect(out[0][2]).toBeCloseTo(-80, 12);
  });

  it("worked example with a price table (Code | Day price), codes as text or numbers", () => {
    const table = [ILLUSTRATIVE_PRICES.header, ...ILLUSTRATIVE_PRICES.rows];
    // illustrative day prices: cluster 3 £6.90, cluster 14 £36.20
    // plan 1,000 days of 3 and 100 of 14: P = 6,900 + 3,620 = 10,520; ΣA = 1,100; avg = 9.5636…
    // actual 1,000 days of 3 and 200 of 14: V = 6,900 + 7,240 = 14,140; ΣA = 1,200
    // volume = 100 × 10,520/1,100 = 956.3636…; mix = 14,140 − 1,200 × 10,520/1,100 = 2,663.6363…
    // total = 3,620
    const out = varianceTable([["3"], [14]], [[1000], [100]], [[1000], [200]], table) as number[][];
    expect(out[0][0]).toBeCloseTo((100 * 10520) / 1100, 9);
    expect(out[0][1]).toBeCloseTo(14140 - (1200 * 10520) / 1100, 9);
    expect(out[0][2]).toBeCloseTo(3620, 9);
  });

  it("a Price header also works, matched ignoring case and spaces", () => {
    const out = varianceTable([["A"], ["B"]], [[1], [1]], [[2], [1]], [[" code ", "PRICE"], ["A", 5], ["B", 7]]) as number[][];
    // P = 12, avg 6; V = 10 + 7 = 17; volume = 1 × 6 = 6; mix = 17 − 3 × 6 = −1; total 5
    expect(out[0]).toEqual([6, -1, 5]);
  });

  it("same activity in every code: all volume (mix 0); same totals, shifted mix: all mix (volume 0)", () => {
    // plan 10 @ 10 + 10 @ 20 = 300 (avg 15); actual 20 + 20 = 600: volume (40 − 20) × 15 = 300, mix 600 − 40 × 15 = 0
    expect(varianceTable([[1], [2]], [[10], [10]], [[20], [20]], [[10], [20]])).toEqual([[300, 0, 300]]);
    // actual 5 + 15 = 50 + 300 = 350; volume (20 − 20) × 15 = 0; mix 350 − 20 × 15 = 50
    expect(varianceTable([[1], [2]], [[10], [10]], [[5], [15]], [[10], [20]])).toEqual([[0, 50, 50]]);
  });

  it("no actual activity at all: mix is 0 and everything is volume", () => {
    // volume = (0 − 20) × 15 = −300; mix = 0 − 0 × 15 = 0; total = −300
    expect(varianceTable([[1], [2]], [[10], [10]], [[0], [""]], [[10], [20]])).toEqual([[-300, 0, -300]]);
  });

  it("rows with no activity are skipped (their price is not needed)", () => {
    const out = varianceTable([[1], [99], [""]], [[10], [0], [""]], [[10], [""], [""]], [["Code", "Price"], [1, 4]]) as number[][];
    // only code 1: P = V = 40 → [0, 0, 0]
    expect(out).toEqual([[0, 0, 0]]);
  });

  describe("errors", () => {
    const first = (x: unknown) => (x instanceof PbrError ? x : (x as PbrError[][])[0][0]);
    it("no planned activity → #DIV/0!", () => {
      expect(first(varianceTable([[1]], [[0]], [[5]], [[10]])).kind).toBe("#DIV/0!");
    });
    it("code not in the price table → #N/A naming the row and code", () => {
      const e = first(varianceTable([[1], [7]], [[1], [1]], [[1], [1]], [["Code", "Day price"], [1, 4]]));
      expect(e.kind).toBe("#N/A");
      expect(e.message).toBe("row 2: code 7 is not in the price table (row 2)");
    });
    it("blank code with a price table → #VALUE!", () => {
      expect(first(varianceTable([[""]], [[1]], [[1]], [["Code", "Day price"], [1, 4]])).message).toBe("row 1: code is blank");
    });
    it("negative activity → #NUM!; text activity → #VALUE!", () => {
      expect(first(varianceTable([[1]], [[-1]], [[1]], [[4]])).kind).toBe("#NUM!");
      expect(first(varianceTable([[1]], [[1]], [["many"]], [[4]])).message).toBe('row 1, actual activity: "many" is not a number');
    });
    it("mismatched lengths name both", () => {
      expect(first(varianceTable([[1], [2]], [[1]], [[1], [2]], [[4]])).message).toBe(
        "planActivity has 1 rows but codes has 2: they must match (or give one value for every row)"
      );
      expect(first(varianceTable([[1], [2]], [[1], [1]], [[1], [2]], [[4], [5], [6]])).message).toContain("prices has 3 rows but codes has 2");
    });
    it("price table problems", () => {
      expect(first(varianceTable([[1]], [[1]], [[1]], [["Code", "Cost"], [1, 4]])).message).toBe('the price table has no "Price or Day price" column in its header row');
      expect(first(varianceTable([[1]], [[1]], [[1]], [["Code", "Price"], [1, 4], [1, 5]])).message).toBe('row 1: code 1 is listed twice in the price table for overlapping dates (rows 2 and 3)');
      expect(first(varianceTable([[1]], [[1]], [[1]], [["Code", "Price"], [1, -4]])).kind).toBe("#NUM!");
    });
  });

  it("splitVariance adds up", () => {
    const s = splitVariance(20, 17, 300, 220) as { volume: number; mix: number; total: number };
    expect(s.volume + s.mix).toBeCloseTo(s.total, 12);
  });
});
