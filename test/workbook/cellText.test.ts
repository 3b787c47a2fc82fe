/* Text stays text: which strings Excel would read as something else, and how cells are sent. */
import { dataCell, excelCell, excelWouldChange, isFormula, textCell } from "../../src/workbook/cellText";

describe("excelWouldChange", () => {
  it.each([
    // Formulas and signs.
    "=HYPERLINK(\"http://x\",\"x\")",
    "+1",
    "-2+3",
    "@SUM(A1)",
    "-",
    // The text prefix itself.
    "'quoted",
    // Numbers in every spelling Excel accepts.
    "00123",
    "123",
    " 42 ",
    "1.5",
    ".5",
    "1e5",
    "1E-3",
    "1,234",
    "£1,000.50",
    "$5",
    "(100)",
    "12%",
    // Dates and times.
    "Mar-24",
    "mar 24",
    "24-Mar",
    "Sept-24",
    "1 April 2024",
    "April 2024",
    "11/04/2024",
    "2024-03-31",
    "1/2",
    "1-2",
    "1 1/2",
    "12:30",
    "9am",
    "9:30 PM",
    "Mon 1 Apr",
    // Booleans and errors.
    "TRUE",
    "false",
    "#N/A",
    "#div/0!",
  ])("%s would change", (text) => {
    expect(excelWouldChange(text)).toBe(true);
  });

  it.each(["", "North CMHT", "Team A", "P-1", "X-001", "R0000001", "15N", "Q1", "FY2024", "May", "Marsh 2", "Ward 3", "O'Brien", "Older Adults, East", "#hashtag"])(
    "%s stays as typed",
    (text) => {
      expect(excelWouldChange(text)).toBe(false);
    }
  );
});

describe("cells for Excel", () => {
  it("sends formulas and prefixed text as written, other text prefixed where needed, blanks as empty", () => {
    expect(excelCell("=SUM(A1:A3)")).toBe("=SUM(A1:A3)");
    expect(excelCell("'=not a formula")).toBe("'=not a formula");
    expect(excelCell("00123")).toBe("'00123");
    expect(excelCell("Mar-24")).toBe("'Mar-24");
    expect(excelCell("-2+3")).toBe("'-2+3");
    expect(excelCell("=")).toBe("'=");
    expect(excelCell("North")).toBe("North");
    expect(excelCell(7)).toBe(7);
    expect(excelCell(false)).toBe(false);
    expect(excelCell(null)).toBe("");
    expect(isFormula("=A1")).toBe(true);
    expect(isFormula("'=A1")).toBe(false);
    expect(isFormula("=")).toBe(false);
  });

  it("marks data that would be taken for a formula or a prefix; labels always stay text", () => {
    expect(dataCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(dataCell("'quoted")).toBe("''quoted");
    expect(dataCell("00123")).toBe("00123"); // the adapter keeps it text
    expect(dataCell(12)).toBe(12);
    expect(dataCell(null)).toBe(null);
    expect(textCell("2024")).toBe("'2024");
    expect(textCell("Team")).toBe("Team");
    expect(textCell("=x")).toBe("'=x");
  });
});
