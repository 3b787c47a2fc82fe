/**
 * The one catalogue of error kinds and messages.
 *
 * Core code never throws for bad input: it returns a `PbrError` value in place of the answer for
 * that row. Adapters (Excel custom functions, the embedded engine) turn a `PbrError` into the
 * matching spreadsheet error. Excel shows the message only on #VALUE! and #N/A, so those two carry
 * the detail a user needs: which row, which item, which value, and what was expected.
 *
 * Longer than the ~300 lines a file should be, on purpose: it is the one catalogue (ARCHITECTURE.md),
 * so every family's messages sit together, grouped by family, where their wording can be kept alike.
 */

import { serialToYmd, workbookDateRange } from "./dates";

export type ErrorKind = "#VALUE!" | "#N/A" | "#NUM!" | "#DIV/0!";

export class PbrError {
  constructor(
    public readonly kind: ErrorKind,
    public readonly message: string
  ) {}

  toString(): string {
    return `${this.kind} ${this.message}`;
  }
}

export function isPbrError(value: unknown): value is PbrError {
  return value instanceof PbrError;
}

/** A value in one cell of a result: a number, text (including "" for blank) or an error. */
export type ResultCell = number | string | PbrError;

const valueError = (message: string) => new PbrError("#VALUE!", message);
const notFound = (message: string) => new PbrError("#N/A", message);
const badNumber = (message: string) => new PbrError("#NUM!", message);

/**
 * The largest size of any number an argument may hold (amounts in £, days, counts, prices,
 * fractions): 1E+15. Far above any real contract, and small enough that sums and products of
 * inputs stay finite, so no input can make a result ±Infinity or NaN. Beyond it: #NUM!.
 */
export const MAX_NUMBER = 1e15;
export const MAX_NUMBER_TEXT = "1E+15";

/** True for a number (or numeric text) beyond ±MAX_NUMBER, infinite or NaN: out of range, not "not a number". */
export function isOutOfRange(value: unknown): boolean {
  if (typeof value === "number") return !(value <= MAX_NUMBER && value >= -MAX_NUMBER);
  if (typeof value === "string") {
    const text = value.trim().replace(/^£/, "").replace(/,/g, "");
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return false;
    const n = Number(text);
    return !(n <= MAX_NUMBER && n >= -MAX_NUMBER);
  }
  return false;
}

/** A number shown as Excel would write it: 1E+308, not 1e+308. */
function showNumber(value: number): string {
  if (value !== value) return "NaN (not a number)";
  if (value === Infinity) return "infinity";
  if (value === -Infinity) return "minus infinity";
  return String(value).replace(/e\+?/, (m) => (m === "e+" ? "E+" : "E"));
}

/** `prefix` + "is out of range: expected …", the one wording for a number beyond MAX_NUMBER. */
export function outOfRange(prefix: string, value: unknown, expected?: string): PbrError {
  const shown = typeof value === "number" ? showNumber(value) : show(value);
  return badNumber(
    `${prefix} ${shown} is out of range: expected ${expected ?? `a number from -${MAX_NUMBER_TEXT} to ${MAX_NUMBER_TEXT}`}`
  );
}

/** "is not a number" for text, "is out of range" (#NUM!) for numbers too big to use. */
function notANumber(prefix: string, value: unknown, hint = ""): PbrError {
  return isOutOfRange(value)
    ? outOfRange(prefix, value)
    : valueError(`${prefix} ${show(value)} is not a number${hint}`);
}

const ERROR_CODE = /^#[A-Z0-9/_]+[!?]?$/i;
/** Excel.ErrorCellValue's errorType names for the common codes. */
const ERROR_TYPES: Record<string, string> = {
  div0: "#DIV/0!",
  notavailable: "#N/A",
  name: "#NAME?",
  null: "#NULL!",
  num: "#NUM!",
  ref: "#REF!",
  value: "#VALUE!",
  gettingdata: "#GETTING_DATA",
};

/**
 * The error code ("#DIV/0!") of an input cell that holds an error, or null. Excel hands errors to a
 * function (when the metadata's allowErrorForDataTypeAny is set) as an error object: read here by
 * shape, without Office, from `code` (CustomFunctions.Error), `basicValue` or `errorType`
 * (Excel.ErrorCellValue), or `value` (the embedded engine's error). Text "#N/A" is text, not this.
 */
