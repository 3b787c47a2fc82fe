/**
 * Row-by-row validation of a caseload export: each data row becomes one Caseload-sheet row or
 * is rejected with every problem found in it. Rows are fed one at a time (as a CSV parser yields
 * them), so a file is never held twice.
 *
 * Counting, so that imported + rejected = data rows, every time:
 * - a data row is any row after the header with at least one non-blank cell;
 * - blank rows between the header and the last data row are skipped and counted (`blankSkipped`);
 *   blank rows after the last data row (a trailing newline, empty spreadsheet rows) are ignored;
 * - a row that fails any check is rejected whole; the report has one line per problem.
 *
 * Physical lines are counted the same way (`lines`): a row whose quoted value holds line breaks
 * spans several lines of the file, so lines read = imported + rejected + blank lines, every time.
 */
import { PbrError, caseloadErrors, shapeErrors } from "../errors";
import { CASELOAD_FIELDS, type CaseloadField } from "./fields";
import type { CaseloadMapping } from "./headers";
import {
  CLUSTER_NINE,
  NOT_CLUSTERED,
  convertCluster,
  convertDate,
  convertDays,
  convertId,
  convertRating,
  convertText,
  reportValue,
  type OutValue,
} from "./convert";
import { formatSerial } from "./dates";
import { workbookDateOffset } from "../dates";
import { isBlank } from "../values";

export interface CaseloadReject {
  /** Row number in the file as a spreadsheet shows it (the header row is usually 1). */
  row: number;
  /** Physical line of the file the row starts on (the same as `row` unless a value spans lines). */
  line: number;
  /** Field label ("start date", "MHCT item 6"), or "row" for a problem with the whole row. */
  field: string;
  value: string | number | null;
  reason: string;
  /** The row's ID as written in the file ("" when it has none), so the trust can find the person. */
  id: string;
  /**
   * The row was imported all the same, its value kept and the problem named in its Note ("import
   * and flag", for a recoverable problem only: see RECOVERABLE). Absent: the row was left out.
   */
  flagged?: boolean;
}

/**
 * Problems after which a row's values still mean what they say, so the user may import the row and
 * flag it instead of leaving the person out: admitted days more than the period's days (a whole,
 * non-negative count of days, only more than the dates allow: the dates or the count is wrong, and
 * either way the person is on the caseload). Every other problem leaves a value that cannot be used
 * (a rating that is not a rating, a date that is not a date, an end before the start, a repeat of
 * an earlier row), and such a row is always left out.
 */
export const RECOVERABLE = ["admitted days more than the period's days"] as const;

export interface CaseloadCounts {
  imported: number;
  rejected: number;
  /** Blank rows inside the data, skipped (neither imported nor rejected). */
  blankSkipped: number;
  /** Imported rows whose cluster was 99 (kept as 99, with a note). */
  notClustered: number;
  /** Imported rows whose cluster was 9, which is not in use (kept as 9, with a note). */
  clusterNine: number;
  /** Imported rows with a recoverable problem, kept and flagged in their Note (counted in `imported`). */
  flagged: number;
}

export interface ValidatorOptions {
  /** Import a row whose only problems are recoverable (RECOVERABLE), flagged, instead of rejecting it. */
  flagRecoverable?: boolean;
}

// Local names for what the per-cell loop calls: in CommonJS builds (tests, the benchmark) each
// use of an imported name is a property read, and this loop runs for every cell of the file.
const ErrorValue = PbrError;
const toRating = convertRating;
const toId = convertId;
const toCluster = convertCluster;
const toDate = convertDate;
const toDays = convertDays;
const toText = convertText;

/** Physical lines of the file after the header, by what became of them. */
export interface LineCounts {
  imported: number;
  rejected: number;
  /** Blank lines inside the data (trailing blank lines are not counted). */
  blank: number;
}

/** The most characters an Excel cell holds. */
export const EXCEL_CELL_CHARS = 32_767;
/** How much of an over-long value the reject report shows. */
const REPORT_CHARS = 200;

/** The note written on rows imported with cluster code 99. */
export const NOT_CLUSTERED_NOTE = "not clustered (99 in the file): cannot be priced by cluster";
/** The note written on rows imported with cluster 9. */
export const CLUSTER_NINE_NOTE = "cluster 9 is not in use: check the record (cannot be priced)";
export const NOTE_COLUMN = "Note";

interface Slot {
  field: CaseloadField;
  /** Column in the file, or -1 when the field is not present in the file. */
  source: number;
  /** Column on the Caseload sheet. */
  out: number;
  /** Item label ("6", "A") for ratings. */
  item: string;
}

