import { PbrError } from "../../../src/core/errors";
import { allocateRange, candidatesFor, fitRange } from "../../../src/core/clusters/allocate";
import { SMALL_GRID, profileOf, row } from "./fixtures";

const small = profileOf(SMALL_GRID);
const err = (v: unknown) => (v instanceof PbrError ? `${v.kind} ${v.message}` : v);

describe("allocation with a hand-made profile", () => {
  it("picks the passing cluster with the highest fit", () => {
    // item 6 = 0 → cluster 10 fails its red rule (needs 2–4); item 4 = 0 → 18 fails (needs 2–4).
    // Cluster 3 passes: item 6 = 0 is R (2 points), item 7 = 2 is O (2 points).
    expect(allocateRange([row({ 7: 2 })], null, small)).toEqual([3]);
  });

  it("returns 0 (variance) when no cluster passes its red rules", () => {
    // item 6 = 2 excludes 3 (needs 0–1); item 4 = 0 excludes 18; item 6 = 2 passes 10 — so make 10 fail too:
    // no: use a profile without 10.
    const noTen = profileOf(SMALL_GRID.filter((r) => r[0] !== 10));
    expect(allocateRange([row({ 6: 2 })], null, noTen)).toEqual([0]);
  });

  it("does not let a red item rated 9 or blank exclude a cluster", () => {
    // item 6 unknown: 3 and 10 both pass. 3 scores item 7 = 2 → O (2 pts); 10 scores Y (1 pt). 3 wins.
    expect(allocateRange([row({ 6: 9, 7: 2 })], null, small)).toEqual([3]);
    expect(allocateRange([row({ 6: null, 7: 2 })], null, small)).toEqual([3]);
  });

  it("breaks ties in favour of the lower cluster code", () => {
    // item 6 = 9, item 7 = 0: cluster 3 scores 0 (item 7 blank at 0); cluster 10 scores 0 → tie → 3.
    expect(allocateRange([row({ 6: 9 })], null, small)).toEqual([3]);
  });

  it("respects a super class", () => {
    // item 6 = 3 and item 4 = 3: 3 fails; 10 passes (6 = 3 is R); 18 passes (4 = 3 is R).
    // Fit: 10 has item 6 R (2) = 2 points; 18 has item 4 R (2) = 2 points; tie → 10 without a class.
    const ratings = [row({ 6: 3, 4: 3 })];
    expect(allocateRange(ratings, null, small)).toEqual([10]);
    expect(allocateRange(ratings, "C", small)).toEqual([18]);
    expect(allocateRange(ratings, "organic", small)).toEqual([18]);
    expect(allocateRange(ratings, [["Psychotic"]], small)).toEqual([10]);
    expect(allocateRange(ratings, "A", small)).toEqual([0]);
  });

  it("accepts a super class per row", () => {
    const ratings = [row({ 6: 3, 4: 3 }), row({ 6: 3, 4: 3 })];
    expect(allocateRange(ratings, [["B"], ["c"]], small)).toEqual([10, 18]);
  });

  it("computes fit as points over twice the known items", () => {
    // 18 known items; cluster 3: item 6 = 0 (R, 2) + item 7 = 2 (O, 2) = 4 points → 4 / 36.
    expect(fitRange([row({ 7: 2 })], 3, small)).toEqual([4 / 36]);
    // Two unknown items leave 16 known: item 7 = 3 (Y, 1) + item 6 = 1 (R, 2) = 3 → 3 / 32.
    expect(fitRange([row({ 7: 3, 6: 1, 1: 9, 2: null })], 3, small)).toEqual([3 / 32]);
  });

  it("lists candidates best first, padding unused rows with blanks", () => {
    expect(candidatesFor([row({ 6: 3, 4: 3 })], 3, small)).toEqual([
      [10, 2 / 36],
      [18, 2 / 36],
      ["", ""],
    ]);
    expect(candidatesFor([row({ 6: 2 })], 2, profileOf(SMALL_GRID.filter((r) => r[0] !== 10)))).toEqual([
      [0, ""],
      ["", ""],
    ]);
  });
});

describe("bad input stays in its row", () => {
  it("names the row, item and value of a rating outside 0–4 or 9", () => {
    const out = allocateRange([row({ 7: 2 }), row({ 6: 5 }), row({ B: "x" }), row({ 1: 2.5 })], null, small) as unknown[];
    expect(out[0]).toBe(3);
    expect(err(out[1])).toBe("#VALUE! row 2, item 6: rating 5 is not 0–4 or 9");
    expect(err(out[2])).toBe('#VALUE! row 3, item B: rating "x" is not 0–4 or 9');
    expect(err(out[3])).toBe("#VALUE! row 4, item 1: rating 2.5 is not 0–4 or 9");
  });

  it("accepts ratings given as text", () => {
    expect(allocateRange([row({ 7: "2" }, "0")], null, small)).toEqual([3]);
  });

  it("gives a blank for a fully blank row", () => {
    expect(allocateRange([row({ 7: 2 }), row({}, null), row({}, "")], null, small)).toEqual([3, "", ""]);
  });

  it("says how many ratings are known when fewer than 12", () => {
    const sparse = row({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 1, 10: 1, 11: 1 }, 9);
    expect(err((allocateRange([sparse], null, small) as unknown[])[0])).toBe(
      "#N/A row 1: too few ratings (11 of 18 known; at least 12 are needed)"
    );
  });

  it("rejects a ratings range that is not 18 columns wide", () => {
    expect(err(allocateRange([[1, 2, 3]], null, small))).toBe(
      "#VALUE! ratings must be 18 columns (MHCT items 1–13 then A–E); got 3"
    );
  });

  it("lists the accepted super classes for an unknown one", () => {
    expect(err(allocateRange([row()], "D", small))).toMatch(/super class "D" is not recognised; use A, B or C/);
    expect(err((allocateRange([row(), row()], [["A"], ["x"]], small) as unknown[])[1])).toMatch(/^#VALUE! row 2: super class "x"/);
  });

  it("reports both lengths when a super class column does not match", () => {
    expect(err(allocateRange([row(), row(), row()], [["A"], ["B"]], small))).toBe(
      "#VALUE! super class has 2 rows but ratings has 3: they must match (or give one value for every row)"
    );
  });

  it("reports unknown clusters and clusters without a profile in CLUSTERFIT", () => {
    const out = fitRange([row(), row(), row(), row()], [[9], [99], [4], [""]], small) as unknown[];
    expect(err(out[0])).toMatch(/^#N\/A row 1: 9 is not a care cluster code/);
    expect(err(out[1])).toMatch(/^#N\/A row 2: 99 is not a care cluster code/);
    expect(err(out[2])).toBe("#N/A row 3: cluster 4 has no rows in the profile");
    expect(out[3]).toBe("");
  });

  it("takes one row at a time in CLUSTERCANDIDATES and checks count", () => {
    expect(err(candidatesFor([row(), row()], 3, small))).toMatch(/takes one row at a time; got 2 rows/);
    expect(err(candidatesFor([row()], 0, small))).toMatch(/^#NUM! count 0/);
    expect(err(candidatesFor([row()], "three", small))).toMatch(/^#NUM! count "three"/);
  });
});
