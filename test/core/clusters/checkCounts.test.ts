import fc from "fast-check";
import { PbrError } from "../../../src/core/errors";
import {
  CHECK_COUNT_HEADER,
  checkCounts,
  checkGroups,
} from "../../../src/core/clusters/checkCounts";

const col = (values: unknown[]) => values.map((v) => [v]);
const na = { code: "#N/A" }; // an error cell as Excel hands it over

const broken = "Broken: item 6 (hallucinations and delusions) rated 0; cluster 10 needs 2–4";
const unconfirmed = "Unconfirmed: item 6 (hallucinations and delusions) not rated";

describe("CHECKCOUNTS", () => {
  it("counts each result by group in the header's order, numbers first, then text, (blank) last, then All", () => {
    const checks = [
      "OK",
      broken,
      "OK",
      unconfirmed,
      "Super class: cluster 3 is non-psychotic…",
      "Variance: recorded 0 but cluster 3 passes",
      "Not clustered: best fit is cluster 3",
      "Too few ratings: sheet row 9 has 9 of 18",
      "#VALUE! text that is no result",
    ];
    const groups = [11, 3, 3, "North", 0, 0, null, 99, 3];
    expect(CHECK_COUNT_HEADER).toEqual([
      "OK",
      "Broken",
      "Unconfirmed",
      "Super class",
      "Variance",
      "Not clustered",
      "Too few ratings",
      "Other",
      "People",
    ]);
    expect(checkCounts(col(checks), col(groups))).toEqual([
      [0, 0, 0, 0, 1, 1, 0, 0, 0, 2],
      [3, 1, 1, 0, 0, 0, 0, 0, 1, 3],
      [11, 1, 0, 0, 0, 0, 0, 0, 0, 1],
      [99, 0, 0, 0, 0, 0, 0, 1, 0, 1],
      ["North", 0, 0, 1, 0, 0, 0, 0, 0, 1],
      ["(blank)", 0, 0, 0, 0, 0, 1, 0, 0, 1],
      ["All", 2, 1, 1, 1, 1, 1, 1, 1, 9],
    ]);
  });

  it("reads a cluster written as text as that cluster, but keeps 007 apart from 7, and ignores case", () => {
    const out = checkCounts(
      col(["OK", "OK", "OK", "OK", "OK", "OK"]),
      col(["11", 11, " 11 ", "007", "north", "North"])
    );
    expect(out).toEqual([
      [11, 3, 0, 0, 0, 0, 0, 0, 0, 3],
      ["007", 1, 0, 0, 0, 0, 0, 0, 0, 1],
      ["north", 2, 0, 0, 0, 0, 0, 0, 0, 2],
      ["All", 6, 0, 0, 0, 0, 0, 0, 0, 6],
    ]);
  });

  it("counts an error cell as Other, groups error cells by code, and skips rows blank in both", () => {
    expect(checkCounts(col([na, "OK", null, "", "OK"]), col([3, na, null, 3, na]))).toEqual([
      [3, 0, 0, 0, 0, 0, 0, 0, 2, 2],
      ["#N/A (error)", 2, 0, 0, 0, 0, 0, 0, 0, 2],
      ["All", 2, 0, 0, 0, 0, 0, 0, 2, 4],
    ]);
  });

  it("without groups gives the All row alone; one group value counts everyone under it", () => {
    expect(checkCounts(col(["OK", broken, null]), null)).toEqual([
      ["All", 1, 1, 0, 0, 0, 0, 0, 0, 2],
    ]);
    expect(checkCounts(col(["OK", broken]), "Team A")).toEqual([
      ["Team A", 1, 1, 0, 0, 0, 0, 0, 0, 2],
      ["All", 1, 1, 0, 0, 0, 0, 0, 0, 2],
    ]);
  });

  it("says which argument is the wrong shape", () => {
    const mismatch = checkCounts(col(["OK", "OK", "OK"]), col([1, 2])) as PbrError;
    expect(mismatch).toBeInstanceOf(PbrError);
    expect(mismatch.message).toBe(
      "groups has 2 rows but checks has 3: they must match (or give one value for every row)"
    );
    const wide = checkCounts(
      [
        ["OK", "OK"],
        ["OK", "OK"],
      ],
      null
    ) as PbrError;
    expect(wide.message).toBe("checks must be a single column; got 2 columns");
  });

  it("lists the groups it would show (checkGroups) in the same order", () => {
    expect(checkGroups([11, "3", null, "North", "north", "007", 3])).toEqual([
      3,
      11,
      "007",
      "North",
      "(blank)",
    ]);
  });

  it("adds up: each row's results, Other and People agree, and the groups add up to All", () => {
    const check = fc.constantFrom("OK", broken, unconfirmed, "Not clustered: x", "", null, na, 7);
    const group = fc.constantFrom(1, 2, "11", "A", "a", "", null, na);
    fc.assert(
      fc.property(fc.array(fc.tuple(check, group), { maxLength: 60 }), (pairs) => {
        const out = checkCounts(col(pairs.map((p) => p[0])), col(pairs.map((p) => p[1]))) as (
          string | number
        )[][];
        const all = out[out.length - 1];
        expect(all[0]).toBe("All");
        for (const row of out) {
          const counts = row.slice(1) as number[];
          const people = counts[counts.length - 1];
          expect(counts.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(people);
        }
        for (let j = 1; j < all.length; j++) {
          const sum = out.slice(0, -1).reduce((a, row) => a + (row[j] as number), 0);
          expect(sum).toBe(all[j]);
        }
        const counted = pairs.filter(
          ([c, g]) => !(c === "" || c === null) || !(g === "" || g === null)
        ).length;
        expect(all[all.length - 1]).toBe(counted);
      })
    );
  });
});
