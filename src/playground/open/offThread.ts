/**
 * Reading and writing .xlsx files off the page's thread (xlsxWorker.ts), for the playground page
 * only: tests and Node read and write in their own thread (readXlsx.ts, ../export/saveXlsx.ts).
 * Each call has its own worker, ended when it answers; ending it early is how Open is cancelled.
 * Where the browser cannot start the worker, the same work runs in the page.
 */
import type { BookContent, BookNotes } from "../../workbook/embedded/bookContent";
import type { CellInput } from "../../workbook/port";
import type { SavedCell, WorkbookSnapshot } from "../export/snapshot";
import { yieldToEventLoop } from "../../workbook/embedded/tableWriter";

/** Cells per message when a snapshot goes to the worker (each message is copied in its own task). */
const WRITE_PART_CELLS = 20_000;

/** The worker refused the file; the message is for people (or null: say it plainly). */
export class OffThreadError extends Error {
  /* `readable`: what openFile.ts shows a person (null: it says the file could not be read). */
  constructor(readonly readable: string | null) {
    super(readable ?? "the file could not be read");
  }
}

function startWorker(): Worker | null {
  try {
    return new Worker(new URL("./xlsxWorker.ts", import.meta.url), { name: "xlsx" });
  } catch {
    return null;
  }
}

/** Part of a read book's cells, sent before the answer (xlsxWorker.ts): rows of one sheet, in order. */
interface BookPart {
  part: true;
  sheet: number;
  rows: CellInput[][];
}

function ask<T>(
  message: unknown,
  transfer: Transferable[],
  signal?: AbortSignal,
  onPart?: (part: BookPart) => void,
  parts: readonly unknown[] = []
): Promise<T> | null {
  const worker = startWorker();
  if (!worker) return null;
  return new Promise<T>((resolve, reject) => {
    const end = () => {
      worker.terminate();
      signal?.removeEventListener("abort", abort);
    };
    const abort = () => {
      end();
      reject(new DOMException("cancelled", "AbortError"));
    };
    signal?.addEventListener("abort", abort);
    worker.onmessage = (
      e: MessageEvent<({ ok: boolean; message?: string | null } & T) | BookPart>
    ) => {
      if ("part" in e.data) {
        onPart?.(e.data);
        return;
      }
      end();
      if (e.data.ok) resolve(e.data);
      else reject(new OffThreadError(e.data.message ?? null));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      end();
      reject(new OffThreadError(null));
    };
    // `parts` go first, one a task (each is copied to the worker in the task that posts it).
    void (async () => {
      for (const part of parts) {
        worker.postMessage(part);
        await yieldToEventLoop();
      }
      worker.postMessage(message, transfer);
    })();
  });
}

/** An .xlsx file's book, read in the worker (or in the page when no worker can start). */
export async function readOffThread(
  bytes: Uint8Array,
  functionIds: readonly string[],
  signal?: AbortSignal
): Promise<{ book: BookContent; notes: BookNotes }> {
  const copy = bytes.slice().buffer;
  // The cells come first, in parts (each taken in its own task), then the book without them.
  const rows: CellInput[][][] = [];
  const answer = ask<{ book: BookContent; notes: BookNotes }>(
    { kind: "read", bytes: copy, functionIds: [...functionIds] },
    [copy],
    signal,
    (part) => {
      const sheet = (rows[part.sheet] ??= []);
      for (const line of part.rows) sheet.push(line);
    }
  );
  if (answer) {
    const read = await answer;
    read.book.sheets.forEach((sheet, i) => (sheet.cells = rows[i] ?? []));
    return read;
  }
  const { readXlsxBook } = await import("./readXlsx");
  return readXlsxBook(bytes, functionIds);
}

/** A snapshot's .xlsx bytes, written and zipped in the worker (or in the page). */
export async function writeOffThread(snapshot: WorkbookSnapshot): Promise<Uint8Array> {
  // The cells go in parts of WRITE_PART_CELLS, one message a task (one message of a 300,000-cell
  // snapshot held the page for about half a second), then the snapshot without them.
  const parts: { kind: "write-part"; sheet: number; cells: SavedCell[] }[] = [];
  const sheets = snapshot.sheets.map((sheet, index) => {
    for (let i = 0; i < sheet.cells.length; i += WRITE_PART_CELLS)
      parts.push({
        kind: "write-part",
        sheet: index,
        cells: sheet.cells.slice(i, i + WRITE_PART_CELLS),
      });
    return { ...sheet, cells: [] };
  });
  const answer = ask<{ bytes: Uint8Array }>(
    { kind: "write", snapshot: { ...snapshot, sheets } },
    [],
    undefined,
    undefined,
    parts
  );
  if (answer) return (await answer).bytes;
  const { xlsxBytesAsync } = await import("../export/saveXlsx");
  return xlsxBytesAsync(snapshot);
}
