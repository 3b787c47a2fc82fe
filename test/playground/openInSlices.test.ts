/**
 * Opening in slices (embedded/loadBook.ts, issue 30) gives exactly what opening in one go gives:
 * every cell's content and value, names, tables, formats, selection, and an empty undo history;
 * edits made while it runs are not kept (they were made in the workbook being replaced).
 */
import { createEmbeddedWorkbook, type EmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { openBook, prepareBook } from "../../src/playground/open/openBook";
import { OpenFailed, openWorkbookFile } from "../../src/playground/open/openFile";
import { xlsxBytes } from "../../src/playground/export/saveXlsx";
import { takeSnapshot } from "../../src/playground/export/snapshot";
import { readXlsxBook } from "../../src/playground/open/readXlsx";
import { openDemo } from "../../src/playground/demo/demoWorkbook";
import { loadPbrFunctions } from "../support/pbrFunctions";
import { handMadeXlsx } from "../support/xlsxFixtures";

// Whole-workbook opens take seconds each on a shared machine: a hang guard, never a timing check.
jest.setTimeout(180_000);

async function workbook(): Promise<EmbeddedWorkbook> {
  return createEmbeddedWorkbook({ functions: await loadPbrFunctions() }).port;
}

/** Everything a person or a formula can see of the workbook, for comparison. */
function contents(wb: EmbeddedWorkbook) {
  const sheets = wb.engine.getSheetNames().map((name) => {
    const id = wb.sheetId(name);
    const serialized = wb.engine.getSheetSerialized(id);
    const values = wb.engine.getSheetValues(id);
    const cells: string[] = [];
    for (let r = 0; r < Math.max(serialized.length, values.length); r++) {
      const width = Math.max(serialized[r]?.length ?? 0, values[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const content = serialized[r]?.[c] ?? null;
        const v = values[r]?.[c] ?? null;
        const value = v !== null && typeof v === "object" ? (v as { value: unknown }).value : v;
        if (content !== null || value !== null) cells.push(JSON.stringify([r, c, content, value]));
      }
    }
    return { name, cells };
  });
  return {
    sheets,
    names: wb.engine.listNamedExpressions(),
    tables: wb.tables.map((t) => ({ ...t })),
    formats: wb.formats.map((f) => ({ ...f })),
    selection: wb.currentSelection,
    canUndo: wb.canUndo,
  };
}

/** The first difference, if any (a whole diff of tens of thousands of cells is slow to print). */
function expectSame(got: ReturnType<typeof contents>, want: ReturnType<typeof contents>) {
  expect(got.sheets.map((s) => s.name)).toEqual(want.sheets.map((s) => s.name));
  got.sheets.forEach((s, i) => {
    const w = want.sheets[i].cells;
    const at = s.cells.findIndex((c, k) => c !== w[k]);
    expect(
      at < 0 && s.cells.length === w.length
        ? null
        : { sheet: s.name, got: s.cells[at], want: w[at] }
    ).toBeNull();
  });
  expect({ ...got, sheets: [] }).toEqual({ ...want, sheets: [] });
}

describe("opening a workbook in slices", () => {
  it("gives what opening in one go gives, for a hand-made file (errors, booleans, shared and array formulas, names, a table)", async () => {
    const probe = await workbook();
    const { book } = readXlsxBook(handMadeXlsx(), probe.functionIds);
    const atOnce = await workbook();
    openBook(atOnce, book);
    const sliced = await workbook();
    sliced.setCell("Sheet1", 0, 0, "forgotten");
    const progress: number[] = [];
    const unsubscribe = sliced.subscribe(() => {
      if (sliced.longEdit) progress.push(sliced.longEdit.done);
    });
    const notes = await sliced.replaceBookInSlices(
      prepareBook(sliced, book),
      "Opening hand-made.xlsx:"
    );
    unsubscribe();
    expect(notes).toEqual([]);
    expect(progress.length).toBeGreaterThan(1);
    expectSame(contents(sliced), contents(atOnce));
  });

  it("gives what opening in one go gives for the saved demo, and drops an edit typed meanwhile", async () => {
    const demo = await workbook();
    await openDemo(demo, () => undefined);
    const bytes = xlsxBytes(takeSnapshot(demo));
    const atOnce = await workbook();
    openBook(atOnce, readXlsxBook(bytes, atOnce.functionIds).book);
    const sliced = await workbook();
    const opening = openWorkbookFile(sliced, new Blob([bytes as BlobPart]), () => true);
    // Typed while the book goes in: the workbook it was typed in is being replaced.
    let typed = false;
    const unsubscribe = sliced.subscribe(() => {
      if (sliced.longEdit && !typed) {
        typed = true;
        sliced.setCell("Inputs", 0, 0, "typed while opening");
        expect(sliced.undo()).toBe(false);
      }
    });
    const opened = await opening;
    unsubscribe();
    expect(typed).toBe(true);
    expect(opened?.sheets).toBe(demo.engine.getSheetNames().length);
    expectSame(contents(sliced), contents(atOnce));
  });

  it("refuses, with the workbook as it was, while a large paste is being written", async () => {
    const wb = await workbook();
    const rows = Array.from({ length: 3_000 }, (_r, i) =>
      Array.from({ length: 10 }, (_c, j) => i + j)
    );
    const pasting = wb.pasteCells("Sheet1", 0, 0, rows);
    const error = await openWorkbookFile(
      wb,
      new Blob([handMadeXlsx() as BlobPart]),
      () => true
    ).then(
      () => null,
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(OpenFailed);
    expect((error as OpenFailed).replaced).toBe(false);
    expect((error as Error).message).toMatch(
      /still being written \(writing 30,000 cells, \d+% done\)/
    );
    await pasting;
    expect(wb.engine.getSheetNames()).toEqual(["Sheet1"]);
    expect(wb.getContent("Sheet1", 2_999, 9)).toBe(2_999 + 9);
  });
});
