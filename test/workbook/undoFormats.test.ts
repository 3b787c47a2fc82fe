/**
 * A date typed or pasted into a cell gives it the dd/mm/yyyy format; undo takes the format back
 * with the value (a later number then shows as a number, not a date) and redo puts it back, for a
 * typed cell, a small paste and a paste written in slices (issue 30).
 */
import { createEmbeddedWorkbook, type EmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { SLICE_CELLS } from "../../src/workbook/embedded/sliceEdit";
import { enteredCell, pastedCells } from "../../src/playground/grid/clipboard";
import { DATE_FORMAT } from "../../src/playground/grid/enGbDate";

jest.setTimeout(120_000);

/** Type `text` into a cell as the grid does (clipboard.ts's enteredCell, then setCell). */
function type(wb: EmbeddedWorkbook, row: number, col: number, text: string): void {
  const entered = enteredCell(text, wb.isTextCell("Sheet1", row, col));
  wb.setCell("Sheet1", row, col, entered.input, entered.format);
}

/** Paste lines of text as the grid does. */
function paste(wb: EmbeddedWorkbook, row: number, col: number, lines: string[][]): Promise<void> {
  const { rows, formats } = pastedCells(lines, row, col, (r, c) => wb.isTextCell("Sheet1", r, c));
  return wb.pasteCells("Sheet1", row, col, rows, formats);
}

describe("undo and redo of a typed or pasted date", () => {
  it("undo of a typed date leaves a General cell General; redo makes it a date again", () => {
    const { port: wb } = createEmbeddedWorkbook();
    type(wb, 0, 0, "01/04/2026");
    expect(typeof wb.getContent("Sheet1", 0, 0)).toBe("number");
    expect(wb.formatAt("Sheet1", 0, 0)).toBe(DATE_FORMAT);
    wb.undo();
    expect(wb.getContent("Sheet1", 0, 0)).toBeNull();
    expect(wb.formatAt("Sheet1", 0, 0)).toBeUndefined();
    type(wb, 0, 0, "42"); // a later number shows as a number
    expect(wb.formatAt("Sheet1", 0, 0)).toBeUndefined();
    wb.undo();
    wb.redo(); // the 42 again: still no format
    expect(wb.getContent("Sheet1", 0, 0)).toBe(42);
    expect(wb.formatAt("Sheet1", 0, 0)).toBeUndefined();
  });

  it("redo of a typed date puts its format back, and undo puts back a format the cell had before", async () => {
    const { port: wb } = createEmbeddedWorkbook();
    await wb.setNumberFormat("Sheet1", "B1:B5", "0.00"); // as a journey formats a column
    type(wb, 0, 1, "5");
    type(wb, 1, 1, "31/12/2025");
    expect(wb.formatAt("Sheet1", 1, 1)).toBe(DATE_FORMAT);
    wb.undo();
    expect(wb.formatAt("Sheet1", 1, 1)).toBe("0.00");
    wb.redo();
    expect(wb.formatAt("Sheet1", 1, 1)).toBe(DATE_FORMAT);
    expect(wb.formatAt("Sheet1", 0, 1)).toBe("0.00");
    wb.undo();
    wb.undo();
    expect(wb.getContent("Sheet1", 0, 1)).toBeNull();
    expect(wb.formatAt("Sheet1", 0, 1)).toBe("0.00");
    expect(wb.formats).toEqual([{ sheet: "Sheet1", address: "B1:B5", format: "0.00" }]);
  });

  it("undo of a pasted date column takes its format back; redo puts it back", async () => {
    const { port: wb } = createEmbeddedWorkbook();
    await paste(wb, 1, 0, [
      ["When", "n"],
      ["01/04/2026", "3"],
      ["02/04/2026", "4"],
    ]);
    expect(wb.formatAt("Sheet1", 2, 0)).toBe(DATE_FORMAT);
    expect(wb.formatAt("Sheet1", 3, 0)).toBe(DATE_FORMAT);
    expect(wb.formatAt("Sheet1", 2, 1)).toBeUndefined();
    wb.undo();
    expect(wb.getContent("Sheet1", 2, 0)).toBeNull();
    expect(wb.formatAt("Sheet1", 2, 0)).toBeUndefined();
    expect(wb.formats).toEqual([]);
    wb.redo();
    expect(wb.formatAt("Sheet1", 3, 0)).toBe(DATE_FORMAT);
    expect(typeof wb.getContent("Sheet1", 3, 0)).toBe("number");
  });

  it("does the same for a paste written in slices, and a cancelled one leaves no format", async () => {
    const rows = 3_000;
    const lines = Array.from({ length: rows }, (_r, i) => [
      `${(i % 28) + 1}/03/2026`,
      ...Array.from({ length: 9 }, (_c, j) => String(i * 10 + j)),
    ]);
    expect(rows * 10).toBeGreaterThan(SLICE_CELLS);
    const { port: wb } = createEmbeddedWorkbook();
    await paste(wb, 0, 0, lines);
    expect(wb.formatAt("Sheet1", rows - 1, 0)).toBe(DATE_FORMAT);
    expect(wb.formatAt("Sheet1", 0, 1)).toBeUndefined();
    wb.undo();
    await wb.idle();
    expect(wb.getContent("Sheet1", rows - 1, 0)).toBeNull();
    expect(wb.formatAt("Sheet1", rows - 1, 0)).toBeUndefined();
    wb.redo();
    await wb.idle();
    expect(wb.formatAt("Sheet1", 0, 0)).toBe(DATE_FORMAT);
    expect(wb.getContent("Sheet1", rows - 1, 9)).toBe((rows - 1) * 10 + 8);

    const { port: other } = createEmbeddedWorkbook();
    const stop = other.subscribe(() => {
      if (other.longEdit?.label === "Writing" && other.longEdit.done > 0) other.cancelLongEdit();
    });
    await paste(other, 0, 0, lines);
    stop();
    expect(other.getContent("Sheet1", 0, 0)).toBeNull();
    expect(other.formats).toEqual([]);
    expect(other.canUndo).toBe(false);
  });
});
