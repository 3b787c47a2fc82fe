/**
 * A caseload file opened for import: its header row (for the mapping step), a few sample rows,
 * and a way to read every row after the header in order. CSV and XLSX files both become one.
 */
import { caseloadErrors, type PbrError } from "../../core/errors";
import { REPLACEMENT_CHARACTER, type TextEncodingName } from "../../core/caseload/encoding";
import { isBlankRow } from "../../core/values";
import { abortError as portAbortError } from "../../workbook/port";

/**
 * Called for every row after the header (blank ones too); `rowNo` is 1-based, as a spreadsheet
 * shows it. `line` is the physical line of the file the row starts on and `lines` how many lines
 * it takes (a quoted value with line breaks makes one row span several); for a sheet both are
 * the row itself.
 */
export type RowVisitor = (
  row: readonly unknown[],
  rowNo: number,
  problem?: PbrError,
  line?: number,
  lines?: number
) => void;

/**
 * A quoted value that runs over a line break onto a line shaped like a record of its own (as many
 * values as the header, and a first value shaped like this row's ID): most likely a stray quote
 * that swallowed the rows after it.
 */
export interface QuoteAnomaly {
  /** Row number (as a spreadsheet counts rows) and the line the row starts on. */
  row: number;
  line: number;
  /** The line inside the quoted value that looks like a record. */
  recordLine: number;
  /** Column (0-based) holding the quoted value. */
  column: number;
  /** The start of the record-like line, for the message. */
  preview: string;
}

/** What to do with a quote anomaly: split the value and read its lines again, or keep it as text. */
export type StrayQuoteChoice = "split" | "keep";

export interface ReadOptions {
  signal?: AbortSignal;
  /** Fraction of the file read so far, 0–1. */
  onProgress?: (fraction: number) => void;
  /** Each quote anomaly found, in file order (CSV only). */
  onQuoteAnomaly?: (anomaly: QuoteAnomaly) => void;
  /** How anomalies are read: "keep" (default) leaves the value as one text. */
  strayQuotes?: StrayQuoteChoice;
}

/** How a CSV file's bytes were decoded, for the mapping step. */
export interface SourceEncoding {
  encoding: TextEncodingName;
  /** True when the import chose it; false when the user did. */
  detected: boolean;
  /** Why it was chosen (plain English), when detected. */
  reason: string;
  /** Replacement characters (\uFFFD) in the decoded text: each row holding one is rejected. */
  replacements: number;
}

export interface CaseloadSource {
  fileName: string;
  kind: "csv" | "xlsx";
  /** Header cells as text (a BOM removed, spaces trimmed). */
  header: string[];
  /** Row number of the header in the file (1 unless the file starts with blank rows). */
  headerRow: number;
  /** Up to five data rows, for the mapping preview. */
  sample: unknown[][];
  /** "semicolon" or "comma" for CSV files. */
  delimiter?: "comma" | "semicolon" | "tab";
  /** How the bytes were decoded (CSV files opened from bytes). */
  encoding?: SourceEncoding;
  /** The same file decoded with another encoding (CSV files opened from bytes). */
  reopen?(encoding: TextEncodingName): CaseloadSource | null;
  /**
   * For an XLSX workbook: its sheets, the one read, and how to read another sheet or take another
   * row as the header (1-based, as the file shows it).
   */
  workbook?: {
    sheets: string[];
    sheet: string;
    /** Rows in the sheet read. */
    rows: number;
    reopen(sheet: string, headerRow?: number): CaseloadSource;
  };
  /** Visit every row after the header in file order. Rejects with an AbortError when cancelled. */
  readRows(visit: RowVisitor, options?: ReadOptions): Promise<void>;
}

/** A row problem for a cell holding U+FFFD (text a decoder could not read), or undefined. */
export function replacementProblem(
  row: readonly unknown[],
  rowNo: number,
  encoding: string | null
): PbrError | undefined {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (typeof v === "string" && v.includes(REPLACEMENT_CHARACTER))
      return caseloadErrors.replacementCharacter(rowNo, encoding);
  }
  return undefined;
}

export const SAMPLE_ROWS = 5;

export { isAbortError } from "../../workbook/port";

export function abortError(): Error {
  return portAbortError("The import was cancelled");
}

export function headerText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  return String(cell)
    .replace(/^\uFEFF/, "")
    .trim();
}

/** Index of the first non-blank row (the header), or -1. */
export function findHeader(rows: readonly (readonly unknown[])[]): number {
  for (let i = 0; i < rows.length; i++) if (!isBlankRow(rows[i])) return i;
  return -1;
}

/** Rows after the header that are not blank, up to `SAMPLE_ROWS`. */
export function sampleAfter(
  rows: readonly (readonly unknown[])[],
  headerIndex: number
): unknown[][] {
  const out: unknown[][] = [];
  for (let i = headerIndex + 1; i < rows.length && out.length < SAMPLE_ROWS; i++) {
    if (!isBlankRow(rows[i])) out.push(rows[i].slice());
  }
  return out;
}

/**
 * A source over rows already in memory (an XLSX sheet as read, or rows built by a test).
 * `rows[0]` is row 1 of the file; the header is `headerIndex` (0-based) when given and not blank,
 * else the first non-blank row. Returns null when every row is blank.
 */
export function gridSource(
  rows: readonly (readonly unknown[])[],
  fileName: string,
  kind: "csv" | "xlsx" = "xlsx",
  headerIndex?: number
): CaseloadSource | null {
  const h =
    headerIndex !== undefined &&
    headerIndex >= 0 &&
    headerIndex < rows.length &&
    !isBlankRow(rows[headerIndex])
      ? headerIndex
      : findHeader(rows);
  if (h < 0) return null;
  return {
    fileName,
    kind,
    header: rows[h].map(headerText),
    headerRow: h + 1,
    sample: sampleAfter(rows, h),
    async readRows(visit, options = {}) {
      const { signal, onProgress } = options;
      const step = 20_000;
      for (let i = h + 1; i < rows.length; i++) {
        visit(rows[i], i + 1, replacementProblem(rows[i], i + 1, null), i + 1, 1);
        if ((i - h) % step === 0) {
          onProgress?.(i / rows.length);
          await yieldToUi();
          if (signal?.aborted) throw abortError();
        }
      }
      if (signal?.aborted) throw abortError();
      onProgress?.(1);
    },
  };
}

/** Let the page repaint (and a Cancel click through) during long work. */
export function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
