import { PbrError } from "../../../src/core/errors";
import { ymdToSerial } from "../../../src/core/dates";
import { nameRange, reviewDaysRange, reviewDueRange, superclassRange } from "../../../src/core/clusters/codes";
import { itemIndex } from "../../../src/core/clusters/items";

const kinds = (xs: unknown) => (xs as unknown[]).map((x) => (x instanceof PbrError ? x.kind : x));

describe("lookups by cluster code", () => {
  it("names clusters and their super classes, including 0", () => {
    expect(nameRange([[0], [1], ["14"], [21]])).toEqual([
      "Variance (unable to assign a cluster)",
      "Common Mental Health Problems (Low Severity)",
      "Psychotic Crisis",
      "Cognitive Impairment or Dementia Complicated (High Physical or Engagement)",
    ]);
    expect(superclassRange([[0], [8], [10], [17], [18], [""]])).toEqual(["Z", "A", "B", "B", "C", ""]);
  });

  it("gives #N/A for 9, 99 and anything else unknown", () => {
    expect(kinds(nameRange([[9], [99], [22], [-1], [3.5], ["x"]]))).toEqual(Array(6).fill("#N/A"));
    const e = nameRange(9) as PbrError[];
    expect(e[0].message).toMatch(/9 is not a care cluster code.*9 and 99 are not clusters/);
  });

  it("gives review periods in days, with the 6-month and annual counts as settings", () => {
    expect(reviewDaysRange([[1], [2], [14], [15], [3], [7], [0]], null, null)).toEqual([84, 105, 28, 28, 182, 365, 182]);
    expect(reviewDaysRange([[3], [7]], 183, 366)).toEqual([183, 366]);
    expect(reviewDaysRange([[3]], 182.5, 365.25)).toEqual([182.5]);
    expect((reviewDaysRange([[3]], 180, null) as PbrError).kind).toBe("#NUM!");
  });

  it("adds weeks as days and months as calendar months (EDATE)", () => {
    const s = ymdToSerial;
    expect(
      reviewDueRange(
        [[1], [2], [14], [3], [7], [7]],
        [[s(2024, 1, 1)], [s(2024, 1, 1)], [s(2024, 1, 1)], [s(2024, 1, 31)], [s(2024, 2, 29)], [s(2023, 4, 1)]]
      )
    ).toEqual([s(2024, 3, 25), s(2024, 4, 15), s(2024, 1, 29), s(2024, 7, 31), s(2025, 2, 28), s(2024, 4, 1)]);
  });

  it("uses one start date for a column of codes, and reports bad dates per row", () => {
    const start = ymdToSerial(2024, 4, 1);
    expect(reviewDueRange([[1], [14]], start)).toEqual([start + 84, start + 28]);
    const out = reviewDueRange([[1], [1], [9], [""]], [[start], ["01/04/2024"], [start], [""]]) as unknown[];
    expect(kinds(out)).toEqual([start + 84, "#VALUE!", "#N/A", ""]);
    expect((out[1] as PbrError).message).toBe('row 2: start date "01/04/2024" is not a date (expected an Excel date)');
    expect((reviewDueRange([[1], [2], [3]], [[1], [2]]) as PbrError).message).toMatch(/start date has 2 rows but code has 3: they must match/);
  });
});

describe("MHCT item labels", () => {
  it("reads 1–13, A–E and 14–18", () => {
    expect(["1", 13, "a", "E", 14, "18"].map(itemIndex)).toEqual([0, 12, 13, 17, 13, 17]);
    expect(["F", 0, 19, "", null, "1.5"].map(itemIndex)).toEqual([-1, -1, -1, -1, -1, -1]);
  });
});
