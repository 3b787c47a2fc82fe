/* Hostile files through Open workbook (the playground) and Import caseload (the task pane's
   reader, which runs inside Excel): each ends in a message naming what the file is or the limit it
   passed, never an internal error text, and the open workbook is left exactly as it was. */
import readSheets from "read-excel-file/node";
import { createEmbeddedWorkbook, type EmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { openBook } from "../../src/playground/open/openBook";
import { OpenFailed, openWorkbookFile } from "../../src/playground/open/openFile";
import { readXlsxBook } from "../../src/playground/open/readXlsx";
import { xlsxBytes } from "../../src/playground/export/saveXlsx";
import { takeSnapshot } from "../../src/playground/export/snapshot";
import { openXlsxFile } from "../../src/taskpane/import/xlsxSource";
import { hostileCorpus, hostileFormulas, workbookOf } from "../support/hostileXlsx";
import { strFromU8, unzipSync } from "fflate";

jest.setTimeout(120_000);

const INTERNAL =
  /undefined|null|reading '|stack size|is not a function|Unexpected|TypeError|RangeError/i;

function state(wb: EmbeddedWorkbook) {
  return JSON.stringify({
    sheets: wb.engine.getSheetNames(),
    a1: wb.getContent("Mine", 0, 0),
    b1: wb.getValue("Mine", 0, 1),
    tables: wb.tables,
    version: wb.version,
  });
}

describe.each([...hostileCorpus(), ...hostileFormulas()])(
  "hostile file: $name",
  ({ bytes, says }) => {
    it("Open workbook says what is wrong and leaves the workbook as it was", async () => {
      const { port } = createEmbeddedWorkbook();
      await port.createSheet("Mine");
      port.setCell("Mine", 0, 0, 21);
      port.setCell("Mine", 0, 1, "=A1*2");
      const before = state(port);
      let confirmed = false;
      const error = await openWorkbookFile(
        port,
        new Blob([bytes as BlobPart]),
        () => (confirmed = true)
      ).then(
        () => null,
        (e: unknown) => e
      );
      expect(error).toBeInstanceOf(OpenFailed);
      const message = (error as OpenFailed).message;
      expect(message).toMatch(says);
      expect(message).not.toMatch(INTERNAL);
      expect((error as OpenFailed).replaced).toBe(false);
      expect(confirmed).toBe(false); // refused before asking to replace anything
      expect(state(port)).toBe(before);
    });
  }
);

describe.each(hostileCorpus())("hostile file through Import caseload: $name", ({ bytes, says }) => {
  it("is refused with the same message, before read-excel-file lays it out", async () => {
    let readerCalled = false;
    const error = await openXlsxFile(
      bytes.slice().buffer as ArrayBuffer,
      "export.xlsx",
      async (input) => {
        readerCalled = true;
        return readSheets(Buffer.from(input as ArrayBuffer)) as unknown as Promise<unknown[][]>;
      }
    ).then(
      () => null,
      (e: unknown) => e as Error
    );
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toMatch(/^export\.xlsx was not imported: /);
    expect(error!.message).toMatch(says);
    expect(error!.message).not.toMatch(INTERNAL);
    expect(readerCalled).toBe(false);
  });
});

describe("sheet names Excel would reject", () => {
  it("are renamed on opening, with the formulas that name them, so the workbook can be saved", async () => {
    const long = "A sheet name much longer than Excel allows";
    const bytes = workbookOf({
      [long]: '<row r="1"><c r="A1"><v>5</v></c></row>',
      "Q1/Q2": '<row r="1"><c r="A1"><v>7</v></c></row>',
      History:
        "<row r=\"1\"><c r=\"A1\"><f>'A sheet name much longer than Excel allows'!A1+'Q1/Q2'!A1</f></c></row>",
    });
    const { port } = createEmbeddedWorkbook();
    const { book, notes } = readXlsxBook(bytes, port.functionIds);
    expect(notes).toEqual([
      expect.stringMatching(
        /^sheet "A sheet name much longer than Excel allows" renamed "A sheet name much longer t" \(has 42 characters; a sheet name has at most 31\)/
      ),
      expect.stringMatching(/^sheet "Q1\/Q2" renamed "Q1_Q2"/),
      expect.stringMatching(/^sheet "History" renamed "History_" \(is reserved by Excel\)/),
    ]);
    expect(openBook(port, book)).toEqual([]);
    expect(port.getValue("History_", 0, 0)).toBe(12);
    const saved = unzipSync(xlsxBytes(takeSnapshot(port)));
    expect(strFromU8(saved["xl/workbook.xml"])).toContain(
      '<sheet name="A sheet name much longer t"'
    );
  });
});

describe("what Open could not keep", () => {
  it("is said: text missing from the file, a shared formula without its first cell, a table without a range", () => {
    const bytes = workbookOf(
      {
        S: '<row r="1"><c r="A1" t="s"><v>5</v></c><c r="B1"><f t="shared" si="3"/><v>7</v></c><c r="C1"><v>1</v></c></row>',
      },
      {
        "xl/worksheets/_rels/sheet1.xml.rels":
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="t1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>',
        "xl/tables/table1.xml":
          '<?xml version="1.0"?><table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="T"/>',
      }
    );
    const { book, notes } = readXlsxBook(bytes);
    expect(notes).toEqual([
      "S: 1 cell refers to text missing from the file, opened empty",
      "S: 1 cell shares a formula the file does not hold, opened as its value",
      "a table on S has no name or range in the file, opened as plain cells",
    ]);
    expect(book.sheets[0].cells[0]).toEqual([null, 7, 1]);
  });
});
