/**
 * "Open workbook…": a local .xlsx file, read in the page (nothing is uploaded), replaces the
 * playground's workbook. The reader (and fast-xml-parser) is loaded on first use, so it does not
 * weigh on opening the page; the page reads in a worker (offThread.ts). The file is read and
 * checked in full before anything is replaced: a file that cannot be read, or an Open cancelled
 * while reading, leaves the workbook as it was. The book then goes into the engine in slices
 * (embedded/loadBook.ts), with the page free between them and its progress shown.
 */
import type { EmbeddedWorkbook } from "../../workbook/embeddedPort";
import type { BookContent, BookNotes } from "../../workbook/embedded/bookContent";
import { BookRefused, prepareBook } from "./openBook";
import { BookNotOpened, keepingBookOnFailure } from "./keepBook";

export interface Opened {
  sheets: number;
  cells: number;
  formulas: number;
  /** What was not opened as it was in the file (names the playground cannot hold, chart sheets, charts it does not draw). */
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

/** Reads a file's bytes into a book; throws an error whose `readable` (or message) is for people. */
export type BookReader = (
  bytes: Uint8Array,
  functionIds: readonly string[],
  signal?: AbortSignal
) => Promise<{ book: BookContent; notes: BookNotes }>;

/** The reader in this thread (tests, Node). */
const readHere: BookReader = async (bytes, functionIds) => {
  const { readXlsxBook } = await import("./readXlsx");
  return readXlsxBook(bytes, functionIds);
};

export interface OpenOptions {
  /** How to read the bytes (default: in this thread; the page passes its worker). */
  read?: BookReader;
  /** Cancel while the file is being read (the workbook is then as it was). */
  signal?: AbortSignal;
  /** Told when reading is done and the engine starts taking the book (no longer cancellable). */
  loading?: () => void;
}

/** Read `file` and, when `confirmReplace` agrees, put it in place of the workbook. Null when declined or cancelled. */
export async function openWorkbookFile(
  workbook: EmbeddedWorkbook,
  file: Blob & { name?: string },
  confirmReplace: () => boolean,
  options: OpenOptions = {}
): Promise<Opened | null> {
  // Not while long work or a task pane journey writes (asked again once the file is read).
  const refused = workbook.openRefused;
  if (refused) throw new OpenFailed(refused, false);
  const { XlsxReadError } = await import("./readXlsx");
  let read: { book: BookContent; notes: BookNotes };
  try {
    read = await (options.read ?? readHere)(
      new Uint8Array(await file.arrayBuffer()),
      workbook.functionIds,
      options.signal
    );
  } catch (e) {
    if (options.signal?.aborted) return null;
    // The reader's messages are for people; anything else (the browser could not read the file) is
    // said plainly, never as an internal error text.
    const readable =
      e instanceof XlsxReadError
        ? e.message
        : e !== null &&
            typeof e === "object" &&
            typeof (e as { readable?: unknown }).readable === "string"
          ? (e as { readable: string }).readable
          : null;
    throw new OpenFailed(readable ?? "the browser could not read this file.", false);
  }
  if (options.signal?.aborted) return null;
  const { book, notes } = read;
  let prepared: BookContent;
  try {
    prepared = prepareBook(workbook, book);
  } catch (e) {
    // Refused before anything was replaced: the reason is for people; anything else is ours.
    if (!(e instanceof BookRefused)) console.error(e);
    throw new OpenFailed(
      e instanceof BookRefused ? e.message : "this workbook cannot be opened here.",
      false
    );
  }
  const refusedNow = workbook.openRefused;
  if (refusedNow) throw new OpenFailed(refusedNow, false);
  if (!confirmReplace()) return null;
  options.loading?.();
  let more: string[];
  try {
    more = await keepingBookOnFailure(workbook, () =>
      workbook.replaceBookInSlices(prepared, `Opening ${file.name ?? "the workbook"}:`)
    );
  } catch (e) {
    // The engine failing part way puts the old workbook back (keepBook.ts); its own error text
    // stays in the console.
    console.error(e instanceof BookNotOpened ? e.cause : e);
    const restored = e instanceof BookNotOpened && e.restored;
    throw new OpenFailed(
      e instanceof BookNotOpened
        ? e.message
        : "the spreadsheet engine could not hold this workbook.",
      !restored
    );
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
