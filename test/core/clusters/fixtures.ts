/** Small hand-made profiles so each allocation rule can be checked by hand. */
import { PbrError } from "../../../src/core/errors";
import { parseProfile, type Profile } from "../../../src/core/clusters/profile";

export const HEADER = ["Cluster", "Item", "0", "1", "2", "3", "4"];

/**
 * Cluster 3 (A): item 6 red 0–1; item 7 orange at 2, yellow at 3.
 * Cluster 10 (B): item 6 red 2–4; item 7 yellow at 2.
 * Cluster 18 (C): item 4 red 2–4, orange at 3.
 */
export const SMALL_GRID: (string | number)[][] = [
  HEADER,
  [3, "6", "R", "R", "", "", ""],
  [3, "7", "", "", "O", "Y", ""],
  [10, "6", "", "", "R", "R", "R"],
  [10, "7", "", "", "Y", "", ""],
  [18, "4", "", "", "R", "R", "R"],
];

export function profileOf(grid: (string | number)[][]): Profile {
  const p = parseProfile(grid);
  if (p instanceof PbrError) throw new Error(p.message);
  return p;
}

/** 18 ratings, all 0, with some items set: `row({6: 3, 7: 2})`; keys are item labels. */
export function row(set: Record<string, number | string | null> = {}, base: number | string | null = 0) {
  const ids = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "A", "B", "C", "D", "E"];
  return ids.map((id) => (id in set ? set[id] : base));
}
