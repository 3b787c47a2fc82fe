/**
 * Excel's rules for sheets, tables and names, kept in one place so both adapters (Office.js and
 * the playground's embedded engine) refuse or repair the same things before any write.
 */

/** Rows on an Excel worksheet. */
export const EXCEL_MAX_ROWS = 1_048_576;
/** Characters an Excel cell holds. */
export const EXCEL_CELL_CHARS = 32_767;
/** Characters in a sheet name. */
export const MAX_SHEET_NAME = 31;

const SHEET_FORBIDDEN = /[:\\/?*[\]]/g;

/** Why Excel would refuse `name` as a sheet name, or null when it is fine. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === "") return "a sheet name cannot be blank";
  if (name.length > MAX_SHEET_NAME)
    return `"${name}" has ${name.length} characters; a sheet name has at most ${MAX_SHEET_NAME}`;
  if (/[:\\/?*[\]]/.test(name))
    return `"${name}" contains one of : \\ / ? * [ ], which a sheet name cannot`;
  if (name.startsWith("'") || name.endsWith("'"))
    return `"${name}" starts or ends with an apostrophe, which a sheet name cannot`;
  if (name.toLowerCase() === "history") return `"History" is reserved by Excel`;
  return null;
}

/**
 * A valid worksheet name: forbidden characters replaced, apostrophes at either end removed,
 * trimmed, never blank or "History", at most 31 characters less room for a " (99)" suffix.
 */
export function cleanSheetName(name: string): string {
  let cleaned = name
    .replace(SHEET_FORBIDDEN, "_")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  if (cleaned.toLowerCase() === "history") cleaned = `${cleaned}_`;
  cleaned = (cleaned || "Sheet").slice(0, MAX_SHEET_NAME - 5).trim();
  return cleaned.replace(/'+$/, "") || "Sheet";
}

/** True when Excel would read `name` as a cell or range reference (A1, XFD1048576, R1C1, R, C, RC). */
export function looksLikeReference(name: string): boolean {
  return (
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^[RrCc]\d*$/.test(name) ||
    /^[Rr]\d*[Cc]\d*$/.test(name) ||
    /^[Rr]\[-?\d+\]/.test(name)
  );
}

/**
 * A valid table or defined name: letters, digits, "_" and "."; starting with a letter or "_";
 * never TRUE or FALSE, and never something Excel reads as a cell reference ("A1", "R1C1", "R", "C").
 */
export function cleanIdentifier(name: string): string {
  let s = name.replace(/[^A-Za-z0-9_.]/g, "_");
  if (!/^[A-Za-z_]/.test(s)) s = `_${s}`;
  if (looksLikeReference(s) || /^(true|false)$/i.test(s)) s = `_${s}`;
  return s.slice(0, 250);
}