export function inputErrorCode(value: unknown): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  if (value instanceof PbrError) return value.kind;
  const v = value as { code?: unknown; basicValue?: unknown; errorType?: unknown; value?: unknown };
  for (const c of [v.code, v.basicValue, v.value])
    if (typeof c === "string" && ERROR_CODE.test(c)) return c.toUpperCase();
  if (typeof v.errorType === "string")
    return ERROR_TYPES[v.errorType.toLowerCase()] ?? `#${v.errorType.toUpperCase()}!`;
  return null;
}

/** Show a cell value in a message the way a user typed it. */
export function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "blank";
  const error = inputErrorCode(value);
  if (error) return `${error} (the input cell holds an error)`;
  if (typeof value === "string") return `"${value}"`;
  if (typeof value === "number") return showNumber(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** "rows 2–22" style span for messages. */
export function rowSpan(first: number, last: number): string {
  return first === last ? `row ${first}` : `rows ${first}–${last}`;
}

// ---------------------------------------------------------------- shapes and generic arguments

export const inputErrors = {
  /** An input cell of row `row` holds an error: that row's result is this, the other rows go on. */
  cell: (row: number, code: string) => valueError(`row ${row}: the input cell holds ${code}`),
};

export const shapeErrors = {
  /** The one wording for column arguments of different lengths. */
  lengthMismatch: (what: string, got: number, other: string, rows: number) =>
    valueError(
      `${what} has ${got} rows but ${other} has ${rows}: they must match (or give one value for every row)`
    ),
  notColumn: (what: string, columns: number) =>
    valueError(`${what} must be a single column; got ${columns} columns`),
  notSingle: (what: string, cells: number) =>
    valueError(`${what} must be a single value; got ${cells} cells`),
  notNumber: (row: number, what: string, value: unknown) =>
    notANumber(`row ${row}, ${what}:`, value),
  outOfRange: (row: number, what: string, value: unknown) =>
    outOfRange(`row ${row}, ${what}:`, value),
  notDate: (row: number, what: string, value: unknown) =>
    valueError(`row ${row}, ${what}: ${show(value)} is not a date (expected an Excel date)`),
  /** A date outside the workbook's dates: a serial from a cell, or text from an import. */
  dateOutOfRange: (row: number, what: string, value: unknown) =>
    badNumber(
      `row ${row}, ${what}: ${show(value)} is outside Excel's dates (${workbookDateRange()})`
    ),
  /** The one wording for a period that ends before it starts (function inputs and imports). */
  endBeforeStart: (row: number, start: number, end: number) =>
    badNumber(`row ${row}, end date: ${showDate(end)} is before the start date ${showDate(start)}`),
  negative: (row: number, what: string, value: number) =>
    badNumber(`row ${row}, ${what}: ${value} is negative`),
  singleRowOnly: (fn: string, rows: number) =>
    valueError(`${fn} takes one row at a time; got ${rows} rows`),
  badOption: (what: string, value: unknown, accepted: readonly string[]) =>
    valueError(`${what} ${show(value)} is not recognised; use one of ${accepted.join(", ")}`),
  tableEmpty: (what: string) => valueError(`the ${what} has a header row but no data rows`),
  tableMissingColumns: (what: string, missing: readonly string[]) =>
    valueError(
      `the ${what} has no ${missing.map((m) => `"${m}"`).join(" or ")} column in its header row`
    ),
};

/** Single-value number arguments read by their spec (args/single.ts): one wording per rule. */
export const argErrors = {
  notNumber: (what: string, value: unknown, hint = "", max?: string) =>
    max !== undefined && isOutOfRange(value)
      ? outOfRange(what, value, `an amount from 0 to ${max}`)
      : notANumber(what, value, hint),
  notPositive: (what: string, value: number, hint = "") =>
    badNumber(`${what} ${value} must be more than 0${hint}`),
  negative: (what: string, value: number) => badNumber(`${what} ${value} is negative`),
  notFraction: (what: string, value: number, hint = "") =>
    badNumber(`${what} ${value} must be a fraction from 0 up to (not including) 1${hint}`),
  tooLarge: (what: string, value: number, max: string, why: string) =>
    badNumber(`${what} ${value} is over the £${max} limit (${why})`),
};

// ---------------------------------------------------------------- care clusters and MHCT ratings

export const clusterErrors = {
  ratingOutOfRange: (row: number, item: string, value: unknown) =>
    valueError(`row ${row}, item ${item}: rating ${show(value)} is not 0–4 or 9`),
  ratingsWidth: (columns: number) =>
    valueError(`ratings must be 18 columns (MHCT items 1–13 then A–E); got ${columns}`),
  tooFewRatings: (row: number, known: number) =>
    notFound(`row ${row}: too few ratings (${known} of 18 known; at least 12 are needed)`),
  unknownSuperclass: (row: number, value: unknown) =>
    valueError(
      `row ${row}: super class ${show(value)} is not recognised; use A, B or C (or non-psychotic, psychotic, organic)`
    ),
  unknownCluster: (row: number, value: unknown) =>
    notFound(
      `row ${row}: ${show(value)} is not a care cluster code (0–8, 10–21; 9 and 99 are not clusters)`
    ),
  noProfile: (row: number, code: number) =>
    notFound(`row ${row}: cluster ${code} has no rows in the profile`),
  profileHeader: (found: string) =>
    valueError(
      `the profile's header row must be Cluster | Item | 0 | 1 | 2 | 3 | 4; found ${found}`
    ),
  profileCluster: (row: number, value: unknown) =>
    valueError(
      `profile row ${row}: cluster ${show(value)} is not a care cluster code (1–8, 10–21)`
    ),
  profileItem: (row: number, value: unknown) =>
    valueError(`profile row ${row}: item ${show(value)} is not an MHCT item (1–13 or A–E)`),
  profileCell: (row: number, rating: number, value: unknown) =>
    valueError(`profile row ${row}, rating ${rating}: ${show(value)} is not R, O, Y or blank`),
  profileDuplicate: (row: number, firstRow: number, cluster: number, item: string) =>
    valueError(
      `profile row ${row}: cluster ${cluster} item ${item} is already given in profile row ${firstRow}`
    ),
  profileEmpty: () => valueError("the profile has no rows"),
  rulesHeader: (found: string) =>
    valueError(
      `super class rules must have the header Rule | Super class | When | Reason; found ${found}`
    ),
  rulesClass: (row: number, value: unknown) =>
    valueError(
      `super class rules row ${row}: super class ${show(value)} is not A, B, C or Z (cannot tell)`
    ),
  rulesWhen: (row: number, problem: string) =>
    valueError(`super class rules row ${row}, When: ${problem}`),
  rulesEmpty: () => valueError("the super class rules have no rows"),
  badCount: (value: unknown) =>
    badNumber(`count ${show(value)} must be a whole number from 1 to 20`),
  notADate: (row: number, value: unknown) =>
    valueError(`row ${row}: start date ${show(value)} is not a date (expected an Excel date)`),
};

// ---------------------------------------------------------------- pricing (tariff family)

/** An Excel date serial as dd/mm/yyyy for messages. */
export function showDate(serial: number): string {
  const { year, month, day } = serialToYmd(serial);
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  return `${two(day)}/${two(month)}/${year}`;
}

/** Which table a lookup used, for messages: "price table (rows 2–22)". */
export interface TableRef {
  /** "price table", "illustrative price table", "step table", … */
  readonly name: string;
  readonly firstRow: number;
  readonly lastRow: number;
}

const inTable = (t: TableRef) => `the ${t.name} (${rowSpan(t.firstRow, t.lastRow)})`;

export const tariffErrors = {
  pricesNotRange: (value: unknown) =>
    valueError(
      `prices ${show(value)} is not a range: give a price table with a header row (Code | Day price | …)`
    ),
  codeBlank: (row: number) => valueError(`row ${row}: code is blank`),
  codeNotFound: (row: number, code: unknown, table: TableRef) =>
    notFound(`row ${row}: code ${show(code)} is not in ${inTable(table)}`),
  noPriceInForce: (
    row: number,
    code: unknown,
    date: number,
    tableName: string,
    earliestRow: number,
    earliestFrom: number
  ) =>
    notFound(
      `row ${row}: code ${show(code)} has no price in force on ${showDate(date)} ` +
        `(its earliest row in the ${tableName}, row ${earliestRow}, is effective from ${showDate(earliestFrom)})`
    ),
  duplicateCode: (
    row: number,
    code: unknown,
    tableName: string,
    firstRow: number,
    secondRow: number,
    from: number
  ) =>
    valueError(
      `row ${row}: code ${show(code)} is listed twice in the ${tableName} for overlapping dates ` +
        `(rows ${firstRow} and ${secondRow}${Number.isFinite(from) ? `, both effective from ${showDate(from)}` : ""})`
    ),
  tableCell: (
    tableName: string,
    tableRow: number,
    column: string,
    value: unknown,
    expected: string
  ) => valueError(`${tableName} row ${tableRow}, ${column}: ${show(value)} is not ${expected}`),
  tableCellNegative: (tableName: string, tableRow: number, column: string, value: number) =>
    badNumber(`${tableName} row ${tableRow}, ${column}: ${value} is negative`),
  /** A problem in the price table row a lookup landed on, reported against the input row. */
  inTableRow: (row: number, problem: PbrError) =>
    new PbrError(problem.kind, `row ${row}: ${problem.message}`),
  missingPrice: (
    row: number,
    code: unknown,
    column: string,
    tableName: string,
    tableRow: number,
    why = ""
  ) =>
    notFound(
      `row ${row}: code ${show(code)} has no ${column} in the ${tableName} (row ${tableRow})${why}`
    ),
  noPeriod: (row: number, code: unknown, tableName: string, tableRow: number) =>
    notFound(
      `row ${row}: code ${show(code)} has no Period price or Period days in the ${tableName} (row ${tableRow}) ` +
        `and is not a care cluster with a maximum review period: add Period days (or Period price) for it`
    ),
  admittedOverDays: (row: number, admitted: number, days: number) =>
    badNumber(`row ${row}: admitted days ${admitted} is more than the ${days} days of the period`),
  badMff: (row: number | null, value: unknown) =>
    badNumber(
      `${row === null ? "" : `row ${row}: `}MFF ${show(value)} must be a number of at least 1.00 ` +
        `(the MFF payment index never goes below 1.00)`
    ),
  fyYearNotNumber: (row: number, value: unknown) =>
    isOutOfRange(value)
      ? outOfRange(`row ${row}, financial year:`, value, "a whole year from 1900 to 9998")
      : valueError(
          `row ${row}, financial year: ${show(value)} is not a year (give the year it starts in, e.g. 2024 for 2024/25)`
        ),
  fyYearOutOfRange: (row: number, value: number) =>
    badNumber(
      `row ${row}, financial year: ${value} must be a whole year from 1900 to 9998 (e.g. 2024 for 2024/25)`
    ),
  shareOutOfRange: () =>
    badNumber(
      `the pool cannot be shared to the penny: days × weight add up to more than can be counted ` +
        `(keep each row's days and weight to ${MAX_NUMBER_TEXT} or less)`
    ),
  blockedBy: (row: number, what: string, problem: PbrError) =>
    valueError(`row ${row}: ${what} cannot be worked out until this is fixed: ${problem.message}`),
  totalZero: (what: string, consequence: string) =>
    new PbrError("#DIV/0!", `${what} is 0, so ${consequence}`),
  zeroDays: (row: number, code: unknown) =>
    new PbrError(
      "#DIV/0!",
      `row ${row}: code ${show(code)} has 0 days, so it has no cost per day (its share is £0)`
    ),
  duplicateRow: (row: number, code: unknown, firstRow: number) =>
    valueError(
      `row ${row}: code ${show(code)} is already given in row ${firstRow}; give each code once`
    ),
};

// ---------------------------------------------------------------- risk share
// Band tables are named by what they are ("bands" or "under-performance bands"); their rows are
// counted as in the range, header row = row 1.

export const riskErrors = {
  bandsMissing: (what: string) =>
    valueError(
      `${what} is missing: give a band table with the header From | To | Rate (Set up model writes an illustrative one to a sheet)`
    ),
  bandsNotRange: (what: string, value: unknown) =>
    valueError(
      `${what} ${show(value)} is not a band table: give a range with the header From | To | Rate`
    ),
  bandsEmpty: (what: string) =>
    valueError(`${what} has no bands: give at least one row of From | To | Rate`),
  bandNotNumber: (what: string, row: number, column: string, value: unknown) =>
    notANumber(
      `${what} row ${row}: ${column}`,
      value,
      " (From and To are fractions of plan, e.g. 0.03)"
    ),
  bandStart: (what: string, row: number, from: number) =>
    valueError(`${what} row ${row}: the first band starts at ${from}; it must start at 0`),
  bandGap: (what: string, row: number, from: number, prevRow: number, prevTo: number) =>
    valueError(
      `${what} row ${row}: starts at ${from} but the band in row ${prevRow} ends at ${prevTo}, leaving a gap; bands must be contiguous`
    ),
  bandOverlap: (what: string, row: number, from: number, prevRow: number, prevTo: number) =>
    valueError(
      `${what} row ${row}: starts at ${from} but the band in row ${prevRow} runs to ${prevTo}, so they overlap; each band must start where the one above ends`
    ),
  bandEmpty: (what: string, row: number, from: number, to: number) =>
    valueError(`${what} row ${row}: To ${to} is not above From ${from}`),
  bandOpenNotLast: (what: string, row: number) =>
    valueError(
      `${what} row ${row}: To is blank (no upper limit) but another band follows; only the last band may be open`
    ),
  bandLastClosed: (what: string, row: number, to: number) =>
    valueError(
      `${what} row ${row}: the last band ends at ${to}; leave its To blank (no upper limit) or add a band from ${to} with a blank To`
    ),
  bandRate: (what: string, row: number, rate: unknown) =>
    valueError(`${what} row ${row}: rate ${show(rate)} is not between 0 and 1 (e.g. 0.5 for 50%)`),
  rateOutOfRange: (row: number, what: string, value: number) =>
    badNumber(`row ${row}, ${what}: ${value} is not between 0 and 1 (e.g. 0.2 for 20%)`),
  varianceBelowMinus1: (row: number, value: number) =>
    badNumber(
      `row ${row}, variance: ${value} would make activity negative (a variance must be −1 or more)`
    ),
  noPlannedActivity: () =>
    new PbrError("#DIV/0!", "planned activity adds up to 0, so there is no planned average price"),
};

// ---------------------------------------------------------------- stepped budgets (RAS)

export const rasErrors = {
  stepsNotRange: (value: unknown) =>
    valueError(
      `steps ${show(value)} is not a range: give a step table with the header Step | Percent (| Label)`
    ),
  stepBlank: (row: number) => valueError(`row ${row}: step is blank`),
  stepNotFound: (row: number, step: unknown, tableName: string, available: readonly string[]) =>
    notFound(
      `row ${row}: step ${show(step)} is not in the ${tableName}; steps available: ${available.join(", ")}`
    ),
  stepDuplicate: (
    row: number,
    step: unknown,
    tableName: string,
    firstRow: number,
    secondRow: number
  ) =>
    valueError(
      `row ${row}: step ${show(step)} is listed twice in the ${tableName} (rows ${firstRow} and ${secondRow})`
    ),
  cohortEmpty: () =>
    new PbrError(
      "#DIV/0!",
      "the cohort has no people (every row is blank), so there is nothing to calibrate"
    ),
  cohortZero: (people: number) =>
    new PbrError(
      "#DIV/0!",
      `the cohort's total before calibration is 0 (${people} people, every cluster average × step percent is 0), ` +
        `so no factor k can scale it to the envelope`
    ),
  personProblem: (problem: PbrError) =>
    new PbrError(
      problem.kind,
      `k cannot be worked out until this person is fixed: ${problem.message}`
    ),
  totalPointsZero: () =>
    new PbrError("#DIV/0!", "totalPoints is 0, so points cannot be turned into money"),
};

// ---------------------------------------------------------------- caseload import
// Reasons in the import reject report and messages of the mapping step. `field` is the field's
// label as the user sees it ("start date", "cluster"); dates in messages are dd/mm/yyyy.

export const caseloadErrors = {
  missing: (row: number, field: string) =>
    valueError(`row ${row}, ${field}: blank, but this field is required`),
  notADate: (row: number, field: string, value: unknown) =>
    valueError(
      `row ${row}, ${field}: ${show(value)} is not a date (use dd/mm/yyyy, yyyy-mm-dd or an Excel date)`
    ),
  noSuchDay: (row: number, field: string, value: unknown) =>
    valueError(`row ${row}, ${field}: ${show(value)} is not a real day in the calendar`),
  monthFirst: (row: number, field: string, value: unknown) =>
    valueError(
      `row ${row}, ${field}: ${show(value)} looks month-first (US style); dates must be day-first, dd/mm/yyyy`
    ),
  twoDigitYear: (row: number, field: string, value: unknown) =>
    valueError(
      `row ${row}, ${field}: ${show(value)} has a two-digit year; use four digits (dd/mm/yyyy)`
    ),
  badCluster: (row: number, value: unknown) =>
    valueError(
      `row ${row}, cluster: ${show(value)} is not a care cluster (0–8 or 10–21; 99 = not clustered)`
    ),
  admittedOverPeriod: (row: number, days: number, periodDays: number, start: string, end: string) =>
    valueError(
      `row ${row}, admitted days: ${days} is more than the ${periodDays} days from ${start} to ${end}`
    ),
  notWholeNumber: (row: number, field: string, value: unknown) =>
    badNumber(`row ${row}, ${field}: ${show(value)} is not a whole number of days`),
  duplicate: (row: number, id: string, start: string, firstRow: number) =>
    valueError(
      `row ${row}, ID: "${id}" with start date ${start} was already imported from row ${firstRow}`
    ),
  extraValues: (row: number, got: number, columns: number) =>
    valueError(
      `row ${row}: ${got} values but the header has ${columns} columns (is there a separator inside an unquoted value?)`
    ),
  unclosedQuote: (row: number, line?: number, lastLine?: number) =>
    valueError(
      line !== undefined && lastLine !== undefined && lastLine > line
        ? `row ${row} (line ${line}): a quoted value is never closed, so lines ${line}–${lastLine} (the rest of the file) were read as one value`
        : `row ${row}: a quoted value is never closed, so the rest of the file was read as one value`
    ),
  strayQuote: (row: number, line: number, recordLine: number) =>
    valueError(
      `row ${row} (line ${line}): a quote opened on this line is not closed before line ${recordLine}, which is a record of its own (a stray quote); this line was rejected and the lines after it read again`
    ),
  replacementCharacter: (row: number, encoding: string | null) =>
    valueError(
      encoding
        ? `row ${row}: holds a character that could not be read as ${encoding} (shown as \u{FFFD}); choose the file's encoding in the mapping step and import again`
        : `row ${row}: holds the replacement character \u{FFFD}, a sign the text was damaged before it reached this file`
    ),
  cellTooLong: (row: number, field: string, length: number) =>
    valueError(
      `row ${row}, ${field}: ${length.toLocaleString("en-GB")} characters, but an Excel cell holds at most 32,767`
    ),
  tooManyRows: (rows: number, fit: number) =>
    badNumber(
      `${rows.toLocaleString("en-GB")} rows to write, but an Excel sheet has room for ${fit.toLocaleString("en-GB")} below the header; import the first ${fit.toLocaleString("en-GB")} rows or split them across sheets`
    ),
  requiredUnmapped: (field: string) =>
    notFound(`choose the column that holds the ${field} (it is required)`),
  columnTwice: (column: string, otherField: string) =>
    valueError(
      `column "${column}" is already used for the ${otherField}; each column can feed one field`
    ),
  noHeader: () => valueError("the file is empty: there is no header row"),
  notCaseload: (file: string) =>
    valueError(
      `${file} is not a CSV or XLSX file; save the export as .csv or .xlsx and choose it again`
    ),
};
