import { PbrError } from "../../src/core/errors";
import * as fns from "../../src/functions/clusters";
import { defaultProfileGrid } from "../../src/core/clusters/defaultProfile";
import { SMALL_GRID, row } from "../core/clusters/fixtures";

/** Excel passes null for an omitted optional argument. */
const OMITTED = null as unknown as undefined;

class FakeExcelError {
  constructor(
    public code: string,
    public message?: string
  ) {}
}
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  invalidNumber: "#NUM!",
  divisionByZero: "#DIV/0!",
};

describe("cluster functions outside Excel", () => {
  it("spill one value per row, with errors as values", () => {
    const out = fns.cluster([row({ 7: 2 }), row({}, null), row({ 6: 7 })], OMITTED, SMALL_GRID);
    expect(out[0]).toEqual([3]);
    expect(out[1]).toEqual([""]);
    expect(out[2][0]).toBeInstanceOf(PbrError);
  });

  it("use the built-in profile when profile is omitted, and read a profile range when given", () => {
    const ratings = [row({ 6: 4, 1: 2, 7: 2, 9: 3, 10: 2, 12: 3, D: 2, E: 2 })];
    expect(fns.cluster(ratings)).toEqual(fns.cluster(ratings, OMITTED, defaultProfileGrid()));
  });

  it("return a single error cell for a malformed profile", () => {
    const out = fns.cluster([row()], OMITTED, [["Cluster", "Item"]]);
    expect(out).toHaveLength(1);
    expect((out[0][0] as PbrError).message).toMatch(/header row must be Cluster/);
  });

  it("never throw, even for arguments Excel would not send", () => {
    const out = fns.cluster(null as unknown as unknown[][]);
    expect((out[0][0] as PbrError).kind).toBe("#VALUE!");
    expect(fns.clustername(undefined as unknown as unknown[][])).toEqual([[""]]);
    expect((fns.reviewdue([[1]], [[{}]])[0][0] as PbrError).kind).toBe("#VALUE!");
  });

  it("spill candidates as rows of [cluster, fit]", () => {
    const out = fns.clustercandidates([row({ 6: 3, 4: 3 })], OMITTED, SMALL_GRID);
    expect(out).toEqual([
      [10, 2 / 36],
      [18, 2 / 36],
      ["", ""],
    ]);
  });

  it("cover the code lookups", () => {
    expect(fns.clustername([[14]])).toEqual([["Psychotic Crisis"]]);
    expect(fns.superclass([[0], [19]])).toEqual([["Z"], ["C"]]);
    expect(fns.reviewdays([[1], [3]], OMITTED, null)).toEqual([[84], [182]]);
    expect(fns.reviewdue([[14]], [[45383]])).toEqual([[45411]]);
    expect(fns.clusterfit([row({ 7: 2 })], [[3]], SMALL_GRID)).toEqual([[4 / 36]]);
    expect(fns.clustercheck([row({ 7: 2 })], [[3]], SMALL_GRID)).toEqual([["OK"]]);
  });
});

describe("cluster functions inside Excel", () => {
  beforeAll(() => {
    (globalThis as Record<string, unknown>).CustomFunctions = { Error: FakeExcelError, ErrorCode };
  });
  afterAll(() => {
    delete (globalThis as Record<string, unknown>).CustomFunctions;
  });

  it("return CustomFunctions.Error with the message on #VALUE! and #N/A", () => {
    const out = fns.cluster([row({ 6: 5 }), row({}, 9)], OMITTED, SMALL_GRID);
    expect(out[0][0]).toEqual(new FakeExcelError("#VALUE!", "row 1, item 6: rating 5 is not 0–4 or 9"));
    expect(out[1][0]).toEqual(
      new FakeExcelError("#N/A", "row 2: too few ratings (0 of 18 known; at least 12 are needed)")
    );
  });

  it("return #NUM! without a message (Excel shows messages only on #VALUE! and #N/A)", () => {
    expect(fns.reviewdays([[3]], 100, null)).toEqual([[new FakeExcelError("#NUM!")]]);
  });
});
