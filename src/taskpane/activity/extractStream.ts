/**
 * A CSV extract read as a stream, for files past Excel's row limit: the file is read in byte
 * slices (Blob.slice), decoded with a streaming TextDecoder (so a character split between slices
 * is joined, which papaparse's own file reader does not do) and parsed by papaparse chunk by
 * chunk, so memory holds one slice, never the file. The header, separator and encoding are found
 * from the start of the file by the import's own readers (csvSource, detectEncoding). Works in a
 * Web Worker, in the page and in Node (no DOM).
 */
import Papa from "papaparse";
import { detectEncoding, type TextEncodingName } from "../../core/caseload/encoding";
import { isBlankRow } from "../../core/values";
import { csvSource } from "../import/csvSource";
import { repairWindows1252 } from "../import/decode";
import { bytesOf } from "../import/fileBytes";
import { findRecordInValue, rowLines, unclosedQuoteRows } from "../import/strayQuotes";

/** Bytes read at a time. */
export const SLICE_BYTES = 4 << 20;
/** Bytes looked at for the header, separator and encoding. */
const HEAD_BYTES = 1 << 16;

/** What the start of a CSV file says about the whole of it. */
export interface ExtractHead {
  fileName: string;
  header: string[];
  /** Row of the header, as Papa counts rows from 1 (blank lines before it count). */
  headerRow: number;
  delimiter: "," | ";" | "\t";
  /** The line break papaparse found at the start (told to it, so a small first slice cannot mislead it). */
  newline: "\r\n" | "\n" | "\r";
  encoding: TextEncodingName;
  /** Why the encoding was chosen, in words. */
  encodingReason: string;
}

const DELIMITERS = { comma: ",", semicolon: ";", tab: "\t" } as const;

/** The header, separator and encoding of a CSV file, from its first 64 kB; null with no header. */
export async function readHead(file: Blob, fileName: string): Promise<ExtractHead | null> {
  let bytes = await bytesOf(file.slice(0, HEAD_BYTES));
  // Up to the last line feed, so a character cut at the end is not taken for bad UTF-8.
  const lastBreak = bytes.lastIndexOf(0x0a);
  if (file.size > HEAD_BYTES && lastBreak > 0) bytes = bytes.subarray(0, lastBreak + 1);
  const detected = detectEncoding(bytes);
  const text = decoder(detected.encoding)(bytes, true);
  const source = csvSource(text, fileName);
  if (!source) return null;
  const delimiter = DELIMITERS[source.delimiter ?? "comma"];
  const found = Papa.parse(text, { delimiter, preview: 2 }).meta.linebreak;
  return {
    fileName,
    header: source.header,
    headerRow: source.headerRow,
    delimiter,
    newline: found === "\r\n" || found === "\r" ? found : "\n",
    encoding: detected.encoding,
    encodingReason: detected.reason,
  };
}

/** A streaming decoder for an encoding (Windows-1252 repaired as the import does). */
function decoder(encoding: TextEncodingName): (bytes: Uint8Array, last: boolean) => string {
  const d = new TextDecoder(encoding);
  return (bytes, last) => {
    const text = d.decode(bytes, { stream: !last });
    return encoding === "windows-1252" ? repairWindows1252(text) : text;
  };
}

/**
 * Physical lines in a file (line feeds, plus one for a last line without one), read slice by
 * slice. Quoted values with line breaks make a row span lines, so rows ≤ lines.
 */
