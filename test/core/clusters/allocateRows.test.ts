/* PBR.CLUSTER's one-pass row loop (allocateRows.ts) against what it stands for: the plain
   reference with super class rules, the general row reader for cells that are not plain numbers,
   and decideRule for rule tables too large to fold into bits. */
import fc from "fast-check";
import { PbrError } from "../../../src/core/errors";
import { allocateRange, eachRow, decidedMask } from "../../../src/core/clusters/allocate";
import { defaultProfile } from "../../../src/core/clusters/defaultProfile";
import { defaultSuperclassRules } from "../../../src/core/clusters/defaultSuperclassRules";
import { parseSuperclassRules, type SuperclassRules } from "../../../src/core/clusters/superclass";
import { referenceAllocateWithRules } from "../../support/referenceCluster";

const RULES_HEADER = ["Rule", "Super class", "When", "Reason"];
const rating = fc.constantFrom(0, 1, 2, 3, 4, 4, 3, 9);
const validRow = fc.array(rating, { minLength: 18, maxLength: 18 });
const ITEM_IDS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "A", "B", "C", "D", "E"];

/** A random rule table: conditions on random items, the last rule always holding. */
const condition = fc
  .tuple(fc.constantFrom(...ITEM_IDS), fc.constantFrom(">=", "<=", "="), fc.constantFrom("0", "1", "2", "3", "4", "?"))
  .map(([item, op, value]) => (value === "?" ? `${item} = ?` : `${item} ${op} ${value}`));
const rulesGrid = (minConditions: number) =>
  fc
    .array(
      fc.tuple(fc.constantFrom("A", "B", "C", "Z"), fc.array(condition, { minLength: minConditions, maxLength: minConditions + 3 })),
      { minLength: 1, maxLength: 8 }
    )
    .map((rules) => [
      RULES_HEADER,
      ...rules.map(([sc, when], j) => [String(j + 1), sc, when.join("; "), "test"]),
      [String(rules.length + 1), "A", "", "otherwise"],
    ]);

function rulesOf(grid: string[][]): SuperclassRules {
  const rules = parseSuperclassRules(grid);
  if (rules instanceof PbrError) throw new Error(rules.message);
  return rules;
}

/** The general path: every row through eachRow, Scorer.best and decideRule. */
function general(ratings: unknown[][], rules: SuperclassRules) {
  const profile = defaultProfile();
  return eachRow(ratings, profile, (_i, _k, scorer, r) => scorer.best(decidedMask(profile, rules, r)));
}

describe("PBR.CLUSTER's one-pass row loop", () => {
  it("agrees with the plain reference on the built-in rules", () => {
    fc.assert(
      fc.property(fc.array(validRow, { minLength: 1, maxLength: 30 }), (ratings) => {
        const out = allocateRange(ratings, null, defaultProfile(), defaultSuperclassRules()) as unknown[];
        ratings.forEach((r, i) => {
          const expected = referenceAllocateWithRules(defaultProfile(), defaultSuperclassRules(), r);
          if (expected === null) expect(out[i]).toBeInstanceOf(PbrError);
          else expect(out[i]).toBe(expected);
        });
      }),
      { numRuns: 300 }
    );
  });

  it("agrees with the plain reference on random rule tables, folded into bits or (past 31 conditions) not", () => {
    for (const min of [1, 6]) {
      fc.assert(
        fc.property(rulesGrid(min), fc.array(validRow, { minLength: 1, maxLength: 20 }), (grid, ratings) => {
          const rules = rulesOf(grid);
          const out = allocateRange(ratings, null, defaultProfile(), rules) as unknown[];
          ratings.forEach((r, i) => {
            const expected = referenceAllocateWithRules(defaultProfile(), rules, r);
            if (expected === null) expect(out[i]).toBeInstanceOf(PbrError);
            else expect(out[i]).toBe(expected);
          });
        }),
        { numRuns: 150 }
      );
    }
  });

  it("answers text, blank and bad cells exactly as the general row reader does", () => {
    const cell = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom<unknown>(0, 1, 2, 3, 4, 9) },
      { weight: 2, arbitrary: fc.constantFrom<unknown>(null, "", " ", "3", " 2 ") },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(5, -1, 2.5, "x", true, NaN, -0) }
    );
    const rows = fc.array(fc.oneof(fc.array(cell, { minLength: 18, maxLength: 18 }), fc.constant(Array(18).fill(null))), {
      minLength: 1,
      maxLength: 20,
    });
    fc.assert(
      fc.property(rows, (ratings) => {
        const rules = defaultSuperclassRules();
        expect(allocateRange(ratings, null, defaultProfile(), rules)).toEqual(general(ratings, rules));
      }),
      { numRuns: 300 }
    );
  });

  it("gives the width error of the first row that is not 18 cells wide, whatever rows come before it", () => {
    const ratings: unknown[][] = [Array(18).fill("x"), Array(18).fill(1), Array(17).fill(1), Array(19).fill(1)];
    const out = allocateRange(ratings, null, defaultProfile(), defaultSuperclassRules());
    expect(out).toBeInstanceOf(PbrError);
    expect((out as PbrError).message).toBe((allocateRange([Array(17).fill(1)], null, defaultProfile()) as PbrError).message);
  });
});
