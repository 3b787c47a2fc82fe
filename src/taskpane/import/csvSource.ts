/**
 * CSV caseload files, parsed with papaparse (no worker): UTF-8 with or without a BOM, comma,
 * semicolon or tab separated (detected from the header line), quoted values with embedded
 * newlines and separators, blank lines kept so row numbers match what a spreadsheet shows.
 */
import Papa from "papaparse";
import { caseloadErrors } from "../../core/errors";
import {
  abortError,
  findHeader,
  headerText,
  sampleAfter,
  type CaseloadSource,
  type ReadOptions,
  type RowVisitor,
} from "./source";

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

/** Open CSV text (already decoded). A leading BOM is removed. Returns null for a file with no header row. */
export function csvSource(text: string, fileName: string): CaseloadSource | null {
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
  return {
    fileName,
    kind: "csv",
    header: head.data[h].map(headerText),
    headerRow: h + 1,
    sample: sampleAfter(previewRows, h),
    delimiter: DELIMITER_NAME[delimiter],
    readRows: (visit, options) => parseRows(body, delimiter, h + 1, visit, options),
  };
}

function parseRows(
  text: string,
  delimiter: Delimiter,
  headerRow: number,
  visit: RowVisitor,
  options: ReadOptions = {}
): Promise<void> {
  const { signal, onProgress } = options;
  return new Promise<void>((resolve, reject) => {
    let rowNo = 0;
    let failed = false;
    Papa.parse<string[]>(text, {
      delimiter,
      skipEmptyLines: false,
      chunkSize: CHUNK_CHARS,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        if (failed) return;
        try {
          const unclosed = new Set<number>();
          for (const e of results.errors)
            if (e.type === "Quotes" && typeof e.row === "number") unclosed.add(e.row);
          const rows = results.data;
          for (let i = 0; i < rows.length; i++) {
            rowNo++;
            if (rowNo <= headerRow) continue;
            visit(
              rows[i],
              rowNo,
              unclosed.has(i) ? caseloadErrors.unclosedQuote(rowNo) : undefined
            );
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

/** Open a CSV file chosen by the user (read whole, decoded as UTF-8; a BOM is dropped). */
export async function openCsvFile(file: Blob, fileName: string): Promise<CaseloadSource> {
  const source = csvSource(await file.text(), fileName);
  if (!source) throw new Error(caseloadErrors.noHeader().message);
  return source;
}
