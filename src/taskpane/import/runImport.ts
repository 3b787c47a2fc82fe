/**
 * Import a caseload through a WorkbookPort: read and validate every row, write the imported rows
 * to a new "Caseload" sheet as a table and the problems to a new "Import rejects" sheet, in
 * chunks under Excel on the web's request limit. On cancel or failure every sheet this import
 * created is deleted again, so the workbook is left as it was.
 */
import { caseloadErrors, shapeErrors } from "../../core/errors";
import { checkMapping, type CaseloadMapping } from "../../core/caseload/headers";
import {
  CaseloadValidator,
  type CaseloadCounts,
  type LineCounts,
} from "../../core/caseload/validator";
import { EXCEL_MAX_ROWS } from "../../workbook/excelRules";
import { columnLetters, rangeAddress } from "../../workbook/address";
import type { CellInput, WorkbookPort } from "../../workbook/port";
import { CHUNK_BUDGET_BYTES, planChunkRows } from "../../workbook/chunks";
import { removeSheets, withLeftBehind } from "../plan/run";
import {
  abortError,
  type CaseloadSource,
  type QuoteAnomaly,
  type StrayQuoteChoice,
} from "./source";
import { REJECT_HEADER, REJECT_VALUE_COLUMN, rejectLines } from "./rejectReport";

export { REJECT_HEADER };

export const CASELOAD_SHEET = "Caseload";
export const CASELOAD_TABLE = "Caseload";
export const REJECT_SHEET = "Import rejects";
export const REJECT_TABLE = "ImportRejects";
export const DATE_FORMAT = "dd/mm/yyyy";

export type ImportPhase = "reading" | "writing" | "rejects";

export interface ImportProgress {
  phase: ImportPhase;
  /** Whole import, 0–1. */
  fraction: number;
  /** What is happening, for the progress bar's label. */
  message: string;
}

export interface ImportResult {
  fileName: string;
  /** Data rows in the file = imported + rejected. */
  dataRows: number;
  counts: CaseloadCounts;
  /** Physical lines after the header up to the last data row = imported + rejected + blank lines. */
  linesRead: number;
  lines: LineCounts;
  /** Quote anomalies found, and what was done with them (null when there were none). */
  quoteAnomalies: QuoteAnomaly[];
  strayQuotes: StrayQuoteChoice | null;
  /** Rows left out because they did not fit on a sheet (the user chose to import the first N). */
  rowsLeftOut: number;
  /** Reject-report lines left out because they did not fit on one sheet. */
  rejectLinesLeftOut: number;
  /** Further Caseload sheets, when the user chose to split the rows across sheets. */
  moreSheets: { sheet: string; table: string; address: string }[];
  /** Lines in the reject report (a rejected row may have several problems). */
  rejectLines: number;
  /** Of those, the lines of rows imported and flagged (import and flag). */
  flaggedLines?: number;
  /** The Caseload sheet and table, or null when no row could be imported. */
  sheet: string | null;
  table: string | null;
  address: string | null;
  /** The reject sheet and the report's range, or null when nothing was rejected. */
  rejectSheet: string | null;
  rejectAddress: string | null;
  /** Rows per write request used for the Caseload table. */
  chunkRows: number;
}

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Bytes of values allowed per write request (tests lower it). */
  chunkBudget?: number;
  /**
   * What to do with quoted values that swallowed record-shaped lines. Left out, the import stops
   * before writing anything with a `QuoteAnomalyError` so the user can choose.
   */
  strayQuotes?: StrayQuoteChoice;
  /** Import only the first rows that fit on a sheet, when there are more (the user agreed). */
  firstRowsOnly?: boolean;
  /** Write rows that do not fit on one sheet to further Caseload sheets (the user agreed). */
  splitAcrossSheets?: boolean;
  /** Rows a sheet has (Excel's 1,048,576; tests lower it). */
  sheetRows?: number;
  /**
   * Import a row whose only problems are recoverable (admitted days more than the period's days:
   * core/caseload/validator.ts RECOVERABLE) and flag it in its Note, instead of leaving it out.
   */
  flagRecoverable?: boolean;
}

