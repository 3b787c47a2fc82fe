/**
 * Issue 29: every built-in profile row and super class rule names its source or says it is ours,
 * and the rows held to a published statement behave as that statement says. Sources:
 * - Clustering Booklet (NTPS 2017/19 Annex B3) Appendix 3, cluster 5 description: people who "may
 *   often be at high risk for suicide" and "may have some unreasonable beliefs";
 * - eLetter on Bekas & Michev 2013 (BJPsych Bulletin): a person with bipolar disorder who is well
 *   "might score '0'", and placing them in a psychotic cluster would "breach the 'red rule'".
 */
import {
  defaultProfileGrid,
  DEFAULT_PROFILE_NOTE,
} from "../../../src/core/clusters/defaultProfile";
import { defaultSuperclassRulesGrid } from "../../../src/core/clusters/defaultSuperclassRules";
import { parseProfile } from "../../../src/core/clusters/profile";
import { cluster, clustercheck, clustersuperclass } from "../../../src/functions/clusters";
import { PbrError } from "../../../src/core/errors";
import { allocateRange } from "../../../src/core/clusters/allocate";
import { VIGNETTES, ratingsOf } from "./vignettes";
import { BOOKLET_VIGNETTES } from "./bookletVignettes";
import { row } from "./fixtures";

const grid = defaultProfileGrid();
const rowOf = (code: number, item: string) => grid.find((r) => r[0] === code && r[1] === item)!;
const PSYCHOTIC = [10, 11, 12, 13, 14, 15, 16, 17];

describe("built-in profile: every row names its source or says it is ours", () => {
  it("has a Source column, and every row's source is ours or a named publication", () => {
    expect(grid[0]).toEqual(["Cluster", "Item", "0", "1", "2", "3", "4", "Source"]);
    for (const r of grid.slice(1)) {
      const src = String(r[7]);
      expect(src).toMatch(/^(Ours|Red excludes 0 after the eLetter on Bekas & Michev 2013)/);
      expect(src).toMatch(/Annex B3|BJPsych Bulletin/);
    }
    expect(DEFAULT_PROFILE_NOTE).toMatch(/could not be read as text, so every cell is ours/);
  });

  it("names the eLetter on exactly the item 6 rows of the psychotic clusters", () => {
    const letter = grid.slice(1).filter((r) => String(r[7]).includes("BJPsych Bulletin"));
    expect(letter.map((r) => `${r[0]}/${r[1]}`)).toEqual(PSYCHOTIC.map((c) => `${c}/6`));
  });

  it("reads the same with or without the Source column (a trust's 7-column grid still works)", () => {
    const seven = parseProfile(grid.map((r) => r.slice(0, 7)));
    const eight = parseProfile(grid);
    if (seven instanceof PbrError || eight instanceof PbrError) throw new Error("invalid");
    for (const v of [...VIGNETTES, ...BOOKLET_VIGNETTES]) {
      expect(allocateRange([ratingsOf(v)], null, eight)).toEqual(
        allocateRange([ratingsOf(v)], null, seven)
      );
    }
  });
});

describe("cluster 5, held to the booklet's description (Annex B3 Appendix 3)", () => {
  it("'may often be at high risk for suicide': self-injury (item 2) and repeat self-harm (B) are not essential", () => {
    expect(rowOf(5, "2").slice(2, 7)).toEqual(["Y", "Y", "O", "O", "O"]);
    expect(rowOf(5, "B").slice(2, 7)).toEqual(["Y", "Y", "O", "O", "O"]);
    expect(String(rowOf(5, "2")[7])).toContain("may often be at high risk for suicide");
  });

  it("'may have some unreasonable beliefs': item 13 at 1–2 is expected in cluster 5", () => {
    expect(rowOf(5, "13").slice(2, 7)).toEqual(["Y", "O", "O", "Y", ""]);
  });

  it("a very severe depression with no self-harm passes cluster 5's red rules", () => {
    const ratings = row({ 7: 4, 8: 4, 9: 3, 10: 3, 11: 2, 12: 4, 13: 2, C: 2, E: 3 });
    expect(clustercheck([ratings], [[5]])[0][0]).toBe("OK");
  });

  it("the very severe, treatment-resistant depression with little self-harm (B5b) is suggested cluster 5", () => {
    const v = BOOKLET_VIGNETTES.find((x) => x.id === "B5b")!;
    expect(cluster([ratingsOf(v)])).toEqual([[5]]);
  });
});

describe("psychotic clusters and item 6 rated 0 (eLetter on Bekas & Michev 2013)", () => {
  it.each(PSYCHOTIC)("cluster %i: item 6 rated 0 breaks its red rule", (code) => {
    expect(rowOf(code, "6")[2]).toBe("");
    expect(rowOf(code, "6").slice(3, 7)).toContain("R");
    // Item 3 and D meet the red rules of 16 and 17, so item 6 is the only broken one.
    const ratings = row({ 3: 3, 7: 1, 9: 1, 12: 1, A: 3, D: 3 });
    expect(clustercheck([ratings], [[code]])[0][0]).toMatch(
      /^Broken: item 6 \(hallucinations and delusions\) rated 0; cluster \d+ needs/
    );
  });

  it("clusters 11 and 12 no longer accept item 6 rated 0 (they did before issue 29)", () => {
    expect(rowOf(11, "6").slice(2, 7)).toEqual(["", "R", "R", "", ""]);
    expect(rowOf(12, "6").slice(2, 7)).toEqual(["", "R", "R", "", ""]);
  });

  it("a person with bipolar disorder who is well (item 6 rated 0): rules say non-psychotic; given B, no psychotic cluster fits (variance)", () => {
    const well = row({ 7: 1, 9: 1, 12: 1, A: 3, E: 1 });
    expect(clustersuperclass([well])[0][0]).toBe("A");
    expect(cluster([well], [["B"]])).toEqual([[0]]);
  });
});

describe("built-in super class rules: every rule names its source or says it is ours", () => {
  it("has a Source column; every rule is ours, after the Data Dictionary or the eLetter", () => {
    const rules = defaultSuperclassRulesGrid();
    expect(rules[0]).toEqual(["Rule", "Super class", "When", "Reason", "Source"]);
    for (const r of rules.slice(1)) expect(r[4]).toMatch(/^Ours/);
    expect(rules[5][4]).toMatch(/BJPsych Bulletin.*Annex B3 Appendix 4, p65\) could not be read/);
  });
});
