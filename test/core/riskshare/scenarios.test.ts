import { PbrError } from "../../../src/core/errors";
import { SCENARIO_HEADER, scenariosTable } from "../../../src/core/riskshare/scenarios";

const BANDS = [["From", "To", "Rate"], [0, 0.03, 0], [0.03, 0.1, 0.5], [0.1, "", 1]];

describe("scenariosTable", () => {
  it("worked example: P £1,000,000 swept from −15% to +15%", () => {
    const out = scenariosTable({ plan: [[1_000_000]], variances: [[-0.15], [-0.05], [0], [0.02], [0.15]], bands: BANDS }) as number[][];
    expect(out[0]).toEqual(SCENARIO_HEADER);
    const expected = [
      // −15%: V 850,000; refund 0.5 × 70,000 + 1 × 50,000 = 85,000 → payment 915,000;
      //       gain 915,000 − 850,000 = 65,000; change −85,000
      [-0.15, 850_000, 915_000, 65_000, -85_000],
      // −5%: V 950,000; refund 0.5 × 20,000 = 10,000 → 990,000; gain 40,000; change −10,000
      [-0.05, 950_000, 990_000, 40_000, -10_000],
      [0, 1_000_000, 1_000_000, 0, 0],
      // +2%: inside the 0-rate band → 1,000,000; gain −20,000; change 0
      [0.02, 1_020_000, 1_000_000, -20_000, 0],
      // +15%: 0.5 × 70,000 + 1 × 50,000 = 85,000 → 1,085,000; gain −65,000; change 85,000
      [0.15, 1_150_000, 1_085_000, -65_000, 85_000],
    ];
    expected.forEach((row, i) => row.forEach((v, j) => expect(out[i + 1][j]).toBeCloseTo(v, 6)));
  });

  it("cap and collar apply: cap 5%, collar 2%", () => {
    const out = scenariosTable({ plan: [[1_000_000]], variances: [[-0.15], [0.15]], bands: BANDS, cap: [[0.05]], collar: [[0.02]] }) as number[][];
    // −15%: 915,000 held at 980,000; +15%: 1,085,000 held at 1,050,000
    expect(out[1][2]).toBeCloseTo(980_000, 6);
    expect(out[2][2]).toBeCloseTo(1_050_000, 6);
  });

  it("blank variances give blank rows, bad ones an error across the row", () => {
    const out = scenariosTable({ plan: [[100]], variances: [[""], ["x"], [-1.5], [-1]], bands: BANDS }) as unknown[][];
    expect(out[1]).toEqual(["", "", "", "", ""]);
    expect((out[2][0] as PbrError).message).toBe('row 2, variance: "x" is not a number');
    expect((out[3][4] as PbrError).kind).toBe("#NUM!");
    expect((out[3][0] as PbrError).message).toContain("row 3, variance: -1.5 would make activity negative");
    // −100%: V = 0; refund 0.5 × 7 + 1 × 90 = 93.5 → 6.5
    expect(out[4][1]).toBe(0);
    expect(out[4][2]).toBeCloseTo(6.5, 12);
  });

  it("a negative plan is #NUM! in each row", () => {
    const out = scenariosTable({ plan: [[-100]], variances: [[0]], bands: BANDS }) as PbrError[][];
    expect(out[1][0].kind).toBe("#NUM!");
  });
});
