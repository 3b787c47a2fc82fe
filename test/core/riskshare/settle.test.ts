import { PbrError } from "../../../src/core/errors";
import { payment, riskshareRange, settlementRange } from "../../../src/core/riskshare/settle";
import { readBandPair } from "../../../src/core/riskshare/bands";

const H = ["From", "To", "Rate"];
// Illustrative-style corridor: 0–3% at 0, 3–10% at 0.5, above 10% at 1.
const BANDS = [H, [0, 0.03, 0], [0.03, 0.1, 0.5], [0.1, "", 1]];
// A softer table for under-performance: 0–5% at 0, above 5% at 0.25.
const UNDER = [H, [0, 0.05, 0], [0.05, "", 0.25]];
const NONE = { cap: null, collar: null };

function pair(bands: unknown[][], under: unknown = null) {
  const p = readBandPair(bands, under);
  if (p instanceof PbrError) throw new Error(p.message);
  return p;
}

describe("payment: worked examples, P = £2,000,000", () => {
  const P = 2_000_000;
  const b = pair(BANDS);

  it("on plan pays plan", () => {
    expect(payment(b, P, P, NONE)).toBe(P);
  });

  it("over-performance of 8% (V = £2,160,000)", () => {
    // Δ = 160,000; bands edges at 60,000 (3%) and 200,000 (10%)
    // 0 × 60,000 + 0.5 × (160,000 − 60,000) = 50,000 → payment 2,050,000
    expect(payment(b, P, 2_160_000, NONE)).toBeCloseTo(2_050_000, 6);
  });

  it("over-performance of 12% (V = £2,240,000)", () => {
    // Δ = 240,000: 0 × 60,000 + 0.5 × 140,000 + 1 × 40,000 = 110,000 → 2,110,000
    expect(payment(b, P, 2_240_000, NONE)).toBeCloseTo(2_110_000, 6);
  });

  it("under-performance of 12% (V = £1,760,000), same table both ways", () => {
    // |Δ| = 240,000 → 110,000 refunded → 2,000,000 − 110,000 = 1,890,000
    expect(payment(b, P, 1_760_000, NONE)).toBeCloseTo(1_890_000, 6);
  });

  it("under-performance of 12% with a separate under-performance table", () => {
    // under: 0 × 100,000 (5%) + 0.25 × (240,000 − 100,000) = 35,000 → 1,965,000
    expect(payment(pair(BANDS, UNDER), P, 1_760_000, NONE)).toBeCloseTo(1_965_000, 6);
    // over-performance still uses the main table: +12% → 2,110,000
    expect(payment(pair(BANDS, UNDER), P, 2_240_000, NONE)).toBeCloseTo(2_110_000, 6);
  });

  it("cap and collar clamp the payment", () => {
    // +12% gives 2,110,000 but cap 0.05 → at most 2,000,000 × 1.05 = 2,100,000
    expect(payment(b, P, 2_240_000, { cap: 0.05, collar: null })).toBeCloseTo(2_100_000, 6);
    // −12% gives 1,890,000 but collar 0.02 → at least 2,000,000 × 0.98 = 1,960,000
    expect(payment(b, P, 1_760_000, { cap: null, collar: 0.02 })).toBeCloseTo(1_960_000, 6);
    // a cap does not touch under-performance, nor a collar over-performance
    expect(payment(b, P, 1_760_000, { cap: 0, collar: null })).toBeCloseTo(1_890_000, 6);
    expect(payment(b, P, 2_240_000, { cap: null, collar: 0 })).toBeCloseTo(2_110_000, 6);
    // cap 0 and collar 0 fix the payment at plan (a pure block contract)
    expect(payment(b, P, 2_240_000, { cap: 0, collar: 0 })).toBe(P);
  });
});

