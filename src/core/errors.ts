/**
 * The one catalogue of error kinds and messages.
 *
 * Core code never throws for bad input: it returns a `PbrError` value in place of the answer for
 * that row. Adapters (Excel custom functions, the embedded engine) turn a `PbrError` into the
 * matching spreadsheet error. Excel shows the message only on #VALUE! and #N/A, so those two carry
 * the detail a user needs: which row, which item, which value, and what was expected.
 */

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

/** Show a cell value in a message the way a user typed it. */
export function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "blank";
  if (typeof value === "string") return `"${value}"`;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "not a number";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** "rows 2–22" style span for messages. */
export function rowSpan(first: number, last: number): string {
  return first === last ? `row ${first}` : `rows ${first}–${last}`;
}

// ---------------------------------------------------------------- shapes and generic arguments

export const shapeErrors = {
  lengthMismatch: (what: string, expected: number, got: number) =>
    valueError(`${what} has ${got} rows but the first argument has ${expected}: they must match`),
  notNumber: (row: number, what: string, value: unknown) =>
    valueError(`row ${row}, ${what}: ${show(value)} is not a number`),
  notDate: (row: number, what: string, value: unknown) =>
    valueError(`row ${row}, ${what}: ${show(value)} is not a date (expected an Excel date)`),
  negative: (row: number, what: string, value: number) =>
    badNumber(`row ${row}, ${what}: ${value} is negative`),
  singleRowOnly: (fn: string, rows: number) =>
    valueError(`${fn} takes one row at a time; got ${rows} rows`),
  badOption: (what: string, value: unknown, accepted: readonly string[]) =>
    valueError(`${what} ${show(value)} is not recognised; use one of ${accepted.join(", ")}`),
  tableEmpty: (what: string) => valueError(`the ${what} has a header row but no data rows`),
  tableMissingColumns: (what: string, missing: readonly string[]) =>
    valueError(`the ${what} has no ${missing.map((m) => `"${m}"`).join(" or ")} column in its header row`),
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
    notFound(`row ${row}: ${show(value)} is not a care cluster code (0–8, 10–21; 9 and 99 are not clusters)`),
  noProfile: (row: number, code: number) =>
    notFound(`row ${row}: cluster ${code} has no rows in the profile`),
  profileHeader: (found: string) =>
    valueError(`the profile's header row must be Cluster | Item | 0 | 1 | 2 | 3 | 4; found ${found}`),
  profileCluster: (row: number, value: unknown) =>
    valueError(`profile row ${row}: cluster ${show(value)} is not a care cluster code (1–8, 10–21)`),
  profileItem: (row: number, value: unknown) =>
    valueError(`profile row ${row}: item ${show(value)} is not an MHCT item (1–13 or A–E)`),
  profileCell: (row: number, rating: number, value: unknown) =>
    valueError(`profile row ${row}, rating ${rating}: ${show(value)} is not R, O, Y or blank`),
  profileDuplicate: (row: number, firstRow: number, cluster: number, item: string) =>
    valueError(`profile row ${row}: cluster ${cluster} item ${item} is already given in profile row ${firstRow}`),
  profileEmpty: () => valueError("the profile has no rows"),
  badCount: (value: unknown) => badNumber(`count ${show(value)} must be a whole number from 1 to 20`),
  notADate: (row: number, value: unknown) =>
    valueError(`row ${row}: start date ${show(value)} is not a date (expected an Excel date)`),
};

// ---------------------------------------------------------------- pricing (tariff family)
// (tariff messages go here)

// ---------------------------------------------------------------- risk share
// (risk-share messages go here)

// ---------------------------------------------------------------- stepped budgets (RAS)
// (RAS messages go here)

// ---------------------------------------------------------------- caseload import
// Reasons in the import reject report and messages of the mapping step. `field` is the field's
// label as the user sees it ("start date", "cluster"); dates in messages are dd/mm/yyyy.

export const caseloadErrors = {
  missing: (row: number, field: string) => valueError(`row ${row}, ${field}: blank, but this field is required`),
  notADate: (row: number, field: string, value: unknown) =>
    valueError(`row ${row}, ${field}: ${show(value)} is not a date (use dd/mm/yyyy, yyyy-mm-dd or an Excel date)`),
  noSuchDay: (row: number, field: string, value: unknown) =>
    valueError(`row ${row}, ${field}: ${show(value)} is not a real day in the calendar`),
  monthFirst: (row: number, field: string, value: unknown) =>
    valueError(
      `row ${row}, ${field}: ${show(value)} looks month-first (US style); dates must be day-first, dd/mm/yyyy`
    ),
  twoDigitYear: (row: number, field: string, value: unknown) =>
    valueError(`row ${row}, ${field}: ${show(value)} has a two-digit year; use four digits (dd/mm/yyyy)`),
  dateOutOfRange: (row: number, field: string, value: unknown) =>
    badNumber(`row ${row}, ${field}: ${show(value)} is outside Excel's dates (1900 to 9999)`),
  endBeforeStart: (row: number, end: string, start: string) =>
    valueError(`row ${row}, end date: ${end} is before the start date ${start}`),
  badCluster: (row: number, value: unknown) =>
    valueError(`row ${row}, cluster: ${show(value)} is not a care cluster (0–8 or 10–21; 99 = not clustered)`),
  clusterNine: (row: number) => valueError(`row ${row}, cluster: 9 is not in use and must not be recorded`),
  notWholeNumber: (row: number, field: string, value: unknown) =>
    badNumber(`row ${row}, ${field}: ${show(value)} is not a whole number of days`),
  duplicate: (row: number, id: string, start: string, firstRow: number) =>
    valueError(`row ${row}, ID: "${id}" with start date ${start} was already imported from row ${firstRow}`),
  extraValues: (row: number, got: number, columns: number) =>
    valueError(
      `row ${row}: ${got} values but the header has ${columns} columns (is there a separator inside an unquoted value?)`
    ),
  unclosedQuote: (row: number) =>
    valueError(`row ${row}: a quoted value is never closed, so the rest of the file was read as one value`),
  requiredUnmapped: (field: string) => notFound(`choose the column that holds the ${field} (it is required)`),
  columnTwice: (column: string, otherField: string) =>
    valueError(`column "${column}" is already used for the ${otherField}; each column can feed one field`),
  noHeader: () => valueError("the file is empty: there is no header row"),
  notCaseload: (file: string) =>
    valueError(`${file} is not a CSV or XLSX file; save the export as .csv or .xlsx and choose it again`),
};
