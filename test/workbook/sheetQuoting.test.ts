/* Sheet names in references: quoted unless a plain identifier that cannot be read as a cell. */
import { qualified, quoteSheet, splitQualified, unquoteSheet } from "../../src/workbook/address";
import { absoluteReference } from "../../src/workbook/office/names";
import { resolver } from "../../src/taskpane/plan/run";
import { columnRef, tableRef } from "../../src/taskpane/plan/refs";

describe("quoteSheet", () => {
  it.each([
    ["Prices", "Prices"],
    ["Sheet1", "Sheet1"],
    ["Caseload_2025", "Caseload_2025"],
    ["_Hidden", "_Hidden"],
    ["Summary", "Summary"],
  ])("leaves the plain identifier %s bare", (name, expected) => {
    expect(quoteSheet(name)).toBe(expected);
  });

  it.each([
    // Read as cell references in A1 style (columns run to XFD).
    ["FY2024", "'FY2024'"],
    ["Q1", "'Q1'"],
    ["A1", "'A1'"],
    ["TAB1", "'TAB1'"],
    ["xfd1048576", "'xfd1048576'"],
    ["Q1x", "'Q1x'"],
    // Read as R1C1 references.
    ["R1C1", "'R1C1'"],
    ["R", "'R'"],
    ["c", "'c'"],
    ["RC", "'RC'"],
    ["R2", "'R2'"],
    ["C12", "'C12'"],
    // Booleans, digits first, spaces, punctuation, non-ASCII.
    ["TRUE", "'TRUE'"],
    ["2024", "'2024'"],
    ["2024 prices", "'2024 prices'"],
    ["Prices (2)", "'Prices (2)'"],
    ["Import rejects", "'Import rejects'"],
    ["Risk-share", "'Risk-share'"],
    ["v1.2", "'v1.2'"],
    ["Données", "'Données'"],
    // Quotes doubled; brackets quoted.
    ["O'Brien", "'O''Brien'"],
    ["'Quoted'", "'''Quoted'''"],
    ["Team [North]", "'Team [North]'"],
    ["{x}", "'{x}'"],
  ])("quotes %s as %s", (name, expected) => {
    expect(quoteSheet(name)).toBe(expected);
  });

  it("round-trips through unquoteSheet and splitQualified", () => {
    for (const name of ["O'Brien", "FY2024", "Prices (2)", "a''b", "Team [North]", "Prices"]) {
      expect(unquoteSheet(quoteSheet(name))).toBe(name);
      expect(splitQualified(qualified(name, "$A$1:$B$2"))).toEqual({ sheet: name, address: "$A$1:$B$2" });
    }
    expect(splitQualified("B3")).toEqual({ sheet: null, address: "B3" });
  });
});

describe("every reference builder quotes the same way", () => {
  it("defined names, table and column references, and plan tokens", () => {
    expect(absoluteReference("FY2024", "A4:D25")).toBe("='FY2024'!$A$4:$D$25");
    expect(absoluteReference("O'Brien", "A1")).toBe("='O''Brien'!$A$1");
    expect(absoluteReference("Prices", "A1")).toBe("=Prices!$A$1");
    expect(tableRef({ sheet: "Q1", address: "A4:D25" })).toBe("'Q1'!$A$4:$D$25");
    expect(columnRef({ sheet: "R1C1", address: "A1:C9" }, 1)).toBe("'R1C1'!$B$2:$B$9");
    const resolve = resolver({ sheets: { p: "TAB1", q: "Plain" }, names: {}, tables: {} });
    expect(resolve("=SUM(«sheet:p»!$A$1:$A$3)+«sheet:q»!B2")).toBe("=SUM('TAB1'!$A$1:$A$3)+Plain!B2");
  });
});
