/**
 * "Open workbook…": a local .xlsx file, read in the page (nothing is uploaded), replaces the
 * playground's workbook. The reader (and fast-xml-parser) is loaded on first use, so it does not
 * weigh on opening the page. The file is read in full before anything is replaced: a file that
 * cannot be read leaves the workbook as it was.
 */
import type { EmbeddedWorkbook } from "../../workbook/embeddedPort";
import { openBook } from "./openBook";

export interface Opened {
  sheets: number;
  cells: number;
  formulas: number;
  /** What was not opened as it was in the file (names the playground cannot hold, chart sheets). */
  notes: string[];
}

/** Opening failed; `replaced` when the workbook had already been cleared (so it is not as it was). */
export class OpenFailed extends Error {
  constructor(
    message: string,
    readonly replaced: boolean
  ) {
    super(message);
  }
}

/** Read `file` and, when `confirmReplace` agrees, put it in place of the workbook. Null when declined. */
export async function openWorkbookFile(
  workbook: EmbeddedWorkbook,
  file: Blob,
  confirmReplace: () => boolean
): Promise<Opened | null> {
  if (workbook.longEdit)
    throw new OpenFailed(
      `the workbook is still being written (${workbook.longEdit.label.toLowerCase()}). Open the file again when it has finished.`,
      false
    );
  const { readXlsxBook, XlsxReadError } = await import("./readXlsx");
  let read: ReturnType<typeof readXlsxBook>;
  try {
    read = readXlsxBook(new Uint8Array(await file.arrayBuffer()), workbook.functionIds);
  } catch (e) {
    // The reader's messages are for people; anything else (the browser could not read the file) is
    // said plainly, never as an internal error text.
    throw new OpenFailed(
      e instanceof XlsxReadError ? e.message : "the browser could not read this file.",
      false
    );
  }
  const { book, notes } = read;
  if (!confirmReplace()) return null;
  let more: string[];
  try {
    more = openBook(workbook, book);
  } catch (e) {
    // The file was read and checked, but the engine failed while putting it in place.
    console.error(e);
    throw new OpenFailed("the spreadsheet engine could not hold this workbook.", true);
  }
  let cells = 0;
  let formulas = 0;
  for (const s of book.sheets)
    for (const line of s.cells)
      for (const v of line) {
        if (v === null || v === undefined) continue;
        cells++;
        if (typeof v === "string" && v.startsWith("=")) formulas++;
      }
  return { sheets: book.sheets.length, cells, formulas, notes: [...notes, ...more] };
}