describe("riskshareRange", () => {
  it("spills one payment per contract row; blank rows stay blank", () => {
    // row 1: P 1,000, V 1,200: 0.5 × 70 + 1 × 100 = 135 → 1,135
    // row 3: P 500, V 510 (2%): inside the 0-rate band → 500
    const out = riskshareRange({ plan: [[1000], [""], [500]], actual: [[1200], [null], [510]], bands: BANDS }) as number[];
    expect(out[0]).toBeCloseTo(1135, 9);
    expect(out[1]).toBe("");
    expect(out[2]).toBe(500);
  });

  it("one plan applies to a column of actuals; gaps in the column stay blank", () => {
    const out = riskshareRange({ plan: [[1000]], actual: [[1000], [1050], [""]], bands: BANDS }) as number[];
    // 5%: 0.5 × (50 − 30) = 10 → 1,010
    expect(out[0]).toBe(1000);
    expect(out[1]).toBeCloseTo(1010, 9);
    expect(out[2]).toBe("");
  });

  it("a single blank plan and actual give one blank", () => {
    expect(riskshareRange({ actual: [[""]], bands: BANDS })).toEqual([""]);
  });

  it("cap and collar may be columns, one per contract", () => {
    const out = riskshareRange({ plan: [[1000], [1000]], actual: [[1200], [1200]], bands: BANDS, cap: [[0.1], [0.01]] }) as number[];
    // 1,135 under cap 1,100 → 1,100; under cap 1,010 → 1,010
    expect(out[0]).toBeCloseTo(1100, 9);
    expect(out[1]).toBeCloseTo(1010, 9);
  });

  it("bad values stay in their row", () => {
    const out = riskshareRange({ plan: [[-5], [1000], [1000], [1000], [1000]], actual: [[10], ["lots"], [1200], [1200], [""]], bands: BANDS, cap: [[""], [""], [-0.1], [""], [""]], collar: [[""], [""], [""], ["x"], [""]] }) as PbrError[];
    expect(out[0].kind).toBe("#NUM!");
    expect(out[0].message).toBe("row 1, plan: -5 is negative");
    expect(out[1].message).toBe('row 2, actual: "lots" is not a number');
    expect(out[2].kind).toBe("#NUM!");
    expect(out[2].message).toBe("row 3, cap: -0.1 is negative");
    expect(out[3].message).toBe('row 4, collar: "x" is not a number');
    expect(out[4].message).toBe("row 5, actual: blank is not a number");
  });

  it("mismatched columns give one error naming both lengths", () => {
    const out = riskshareRange({ plan: [[1], [2], [3]], actual: [[1], [2]], bands: BANDS }) as PbrError;
    expect(out).toBeInstanceOf(PbrError);
    expect(out.kind).toBe("#VALUE!");
    expect(out.message).toBe("actual has 2 rows but plan has 3: they must match (or give one value for every row)");
  });

  it("a bad band table is one error naming its row", () => {
    const out = riskshareRange({ plan: [[1]], actual: [[1]], bands: BANDS, underBands: [H, [0, 0.05, 0], [0.06, "", 1]] }) as PbrError;
    expect(out.message).toContain("under-performance bands row 3");
  });

  it("plan 0: every band edge is 0, so the activity is paid at the last band's rate", () => {
    // 0 + 1 × 300 = 300; with a cap the payment is held at 0 × 1.05 = 0
    expect(riskshareRange({ plan: [[0]], actual: [[300]], bands: BANDS })).toEqual([300]);
    expect(riskshareRange({ plan: [[0]], actual: [[300]], bands: BANDS, cap: [[0.05]] })).toEqual([0]);
  });
});

describe("settlementRange", () => {
  it("worked example: P 1,000, V 1,200 with cap 5%", () => {
    // unclamped 1,135; cap → 1,050. gain = 1,050 − 1,200 = −150 (delivered unfunded);
    // change against plan = 1,050 − 1,000 = +50 (the commissioner pays more than planned)
    const [row] = settlementRange({ plan: [[1000]], actual: [[1200]], bands: BANDS, cap: [[0.05]] }) as number[][];
    expect(row[0]).toBeCloseTo(1050, 9);
    expect(row[1]).toBe(1200);
    expect(row[2]).toBeCloseTo(-150, 9);
    expect(row[3]).toBeCloseTo(50, 9);
  });

  it("worked example: P 1,000, V 900", () => {
    // |Δ| = 100 = 10%: 0.5 × 70 = 35 refunded → 965; gain = 965 − 900 = 65; change = −35
    const [row] = settlementRange({ plan: [[1000]], actual: [[900]], bands: BANDS }) as number[][];
    expect(row[0]).toBeCloseTo(965, 9);
    expect(row[2]).toBeCloseTo(65, 9);
    expect(row[3]).toBeCloseTo(-35, 9);
  });

  it("a blank row is four blanks and a failed row is the error in every cell", () => {
    const out = settlementRange({ plan: [[""], [-1]], actual: [[""], [5]], bands: BANDS }) as unknown[][];
    expect(out[0]).toEqual(["", "", "", ""]);
    expect(out[1]).toHaveLength(4);
    for (const cell of out[1]) expect((cell as PbrError).kind).toBe("#NUM!");
  });
});
