/**
 * Writing large blocks into the embedded engine without holding the page: a table's rows in
 * chunks (through the bulk loader, bulkLoad.ts, when they are plain values going into untouched
 * cells), how long a write may run before the page gets a turn (to repaint and take a Cancel
 * click), and how to give it one.
 */
import { textCell } from "../cellText";
import { abortError, tableHeader, type CellInput, type WriteOptions } from "../port";
import type { EmbeddedDocument } from "./document";
import { asText } from "./engine";
import type { TableShape } from "./structuredRefs";

const DEFAULT_CHUNK_ROWS = 1000;

/** Longest the engine works on a formula block before giving the page a turn (writeRange). */
export const SLICE_MS = 50;

/** Let the page paint and events run between chunks. */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel !== "undefined" && typeof window !== "undefined") {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Widest line (header included) and whether any cell is a formula. */
function surveyRows(
  header: readonly string[],
  rows: readonly (readonly CellInput[])[]
): { width: number; formulas: boolean } {
  let width = header.length;
  let formulas = false;
  for (let i = 0; i < rows.length; i++) {
    const line = rows[i];
    if (line.length > width) width = line.length;
    if (formulas) continue;
    for (let j = 0; j < line.length; j++) {
      const v = line[j];
      if (typeof v === "string" && v.charCodeAt(0) === 0x3d) {
        formulas = true;
        break;
      }
    }
  }
  return { width, formulas };
}

/**
 * Write a new table's header and rows at `shape`'s top left, in chunks of `options.chunkRows`,
 * reporting progress, giving the page a turn between chunks and stopping when the signal aborts.
 */
export async function writeTableRows(
  doc: EmbeddedDocument,
  target: { sheetId: number; sheet: string; shape: TableShape },
  header: string[],
  rows: CellInput[][],
  options: WriteOptions
): Promise<void> {
  const { sheetId, sheet, shape } = target;
  const row = shape.top;
  const col = shape.left;
  const size = Math.max(1, Math.floor(options.chunkRows ?? DEFAULT_CHUNK_ROWS));
  const { width, formulas } = surveyRows(header, rows);
  const textColumns = doc.cellFormats.textColumns(sheet, row + 1, col, rows.length, width);
  const loader = formulas ? null : doc.bulkLoader();
  const report = (written: number) =>
    options.onProgress?.({ rowsWritten: written, totalRows: rows.length });
  if (loader && loader.canLoad(sheetId, row, col, rows.length + 1, width)) {
    // Plain values into untouched cells: loaded as buildFromSheets loads a sheet (embedded/bulkLoad.ts).
    loader.load(sheetId, row, col, [tableHeader(header).map(textCell)]);
    for (let i = 0; i < rows.length; i += size) {
      if (options.signal?.aborted) throw abortError();
      loader.load(sheetId, row + 1 + i, col, rows.slice(i, i + size), textColumns);
      doc.bump();
      report(Math.min(i + size, rows.length));
      await yieldToEventLoop();
    }
  } else {
    doc.engine.setCellContents({ sheet: sheetId, row, col }, [tableHeader(header).map(textCell)]);
    for (let i = 0; i < rows.length; i += size) {
      if (options.signal?.aborted) throw abortError();
      const chunk = rows
        .slice(i, i + size)
        .map((line, j) =>
          line.map((v, k) =>
            textColumns[k] && typeof v === "string"
              ? asText(v)
              : doc.prepare(v, sheet, shape, row + 1 + i + j, col + k, true)
          )
        );
      doc.engine.setCellContents(
        { sheet: sheetId, row: row + 1 + i, col },
        chunk as (string | number | boolean | null)[][]
      );
      doc.settle();
      report(Math.min(i + size, rows.length));
      await yieldToEventLoop();
    }
  }
}
