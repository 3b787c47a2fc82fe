/** Attendance (MHSDS AttendOrDNACode and plain English): did-not-attend and cancelled contacts are £0. */
import { readAttended } from "../../../src/core/mhnrg/attendance";

describe("readAttended", () => {
  it("MHSDS codes 5 and 6 attended; 2, 3, 4 and 7 did not attend or were cancelled", () => {
    expect([5, 6, "5", "06"].map(readAttended)).toEqual([true, true, true, true]);
    expect([2, 3, 4, 7, "03"].map(readAttended)).toEqual([false, false, false, false, false]);
  });
  it("plain English and TRUE/FALSE; blank counts as attended", () => {
    expect(["Attended", "yes", true, null, "", "  "].map(readAttended)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(["DNA", "Did not attend", "Cancelled", "no", false].map(readAttended)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
  it("anything else is the reason it cannot be read (0: an appointment in the future; 1; maybe)", () => {
    for (const v of [0, 1, "maybe", 8])
      expect(readAttended(v)).toMatch(/^attendance .* is not an MHSDS attended-or-DNA code/);
  });
});
