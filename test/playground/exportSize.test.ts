/* Export sheet as CSV is sized by the cells that exist, not by the used range's corners: a sheet
   with cells at A1 and XFD1048576 exports as short lines (it ran until the tab crashed). */
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { CSV_PAD_LIMIT, sheetCellsCsv, sheetCsv } from "../../src/playground/export/download";
import { existingCells } from "../../src/playground/export/snapshot";

jest.setTimeout(60_000);

describe("CSV export sized by the cells that exist", () => {
  it("writes a sheet with cells at A1 and XFD1048576 as a line per row, the last reaching XFD", async () => {
    const { port: wb } = createEmbeddedWorkbook();
    wb.setCell("Sheet1", 0, 0, "first");
    wb.setCell("Sheet1", 1_048_575, 16_383, "=1+1");
    const cells = existingCells(wb.engine, wb.sheetId("Sheet1"));
    expect(cells).toEqual([
      { row: 0, col: 0 },
      { row: 1_048_575, col: 16_383 },
    ]);
    // The value lookup is asked only for the cells that exist.
    let asked = 0;
    const csv = sheetCellsCsv(
      cells,
      (r, c) => (asked++, wb.getValue("Sheet1", r, c)),
      () => undefined
    );
    expect(asked).toBe(2);
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines).toHaveLength(1_048_576);
    expect(lines[0]).toBe("first");
    expect(lines[1]).toBe("");
    expect(lines[1_048_575]).toBe(",".repeat(16_383) + "2");
    expect(csv.length).toBeLessThan(3_000_000); // 17 billion fields if sized by the corners
  });

  it("writes an ordinary sheet exactly as the rectangular export did, blanks and all", () => {
    const grid: unknown[][] = [
      ["Team", null, "Cost"],
      [null, null, null],
      ["=x", 5, null],
      [null, "@home", null],
    ];
    const cells = grid.flatMap((line, row) =>
      line.flatMap((v, col) => (v === null ? [] : [{ row, col }]))
    );
    const value = (r: number, c: number) => grid[r][c];
    const format = (r: number, c: number) => (r === 2 && c === 1 ? "£#,##0.00" : undefined);
    const sparse = sheetCellsCsv(cells, value, format);
    expect(sparse).toBe(sheetCsv(4, 3, value, format));
    expect(sparse).toBe("\uFEFFTeam,,Cost\r\n,,\r\n'=x,£5.00,\r\n,'@home,");
  });

  it("stops padding rows to the widest one past the limit, so the work stays bounded", () => {
    const rows = Math.ceil(CSV_PAD_LIMIT / 100) + 1;
    const cells = [
      { row: 0, col: 99 },
      { row: rows - 1, col: 0 },
    ];
    const lines = sheetCellsCsv(
      cells,
      () => 1,
      () => undefined
    )
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines).toHaveLength(rows);
    expect(lines[0]).toBe(",".repeat(99) + "1");
    expect(lines[1]).toBe("");
    expect(lines[rows - 1]).toBe("1");
  });
});
