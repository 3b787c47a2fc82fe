/* A failed Open after the engine has started loading puts the previous workbook back exactly:
   sheets in order, every cell as typed and as calculated, names, tables, formats, charts, the
   selection and the undo history; and the page is told in plain words, never the engine's text. */
import { createEmbeddedWorkbook, type EmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { openBook } from "../../src/playground/open/openBook";
import { BookNotOpened } from "../../src/playground/open/keepBook";
import { OpenFailed, openWorkbookFile } from "../../src/playground/open/openFile";
import { xlsxBytes } from "../../src/playground/export/saveXlsx";
import { takeSnapshot } from "../../src/playground/export/snapshot";
import { openDemo } from "../../src/playground/demo/demoWorkbook";
import type { BookContent } from "../../src/workbook/embedded/bookContent";
import { loadPbrFunctions } from "../support/pbrFunctions";

jest.setTimeout(120_000);

const INTERNAL = /Maximum call stack|reading '|undefined|TypeError|RangeError/;

/** Everything a user could see or use of the workbook. */
function fingerprint(wb: EmbeddedWorkbook): string {
  const sheets = wb.engine.getSheetNames();
  const plain = (v: unknown) =>
    v !== null && typeof v === "object" && "value" in v ? `${(v as { value: unknown }).value}` : v;
  return JSON.stringify({
    sheets,
    cells: sheets.map((s) => wb.engine.getSheetSerialized(wb.sheetId(s))),
    values: sheets.map((s) =>
      wb.engine.getSheetValues(wb.sheetId(s)).map((line) => line.map(plain))
    ),
    names: wb.engine.listNamedExpressions().map((n) => [n, wb.engine.getNamedExpressionFormula(n)]),
    scoped: sheets.map((s) => wb.engine.listNamedExpressions(wb.sheetId(s))),
    tables: wb.tables,
    formats: wb.formats,
    charts: wb.charts,
    selection: wb.currentSelection,
    undo: [wb.canUndo, wb.undoLabel, wb.canRedo],
  });
}

/** A book that the checks accept: a sheet named as one of the demo's, placed first, and a new one. */
const otherBook: BookContent = {
  sheets: [
    {
      name: "Summary",
      cells: [["new", "=A2*2"], [5]],
      formats: [{ address: "A2", format: "0.0%" }],
    },
    { name: "Extra", cells: [["=Summary!A2+1"]], formats: [] },
  ],
  names: [{ name: "Rate", formula: "=Summary!$A$2" }],
  tables: [{ name: "NewTable", sheet: "Extra", address: "A1:A1" }],
};

describe("a failed Open", () => {
  let wb: EmbeddedWorkbook;
  let before: string;

  beforeAll(async () => {
    wb = createEmbeddedWorkbook({ functions: await loadPbrFunctions() }).port;
    await openDemo(wb, () => undefined);
    // A sheet-scoped name, a typed edit to undo and a selection away from A1.
    wb.engine.addNamedExpression("LocalRate", "=0.5", wb.sheetId("Summary"));
    wb.setCell("Summary", 40, 10, "typed before opening");
    await wb.select("Summary", "K41");
    before = fingerprint(wb);
  });

  afterEach(() => jest.restoreAllMocks());

  it.each([
    [
      "while the cells load",
      (w: EmbeddedWorkbook) =>
        jest.spyOn(w.engine, "setSheetContent").mockImplementationOnce(() => {
          throw new RangeError("Maximum call stack size exceeded");
        }),
    ],
    [
      "while the names are added",
      (w: EmbeddedWorkbook) =>
        jest.spyOn(w.engine, "addNamedExpression").mockImplementationOnce(() => {
          throw new TypeError("Cannot read properties of undefined (reading 'length')");
        }),
    ],
    [
      "while recalculating",
      (w: EmbeddedWorkbook) =>
        jest.spyOn(w, "settle").mockImplementationOnce(() => {
          throw new Error("Unknown array");
        }),
    ],
  ])("%s puts the previous workbook back exactly, undo history and all", (_when, inject) => {
    inject(wb);
    let error: unknown;
    try {
      openBook(wb, otherBook);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BookNotOpened);
    expect((error as BookNotOpened).restored).toBe(true);
    expect((error as BookNotOpened).message).not.toMatch(INTERNAL);
    expect(fingerprint(wb)).toBe(before);
  });

  it("leaves a workbook that still works: undo takes back the edit typed before, and it saves", () => {
    expect(wb.getContent("Summary", 40, 10)).toBe("typed before opening");
    expect(wb.undo()).toBe(true);
    expect(wb.getContent("Summary", 40, 10)).toBeNull();
    expect(wb.redo()).toBe(true);
    expect(xlsxBytes(takeSnapshot(wb)).length).toBeGreaterThan(1000);
    expect(fingerprint(wb)).toBe(before);
  });

  it("reaches the page as OpenFailed in plain words, saying the workbook is as it was", async () => {
    const bytes = xlsxBytes(takeSnapshot(wb));
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    // Open puts the book in place in slices (embedded/loadBook.ts), cell blocks by setCellContents.
    jest.spyOn(wb.engine, "setCellContents").mockImplementationOnce(() => {
      throw new RangeError("Maximum call stack size exceeded");
    });
    const error = await openWorkbookFile(wb, new Blob([bytes as BlobPart]), () => true).then(
      () => null,
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(OpenFailed);
    expect((error as OpenFailed).message).toBe(
      "the spreadsheet engine could not hold this workbook."
    );
    expect((error as OpenFailed).replaced).toBe(false);
    expect(logged).toHaveBeenCalledWith(expect.any(RangeError)); // the engine's text goes to the console only
    expect(fingerprint(wb)).toBe(before);
  });

  it("opens the same book once the engine does not fail", () => {
    openBook(wb, otherBook);
    expect(wb.engine.getSheetNames()).toEqual(["Summary", "Extra"]);
    expect(wb.getValue("Extra", 0, 0)).toBe(6);
    expect(wb.canUndo).toBe(false);
  });
});
