import { PbrError } from "../../../src/core/errors";
import {
  NOT_CLUSTERED,
  convertCluster,
  convertDays,
  convertId,
  convertRating,
  convertText,
  reportValue,
  safeText,
} from "../../../src/core/caseload/convert";
import { isBlank } from "../../../src/core/values";

const message = (v: unknown) => (v instanceof PbrError ? v.message : v);

describe("cluster codes", () => {
  it.each([
    [0, 0],
    [21, 21],
    ["11", 11],
    ["11.0", 11],
    ["Cluster 11", 11],
    ["C4", 4],
    ["8 - Chaotic and challenging", 8],
    ["11 - Ongoing Recurrent Psychosis (Low Symptoms)", 11],
    ["Cluster 12 Ongoing or Recurrent Psychosis (High Disability)", 12],
    ["C17: Psychosis and Affective Disorder Difficult to Engage", 17],
    [99, NOT_CLUSTERED],
    [9, 9],
  ])("%s → %s", (value, code) => {
    expect(convertCluster(value, 2)).toBe(code);
  });

  it("refuses anything outside 0–21, naming the row", () => {
    expect(message(convertCluster("22", 5))).toBe('row 5, cluster: "22" is not a care cluster (0–8 or 10–21; 99 = not clustered)');
    for (const v of [11.5, -1, "abc", true]) expect(convertCluster(v, 2)).toBeInstanceOf(PbrError);
    expect(message(convertCluster(" ", 3))).toBe("row 3, cluster: blank, but this field is required");
  });
});

describe("ratings", () => {
  it("keeps 0–4 and 9, blank stays blank", () => {
    expect([0, 1, 2, 3, 4, 9, "0", "4", "9", " 3 ", "", null].map((v) => convertRating(v, 2, "6"))).toEqual([
      0, 1, 2, 3, 4, 9, 0, 4, 9, 3, null, null,
    ]);
  });

  it("refuses anything else with the catalogue's rating message", () => {
    expect(message(convertRating(5, 7, "6"))).toBe("row 7, item 6: rating 5 is not 0–4 or 9");
    for (const v of [-1, 2.5, "x", "5", 8]) expect(convertRating(v, 2, "A")).toBeInstanceOf(PbrError);
  });
});

describe("admitted days", () => {
  it("takes whole numbers from 0, blank stays blank", () => {
    expect([0, "12", 30, "", null].map((v) => convertDays(v, 2))).toEqual([0, 12, 30, null, null]);
  });
  it("refuses negative, fractional and non-numbers", () => {
    expect(message(convertDays(-3, 6))).toBe("row 6, admitted days: -3 is negative");
    expect(message(convertDays("2.5", 6))).toBe('row 6, admitted days: "2.5" is not a whole number of days');
    expect(message(convertDays("lots", 6))).toBe('row 6, admitted days: "lots" is not a number');
  });
});

describe("IDs and text", () => {
  it("keeps IDs as trimmed text, numbers as their digits", () => {
    expect(convertId(" P-1 ", 2)).toBe("P-1");
    expect(convertId(1002, 2)).toBe("1002");
    expect(message(convertId("", 9))).toBe("row 9, ID: blank, but this field is required");
  });

  it("never lets text become a formula", () => {
    expect(safeText("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(safeText("'quoted")).toBe("''quoted"); // the apostrophe is kept, not taken for the prefix
    expect(convertText("=1+1")).toBe("'=1+1");
    expect(reportValue("=cmd")).toBe("'=cmd");
    expect(convertText("North CMHT")).toBe("North CMHT");
    expect(reportValue(new Date(Date.UTC(2024, 3, 1)))).toBe("01/04/2024");
  });

  it("isBlank's fast path agrees with its definition: nothing, or text that trims to nothing", () => {
    for (const v of ["", " ", "\t", "\u00a0", "\uFEFF", "a", " a", "0", 0, null, undefined, false, "\u2003", "~", "\u007f"]) {
      expect(isBlank(v)).toBe(v === null || v === undefined || (typeof v === "string" && v.trim() === ""));
    }
  });
});
