/* The Excel adapter outside Excel: errors come back as PbrError values, nothing throws. */
import { PbrError } from "../../src/core/errors";
import { ILLUSTRATIVE_BANDS } from "../../src/core/riskshare/illustrative";
import { ILLUSTRATIVE_PRICES } from "../../src/core/tariff/illustrative";
import { blended, riskshare, scenarios, settlement, variance } from "../../src/functions/riskshare";

const BANDS = [ILLUSTRATIVE_BANDS.header, ...ILLUSTRATIVE_BANDS.rows];

describe("PBR risk-share functions (adapter)", () => {
  it("RISKSHARE spills a column; Excel's null for omitted optional arguments works", () => {
    // P 1,000, V 1,200 under the illustrative bands: 0.5 × 70 + 1 × 100 = 135 → 1,135
    const out = riskshare([[1000], [1000]], [[1200], [1000]], BANDS, null as never, null as never, null as never);
    expect(out).toHaveLength(2);
    expect(out[0][0]).toBeCloseTo(1135, 9);
    expect(out[1][0]).toBe(1000);
  });

  it("RISKSHARE treats a blank cell in an optional argument as omitted", () => {
    // cap given as a 1×1 blank range, under-performance bands as a blank cell
    const out = riskshare([[1000]], [[1200]], BANDS, [[""]], [[null]], [[""]]);
    expect(out[0][0]).toBeCloseTo(1135, 9);
  });

  it("SETTLEMENT spills one row of four per contract", () => {
    const out = settlement([[1000]], [[900]], BANDS);
    // |Δ| = 100 (10%): refund 0.5 × 70 = 35 → 965; gain 65; change −35
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(4);
    expect(out[0][0]).toBeCloseTo(965, 9);
  });

  it("BLENDED", () => {
    // 500 + 0.2 × (120 − 100) = 504
    expect(blended([[500]], [[100]], [[120]], [[0.2]])).toEqual([[504]]);
  });

  it("SCENARIOS spills a header row and one row per variance", () => {
    const out = scenarios([[1000]], [[-0.1], [0], [0.1]], BANDS);
    expect(out[0]).toEqual(["Variance", "Activity value", "Payment", "Provider gain", "Change against plan"]);
    expect(out).toHaveLength(4);
    expect(out[3][2]).toBeCloseTo(1035, 9);
  });

  it("VARIANCE reads the illustrative price table as written by Set up model", () => {
    const table = [ILLUSTRATIVE_PRICES.header, ...ILLUSTRATIVE_PRICES.rows];
    // cluster 1 £4.10/day, cluster 2 £5.30/day; plan 100 + 100 = 410 + 530 = 940; actual 100 + 200 = 410 + 1,060 = 1,470
    // volume = 100 × 940/200 = 470; mix = 1,470 − 300 × 4.70 = 60; total = 530
    const out = variance([[1], [2]], [[100], [100]], [[100], [200]], table);
    expect(out[0][0]).toBeCloseTo(470, 9);
    expect(out[0][1]).toBeCloseTo(60, 9);
    expect(out[0][2]).toBeCloseTo(530, 9);
  });

  it("whole-call problems are one error cell, never an exception", () => {
    const missing = riskshare([[1]], [[1]], null as never);
    expect(missing).toHaveLength(1);
    expect((missing[0][0] as PbrError).kind).toBe("#VALUE!");
    expect((missing[0][0] as PbrError).message).toContain("bands is missing");
    const odd = scenarios([[1]], [[0]], [[{ weird: true }]] as never);
    expect(odd).toHaveLength(1);
    expect(odd[0][0]).toBeInstanceOf(PbrError);
    const shapes = variance([[1], [2]], [[1]], [[1], [2]], [[3]]);
    expect((shapes[0][0] as PbrError).message).toContain("planActivity has 1 rows but codes has 2");
  });

  it("bad band tables name the band row", () => {
    const out = riskshare([[1]], [[1]], [["From", "To", "Rate"], [0, 0.1, 0.5], [0.1, "", 2]]);
    expect((out[0][0] as PbrError).message).toBe("bands row 3: rate 2 is not between 0 and 1 (e.g. 0.5 for 50%)");
  });
});
