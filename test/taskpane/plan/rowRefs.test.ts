/* Row references a user can follow (issue 28): sheet-named rows, links in the pane's messages,
   HYPERLINK cells, and a lookup table's rows said as its sheet's rows. */
import {
  hyperlinkCell,
  parseLinkTarget,
  rowLink,
  sheetRowsIn,
  splitLinks,
} from "../../../src/taskpane/plan/rowRefs";
import {
  describePreflight,
  preflightFyCost,
  preflightLinks,
} from "../../../src/taskpane/plan/preflight";

describe("row links", () => {
  it("name the sheet and go to the row's first cell", () => {
    expect(rowLink("Caseload", 32)).toEqual({
      text: "Caseload row 32",
      sheet: "Caseload",
      address: "A32",
    });
  });

  it("split a message at every link, without finding row 2 inside row 25", () => {
    const links = [rowLink("Caseload", 2), rowLink("Caseload", 25)];
    const parts = splitLinks("5 like Caseload row 25: x; 1 like Caseload row 2: y", links);
    expect(parts).toEqual(["5 like ", links[1], ": x; 1 like ", links[0], ": y"]);
    expect(splitLinks("no links here", links)).toEqual(["no links here"]);
    expect(splitLinks("Caseload row 2", [])).toEqual(["Caseload row 2"]);
  });

  it("write a HYPERLINK formula to the cell, quoting the sheet and the text", () => {
    expect(hyperlinkCell("Jo's list", "A5", 'rating "x"')).toBe(
      `=HYPERLINK("#'Jo''s list'!A5","rating "&CHAR(34)&"x"&CHAR(34))`
    );
    expect(hyperlinkCell("S", "A1", '"')).toBe(`=HYPERLINK("#'S'!A1",CHAR(34))`);
    expect(hyperlinkCell("S", "A1", "")).toBe(`=HYPERLINK("#'S'!A1","")`);
    // Past Excel's 255-character limit on a formula's text: the plain text.
    const long = "x".repeat(256);
    expect(hyperlinkCell("S", "A1", long)).toBe(long);
  });

  it("read back internal link targets only", () => {
    expect(parseLinkTarget("#'Jo''s list'!A5")).toEqual({ sheet: "Jo's list", address: "A5" });
    expect(parseLinkTarget("#Summary!$b$5")).toEqual({ sheet: "Summary", address: "B5" });
    expect(parseLinkTarget("#Prices!A4:D25")).toEqual({ sheet: "Prices", address: "A4" });
    expect(parseLinkTarget("https://example.invalid")).toBeNull();
    expect(parseLinkTarget("#SomeName")).toBeNull();
    expect(parseLinkTarget("#S!A0")).toBeNull();
  });
});

describe("a lookup table's rows as its sheet's rows", () => {
  const prices = { label: "price table Prices", sheet: "Prices", address: "A4:D25" };
  it("turn the table's own row numbers into the sheet's", () => {
    expect(sheetRowsIn("code 99 is not in the price table Prices (rows 2–22)", [prices])).toBe(
      "code 99 is not in the price table Prices (Prices rows 5–25)"
    );
    expect(
      sheetRowsIn(
        "code 3 is listed twice in the price table Prices for overlapping dates (rows 3 and 7, both …)",
        [prices]
      )
    ).toBe(
      "code 3 is listed twice in the price table Prices for overlapping dates (Prices rows 6 and 10, both …)"
    );
    expect(sheetRowsIn("price table Prices row 3, Day price: x is not a number", [prices])).toBe(
      "price table Prices (Prices row 6), Day price: x is not a number"
    );
  });
  it("drop the row span of a built-in table, which is in no sheet", () => {
    expect(sheetRowsIn("code 99 is not in the illustrative price table (rows 2–22)", [])).toBe(
      "code 99 is not in the built-in illustrative price table"
    );
  });
});

describe("the pre-flight cites rows by sheet, with links", () => {
  const caseload = {
    sheet: "Caseload",
    address: "A3:E5",
    header: ["ID", "Cluster", "Start date", "End date", "Admitted days"],
    rows: [
      ["P1", 11, 45748, 45838, null],
      ["P2", 99, 45748, null, null],
    ],
  };
  const cols = { id: 0, code: 1, start: 2, end: 3, admitted: 4 };
  const prices = {
    sheet: "Prices",
    address: "A4:D6",
    header: ["Code", "Day price", "Effective from", "Effective to"],
    rows: [
      [11, 10, null, null],
      [12, 20, null, null],
    ],
  };

  it("says 'like Caseload row 5', links it, and cites the price table's sheet rows", () => {
    const check = preflightFyCost(caseload, cols, 2025, prices);
    if (!("leftOut" in check)) throw new Error(String(check));
    const lines = describePreflight(check, "priced", "Caseload");
    expect(lines[1]).toBe(
      "1 like Caseload row 5 (P2): code 99 is not in the price table Prices (Prices rows 5–6)"
    );
    expect(preflightLinks(check)).toEqual([
      { text: "Caseload row 5", sheet: "Caseload", address: "A5" },
    ]);
  });
});

describe("the left-out list on a result sheet", () => {
  it("links each sheet row to the row, where its sheet is known", async () => {
    const { leftOutBlocks } = await import("../../../src/taskpane/plan/leftOut");
    const blocks = leftOutBlocks(
      0,
      0,
      "Left out",
      [
        { index: 0, sheetRow: 5, sheet: "Jo's caseload", id: "P1", reason: "code 99 …" },
        { index: 1, sheetRow: 6, id: "P2", reason: "step is blank" },
      ],
      "LeftOut"
    );
    const table = blocks[1] as { rows: unknown[][] };
    expect(table.rows[0][0]).toBe(`=HYPERLINK("#'Jo''s caseload'!A5",5)`);
    expect(table.rows[1][0]).toBe(6);
  });
});
