import { PbrError } from "../../../src/core/errors";
import { checkRange } from "../../../src/core/clusters/allocate";
import { SMALL_GRID, profileOf, row } from "./fixtures";

const small = profileOf(SMALL_GRID);

describe("CLUSTERCHECK", () => {
  it("says OK when the recorded cluster passes every red rule", () => {
    expect(checkRange([row({ 7: 2 })], 3, small)).toEqual(["OK"]);
  });

  it("names the first broken red rule, the allowed ratings and the best alternative", () => {
    // Recorded 10 but item 6 = 0; 10 needs 2–4. Cluster 3 passes with item 6 R + item 7 O = 4/36 = 0.11.
    expect(checkRange([row({ 7: 2 })], 10, small)).toEqual([
      "Broken: item 6 (hallucinations and delusions) rated 0; cluster 10 needs 2–4. Best fit: cluster 3 (fit 11%)",
    ]);
  });

  it("reports a red item rated 9 or blank as unconfirmed", () => {
    expect(checkRange([row({ 6: 9 })], 10, small)).toEqual([
      "Unconfirmed: item 6 (hallucinations and delusions) not rated; cluster 10 needs 2–4",
    ]);
  });

  it("checks a recorded variance (0) against the clusters that pass", () => {
    const noTen = profileOf(SMALL_GRID.filter((r) => r[0] !== 10));
    expect(checkRange([row({ 6: 2 })], 0, noTen)).toEqual(["OK"]);
    expect((checkRange([row({ 7: 2 })], 0, small) as unknown[])[0]).toBe(
      "Variance: recorded 0 but cluster 3 (fit 11%) passes its red rules"
    );
  });

  it("suggests the best fit when nothing (or 99) is recorded", () => {
    expect(checkRange([row({ 7: 2 }), row({ 7: 2 })], [[""], [99]], small)).toEqual([
      "Not clustered: best fit is cluster 3 (fit 11%)",
      "Not clustered: best fit is cluster 3 (fit 11%)",
    ]);
  });

  it("counts a recorded 9 (never in use) as not clustered, with the best fit", () => {
    expect(checkRange([row({ 7: 2 })], 9, small)).toEqual([
      "Not clustered: 9 is not a cluster in use; best fit is cluster 3 (fit 11%)",
    ]);
  });

  it("gives #N/A for unknown codes and clusters without a profile", () => {
    const out = checkRange([row(), row()], [[22], [4]], small) as PbrError[];
    expect(out.map((e) => e.kind)).toEqual(["#N/A", "#N/A"]);
    expect(out[1].message).toBe("row 2: cluster 4 has no rows in the profile");
  });

  it("gives a blank for a blank row and lists non-contiguous allowed ratings", () => {
    const grid = [...SMALL_GRID, [5, "2", "R", "", "R", "", ""]];
    const p = profileOf(grid);
    expect(checkRange([row({}, null)], 3, p)).toEqual([""]);
    expect((checkRange([row({ 2: 1 })], 5, p) as unknown[])[0]).toMatch(/^Broken: item 2 \(self-injury\) rated 1; cluster 5 needs 0 or 2\./);
  });
});
