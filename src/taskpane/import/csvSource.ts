/**
 * CSV caseload files, parsed with papaparse (no worker): UTF-8, UTF-16 or Windows-1252 (detected
 * from the bytes, or chosen by the user), comma, semicolon or tab separated (detected from the
 * header line), quoted values with embedded newlines and separators, blank lines kept so row
 * numbers match what a spreadsheet shows. Every row also carries the physical lines it spans, and
 * a quoted value that swallowed record-shaped lines (a stray quote) is reported.
 */
import Papa from "papaparse";
import { caseloadErrors } from "../../core/errors";
import {
  ENCODING_LABEL,
  REPLACEMENT_CHARACTER,
  detectEncoding,
  type TextEncodingName,
} from "../../core/caseload/encoding";
import {
  abortError,
  findHeader,
  headerText,
  replacementProblem,
  sampleAfter,
  type CaseloadSource,
  type ReadOptions,
  type RowVisitor,
  type SourceEncoding,
} from "./source";
import { decodeBytes } from "./decode";
import { bytesOf } from "./fileBytes";
import { countLineBreaks, findRecordInValue, rowLines, unclosedQuoteRows } from "./strayQuotes";

/** How much of the text the parser takes at a time (progress and Cancel are checked between). */
const CHUNK_CHARS = 1 << 19;
/** How much of the start of the file is looked at for the header and preview. */
const HEAD_CHARS = 1 << 16;

type Delimiter = "," | ";" | "\t";

/**
 * The separator of the first non-blank line: whichever of comma, semicolon and tab appears most
 * often outside quotes (comma when none does).
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let inQuotes = false;
  let seenContent = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) {
      if (seenContent) break;
    } else if (!inQuotes && (ch === "," || ch === ";" || ch === "\t")) {
      counts[ch]++;
      seenContent = true;
    } else if (ch.trim() !== "" && ch !== "\uFEFF") seenContent = true;
  }
  const best = (Object.keys(counts) as Delimiter[]).reduce(
    (a, b) => (counts[b] > counts[a] ? b : a),
    ","
  );
  return counts[best] > 0 ? best : ",";
}

const DELIMITER_NAME = { ",": "comma", ";": "semicolon", "\t": "tab" } as const;

/**
 * Open CSV text (already decoded). A leading BOM is removed. Returns null for a file with no header row.
 * `encoding` says how the text was decoded (shown in the mapping step and in reject reasons).
 */
export function csvSource(
  text: string,
  fileName: string,
  encoding?: SourceEncoding
): CaseloadSource | null {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(body.slice(0, HEAD_CHARS));
  const head = Papa.parse<string[]>(body.slice(0, HEAD_CHARS), {
    delimiter,
    skipEmptyLines: false,
    preview: 200,
  });
  const h = findHeader(head.data);
  if (h < 0) return null;
  // The last previewed row may be cut off by the slice: leave it out of the sample.
  const previewRows = body.length > HEAD_CHARS ? head.data.slice(0, -1) : head.data;
  const layout: Layout = {
    delimiter,
    headerRow: h + 1,
    columns: head.data[h].length,
    encodingLabel: ENCODING_LABEL[encoding?.encoding ?? "utf-8"],
  };
  return {
    fileName,
    kind: "csv",
    header: head.data[h].map(headerText),
    headerRow: h + 1,
    sample: sampleAfter(previewRows, h),
    delimiter: DELIMITER_NAME[delimiter],
    encoding,
    readRows: (visit, options) => parseRows(body, layout, visit, options),
  };
}

interface Layout {
  delimiter: Delimiter;
  /** Rows up to and including the header (as Papa counts rows). */
  headerRow: number;
  /** Values in the header row. */
  columns: number;
  encodingLabel: string;
}

/** Physical lines in a text: line breaks, plus one for a last line without a break. */
function physicalLines(text: string): number {
  if (text.length === 0) return 0;
  const last = text.charCodeAt(text.length - 1);
  return countLineBreaks(text) + (last === 10 || last === 13 ? 0 : 1);
}

