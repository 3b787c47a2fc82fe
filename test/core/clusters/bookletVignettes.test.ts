/**
 * The built-in default on pictures written from the Clustering Booklet's cluster descriptions
 * (typical and borderline, issue 29). `npm run bench -- vignettes` prints the same table.
 */
import { BOOKLET_VIGNETTES } from "./bookletVignettes";
import { ratingsOf } from "./vignettes";
import { accuracyTable, placeVignettes } from "../../support/vignetteAccuracy";

describe("booklet-description vignettes", () => {
  const results = placeVignettes(BOOKLET_VIGNETTES);

  it("hold a typical and a borderline picture for every cluster 1–8 and 10–21", () => {
    for (const code of [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]) {
      const ids = BOOKLET_VIGNETTES.filter((v) => v.cluster === code).map((v) => v.id);
      expect(ids).toEqual([`B${code}t`, `B${code}b`]);
    }
    for (const v of BOOKLET_VIGNETTES) expect(ratingsOf(v)).toHaveLength(18);
  });

  it("places every picture in the right super class and at least 90% in the intended cluster", () => {
    console.log(accuracyTable(results));
    const wrongClass = results.filter((r) => r.superclass !== r.vignette.superclass);
    expect(wrongClass.map((r) => `${r.vignette.id}: ${r.superclass}`)).toEqual([]);
    const right = results.filter((r) => r.cluster === r.vignette.cluster).length;
    expect(right / results.length).toBeGreaterThanOrEqual(0.9);
  });
});
