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
// Band tables are named by what they are ("bands" or "under-performance bands"); their rows are
// counted as in the range, header row = row 1.

export const riskErrors = {
  bandsMissing: (what: string) =>
    valueError(
      `${what} is missing: give a band table with the header From | To | Rate (Set up model writes an illustrative one to a sheet)`
    ),
  bandsNotRange: (what: string, value: unknown) =>
    valueError(`${what} ${show(value)} is not a band table: give a range with the header From | To | Rate`),
  bandsEmpty: (what: string) => valueError(`${what} has no bands: give at least one row of From | To | Rate`),
  bandNotNumber: (what: string, row: number, column: string, value: unknown) =>
    valueError(`${what} row ${row}: ${column} ${show(value)} is not a number (From and To are fractions of plan, e.g. 0.03)`),
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
    valueError(`${what} row ${row}: To is blank (no upper limit) but another band follows; only the last band may be open`),
  bandLastClosed: (what: string, row: number, to: number) =>
    valueError(
      `${what} row ${row}: the last band ends at ${to}; leave its To blank (no upper limit) or add a band from ${to} with a blank To`
    ),
  bandRate: (what: string, row: number, rate: unknown) =>
    valueError(`${what} row ${row}: rate ${show(rate)} is not between 0 and 1 (e.g. 0.5 for 50%)`),
  columnLengths: (what: string, got: number, longest: string, rows: number) =>
    valueError(`${what} has ${got} rows but ${longest} has ${rows}: give one value or a column of ${rows}`),
  rateOutOfRange: (row: number, what: string, value: number) =>
    badNumber(`row ${row}, ${what}: ${value} is not between 0 and 1 (e.g. 0.2 for 20%)`),
  varianceBelowMinus1: (row: number, value: number) =>
    badNumber(`row ${row}, variance: ${value} would make activity negative (a variance must be −1 or more)`),
  noPlannedActivity: () =>
    new PbrError("#DIV/0!", "planned activity adds up to 0, so there is no planned average price"),
  codeMissing: (row: number) => valueError(`row ${row}: the code is blank, so no price can be looked up`),
  priceNotFound: (row: number, code: unknown) => notFound(`row ${row}: code ${show(code)} is not in the price table`),
  priceTableDuplicate: (row: number, firstRow: number, code: string) =>
    valueError(`price table row ${row}: code "${code}" is already given in price table row ${firstRow}`),
  priceTableNotNumber: (row: number, value: unknown) =>
    valueError(`price table row ${row}: price ${show(value)} is not a number`),
  priceTableNegative: (row: number, value: number) => badNumber(`price table row ${row}: price ${value} is negative`),
};

// ---------------------------------------------------------------- stepped budgets (RAS)
// (RAS messages go here)

// ---------------------------------------------------------------- caseload import
// (caseload messages go here)
