/**
 * What an opened workbook must satisfy so the playground can hold it and save it again, checked
 * as the file is read (before the open workbook is touched):
 * - a formula within Excel's limits: 8,192 characters and 64 levels of nesting (Microsoft's "Excel
 *   specifications and limits"); a longer or deeper one cannot have come from Excel, and the
 *   engine's parser would run out of stack on it;
 * - sheet names Excel accepts (31 characters at most, none of : \ / ? * [ ], not "History", not
 *   twice): a name Excel would reject is renamed, with the formulas and names that refer to it,
 *   and the note says so, so an opened workbook can always be saved.
 */
import { columnLetters, quoteSheet } from "../../workbook/address";
import { cleanSheetName, sheetNameProblem } from "../../workbook/excelRules";
import { uniqueName } from "../../workbook/port";
import type { BookContent } from "../../workbook/embedded/bookContent";
import { FileRefused } from "../../core/files/xlsxGuard";
import { pieces } from "./fileFormulas";

export const EXCEL_FORMULA_CHARS = 8_192;
export const EXCEL_NESTING = 64;

/** Refuse a formula past Excel's limits, naming the cell. */
export function checkFormula(sheet: string, row: number, col: number, formula: string): void {
  const cell = `${sheet}!${columnLetters(col)}${row + 1}`;
  if (formula.length > EXCEL_FORMULA_CHARS)
    throw new FileRefused(
      `the formula in ${cell} has ${formula.length.toLocaleString("en-GB")} characters; Excel allows ${EXCEL_FORMULA_CHARS.toLocaleString("en-GB")}, so this file was not made by Excel: it was not opened.`
    );
  let depth = 0;
  let deepest = 0;
  for (const [i, piece] of pieces(formula).entries()) {
    if (i % 2 === 1) continue; // inside quotes or brackets
    for (const ch of piece) {
      if (ch === "(") deepest = Math.max(deepest, ++depth);
      else if (ch === ")") depth--;
    }
  }
  if (deepest > EXCEL_NESTING)
    throw new FileRefused(
      `the formula in ${cell} is nested ${deepest.toLocaleString("en-GB")} levels deep; Excel allows ${EXCEL_NESTING}, so this file was not made by Excel: it was not opened.`
    );
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `formula` with every reference to sheet `from` pointing at sheet `to` instead. */
export function renameSheetInFormula(formula: string, from: string, to: string): string {
  const quoted = `'${from.replace(/'/g, "''")}'`;
  const bare = new RegExp(`(?<![A-Za-z0-9_.'\\\\])${escapeRegExp(from)}(?=!)`, "gi");
  const parts = pieces(formula);
  return parts
    .map((p, i) => {
      if (i % 2 === 1)
        return p.toLowerCase() === quoted.toLowerCase() && (parts[i + 1] ?? "").startsWith("!")
          ? quoteSheet(to)
          : p;
      return p.replace(bare, quoteSheet(to));
    })
    .join("");
}

/** Rename sheets Excel would reject, everywhere they are used; the notes say what was renamed. */
export function renameSheets(book: BookContent): string[] {
  const notes: string[] = [];
  const taken: string[] = [];
  const renames: { from: string; to: string }[] = [];
  for (const sheet of book.sheets) {
    const clash = taken.some((t) => t.toLowerCase() === sheet.name.toLowerCase());
    const problem =
      sheetNameProblem(sheet.name) ?? (clash ? `"${sheet.name}" is used twice` : null);
    if (problem) {
      const to = uniqueName(cleanSheetName(sheet.name), taken);
      // A second sheet of the same name: formulas naming it meant the first, and keep doing so.
      if (!clash) renames.push({ from: sheet.name, to });
      notes.push(
        `sheet "${sheet.name}" renamed "${to}" (${problem.replace(/^"[^"]*" /, "")}), as Excel would require`
      );
      sheet.name = to;
    }
    taken.push(sheet.name);
  }
  if (renames.length === 0) return notes;
  const fix = (text: string) =>
    renames.reduce((f, r) => renameSheetInFormula(f, r.from, r.to), text);
  for (const sheet of book.sheets)
    for (const line of sheet.cells)
      for (let c = 0; c < line.length; c++) {
        const v = line[c];
        if (typeof v === "string" && v.startsWith("=")) line[c] = fix(v);
      }
  for (const name of book.names) {
    name.formula = fix(name.formula);
    const r = renames.find((x) => x.from === name.sheet);
    if (r) name.sheet = r.to;
  }
  for (const item of [...book.tables, ...(book.charts ?? [])]) {
    const r = renames.find((x) => x.from === item.sheet);
    if (r) item.sheet = r.to;
  }
  return notes;
}