export async function countLines(
  file: Blob,
  encoding: TextEncodingName,
  cancelled: () => boolean = () => false
): Promise<number> {
  const wide = encoding === "utf-16le" ? 0 : encoding === "utf-16be" ? 1 : -1;
  let lines = 0;
  let last = -1;
  for (let at = 0; at < file.size && !cancelled(); at += SLICE_BYTES) {
    const bytes = await bytesOf(file.slice(at, at + SLICE_BYTES));
    if (wide < 0) {
      for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) lines++;
    } else {
      // UTF-16: a line feed is 0A 00 (or 00 0A) at an even offset; slices are of even length.
      for (let i = wide; i < bytes.length; i += 2)
        if (bytes[i] === 0x0a && bytes[i + 1 - 2 * wide] === 0) lines++;
    }
    if (bytes.length > 0) last = bytes[bytes.length - 1 - (wide < 0 ? 0 : 1 - wide)];
  }
  return lines + (last >= 0 && last !== 0x0a ? 1 : 0);
}

/**
 * Called for each data row after the header (blank rows are skipped): its values, the file line
 * it starts on, and why it cannot be read ("" when it can).
 */
export type ExtractVisitor = (row: readonly string[], line: number, problem: string) => void;

export interface StreamOptions {
  /** Called after each slice, with bytes read so far; may wait (to let a Cancel through). */
  onSlice?: (bytesRead: number) => void | Promise<void>;
  /** Checked after each slice: stop reading when true. */
  cancelled?: () => boolean;
  sliceBytes?: number;
}

/** Read every data row of a CSV extract, in file order. Resolves false when cancelled. */
export async function streamRows(
  file: Blob,
  head: ExtractHead,
  visit: ExtractVisitor,
  options: StreamOptions = {}
): Promise<boolean> {
  const { onSlice, cancelled = () => false, sliceBytes = SLICE_BYTES } = options;
  const columns = head.header.length;
  let rowNo = 0;
  let line = 1;
  let failure: unknown = null;

  // papaparse reads any object shaped like a Node readable stream chunk by chunk, keeping a row cut
  // between chunks for the next one: the decoded slices are handed to it through one.
  const listeners: Record<string, ((arg?: unknown) => void)[]> = {};
  const input = {
    readable: true,
    read() {},
    pause() {},
    resume() {},
    on(event: string, f: (arg?: unknown) => void) {
      (listeners[event] ??= []).push(f);
      return input;
    },
    removeListener(event: string, f: (arg?: unknown) => void) {
      listeners[event] = (listeners[event] ?? []).filter((g) => g !== f);
      return input;
    },
  };
  const emit = (event: string, arg?: unknown) => {
    for (const f of listeners[event] ?? []) f(arg);
  };

  const chunk = (results: Papa.ParseResult<string[]>) => {
    if (failure) return;
    try {
      const unclosed = unclosedQuoteRows(results.errors);
      const rows = results.data;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        rowNo++;
        const start = line;
        const lines = rowLines(row);
        line = start + lines;
        if (rowNo <= head.headerRow || isBlankRow(row)) continue;
        let problem = "";
        if (unclosed.has(i))
          problem = `a quoted value is never closed, so lines ${start}–${start + lines - 1} were read as one value`;
        else if (lines > 1 && findRecordInValue(row, columns, head.delimiter))
          problem = `a quoted value runs over lines ${start}–${start + lines - 1}, which look like rows of their own (a stray quote?): correct the quote in the file and open it again`;
        else if (row.length > columns)
          problem = `${row.length} values, more than the header's ${columns} columns`;
        visit(row, start, problem);
      }
    } catch (e) {
      failure = e;
    }
  };

  const done = new Promise<void>((resolve, reject) => {
    Papa.parse(input as unknown as File, {
      delimiter: head.delimiter,
      newline: head.newline,
      skipEmptyLines: false,
      chunk,
      complete: () => resolve(),
      error: (e: Error) => reject(e),
    });
  });
  const decode = decoder(head.encoding);
  for (let at = 0; at < file.size; at += sliceBytes) {
    const bytes = await bytesOf(file.slice(at, at + sliceBytes));
    emit("data", decode(bytes, at + sliceBytes >= file.size));
    if (failure) throw failure;
    await onSlice?.(Math.min(file.size, at + sliceBytes));
    if (cancelled()) return false;
  }
  emit("end");
  await done;
  if (failure) throw failure;
  return true;
}
