/**
 * A task pane journey's writes and the grid's long work (a paste, undo or redo written in slices,
 * opening a file) never interleave (issue 30, embedded/history.ts): a journey started during a
 * sliced paste or undo waits for it; one started while a file is being opened is refused; while a
 * journey writes, typed and pasted cells wait behind it and undo, redo, Open and Save are refused.
 * Each undo step then holds only its own cells.
 */
import { createEmbeddedWorkbook, type EmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { SLICE_CELLS } from "../../src/workbook/embedded/sliceEdit";
import { SaveRefused, saveNow } from "../../src/playground/export/saveFlow";
import { abortError, type CellInput } from "../../src/workbook/port";

// A hang guard, not a speed check.
jest.setTimeout(120_000);

const ROWS = 3_000;
const COLS = 10; // 30,000 cells: over SLICE_CELLS, so written in slices
const block = (seed: number): CellInput[][] =>
  Array.from({ length: ROWS }, (_r, i) =>
    Array.from({ length: COLS }, (_c, j) => (j === 0 ? i + seed : `P${i}-${j}`))
  );

function startingBook(): EmbeddedWorkbook {
  const { port } = createEmbeddedWorkbook();
  port.setCells("Sheet1", 0, 0, [["kept", 5]]);
  return port;
}

/** A promise with its resolve, to hold a journey part way through its writes. */
function gate(): { open: () => void; opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

/** A journey: writes into the paste's area (A5) and beside it (L1), and a new sheet with a table. */
async function journey(wb: EmbeddedWorkbook, seen: { lastPasted?: unknown }, hold?: Promise<void>) {
  seen.lastPasted = wb.getContent("Sheet1", 2 + ROWS - 1, 0);
  await wb.writeRange("Sheet1", "A5", [["journey"]]);
  if (hold) await hold;
  await wb.writeRange("Sheet1", "L1", [["journey beside"]]);
  const sheet = await wb.createSheet("Out");
  await wb.writeTable(sheet, "A1", "Results", ["n"], [[1], [2]]);
  return sheet;
}

describe("a task pane journey and a sliced paste", () => {
  it("is over the slice size in these tests", () => {
    expect(ROWS * COLS).toBeGreaterThan(SLICE_CELLS);
  });

  it("journey started during a paste waits for it; each undo step holds only its own cells", async () => {
    const wb = startingBook();
    const pasting = wb.pasteCells("Sheet1", 2, 0, block(100));
    expect(wb.longEdit?.label).toBe("Writing");
    const seen: { lastPasted?: unknown } = {};
    const running = wb.action("Set up model", () => journey(wb, seen));
    expect(wb.busy).toBe(false); // waiting, not writing
    expect(wb.getContent("Sheet1", 4, 0)).not.toBe("journey");
    // Undo is refused while the journey waits: it would take back the journey once it ends.
    expect(wb.canUndo).toBe(false);
    expect(wb.undo()).toBe(false);
    expect(wb.undoRefused).toContain("Set up model");
    await expect(saveNow(wb)).rejects.toBeInstanceOf(SaveRefused);
    await pasting;
    expect(await running).toBe("Out");
    // The journey began once the whole paste was in.
    expect(seen.lastPasted).toBe(ROWS - 1 + 100);
    expect(wb.getContent("Sheet1", 4, 0)).toBe("journey");
    expect(wb.getContent("Sheet1", 5, 0)).toBe(103);

    expect(wb.undoLabel).toBe("Set up model");
    wb.undo();
    expect(wb.engine.doesSheetExist("Out")).toBe(false);
    expect(wb.getContent("Sheet1", 4, 0)).toBe(102); // the pasted value, not the journey's
    expect(wb.getContent("Sheet1", 0, 11)).toBeNull();
    wb.undo(); // the paste, in slices
    await wb.idle();
    expect(wb.getContent("Sheet1", 4, 0)).toBeNull();
    expect(wb.getContent("Sheet1", 2 + ROWS - 1, 0)).toBeNull();
    expect(wb.getContent("Sheet1", 0, 0)).toBe("kept");
  });

  it("a paste and a typed cell made while a journey writes wait behind it, then undo in order", async () => {
    const wb = startingBook();
    const hold = gate();
    const seen: { lastPasted?: unknown } = {};
    const running = wb.action("Import caseload", () => journey(wb, seen, hold.opened));
    expect(wb.busy).toBe(true);
    const pasting = wb.pasteCells("Sheet1", 2, 0, block(7));
    wb.setCell("Sheet1", 0, 11, "typed meanwhile"); // L1, which the journey writes after the hold
    await new Promise((r) => setTimeout(r, 20));
    expect(wb.longEdit).toBeNull(); // the paste has not started
    expect(wb.getContent("Sheet1", 3, 0)).toBeNull();
    expect(wb.waitingForPane).toEqual({ label: "Import caseload", edits: 2 });
    expect(wb.undo()).toBe(false);
    expect(wb.redo()).toBe(false);
    expect(wb.openRefused).toContain("Import caseload");
    await expect(
      wb.replaceBookInSlices(
        { sheets: [{ name: "New", cells: [[1]], formats: [] }], names: [], tables: [] },
        "Opening x.xlsx:"
      )
    ).rejects.toThrow(/Import caseload/);
    await expect(saveNow(wb)).rejects.toThrow(/task pane/);

    hold.open();
    await running;
    await pasting;
    await wb.idle();
    expect(wb.waitingForPane).toBeNull();
    expect(seen.lastPasted).toBeNull(); // the journey saw no pasted cell
    // Written after the journey, in the order they were made.
    expect(wb.getContent("Sheet1", 4, 0)).toBe(9); // the paste over the journey's A5
    expect(wb.getContent("Sheet1", 0, 11)).toBe("typed meanwhile");
    expect(wb.engine.getSheetNames()).toEqual(["Sheet1", "Out"]);

    wb.undo(); // the typed cell
    expect(wb.getContent("Sheet1", 0, 11)).toBe("journey beside");
    wb.undo(); // the paste
    await wb.idle();
    expect(wb.getContent("Sheet1", 4, 0)).toBe("journey");
    expect(wb.getContent("Sheet1", 3, 0)).toBeNull();
    expect(wb.undoLabel).toBe("Import caseload");
    wb.undo();
    expect(wb.getContent("Sheet1", 4, 0)).toBeNull();
    expect(wb.engine.getSheetNames()).toEqual(["Sheet1"]);
  });

  it("a paste cancelled while a journey waits is taken back, then the journey runs", async () => {
    const wb = startingBook();
    const pasting = wb.pasteCells("Sheet1", 2, 0, block(1));
    const seen: { lastPasted?: unknown } = {};
    const running = wb.action("Set up model", () => journey(wb, seen));
    let cancelled = false;
    const stop = wb.subscribe(() => {
      if (!cancelled && wb.longEdit?.label === "Writing" && wb.longEdit.done > 0) {
        cancelled = true;
        wb.cancelLongEdit();
      }
    });
    await pasting;
    await running;
    stop();
    expect(cancelled).toBe(true);
    expect(seen.lastPasted).toBeNull(); // the journey started after the take-back
    expect(wb.getContent("Sheet1", 3, 0)).toBeNull();
    expect(wb.getContent("Sheet1", 4, 0)).toBe("journey");
    wb.undo();
    expect(wb.getContent("Sheet1", 4, 0)).toBeNull();
    expect(wb.getContent("Sheet1", 0, 0)).toBe("kept");
  });

  it("a journey cancelled while a paste waits behind it removes its writes, then the paste runs", async () => {
    const wb = startingBook();
    const hold = gate();
    const running = wb.action("Set up model", async () => {
      const sheet = await wb.createSheet("Half");
      await wb.writeRange(sheet, "A1", [["half"]]);
      await hold.opened;
      // As a journey does on Cancel: removes what it wrote and says so.
      await wb.deleteSheet(sheet);
      throw abortError("Cancelled: nothing was left in the workbook.");
    });
    const pasting = wb.pasteCells("Sheet1", 2, 0, block(3));
    hold.open();
    await expect(running).rejects.toThrow(/Cancelled/);
    await pasting;
    expect(wb.engine.getSheetNames()).toEqual(["Sheet1"]);
    expect(wb.getContent("Sheet1", 2, 0)).toBe(3);
    expect(wb.undoLabel).toBe("typing");
    wb.undo();
    await wb.idle();
    expect(wb.getContent("Sheet1", 2, 0)).toBeNull();
  });

  it("a journey started during a sliced undo waits for it", async () => {
    const wb = startingBook();
    await wb.pasteCells("Sheet1", 2, 0, block(50));
    wb.undo();
    expect(wb.longEdit?.label).toBe("Undoing");
    await expect(saveNow(wb)).rejects.toThrow(/undoing/);
    const seen: { lastPasted?: unknown } = {};
    await wb.action("Set up model", () => journey(wb, seen));
    expect(seen.lastPasted).toBeNull(); // the undo had finished
    expect(wb.getContent("Sheet1", 3, 0)).toBeNull();
    expect(wb.getContent("Sheet1", 4, 0)).toBe("journey");
  });

  it("a journey started while a file is being opened is refused and writes nothing", async () => {
    const wb = startingBook();
    const cells = Array.from({ length: 4_000 }, (_r, i) =>
      Array.from({ length: 10 }, (_c, j) => i * 10 + j)
    );
    const opening = wb.replaceBookInSlices(
      { sheets: [{ name: "Opened", cells, formats: [] }], names: [], tables: [] },
      "Opening plan.xlsx:"
    );
    expect(wb.longEdit?.dropsEdits).toBe(true);
    let ran = false;
    await expect(
      wb.action("Set up model", async () => {
        ran = true;
      })
    ).rejects.toThrow(/being replaced by the file being opened.*nothing was written/);
    await opening;
    expect(ran).toBe(false);
    expect(wb.engine.getSheetNames()).toEqual(["Opened"]);
    expect(wb.getContent("Opened", 3_999, 9)).toBe(39_999);
    // Once open, a journey runs.
    await wb.action("Set up model", () => wb.writeRange("Opened", "L1", [["after"]]));
    expect(wb.getContent("Opened", 0, 11)).toBe("after");
  });
});
