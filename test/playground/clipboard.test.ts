/* Tab-separated text to and from the clipboard, as Excel and Google Sheets use it. */
import { fromTsv, toTsv, typedCell } from "../../src/playground/grid/clipboard";

describe("grid clipboard", () => {
  it("writes rows on lines and cells split by tabs, quoting a cell that holds a tab, line break or quote", () => {
    expect(toTsv([["Id", "Cost"], ["P1", "£1,234.50"]])).toBe("Id\tCost\r\nP1\t£1,234.50");
    expect(toTsv([["a\tb", 'say "hi"', "two\nlines"]])).toBe('"a\tb"\t"say ""hi"""\t"two\nlines"');
  });

  it("reads what Excel puts on the clipboard, without a phantom last row", () => {
    expect(fromTsv("Id\tCluster\r\nP1\t11\r\n")).toEqual([["Id", "Cluster"], ["P1", "11"]]);
    expect(fromTsv('"two\nlines"\tx\n')).toEqual([["two\nlines", "x"]]);
    expect(fromTsv("")).toEqual([]);
  });

  it("types each pasted cell as a user would: numbers, formulas, text, blanks", () => {
    expect([typedCell("11"), typedCell("-2.5"), typedCell("1e3"), typedCell("=A1*2"), typedCell("Team A"), typedCell("  ")]).toEqual([
      11, -2.5, 1000, "=A1*2", "Team A", null,
    ]);
  });
});
