import { allocateRange } from "../../../src/core/clusters/allocate";
import { DEFAULT_PROFILE_NOTE, defaultProfile, defaultProfileGrid } from "../../../src/core/clusters/defaultProfile";
import { clusterInfo } from "../../../src/core/clusters/reference";
import { row } from "./fixtures";

describe("built-in indicative profile", () => {
  it("is labelled indicative, not the national grid", () => {
    expect(DEFAULT_PROFILE_NOTE).toMatch(/Indicative/i);
    expect(DEFAULT_PROFILE_NOTE).toMatch(/NOT the national Clustering Booklet grid/);
  });

  it("has rows for every cluster 1–8 and 10–21 and for nothing else", () => {
    const codes = new Set(defaultProfileGrid().slice(1).map((r) => r[0]));
    expect([...codes].sort((a, b) => Number(a) - Number(b))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
    ]);
    expect(defaultProfile().codes.length).toBe(20);
  });

  const superclassOf = (ratings: (number | string | null)[]) => {
    const [code] = allocateRange([ratings], null, defaultProfile()) as unknown[];
    return clusterInfo(code as number)?.superclass;
  };

  it.each([
    ["low mood and anxiety, nothing else", row({ 7: 2, 8: 2, 9: 1, 12: 1 }), "A"],
    ["moderate depression with relationship problems", row({ 7: 3, 8: 2, 9: 2, 10: 1, 12: 2 }), "A"],
    ["repeat self-harm, chaotic, no psychosis", row({ 1: 2, 2: 3, 7: 2, 8: 2, 9: 3, B: 3, D: 3, E: 3 }), "A"],
    ["active hallucinations and delusions", row({ 6: 4, 1: 2, 7: 2, 9: 3, 10: 2, 12: 3, D: 2, E: 2 }), "B"],
    ["psychosis with heavy drug use", row({ 3: 3, 6: 3, 9: 3, 11: 3, 12: 3, D: 3, E: 3 }), "B"],
    ["psychotic depression", row({ 6: 3, 7: 4, 2: 3, 9: 3, 10: 3, 12: 3, B: 3, E: 3 }), "B"],
    ["dementia with high need", row({ 4: 4, 1: 3, 10: 4, 9: 3, 12: 3, E: 4 }), "C"],
    ["mild cognitive impairment", row({ 4: 2, 5: 1, 7: 1, 10: 1, E: 1 }), "C"],
  ])("puts %s in super class %s", (_label, ratings, expected) => {
    expect(superclassOf(ratings)).toBe(expected);
  });
});
