/**
 * Reading spreadsheet values. Excel hands a blank cell over as "" or null depending on the
 * declared parameter type, and an omitted optional argument as null; both count as blank here.
 */
import { MAX_NUMBER, inputErrorCode } from "./errors";

/** Whatever a worksheet cell can hold when it reaches us. */
export type CellValue = unknown;
/** A worksheet range as Excel passes it: rows of cells. */
export type Grid = readonly (readonly CellValue[])[];

/**
 * Blank: null, undefined, "" or text of white space only. Text starting with a visible ASCII
 * character (the usual case, for every cell of a million-row import) is not trimmed.
 */
export function isBlank(value: CellValue): boolean {
  if (value === null || value === undefined || value === "") return true;
  if (typeof value !== "string") return false;
  const c = value.charCodeAt(0);
  if (c > 32 && c < 127) return false;
  return value.trim() === "";
}

export function isBlankRow(row: readonly CellValue[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

/**
 * A cell as a number: numbers as they are, numeric text ("12", " 3.5 ") converted, anything else
 * NaN. Blank gives NaN too: test `isBlank` first where blank means something. A number beyond
 * ±MAX_NUMBER (1E+15), infinite or NaN is NaN too, so no reader lets one into the arithmetic; the
 * "not a number" messages say "out of range" for those (errors.ts `isOutOfRange`).
 */
// Module-local copy: under CommonJS (jest, tsx) an imported constant in a hot path is a getter call.
const MAX = MAX_NUMBER;

export function toNumber(value: CellValue): number {
  if (typeof value === "number") return value <= MAX && value >= -MAX ? value : NaN;
  if (typeof value === "string") {
    const text = value.trim().replace(/^£/, "").replace(/,/g, "");
    if (text === "" || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return NaN;
    const n = Number(text);
    return n <= MAX && n >= -MAX ? n : NaN;
  }
  return NaN;
}

/** Text of a cell for matching codes and headers: trimmed, numbers without trailing zeros. */
export function toKey(value: CellValue): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value.trim();
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  // An error cell is never blank: its code matches nothing, so the row reports it.
  return inputErrorCode(value) ?? "";
}

/** Header text normalised for matching: case-insensitive, spaces, underscores and dashes ignored. */
export function headerKey(value: CellValue): string {
  return toKey(value)
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
}

/**
 * For a range that must start with a fixed header (`expected` as header keys): null when it does,
 * otherwise the header found as text for the message ("(nothing)" when the range has no rows).
 */
export function headerMismatch(grid: Grid, expected: readonly string[]): string | null {
  if (!Array.isArray(grid) || grid.length === 0 || !Array.isArray(grid[0])) return "(nothing)";
  const header = grid[0].map(headerKey);
  if (!expected.some((h, i) => header[i] !== h)) return null;
  return grid[0].map((c) => (isBlank(c) ? "(blank)" : toKey(c))).join(" | ");
}

/** An optional argument: null/undefined/blank (omitted) or a 1×1 range holding a blank. */
export function isOmitted(arg: CellValue): boolean {
  if (Array.isArray(arg)) {
    return arg.length === 1 && Array.isArray(arg[0]) && arg[0].length === 1 && isBlank(arg[0][0]);
  }
  return isBlank(arg);
}

/** A single value from an argument that may arrive as a value or a 1×1 range. */
export function scalar(arg: CellValue): CellValue {
  let v = arg;
  while (Array.isArray(v)) v = v.length > 0 ? v[0] : null;
  return v;
}

/**
 * Where named columns sit in a table's header row. `aliases` maps a header, as `headerKey` reads
 * it, to a field; the first column of each field wins. `required` lists fields with the label a
 * message should use. Returns each field's column index and the labels of required fields missing.
 */
export function findColumns<F extends string>(
  header: readonly CellValue[],
  aliases: Readonly<Record<string, F>>,
  required: readonly (readonly [NoInfer<F>, string])[]
): { at: Partial<Record<F, number>>; missing: string[] } {
  const at: Partial<Record<F, number>> = {};
  header.forEach((cell, j) => {
    const field = aliases[headerKey(cell)];
    if (field !== undefined && at[field] === undefined) at[field] = j;
  });
  const missing = required.filter(([field]) => at[field] === undefined).map(([, label]) => label);
  return { at, missing };
}
