import { PbrError } from "../../../src/core/errors";
import { blended, blendedRange } from "../../../src/core/riskshare/blended";

describe("blended payment", () => {
  it("worked example: fixed £10m, plan £2m, actual £2.5m, variable rate 20%", () => {
    // 10,000,000 + 0.2 × (2,500,000 − 2,000,000) = 10,000,000 + 100,000 = 10,100,000
    expect(blended(10_000_000, 2_000_000, 2_500_000, 0.2, null, null)).toBe(10_100_000);
  });

  it("below plan the variable part is refunded", () => {
    // 10,000,000 + 0.2 × (1,500,000 − 2,000,000) = 9,900,000
    expect(blended(10_000_000, 2_000_000, 1_500_000, 0.2, null, null)).toBe(9_900_000);
  });

  it("cap and collar are fractions of the fixed element", () => {
    // unclamped 10,100,000; cap 0.005 → 10,000,000 × 1.005 = 10,050,000
    expect(blended(10_000_000, 2_000_000, 2_500_000, 0.2, 0.005, null)).toBeCloseTo(10_050_000, 6);
    // unclamped 9,900,000; collar 0.004 → 10,000,000 × 0.996 = 9,960,000
    expect(blended(10_000_000, 2_000_000, 1_500_000, 0.2, null, 0.004)).toBeCloseTo(9_960_000, 6);
  });

  it("spills per row; blank rows stay blank; bad rows carry their error", () => {
    const out = blendedRange({ fixed: [[100], [""], [100], [100]], planValue: [[50]], actualValue: [[60], [""], [60], [60]], variableRate: [[0.2], [""], [1.2], [0.2]], collar: [[""], [""], [""], [-1]] });
    expect(Array.isArray(out)).toBe(true);
    const rows = out as (number | string | PbrError)[];
    // 100 + 0.2 × (60 − 50) = 102
    expect(rows[0]).toBeCloseTo(102, 12);
    expect(rows[1]).toBe("");
    expect((rows[2] as PbrError).kind).toBe("#NUM!");
    expect((rows[2] as PbrError).message).toBe("row 3, variableRate: 1.2 is not between 0 and 1 (e.g. 0.2 for 20%)");
    expect((rows[3] as PbrError).message).toBe("row 4, collar: -1 is negative");
  });

  it("mismatched columns give one error", () => {
    const out = blendedRange({ fixed: [[1], [2]], planValue: [[1], [2], [3]], actualValue: [[1]], variableRate: [[0.5]] }) as PbrError;
    expect(out.message).toBe("planValue has 3 rows but fixed has 2: they must match (or give one value for every row)");
  });
});