export class CaseloadValidator {
  /** Header of the Caseload sheet. */
  readonly header: string[];
  /** Imported rows, in file order. */
  readonly rows: OutValue[][] = [];
  readonly rejects: CaseloadReject[] = [];
  readonly counts: CaseloadCounts = {
    imported: 0,
    rejected: 0,
    blankSkipped: 0,
    notClustered: 0,
    clusterNine: 0,
    flagged: 0,
  };
  readonly lines: LineCounts = { imported: 0, rejected: 0, blank: 0 };
  /** Columns of `header` holding dates (0-based), for number formats. */
  readonly dateColumns: number[] = [];
  /** Column of `header` holding the ID (kept as text). */
  readonly idColumn = 0;
  /** The ID of the row being validated, for its rejects. */
  private rowId = "";
  /** The file column holding the ID (-1: none), found on the first row. */
  private idSource: number | undefined;

  private readonly slots: Slot[] = [];
  /** Problems found in the row being checked (reused from row to row). */
  private readonly problems: CaseloadReject[] = [];
  /** How many of `problems` are recoverable. */
  private recoverable = 0;
  private readonly flagRecoverable: boolean;
  private readonly width: number;
  private readonly seen = new Map<string, number>();
  private pendingBlank = 0;
  private pendingBlankLines = 0;
  /** Line of the row being checked, for its reject lines. */
  private line = 0;
  private readonly startOut: number;
  private readonly endOut: number;
  private readonly daysOut: number;
  private readonly noteOut: number;
  /** Core serial − workbook serial: 0, or 1462 when the target workbook uses the 1904 system. */
  private readonly dateOffset = workbookDateOffset();

  /**
   * @param mapping field → column in the file (checked with `checkMapping` first)
   * @param fileColumns number of columns in the file's header row
   */
  constructor(mapping: CaseloadMapping, fileColumns: number, options: ValidatorOptions = {}) {
    this.width = fileColumns;
    this.flagRecoverable = options.flagRecoverable === true;
    const anyItem = CASELOAD_FIELDS.some((f) => f.kind === "rating" && mapping[f.key] != null);
    // The eight core columns always; all 18 items together (PBR.CLUSTER reads them as one block)
    // when the file has any; then the note.
    const fields = CASELOAD_FIELDS.filter((f) => f.kind !== "rating" || anyItem);
    fields.forEach((field, out) => {
      const column = mapping[field.key];
      const source = column == null || column < 0 || column >= fileColumns ? -1 : column;
      this.slots.push({ field, source, out, item: field.key.slice(4) });
      if (field.kind === "date") this.dateColumns.push(out);
    });
    this.header = [...fields.map((f) => f.column), NOTE_COLUMN];
    this.startOut = fields.findIndex((f) => f.key === "start");
    this.endOut = fields.findIndex((f) => f.key === "end");
    this.daysOut = fields.findIndex((f) => f.key === "admittedDays");
    this.noteOut = fields.length;
  }

