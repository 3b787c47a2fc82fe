/* Typing and pasting as an en-GB Excel workbook reads it: dates, text cells, HTML tables, nothing usable. */
import {
  clipboardRows,
  enteredCell,
  pastedCells,
  tableRows,
  type TableLike,
} from "../../src/playground/grid/clipboard";
import { DATE_FORMAT, enGbDate } from "../../src/playground/grid/enGbDate";
import { setDateSystem, ymdToSerial } from "../../src/core/dates";

describe("en-GB dates typed or pasted", () => {
  afterEach(() => setDateSystem(1900));

  it("reads day-first and ISO dates as Excel's serials (1900 system)", () => {
    const jan31 = ymdToSerial(2026, 1, 31);
    expect(jan31).toBe(46053); // =DATE(2026,1,31) in Excel
    for (const text of [
      "31/01/2026",
      "31/1/2026",
      "31/1/26",
      "31-01-2026",
      "31-1-26",
      "2026-01-31",
      "2026/1/31",
      " 31/01/2026 ",
    ])
      expect([text, enGbDate(text)]).toEqual([text, jan31]);
    expect(enGbDate("01/02/2026")).toBe(ymdToSerial(2026, 2, 1)); // 1 February, never 2 January
    expect(enGbDate("1/1/1900")).toBe(1);
    expect(enGbDate("28/02/1900")).toBe(59);
    expect(enGbDate("29/02/1900")).toBe(60); // Excel's phantom day
    expect(enGbDate("01/03/1900")).toBe(61);
    expect(enGbDate("31/12/9999")).toBe(2958465);
    expect(enGbDate("29/02/2024")).toBe(ymdToSerial(2024, 2, 29));
  });

  it("reads two-digit years in Excel's window: 00–29 are 2000s, 30–99 are 1900s", () => {
    expect(enGbDate("1/2/29")).toBe(ymdToSerial(2029, 2, 1));
    expect(enGbDate("1/2/30")).toBe(ymdToSerial(1930, 2, 1));
    expect(enGbDate("1/2/00")).toBe(ymdToSerial(2000, 2, 1));
  });

  it("leaves impossible days, other shapes and dates outside the system as text (null)", () => {
    for (const text of [
      "31/02/2026", // no such day
      "29/02/2025",
      "12/31/2024", // month first: no 31st month
      "00/01/2026",
      "31/01/1899", // before the 1900 system
      "1/1/10000",
      "31/01/2026 14:30",
      "31 Jan 2026",
      "31/01",
      "31/01/202",
      "31/01-2026", // mixed separators
      "2026-13-01",
      "31.01.2026",
      "P-12-11",
      "",
    ])
      expect([text, enGbDate(text)]).toEqual([text, null]);
  });

  it("respects a 1904 workbook: serials count from 1 January 1904 and earlier days stay text", () => {
    setDateSystem(1904);
    expect(enGbDate("31/01/2026")).toBe(ymdToSerial(2026, 1, 31) - 1462);
    expect(enGbDate("1/1/1904")).toBe(0);
    expect(enGbDate("31/12/1903")).toBeNull();
    expect(enGbDate("29/02/1900")).toBeNull();
  });
});

describe("a cell typed or pasted", () => {
  it("is a date serial with a date format, a number, or text as written", () => {
    expect(enteredCell("31/01/2026")).toEqual({ input: 46053, format: DATE_FORMAT });
    expect(enteredCell("£1,234.50")).toEqual({ input: 1234.5 });
    expect(enteredCell("31/02/2026")).toEqual({ input: "31/02/2026" });
    expect(enteredCell("Team A")).toEqual({ input: "Team A" });
    expect(enteredCell("=DATE(2026,1,31)")).toEqual({ input: "=DATE(2026,1,31)" });
    expect(enteredCell("  ")).toEqual({ input: null });
  });

  it("in a text-formatted cell keeps what was written: dates and leading zeros stay text", () => {
    expect(enteredCell("31/01/2026", true)).toEqual({ input: "31/01/2026" });
    expect(enteredCell("007", true)).toEqual({ input: "007" });
    expect(enteredCell("", true)).toEqual({ input: null });
  });
});

describe("pasted rows", () => {
  it("type each cell and give the date format once per run of dates down a column", () => {
    const lines = [
      ["Id", "Start", "Cost"],
      ["P1", "01/04/2025", "£10"],
      ["P2", "2/4/25", "£20"],
      ["P3", "not known", "£30"],
      ["P4", "2025-04-05", "£40"],
    ];
    const { rows, formats } = pastedCells(lines, 1, 1, () => false);
    expect(rows).toEqual([
      ["Id", "Start", "Cost"],
      ["P1", ymdToSerial(2025, 4, 1), 10],
      ["P2", ymdToSerial(2025, 4, 2), 20],
      ["P3", "not known", 30],
      ["P4", ymdToSerial(2025, 4, 5), 40],
    ]);
    // Pasted at B2: the dates are C3:C4 and C6.
    expect(formats).toEqual([
      { address: "C3:C4", format: DATE_FORMAT },
      { address: "C6", format: DATE_FORMAT },
    ]);
  });

  it("keep a text-formatted column's dates as text, and no format goes there", () => {
    const { rows, formats } = pastedCells([["01/04/2025", "01/04/2025"]], 0, 0, (_r, c) => c === 0);
    expect(rows).toEqual([["01/04/2025", ymdToSerial(2025, 4, 1)]]);
    expect(formats).toEqual([{ address: "B1", format: DATE_FORMAT }]);
  });

  it("close a run at a short row", () => {
    const { formats } = pastedCells(
      [["x", "1/1/2026"], ["y"], ["z", "2/1/2026"]],
      0,
      0,
      () => false
    );
    expect(formats.map((f) => f.address)).toEqual(["B1", "B3"]);
  });
});

describe("what the clipboard offers", () => {
  /** A table as DOMParser would give it, from rows of [text, colSpan] cells. */
  const table = (rows: [string | null, number?][][]): TableLike => ({
    rows: rows.map((cells) => ({
      cells: cells.map(([textContent, colSpan]) => ({ textContent, colSpan })),
    })),
  });
  const parser = (t: TableLike | null) => () => ({ querySelector: () => t });

  it("reads an HTML table's cell texts, whitespace made one space, spans keeping columns in place", () => {
    const t = table([
      [["Team", 2], ["Cost"]],
      [["  North\n  east "], [null], ["£1,234.50"]],
    ]);
    expect(tableRows(t)).toEqual([
      ["Team", "", "Cost"],
      ["North east", "", "£1,234.50"],
    ]);
  });

  it("prefers the plain text, then the HTML table, else says why nothing was pasted", () => {
    const t = table([[["a"], ["1"]]]);
    expect(clipboardRows("x\t2\r\n", "<table>…</table>", parser(t))).toEqual({
      rows: [["x", "2"]],
    });
    expect(clipboardRows("", "<table>…</table>", parser(t))).toEqual({ rows: [["a", "1"]] });
    const noTable = clipboardRows("", "<p>Hello</p>", parser(null));
    expect(noTable).toEqual({ problem: expect.stringMatching(/^Nothing pasted: .*no table/) });
    const empty = clipboardRows("", "", parser(null));
    expect(empty).toEqual({
      problem: expect.stringMatching(/^Nothing pasted: .*no text or table/),
    });
    expect(clipboardRows("", "<table></table>", parser(table([])))).toEqual({
      problem: expect.stringMatching(/no table/),
    });
  });
});
