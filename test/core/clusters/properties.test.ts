import fc from "fast-check";
import { PbrError } from "../../../src/core/errors";
import { allocateRange } from "../../../src/core/clusters/allocate";
import { defaultProfile } from "../../../src/core/clusters/defaultProfile";
import { parseProfile } from "../../../src/core/clusters/profile";
import { ALLOCATABLE_CODES, clusterInfo } from "../../../src/core/clusters/reference";
import { referenceAllocate } from "../../support/referenceCluster";
import { HEADER } from "./fixtures";

const anyCell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<unknown>(0, 1, 2, 3, 4) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(9, null, "", " ") },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(5, -1, 2.5, "x", "3", true, 99, NaN) }
);
const anyRow = fc.array(anyCell, { minLength: 18, maxLength: 18 });
const grid = fc.array(anyRow, { minLength: 1, maxLength: 25 });
const validRow = fc.array(fc.constantFrom(0, 1, 2, 3, 4, 4, 3, 9), { minLength: 18, maxLength: 18 });
const superclass = fc.constantFrom<"A" | "B" | "C">("A", "B", "C");

const VALID = new Set([0, ...ALLOCATABLE_CODES]);

describe("allocation properties", () => {
  it("gives only valid cluster codes, blanks or spreadsheet errors for any grid", () => {
    fc.assert(
      fc.property(grid, fc.option(superclass, { nil: null }), (ratings, sc) => {
        const out = allocateRange(ratings, sc, defaultProfile());
        expect(Array.isArray(out)).toBe(true);
        for (const v of out as unknown[]) {
          const ok = v === "" || v instanceof PbrError || (typeof v === "number" && VALID.has(v));
          expect(ok).toBe(true);
          expect(v === 9 || v === 99).toBe(false);
        }
      })
    );
  });

  it("always respects a super class", () => {
    fc.assert(
      fc.property(fc.array(validRow, { minLength: 1, maxLength: 20 }), superclass, (ratings, sc) => {
        for (const v of allocateRange(ratings, sc, defaultProfile()) as unknown[]) {
          if (typeof v === "number" && v !== 0) expect(clusterInfo(v)!.superclass).toBe(sc);
        }
      })
    );
  });

  it("gives each row the same answer whatever order the rows come in", () => {
    fc.assert(
      fc.property(
        grid.chain((g) => fc.tuple(fc.constant(g), fc.shuffledSubarray(g.map((_, i) => i), { minLength: g.length }))),
        ([ratings, order]) => {
          const before = allocateRange(ratings, null, defaultProfile()) as unknown[];
          const after = allocateRange(order.map((i) => ratings[i]), null, defaultProfile()) as unknown[];
          order.forEach((from, to) => {
            const a = before[from];
            const b = after[to];
            if (a instanceof PbrError && b instanceof PbrError) expect(a.kind).toBe(b.kind);
            else expect(b).toEqual(a);
          });
        }
      )
    );
  });

  const mark = fc.constantFrom("R", "O", "Y", "", "", "");
  const profileGrid = fc
    .uniqueArray(
      fc.tuple(fc.constantFrom(...ALLOCATABLE_CODES), fc.integer({ min: 1, max: 18 })),
      { minLength: 1, maxLength: 80, selector: ([c, i]) => `${c}/${i}` }
    )
    .chain((keys) =>
      fc.tuple(...keys.map(([c, i]) => fc.tuple(mark, mark, mark, mark, mark).map((m) => [c, String(i), ...m])))
    );

  it("agrees with a plain reference implementation on random profiles", () => {
    fc.assert(
      fc.property(profileGrid, fc.array(validRow, { minLength: 1, maxLength: 10 }), fc.option(superclass, { nil: null }), (rows, ratings, sc) => {
        const profile = parseProfile([HEADER, ...rows]);
        if (profile instanceof PbrError) throw new Error(profile.message);
        const out = allocateRange(ratings, sc, profile) as unknown[];
        ratings.forEach((r, i) => {
          const expected = referenceAllocate(profile, r, sc ?? undefined);
          if (expected === null) expect(out[i]).toBeInstanceOf(PbrError);
          else expect(out[i]).toBe(expected);
        });
      }),
      { numRuns: 300 }
    );
  });
});
