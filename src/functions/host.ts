/**
 * The edge between core results and the spreadsheet host. Core returns `PbrError` values; here
 * they become the host's error values. In Excel that is `CustomFunctions.Error`; outside Excel
 * (tests, the playground) `CustomFunctions` does not exist and the host sets its own mapping
 * (core/hostErrors.ts).
 * Nothing may throw past this file: `guard` turns any exception into a #VALUE! cell.
 */
import { PbrError, inputErrorCode, inputErrors, type ResultCell } from "../core/errors";
import { hostErrorFactory, type ErrorFactory } from "../core/hostErrors";
import type { NumberColumn } from "../core/results";

export type HostValue = unknown;
export type HostGrid = HostValue[][];

interface CustomFunctionsLike {
  Error: new (code: string, message?: string) => unknown;
  ErrorCode: Record<string, string>;
}

function excelErrors(): CustomFunctionsLike | undefined {
  const cf = (globalThis as { CustomFunctions?: CustomFunctionsLike }).CustomFunctions;
  return cf && typeof cf.Error === "function" && cf.ErrorCode ? cf : undefined;
}

const EXCEL_CODE: Record<PbrError["kind"], string> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#NUM!": "invalidNumber",
  "#DIV/0!": "divisionByZero",
};

/** Excel shows a custom message only for #VALUE! and #N/A. */
const TAKES_MESSAGE = new Set<PbrError["kind"]>(["#VALUE!", "#N/A"]);

export const excelErrorFactory: ErrorFactory = (error) => {
  const cf = excelErrors();
  if (!cf) return error;
  const code = cf.ErrorCode[EXCEL_CODE[error.kind]];
  return TAKES_MESSAGE.has(error.kind) ? new cf.Error(code, error.message) : new cf.Error(code);
};

/** A PbrError as the host's error value: the host's own factory if it set one, else Excel's. */
function toHostError(error: PbrError): HostValue {
  return (hostErrorFactory() ?? excelErrorFactory)(error);
}

/**
 * The safety net for results: a number that is not finite (±Infinity, NaN) never reaches a cell.
 * Inputs are bounded (errors.ts MAX_NUMBER) so core should never make one; if it does, the cell
 * is #NUM!, not a number Excel would show as #NUM! without a word or, worse, as a wrong value.
 */
const NOT_FINITE = new PbrError(
  "#NUM!",
  "the result is too large to show (out of range): check the sizes of the numbers given"
);

export function hostValue(value: ResultCell): HostValue {
  if (typeof value === "number") return value - value === 0 ? value : toHostError(NOT_FINITE);
  return value instanceof PbrError ? toHostError(value) : value;
}

/** Rows of a spilled column that hold the same small whole number share one row array. */
const SHARED_ROWS = 64;

/**
 * A column of results as a spilled n×1 range; a whole-call error as a single cell. A column of
 * codes (PBR.CLUSTER's million rows hold some twenty values) shares one row array per small whole
 * number 0–63 within the answer, instead of making a million one-cell arrays for the garbage
 * collector: Excel copies the answer out and the embedded engine reads it, neither writes to a row.
 */
export function spillColumn(results: readonly ResultCell[] | PbrError): HostGrid {
  if (results instanceof PbrError) return [[toHostError(results)]];
  if (results.length === 0) return [[""]];
  const out = new Array<HostValue[]>(results.length);
  const shared = new Array<HostValue[] | undefined>(SHARED_ROWS);
  for (let i = 0; i < results.length; i++) {
    const v = results[i];
    // (-0 is left out: it would hand its sign to the 0 rows after it.)
    if (
      typeof v === "number" &&
      v >= 0 &&
      v < SHARED_ROWS &&
      (v | 0) === v &&
      (v !== 0 || 1 / v > 0)
    ) {
      out[i] = shared[v] ??= [v];
    } else out[i] = [hostValue(v)];
  }
  return out;
}

/** A NumberColumn (unboxed numbers plus the odd blank or error) as a spilled n×1 range. */
export function spillNumbers(results: NumberColumn | PbrError): HostGrid {
  if (results instanceof PbrError) return [[toHostError(results)]];
  const n = results.length;
  if (n === 0) return [[""]];
  const { values, tags } = results;
  const out = new Array<HostValue[]>(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    out[i] = tags[i] === 0 && v - v === 0 ? [v] : [hostValue(tags[i] === 0 ? v : results.at(i))];
  }
  return out;
}

/** A table of results (rows of cells) as a spilled range. */
export function spillTable(results: readonly (readonly ResultCell[])[] | PbrError): HostGrid {
  if (results instanceof PbrError) return [[toHostError(results)]];
  if (results.length === 0) return [[""]];
  return results.map((row) => row.map(hostValue));
}

/**
 * Error cells in the row-aligned arguments (one row of input per row of output): row index → the
 * cell's code, and a code for every row when a one-row argument (one value for all rows) holds one.
 */
/** The error code held by any cell of row `i` of a range argument, or null. */
function rowErrorCode(arg: unknown, i: number): string | null {
  const line = (arg as unknown[])[i];
  if (!Array.isArray(line)) return null;
  for (let j = 0; j < line.length; j++) {
    const v = line[j];
    if (typeof v === "object" && v !== null) {
      const code = inputErrorCode(v);
      if (code !== null) return code;
    }
  }
  return null;
}

/**
 * `guard` for a function whose output rows match its input rows: a row whose input holds an error
 * cell ("#DIV/0!") shows "row N: the input cell holds #DIV/0!" in every cell of that row, and the
 * other rows are answered as usual (with allowErrorForDataTypeAny set in functions.json, Excel
 * calls the function despite the error instead of failing the whole spill).
 */
export function guardRows(rowArgs: readonly unknown[], body: () => HostGrid): HostGrid {
  const grid = guard(body);
  // An error cell in one value (a scalar or a one-row argument) is every row's error.
  let all: string | null = null;
  let height = 0;
  for (const arg of rowArgs) {
    if (!Array.isArray(arg)) all ??= inputErrorCode(arg);
    else if (arg.length === 1) all ??= rowErrorCode(arg, 0);
    else height = Math.max(height, arg.length);
  }
  // Not row by row (a whole-call error, or a shape of its own): the body's answer stands.
  if (grid.length !== Math.max(height, 1)) return grid;
  // Only a row that came out as an error can owe it to an input cell: look at those rows' inputs
  // alone, so a million good rows cost one pass over the result, not one over every argument.
  for (let i = 0; i < grid.length; i++) {
    const out = grid[i];
    let failed = false;
    for (let c = 0; c < out.length; c++) {
      const v = out[c];
      if (typeof v === "object" && v !== null) {
        failed = true;
        break;
      }
    }
    if (!failed && all === null) continue;
    let code = all;
    if (code === null)
      for (const arg of rowArgs) {
        if (!Array.isArray(arg) || arg.length === 1) continue;
        code = rowErrorCode(arg, i);
        if (code !== null) break;
      }
    if (code === null) continue;
    const error = toHostError(inputErrors.cell(i + 1, code));
    grid[i] = out.map(() => error);
  }
  return grid;
}

/** `value` when it is a problem, otherwise `run` on it: an argument's problem is the whole answer. */
export function whenOk<A, T>(value: A | PbrError, run: (value: A) => T | PbrError): T | PbrError {
  return value instanceof PbrError ? value : run(value);
}

/** Run a function body; an unexpected exception becomes a #VALUE! cell instead of escaping. */
export function guard(body: () => HostGrid): HostGrid {
  try {
    return body();
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return [[toHostError(new PbrError("#VALUE!", `unexpected problem: ${detail}`))]];
  }
}