/** Offsets where each physical line starts (index 0 = line 1), built only when a row is split. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

function parseRows(
  text: string,
  layout: Layout,
  visit: RowVisitor,
  options: ReadOptions = {}
): Promise<void> {
  const { signal, onProgress, onQuoteAnomaly, strayQuotes = "keep" } = options;
  const { delimiter, headerRow, columns, encodingLabel } = layout;
  const totalLines = physicalLines(text);
  const checkReplacement = text.includes(REPLACEMENT_CHARACTER);
  let starts: number[] | null = null;
  let rowNo = 0;
  /** The physical line the next row starts on. */
  let line = 1;

  const problemFor = (row: readonly string[], unclosed: boolean, lines: number) =>
    unclosed
      ? caseloadErrors.unclosedQuote(rowNo, line, line + lines - 1)
      : checkReplacement
        ? replacementProblem(row, rowNo, encodingLabel)
        : undefined;

  /**
   * Read a row that swallowed record-shaped lines again, line by line: its first lines (up to the
   * record-like one) are rejected as the stray quote; the rest are parsed as rows of their own.
   */
  const splitRow = (lines: number, recordLine: number) => {
    starts ??= lineStarts(text);
    const end = (n: number) => (n < starts!.length ? starts![n] : text.length);
    const lineText = (from: number, to: number) =>
      text.slice(starts![from - 1], end(to)).replace(/(\r\n|\n|\r)$/, "");
    const strayLines = recordLine - line;
    const first =
      Papa.parse<string[]>(lineText(line, line), { delimiter, preview: 1 }).data[0] ?? [];
    visit(first, rowNo, caseloadErrors.strayQuote(rowNo, line, recordLine), line, strayLines);
    let at = recordLine;
    const last = line + lines - 1;
    const rest = Papa.parse<string[]>(lineText(recordLine, last), {
      delimiter,
      skipEmptyLines: false,
    });
    const unclosed = new Set<number>();
    for (const e of rest.errors)
      if (e.type === "Quotes" && typeof e.row === "number") unclosed.add(e.row);
    rest.data.forEach((row, i) => {
      rowNo++;
      const span = Math.max(1, Math.min(rowLines(row), last - at + 1));
      line = at;
      visit(row, rowNo, problemFor(row, unclosed.has(i), span), at, span);
      at += span;
    });
  };

  return new Promise<void>((resolve, reject) => {
    let failed = false;
    Papa.parse<string[]>(text, {
      delimiter,
      skipEmptyLines: false,
      chunkSize: CHUNK_CHARS,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        if (failed) return;
        try {
          const unclosed = unclosedQuoteRows(results.errors);
          const rows = results.data;
          for (let i = 0; i < rows.length; i++) {
            const row = rows[i];
            rowNo++;
            const start = line;
            // The last row of a file with a never-closed quote holds the final line break too.
            const lines = Math.max(0, Math.min(rowLines(row), totalLines - start + 1));
            if (rowNo > headerRow) {
              const found = lines > 1 ? findRecordInValue(row, columns, delimiter) : null;
              if (found) {
                const recordLine = start + found.lineOffset;
                onQuoteAnomaly?.({
                  row: rowNo,
                  line: start,
                  recordLine,
                  column: found.column,
                  preview: found.preview,
                });
                if (strayQuotes === "split") {
                  splitRow(lines, recordLine);
                  line = start + lines;
                  continue;
                }
              }
              visit(row, rowNo, problemFor(row, unclosed.has(i), lines), start, lines);
            }
            line = start + lines;
          }
          onProgress?.(Math.min(1, results.meta.cursor / Math.max(1, text.length)));
        } catch (e) {
          failed = true;
          parser.abort();
          reject(e);
          return;
        }
        if (signal?.aborted) {
          failed = true;
          parser.abort();
          reject(abortError());
          return;
        }
        // Give the page a moment to repaint and take a Cancel click.
        parser.pause();
        setTimeout(() => parser.resume(), 0);
      },
      complete() {
        if (failed) return;
        if (signal?.aborted) reject(abortError());
        else {
          onProgress?.(1);
          resolve();
        }
      },
      error(e: Error) {
        if (!failed) reject(e);
      },
    });
  });
}

/** Count of replacement characters in a text (stops counting at 1,000). */
function countReplacements(text: string): number {
  let n = 0;
  for (
    let i = text.indexOf(REPLACEMENT_CHARACTER);
    i >= 0 && n < 1000;
    i = text.indexOf(REPLACEMENT_CHARACTER, i + 1)
  )
    n++;
  return n;
}

/**
 * Open CSV bytes: the encoding is detected (BOM, UTF-16 zero bytes, UTF-8 validity, else
 * Windows-1252) unless `encoding` is given. The source can be reopened with another encoding.
 */
export function csvSourceFromBytes(
  bytes: Uint8Array,
  fileName: string,
  encoding?: TextEncodingName
): CaseloadSource | null {
  const detected = detectEncoding(bytes);
  const chosen = encoding ?? detected.encoding;
  const text = decodeBytes(bytes, chosen);
  const source = csvSource(text, fileName, {
    encoding: chosen,
    detected: chosen === detected.encoding,
    reason: detected.reason,
    replacements: countReplacements(text),
  });
  if (source) source.reopen = (other) => csvSourceFromBytes(bytes, fileName, other);
  return source;
}

/** Open a CSV file chosen by the user (read whole; its encoding detected from the bytes). */
export async function openCsvFile(file: Blob, fileName: string): Promise<CaseloadSource> {
  const source = csvSourceFromBytes(await bytesOf(file), fileName);
  if (!source) throw new Error(caseloadErrors.noHeader().message);
  return source;
}