/** The file has quote anomalies and the caller has not said how to read them. Nothing was written. */
export class QuoteAnomalyError extends Error {
  constructor(readonly anomalies: QuoteAnomaly[]) {
    super(
      `${anomalies.length === 1 ? "a quoted value runs" : `${anomalies.length} quoted values run`} on over ` +
        `lines that look like rows of their own (a stray quote?); choose how to read ${anomalies.length === 1 ? "it" : "them"}`
    );
    this.name = "QuoteAnomalyError";
  }
}

/** More rows than a sheet holds, and the caller has not agreed to import only the first ones. */
export class TooManyRowsError extends Error {
  constructor(
    readonly rows: number,
    readonly fit: number
  ) {
    super(caseloadErrors.tooManyRows(rows, fit).message);
    this.name = "TooManyRowsError";
  }
}

// Share of the progress bar given to each phase.
const READ_SHARE = 0.35;
const WRITE_SHARE = 0.55;

const fmt = (n: number) => n.toLocaleString("en-GB");

export async function runImport(
  port: WorkbookPort,
  source: CaseloadSource,
  mapping: CaseloadMapping,
  options: ImportOptions = {}
): Promise<ImportResult> {
  const {
    signal,
    onProgress,
    chunkBudget = CHUNK_BUDGET_BYTES,
    strayQuotes,
    firstRowsOnly = false,
    splitAcrossSheets = false,
    sheetRows = EXCEL_MAX_ROWS,
    flagRecoverable = false,
  } = options;
  const problems = Object.values(checkMapping(mapping, source.header));
  if (problems.length > 0) throw new Error(problems[0].message);
  if (signal?.aborted) throw abortError();

  // 1. Read and validate (nothing is written yet, so a cancel here leaves nothing to undo).
  const validator = new CaseloadValidator(mapping, source.header.length, { flagRecoverable });
  onProgress?.({ phase: "reading", fraction: 0, message: `Reading ${source.fileName}…` });
  const anomalies: QuoteAnomaly[] = [];
  await source.readRows(
    (row, rowNo, problem, line, lines) => validator.add(row, rowNo, problem, line, lines),
    {
      signal,
      strayQuotes: strayQuotes ?? "keep",
      onQuoteAnomaly: (a) => anomalies.push(a),
      onProgress: (f) =>
        onProgress?.({
          phase: "reading",
          fraction: f * READ_SHARE,
          message: `Reading ${source.fileName}: ${fmt(validator.dataRows)} rows checked`,
        }),
    }
  );
  if (anomalies.length > 0 && strayQuotes === undefined) throw new QuoteAnomalyError(anomalies);
  if (validator.dataRows === 0)
    throw new Error(shapeErrors.tableEmpty(`file ${source.fileName}`).message);

  // Excel's sheet size, checked before anything is written: both tables start at A1 with a header.
  const fit = sheetRows - 1;
  let rowsLeftOut = 0;
  let rejectLinesLeftOut = 0;
  if (validator.rows.length > fit || validator.rejects.length > fit) {
    if (!firstRowsOnly && !splitAcrossSheets)
      throw new TooManyRowsError(Math.max(validator.rows.length, validator.rejects.length), fit);
    if (!splitAcrossSheets) {
      rowsLeftOut = Math.max(0, validator.rows.length - fit);
      validator.rows.length = Math.min(validator.rows.length, fit);
    }
    // The reject report stays on one sheet: its first lines, and a count of the rest.
    rejectLinesLeftOut = Math.max(0, validator.rejects.length - fit);
    validator.rejects.length = Math.min(validator.rejects.length, fit);
  }

  // 2. Write. Every sheet made here is deleted again if anything after it fails or is cancelled.
  const created: string[] = [];
  const result: ImportResult = {
    fileName: source.fileName,
    dataRows: validator.dataRows,
    counts: { ...validator.counts },
    linesRead: validator.linesRead,
    lines: { ...validator.lines },
    quoteAnomalies: anomalies,
    strayQuotes: anomalies.length > 0 ? (strayQuotes ?? null) : null,
    rowsLeftOut,
    rejectLinesLeftOut,
    moreSheets: [],
    rejectLines: validator.rejects.length,
    flaggedLines: validator.rejects.filter((r) => r.flagged).length,
    sheet: null,
    table: null,
    address: null,
    rejectSheet: null,
    rejectAddress: null,
    chunkRows: 0,
  };
  try {
    const all = validator.rows as CellInput[][];
    const chunkRows = all.length > 0 ? planChunkRows(all, validator.header, chunkBudget) : 0;
    // One sheet, or (when the user chose to split) as many as the rows need, each full but the last.
    for (let start = 0; start < all.length; start += fit) {
      const rows = start === 0 && all.length <= fit ? all : all.slice(start, start + fit);
      const sheet = await port.createSheet(CASELOAD_SHEET);
      created.push(sheet);
      const idColumn = columnLetters(validator.idColumn);
      // IDs stay text ("00123" must not become 123): format the column before writing.
      await port.setNumberFormat(sheet, `${idColumn}2:${idColumn}${rows.length + 1}`, "@");
      const written = await port.writeTable(sheet, "A1", CASELOAD_TABLE, validator.header, rows, {
        chunkRows,
        signal,
        onProgress: ({ rowsWritten }) =>
          onProgress?.({
            phase: "writing",
            fraction: READ_SHARE + ((start + rowsWritten) / all.length) * WRITE_SHARE,
            message: `Writing the Caseload sheet: ${fmt(start + rowsWritten)} of ${fmt(all.length)} rows`,
          }),
      });
      for (const col of validator.dateColumns) {
        await port.setNumberFormat(sheet, rangeAddress(1, col, rows.length, 1), DATE_FORMAT);
      }
      if (start === 0)
        Object.assign(result, { sheet, table: written.table, address: written.address, chunkRows });
      else result.moreSheets.push({ sheet, ...written });
    }
    if (signal?.aborted) throw abortError();

    if (validator.rejects.length > 0) {
      const rejectSheet = await port.createSheet(REJECT_SHEET);
      created.push(rejectSheet);
      // ID first, the reason in words, grouped by problem with each group's size (rejectReport.ts).
      const lines = rejectLines(validator.rejects);
      // Values stay as written in the file: without this, Excel (and the playground) would turn a
      // rejected "11/04/2024" into a date serial or "007" into 7; IDs likewise.
      const value = columnLetters(REJECT_VALUE_COLUMN);
      await port.setNumberFormat(rejectSheet, `${value}2:${value}${lines.length + 1}`, "@");
      await port.setNumberFormat(rejectSheet, `A2:A${lines.length + 1}`, "@");
      const written = await port.writeTable(rejectSheet, "A1", REJECT_TABLE, REJECT_HEADER, lines, {
        chunkRows: planChunkRows(lines, REJECT_HEADER, chunkBudget),
        signal,
        onProgress: ({ rowsWritten, totalRows }) =>
          onProgress?.({
            phase: "rejects",
            fraction:
              READ_SHARE + WRITE_SHARE + (rowsWritten / totalRows) * (1 - READ_SHARE - WRITE_SHARE),
            message: `Writing the reject report: ${fmt(rowsWritten)} of ${fmt(totalRows)} lines`,
          }),
      });
      Object.assign(result, { rejectSheet, rejectAddress: written.address });
    }
    if (signal?.aborted) throw abortError();
  } catch (e) {
    throw withLeftBehind(e, await removeSheets(port, created));
  }
  if (result.sheet) await port.select(result.sheet, "A1").catch(() => undefined);
  onProgress?.({ phase: "rejects", fraction: 1, message: "Import finished" });
  return result;
}

/** Plain-English text for an error that stopped an import. */
export function importErrorText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text ? `The import stopped: ${text}` : "The import stopped for an unknown reason.";
}
