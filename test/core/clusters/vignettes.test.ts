/**
 * The built-in default (indicative super class rules + indicative profile) on clinical pictures
 * written from the public cluster descriptions: every picture in the right super class and at
 * least 90% in the intended cluster (issue 10). `npm run bench` prints the same table.
 */
import { VIGNETTES, ratingsOf } from "./vignettes";
import { accuracyTable, placeVignettes } from "../../support/vignetteAccuracy";
import { referenceAllocateWithRules } from "../../support/referenceCluster";
import { defaultProfile } from "../../../src/core/clusters/defaultProfile";
import { defaultSuperclassRules } from "../../../src/core/clusters/defaultSuperclassRules";

describe("clinical vignettes", () => {
  const results = placeVignettes();

  it("cover every cluster 1–8 and 10–21 at least twice, plus conflicting and partly unknown pictures", () => {
    for (const code of [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]) {
      expect(VIGNETTES.filter((v) => v.cluster === code).length).toBeGreaterThanOrEqual(2);
    }
    expect(VIGNETTES.length).toBeGreaterThanOrEqual(40);
    expect(VIGNETTES.some((v) => v.ratings.includes("9"))).toBe(true);
    for (const v of VIGNETTES) expect(v.rationale.length).toBeGreaterThan(10);
  });

  it("places every picture in the right super class", () => {
    const wrong = results.filter((r) => r.superclass !== r.vignette.superclass);
    expect(wrong.map((r) => `${r.vignette.id}: ${r.superclass}`)).toEqual([]);
  });

  it("places at least 90% in the intended cluster", () => {
    const right = results.filter((r) => r.cluster === r.vignette.cluster).length;
    console.log(accuracyTable(results));
    expect(right / results.length).toBeGreaterThanOrEqual(0.9);
  });

  it("agrees with the plain reference implementation of super class first, then cluster", () => {
    for (const r of results) {
      expect(r.cluster).toBe(referenceAllocateWithRules(defaultProfile(), defaultSuperclassRules(), ratingsOf(r.vignette)));
    }
  });
});
