import { PbrError } from "../../../src/core/errors";
import { parseProfile, redAllowed } from "../../../src/core/clusters/profile";
import { HEADER, SMALL_GRID } from "./fixtures";

const msg = (v: unknown) => (v instanceof PbrError ? `${v.kind} ${v.message}` : "not an error");

describe("profile tables", () => {
  it("compiles red rules and points", () => {
    const p = parseProfile(SMALL_GRID);
    if (p instanceof PbrError) throw new Error(p.message);
    expect(p.codes).toEqual([3, 10, 18]);
    expect(redAllowed(p, 0, 5)).toEqual([0, 1]);
    expect(redAllowed(p, 1, 5)).toEqual([2, 3, 4]);
    expect(redAllowed(p, 0, 6)).toBeNull();
    expect(p.classMask.A).toBe(0b001);
    expect(p.classMask.B).toBe(0b010);
    expect(p.classMask.C).toBe(0b100);
  });

  it("matches the header case-insensitively and accepts items 14–18 as A–E, colour words and blank rows", () => {
    const p = parseProfile([
      ["cluster", "ITEM", 0, 1, 2, 3, 4],
      [8, 15, "", "", "red", "Red", "R"],
      ["", "", "", "", "", "", ""],
      [8, "e", "orange", "yellow", "", "", ""],
    ]);
    if (p instanceof PbrError) throw new Error(p.message);
    expect(redAllowed(p, 0, 14)).toEqual([2, 3, 4]);
    expect(p.marks[0][17]).toEqual(["O", "Y", "", "", ""]);
  });

  it.each([
    [[["Cluster", "Item", "0", "1", "2", "3"]], /^#VALUE! the profile's header row must be Cluster \| Item/],
    [[HEADER], /^#VALUE! the profile has no rows/],
    [[HEADER, [9, "1", "R", "", "", "", ""]], /^#VALUE! profile row 2: cluster 9 is not a care cluster code/],
    [[HEADER, [0, "1", "R", "", "", "", ""]], /^#VALUE! profile row 2: cluster 0 is not/],
    [[HEADER, [3, "F", "R", "", "", "", ""]], /^#VALUE! profile row 2: item "F" is not an MHCT item/],
    [[HEADER, [3, "19", "R", "", "", "", ""]], /^#VALUE! profile row 2: item "19"/],
    [[HEADER, [3, "1", "R", "X", "", "", ""]], /^#VALUE! profile row 2, rating 1: "X" is not R, O, Y or blank/],
    [
      [HEADER, [3, "1", "R", "", "", "", ""], [4, "1", "", "", "", "", ""], [3, "1", "O", "", "", "", ""]],
      /^#VALUE! profile row 4: cluster 3 item 1 is already given in profile row 2/,
    ],
  ])("rejects a malformed profile naming the row (%#)", (grid, expected) => {
    expect(msg(parseProfile(grid as (string | number)[][]))).toMatch(expected);
  });
});
