/**
 * The page's .xlsx worker (issue 30: opening or saving must not freeze the page): reads a file's
 * bytes into a book (readXlsx.ts, fast-xml-parser over every sheet) or writes a snapshot's parts and
 * zips them (../export/saveXlsx.ts), on its own thread. The page keeps what must happen on its own
 * thread: taking the snapshot at the click, and putting a read book into the engine.
 * Messages: offThread.ts.
 */
import { xlsxBytes } from "../export/saveXlsx";
import type { SavedCell, WorkbookSnapshot } from "../export/snapshot";
import { XlsxReadError, readXlsxBook } from "./readXlsx";

/** About how many cells each message of a read book carries (offThread.ts puts them together). */
const PART_CELLS = 20_000;

type Request =
  | { kind: "read"; bytes: ArrayBuffer; functionIds: readonly string[] }
  | { kind: "write-part"; sheet: number; cells: SavedCell[] }
  | { kind: "write"; snapshot: WorkbookSnapshot };

/** A snapshot's cells sent ahead of it in parts (offThread.ts), by sheet, in order. */
const cellParts: SavedCell[][][] = [];

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
};

scope.onmessage = (e) => {
  const request = e.data;
  if (request.kind === "write-part") {
    (cellParts[request.sheet] ??= []).push(request.cells);
    return;
  }
  try {
    if (request.kind === "read") {
      const { book, notes } = readXlsxBook(new Uint8Array(request.bytes), request.functionIds);
      // The cells go in parts of about PART_CELLS, one message each, so the page takes each in its
      // own short task (a 300,000-cell book in one message held the page for most of a second).
      book.sheets.forEach((sheet, index) => {
        for (let start = 0, end = 0; start < sheet.cells.length; start = end) {
          for (let n = 0; end < sheet.cells.length && n < PART_CELLS; end++)
            n += sheet.cells[end].length + 1;
          scope.postMessage({ part: true, sheet: index, rows: sheet.cells.slice(start, end) });
        }
      });
      const rest = { ...book, sheets: book.sheets.map((sheet) => ({ ...sheet, cells: [] })) };
      scope.postMessage({ ok: true, book: rest, notes });
    } else {
      request.snapshot.sheets.forEach((sheet, i) => {
        if (cellParts[i]) sheet.cells = cellParts[i].flat();
      });
      cellParts.length = 0;
      const bytes = xlsxBytes(request.snapshot);
      scope.postMessage({ ok: true, bytes }, [bytes.buffer as ArrayBuffer]);
    }
  } catch (err) {
    // The reader's messages are for people; anything else is said plainly by the page.
    scope.postMessage({ ok: false, message: err instanceof XlsxReadError ? err.message : null });
  }
};
