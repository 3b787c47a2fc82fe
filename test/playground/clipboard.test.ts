/* Tab-separated text to and from the clipboard, as Excel and Google Sheets use it. */
import { fromTsv, toTsv, typedCell } from "../../src/playground/grid/clipboard";

describe("grid clipboard", () => {
  it("writes rows on lines and cells split by tabs, quoting a cell that holds a tab, line break or quote", () => {
    expect(
      toTsv([
        ["Id", "Cost"],
        ["P1", "£1,234.50"],
      ])
    ).toBe("Id\tCost\r\nP1\t£1,234.50");
    expect(toTsv([["a\tb", 'say "hi"', "two\nlines"]])).toBe('"a\tb"\t"say ""hi"""\t"two\nlines"');
  });

  it("reads what Excel puts on the clipboard, without a phantom last row", () => {
    expect(fromTsv("Id\tCluster\r\nP1\t11\r\n")).toEqual([
      ["Id", "Cluster"],
      ["P1", "11"],
    ]);
    expect(fromTsv('"two\nlines"\tx\n')).toEqual([["two\nlines", "x"]]);
    expect(fromTsv("")).toEqual([]);
  });

  it("types each pasted cell as a user would: numbers, formulas, text, blanks", () => {
    expect([
      typedCell("11"),
      typedCell("-2.5"),
      typedCell("1e3"),
      typedCell("=A1*2"),
      typedCell("Team A"),
      typedCell("  "),
    ]).toEqual([11, -2.5, 1000, "=A1*2", "Team A", null]);
  });

  it("reads rows whose line endings mix CRLF and LF (text gathered from several programs)", () => {
    expect(fromTsv("a\t1\r\nb\t2\nc\t3\r\n")).toEqual([
      ["a", "1"],
      ["b", "2"],
      ["c", "3"],
    ]);
  });

  it("reads numbers as Excel in an en-GB workbook does: currency, thousands, percentages, brackets", () => {
    const cells = [
      "£1,234.50",
      "1,000",
      "12.5%",
      "-£3.20",
      "£-3.20",
      "(1,234)",
      "€5",
      "1,00",
      "12,34.5",
      "£",
      "TRUE",
      "false",
      "007x",
    ];
    expect(cells.map(typedCell)).toEqual([
      1234.5,
      1000,
      0.125,
      -3.2,
      -3.2,
      -1234,
      5,
      "1,00",
      "12,34.5",
      "£",
      true,
      false,
      "007x",
    ]);
    // SUM over the pasted cells gives 3,734.50 as in Excel, not 2,500.
    expect((typedCell("£1,234.50") as number) + (typedCell("1,000") as number) + 1500).toBe(3734.5);
  });
});
