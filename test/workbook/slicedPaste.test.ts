/**
 * A large paste (over SLICE_CELLS cells) is written in slices with the page free between them
 * (embedded/sliceEdit.ts, issue 30). It must give exactly the cells a one-go write gives, be one
 * undo step whose undo and redo put back exactly what was there, keep an edit typed while it runs,
 * and leave the cells as they were when cancelled.
 */
import { createEmbeddedWorkbook, type EmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { SLICE_CELLS } from "../../src/workbook/embedded/sliceEdit";
import type { CellInput } from "../../src/workbook/port";

// A hang guard, not a speed check (jest.config's project testTimeout is not applied by jest 30).
jest.setTimeout(120_000);

const ROWS = 3_000;
const COLS = 10; // 30,000 cells: over SLICE_CELLS, so sliced
const block = (seed: number): CellInput[][] =>
  Array.from({ length: ROWS }, (_r, i) =>
    Array.from({ length: COLS }, (_c, j) =>
      j === 9
        ? `=A${i + 3}*2`
        : j % 3 === 0
          ? i * COLS + j + seed
          : j % 3 === 1
            ? `T${i}-${j}-${seed}`
            : j % 2 === 0
    )
  );

/** Every cell's content and value over the pasted area (plus a margin), for comparison. */
function cellsOf(wb: EmbeddedWorkbook): unknown[] {
  const out: unknown[] = [];
  for (let r = 0; r < ROWS + 4; r++)
    for (let c = 0; c < COLS + 1; c++)
      out.push([wb.getContent("Sheet1", r, c), wb.getValue("Sheet1", r, c)]);
  return out;
}

/** The first cell that differs, if any (a whole-array diff of 66,000 cells takes minutes to print). */
function same(got: unknown[], want: unknown[]): void {
  expect(got.length).toBe(want.length);
  const i = got.findIndex((g, k) => JSON.stringify(g) !== JSON.stringify(want[k]));
  expect(i < 0 ? null : { cell: i, got: got[i], want: want[i] }).toBeNull();
}

/** A workbook with something under and beside the paste area, and a formula over it. */
function startingBook(): EmbeddedWorkbook {
  const { port } = createEmbeddedWorkbook();
  port.setCells("Sheet1", 0, 0, [["kept", 5, "=SUM(A3:A3002)"]]);
  port.setCells("Sheet1", 100, 4, [["under the paste"]]);
  return port;
}

describe("a paste too large to write in one go", () => {
  it("is over the slice size in these tests", () => {
    expect(ROWS * COLS).toBeGreaterThan(SLICE_CELLS);
  });

  it("gives the same cells as writing it at once, as one undo step, and undo and redo put back exactly", async () => {
    const inOneGo = startingBook();
    const before = cellsOf(inOneGo);
    inOneGo.applyCells("Sheet1", 2, 0, block(1));
    const sliced = startingBook();
    const progress: number[] = [];
    const unsubscribe = sliced.subscribe(() => {
      if (sliced.longEdit) progress.push(sliced.longEdit.done);
    });
    await sliced.pasteCells("Sheet1", 2, 0, block(1));
    unsubscribe();
    same(cellsOf(sliced), cellsOf(inOneGo));
    expect(sliced.longEdit).toBeNull();
    expect(new Set(progress).size).toBeGreaterThan(2); // it told the page how far it got
    const after = cellsOf(sliced);

    expect(sliced.undoLabel).toBe("typing");
    sliced.undo();
    expect(sliced.longEdit?.label).toBe("Undoing");
    await sliced.idle();
    same(cellsOf(sliced), before);
    expect(sliced.canUndo).toBe(true); // the two edits typed before the paste
    sliced.redo();
    expect(sliced.longEdit?.label).toBe("Redoing");
    await sliced.idle();
    same(cellsOf(sliced), after);
  });

  it("keeps an edit typed while it is being written, after it, and undoes them in order", async () => {
    const wb = startingBook();
    const pasting = wb.pasteCells("Sheet1", 2, 0, block(2));
    expect(wb.longEdit?.label).toBe("Writing");
    wb.setCell("Sheet1", 2, 0, "typed during the paste"); // queued behind the paste
    await pasting;
    await wb.pasteCells("Sheet1", 0, 20, [[null]]);
    expect(wb.getContent("Sheet1", 2, 0)).toBe("typed during the paste");
    expect(wb.getContent("Sheet1", 3, 0)).toBe(10 + 2);
    wb.undo(); // the null
    wb.undo(); // the typed cell
    expect(wb.getContent("Sheet1", 2, 0)).toBe(2);
    wb.undo(); // the paste
    await wb.pasteCells("Sheet1", 0, 21, [[null]]);
    expect(wb.getContent("Sheet1", 2, 0)).toBeNull();
    expect(wb.getContent("Sheet1", 100, 4)).toBe("under the paste");
  });

  it("when cancelled, takes back what it wrote and records nothing", async () => {
    const wb = startingBook();
    const before = cellsOf(wb);
    let seen = 0;
    const unsubscribe = wb.subscribe(() => {
      const edit = wb.longEdit;
      if (edit && edit.label === "Writing" && edit.done > 0 && ++seen === 2) wb.cancelLongEdit();
    });
    await wb.pasteCells("Sheet1", 2, 0, block(3));
    unsubscribe();
    same(cellsOf(wb), before);
    expect(wb.undoLabel).toBe("typing"); // the two starting edits only
    wb.undo();
    expect(wb.getContent("Sheet1", 100, 4)).toBeNull();
  });
});
