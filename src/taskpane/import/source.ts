/**
 * A caseload file opened for import: its header row (for the mapping step), a few sample rows,
 * and a way to read every row after the header in order. CSV and XLSX files both become one.
 */
import type { PbrError } from "../../core/errors";
import { isBlankRow } from "../../core/values";

/** Called for every row after the header (blank ones too); `rowNo` is 1-based, as a spreadsheet shows it. */
export type RowVisitor = (row: readonly unknown[], rowNo: number, problem?: PbrError) => void;

export interface ReadOptions {
  signal?: AbortSignal;
  /** Fraction of the file read so far, 0–1. */
  onProgress?: (fraction: number) => void;
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
  /** Visit every row after the header in file order. Rejects with an AbortError when cancelled. */
  readRows(visit: RowVisitor, options?: ReadOptions): Promise<void>;
}

export const SAMPLE_ROWS = 5;

export function abortError(): Error {
  return typeof DOMException === "function"
    ? new DOMException("The import was cancelled", "AbortError")
    : Object.assign(new Error("The import was cancelled"), { name: "AbortError" });
}

export function isAbortError(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { name?: unknown }).name === "AbortError";
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
 * `rows[0]` is row 1 of the file. Returns null when every row is blank.
 */
export function gridSource(
  rows: readonly (readonly unknown[])[],
  fileName: string,
  kind: "csv" | "xlsx" = "xlsx"
): CaseloadSource | null {
  const h = findHeader(rows);
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
        visit(rows[i], i + 1);
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
