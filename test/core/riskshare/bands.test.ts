import { PbrError } from "../../../src/core/errors";
import { parseBands, shared, type Bands } from "../../../src/core/riskshare/bands";
import { ILLUSTRATIVE_BANDS } from "../../../src/core/riskshare/illustrative";

const H = ["From", "To", "Rate"];
const ok = (grid: unknown[][]): Bands => {
  const b = parseBands(grid, "bands");
  if (b instanceof PbrError) throw new Error(b.message);
  return b;
};
const err = (grid: unknown, what = "bands"): PbrError => {
  const b = parseBands(grid, what);
  if (!(b instanceof PbrError)) throw new Error("expected an error");
  return b;
};

describe("parseBands", () => {
  it("reads the illustrative table (written to a sheet by the task pane)", () => {
    const b = ok([ILLUSTRATIVE_BANDS.header, ...ILLUSTRATIVE_BANDS.rows]);
    expect(Array.from(b.from)).toEqual([0, 0.03, 0.1]);
    expect(Array.from(b.to)).toEqual([0.03, 0.1, Infinity]);
    expect(Array.from(b.rate)).toEqual([0, 0.5, 1]);
    // base: share below each band = 0; 0 × 0.03 = 0; 0 + 0.5 × (0.10 − 0.03) = 0.035
    expect(b.base[0]).toBe(0);
    expect(b.base[1]).toBe(0);
    expect(b.base[2]).toBeCloseTo(0.035, 15);
  });

  it("finds columns by header in any order and case, ignores other columns and blank rows", () => {
    const b = ok([
      ["rate", "Note", "TO", " from "],
      [0.2, "first", 0.05, 0],
      ["", "", "", ""],
      [0.8, "rest", "", 0.05],
    ]);
    expect(Array.from(b.rate)).toEqual([0.2, 0.8]);
    expect(Array.from(b.to)).toEqual([0.05, Infinity]);
  });

  it("reads a range without a header as From | To | Rate", () => {
    const b = ok([
      [0, 0.1, 0],
      [0.1, null, "0.5"],
    ]);
    expect(Array.from(b.rate)).toEqual([0, 0.5]);
  });

  it("a single open band is a flat rate", () => {
    const b = ok([H, [0, "", 0.7]]);
    // 0.7 × 250 = 175
    expect(shared(b, 1000, 250)).toBeCloseTo(175, 10);
  });

  describe("bad tables are #VALUE! naming the band row (header = row 1)", () => {
    it.each([
      ["does not start at 0", [H, [0.01, 0.05, 0], [0.05, "", 1]], "bands row 2: the first band starts at 0.01; it must start at 0"],
      ["leaves a gap", [H, [0, 0.03, 0], [0.05, "", 1]], "bands row 3: starts at 0.05 but the band in row 2 ends at 0.03, leaving a gap"],
      ["overlaps", [H, [0, 0.05, 0], [0.03, "", 1]], "bands row 3: starts at 0.03 but the band in row 2 runs to 0.05, so they overlap"],
      ["has a rate above 1", [H, [0, 0.03, 0], [0.03, "", 1.5]], "bands row 3: rate 1.5 is not between 0 and 1"],
      ["has a negative rate", [H, [0, "", -0.1]], "bands row 2: rate -0.1 is not between 0 and 1"],
      ["has a rate typed as a percentage number", [H, [0, "", 50]], "bands row 2: rate 50 is not between 0 and 1"],
      ["has a blank rate", [H, [0, "", ""]], "bands row 2: rate blank is not between 0 and 1"],
      ["has To not above From", [H, [0, 0, 0.5], [0, "", 1]], "bands row 2: To 0 is not above From 0"],
      ["has an open band before the last", [H, [0, "", 0.5], [0.1, "", 1]], "bands row 2: To is blank (no upper limit) but another band follows"],
      ["ends with a closed band", [H, [0, 0.03, 0], [0.03, 0.2, 1]], "bands row 3: the last band ends at 0.2; leave its To blank"],
      ["has text for From", [H, [0, 0.03, 0], ["3%", "", 1]], 'bands row 3: From "3%" is not a number'],
      ["has text for To", [H, [0, "ten", 0], [0.1, "", 1]], 'bands row 2: To "ten" is not a number'],
      ["has a header but no rows", [H, ["", "", ""]], "bands has no bands"],
      ["misses the Rate column", [["From", "To", "Share"], [0, "", 1]], 'the bands has no "Rate" column'],
    ])("%s", (_, grid, message) => {
      const e = err(grid);
      expect(e.kind).toBe("#VALUE!");
      expect(e.message).toContain(message);
    });

    it("row numbers count blank rows, so they point at the sheet row", () => {
      expect(err([H, [0, 0.03, 0], ["", "", ""], [0.04, "", 1]]).message).toContain("bands row 4: starts at 0.04 but the band in row 2");
    });

    it("names the under-performance table", () => {
      expect(err([H, [0.1, "", 1]], "under-performance bands").message).toMatch(/^under-performance bands row 2/);
    });

    it("missing bands say how to get a table", () => {
      expect(err(null).message).toContain("bands is missing");
      expect(err([[""]]).message).toContain("bands is missing");
      expect(err(0.5).message).toContain("is not a band table");
    });
  });
});

describe("shared: Σ rate × part of |Δ| in each band", () => {
  // Illustrative: 0–3% at 0, 3–10% at 0.5, above 10% at 1.
  const b = ok([ILLUSTRATIVE_BANDS.header, ...ILLUSTRATIVE_BANDS.rows]);

  it("worked examples on P = £1,000,000", () => {
    const P = 1_000_000;
    // |Δ| = 20,000 (2%): all in the first band → 0 × 20,000 = 0
    expect(shared(b, P, 20_000)).toBe(0);
    // |Δ| = 50,000 (5%): 0 × 30,000 + 0.5 × 20,000 = 10,000
    expect(shared(b, P, 50_000)).toBeCloseTo(10_000, 6);
    // |Δ| = 100,000 (exactly 10%): 0.5 × 70,000 = 35,000
    expect(shared(b, P, 100_000)).toBeCloseTo(35_000, 6);
    // |Δ| = 150,000 (15%): 0.5 × 70,000 + 1 × 50,000 = 85,000
    expect(shared(b, P, 150_000)).toBeCloseTo(85_000, 6);
  });

  it("with plan 0 the whole variance falls in the last band", () => {
    // edges are all 0 × fraction = 0 → 1 × 500 = 500
    expect(shared(b, 0, 500)).toBe(500);
  });
});