  /**
   * Validate one row of the file (any row after the header, blank ones too).
   * @param rowNo the row's number in the file (1-based, header included)
   * @param rowProblem a problem the reader found with the whole row (e.g. an unclosed quote)
   * @param line the physical line the row starts on (defaults to `rowNo`)
   * @param lines how many physical lines the row takes (defaults to 1)
   */
  add(
    record: readonly unknown[],
    rowNo: number,
    rowProblem?: PbrError,
    line: number = rowNo,
    lines = 1
  ): void {
    if (!rowProblem && blankRecord(record)) {
      this.pendingBlank++;
      this.pendingBlankLines += lines;
      return;
    }
    this.counts.blankSkipped += this.pendingBlank;
    this.lines.blank += this.pendingBlankLines;
    this.pendingBlank = 0;
    this.pendingBlankLines = 0;
    this.line = line;
    if (this.idSource === undefined)
      this.idSource = this.slots.find((slot) => slot.field.kind === "id")?.source ?? -1;
    const rawId = this.idSource >= 0 ? record[this.idSource] : null;
    this.rowId = rawId === null || rawId === undefined ? "" : String(rawId).trim();

    const out: OutValue[] = new Array(this.header.length).fill(null);
    const problems = this.problems;
    problems.length = 0;
    this.recoverable = 0;
    if (rowProblem) this.fail(rowNo, "row", null, rowProblem);
    if (record.length > this.width) {
      const last = lastNonBlank(record);
      if (last >= this.width)
        this.fail(rowNo, "row", null, caseloadErrors.extraValues(rowNo, last + 1, this.width));
    }

    let flagged: typeof NOT_CLUSTERED | typeof CLUSTER_NINE | 0 = 0;
    let rawEnd: unknown = null;
    let rawDays: unknown = null;
    const slots = this.slots;
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s];
      const value = slot.source >= 0 ? record[slot.source] : null;
      const field = slot.field;
      if (typeof value === "string" && value.length > EXCEL_CELL_CHARS) {
        this.fail(
          rowNo,
          field.label,
          `${value.slice(0, REPORT_CHARS)}… (${value.length.toLocaleString("en-GB")} characters)`,
          caseloadErrors.cellTooLong(rowNo, field.label, value.length)
        );
        continue;
      }
      let result: OutValue | PbrError;
      switch (field.kind) {
        case "rating":
          result = toRating(value, rowNo, slot.item);
          break;
        case "id":
          result = toId(value, rowNo);
          break;
        case "cluster": {
          const code = toCluster(value, rowNo);
          if (code === NOT_CLUSTERED || code === CLUSTER_NINE) flagged = code;
          result = code;
          break;
        }
        case "date": {
          if (slot.out === this.endOut) rawEnd = value;
          const serial = toDate(value, rowNo, field.label);
          result =
            serial === null && field.required ? caseloadErrors.missing(rowNo, field.label) : serial;
          break;
        }
        case "days":
          rawDays = value;
          result = toDays(value, rowNo);
          break;
        default:
          result = toText(value);
      }
      if (result instanceof ErrorValue) this.fail(rowNo, field.label, value, result);
      else out[slot.out] = result;
    }

    const start = out[this.startOut];
    const end = out[this.endOut];
    if (typeof start === "number" && typeof end === "number" && end < start) {
      this.fail(rowNo, "end date", rawEnd, shapeErrors.endBeforeStart(rowNo, start, end));
    }

    const days = out[this.daysOut];
    if (typeof start === "number" && typeof end === "number" && end >= start) {
      const periodDays = end - start + 1;
      if (typeof days === "number" && days > periodDays)
        this.fail(
          rowNo,
          "admitted days",
          rawDays,
          caseloadErrors.admittedOverPeriod(
            rowNo,
            days,
            periodDays,
            formatSerial(start),
            formatSerial(end)
          ),
          true
        );
    }

    // A row to be imported (flagged or not) is checked against the rows before it for a repeat.
    const keeping =
      problems.length === 0 || (this.flagRecoverable && this.recoverable === problems.length);
    if (keeping && typeof start === "number") {
      const id = out[this.idColumn] as string;
      const key = `${id}\u0000${start}`;
      const first = this.seen.get(key);
      if (first !== undefined)
        this.fail(rowNo, "ID", id, caseloadErrors.duplicate(rowNo, id, formatSerial(start), first));
      else this.seen.set(key, rowNo);
    }

    // Import and flag: every problem is recoverable and the user chose to keep such rows.
    const flag =
      problems.length > 0 && this.flagRecoverable && this.recoverable === problems.length;
    if (flag) {
      const reasons: string[] = [];
      for (let i = 0; i < problems.length; i++) {
        problems[i].flagged = true;
        this.rejects.push(problems[i]);
        reasons.push(problems[i].reason.replace(/^row \d+(, )?/, ""));
      }
      out[this.noteOut] = `Flagged: ${reasons.join("; ")}`;
      this.counts.flagged++;
    } else if (problems.length > 0) {
      for (let i = 0; i < problems.length; i++) this.rejects.push(problems[i]);
      this.counts.rejected++;
      this.lines.rejected += lines;
      return;
    }
    const note = out[this.noteOut];
    const withNote = (text: string) => (typeof note === "string" ? `${note}; ${text}` : text);
    if (flagged === NOT_CLUSTERED) {
      out[this.noteOut] = withNote(NOT_CLUSTERED_NOTE);
      this.counts.notClustered++;
    } else if (flagged === CLUSTER_NINE) {
      out[this.noteOut] = withNote(CLUSTER_NINE_NOTE);
      this.counts.clusterNine++;
    }
    // Dates go on the sheet in the workbook's date system (a 1904 workbook: 1462 days less).
    const offset = this.dateOffset;
    if (offset !== 0)
      for (const c of this.dateColumns) {
        const v = out[c];
        if (typeof v === "number") out[c] = v - offset;
      }
    this.rows.push(out);
    this.counts.imported++;
    this.lines.imported += lines;
  }

  private fail(
    row: number,
    field: string,
    value: unknown,
    error: PbrError,
    recoverable = false
  ): void {
    if (recoverable) this.recoverable++;
    this.problems.push({
      row,
      line: this.line,
      field,
      value: reportValue(value),
      reason: error.message,
      id: this.rowId,
    });
  }

  /** Data rows seen so far (imported + rejected). */
  get dataRows(): number {
    return this.counts.imported + this.counts.rejected;
  }

  /** Physical lines read after the header, up to the last data row (imported + rejected + blank). */
  get linesRead(): number {
    return this.lines.imported + this.lines.rejected + this.lines.blank;
  }
}

function blankRecord(record: readonly unknown[]): boolean {
  for (let i = 0; i < record.length; i++) if (!isBlank(record[i])) return false;
  return true;
}

function lastNonBlank(record: readonly unknown[]): number {
  for (let i = record.length - 1; i >= 0; i--) if (!isBlank(record[i])) return i;
  return -1;
}
