/**
 * Formulas as an .xlsx file stores them, turned back into what a user types in the playground.
 *
 * - The file keeps a formula without its "=".
 * - Excel prefixes functions newer than 2007 with `_xlfn.` (and `_xlfn._xlws.` for FILTER/SORT),
 *   LET/LAMBDA parameter names with `_xlpm.`. The playground's engine knows the plain names.
 * - Excel saves a JavaScript custom function call as `_xldudf_` + its name (seen as
 *   `_xldudf_PBR_TARIFF`, sometimes behind an external-book index `[2]!`), and an XLL-compatible
 *   one as `_xll.PBR.TARIFF`; both become `PBR.TARIFF`.
 * - TRUE and FALSE as values in a formula become TRUE() and FALSE(), which the engine knows (and
 *   Excel reads the same).
 * - A shared formula (one formula filled over a range) is stored once, on its first cell; every
 *   other cell of the range holds only a reference to it, and gets the formula with its relative
 *   references moved by the cell's offset (`shiftFormula`), as a fill does.
 *
 * Text inside "quotes", 'sheet names' and [table columns] is never changed.
 *
 * Saving goes the other way for the add-in's functions (`toFileFormula`): a call is written as
 * Excel writes one, `_xldudf_PBR_TARIFF(…)`, the form Excel binds to a JavaScript custom function
 * when it opens a file (a formula naming `PBR.TARIFF` in the file's text may not be bound); and a
 * function newer than Excel 2007 with its `_xlfn.` prefix (futureFunctions.ts), without which
 * Excel shows #NAME?.
 */
import { columnIndex, columnLetters } from "../../workbook/address";
import { EXCEL_MAX_ROWS } from "../../workbook/excelRules";
import { booleanLiterals, engineQuotes, outsideQuotes, pieces } from "../../workbook/formulaText";
import { withFuturePrefixes } from "./futureFunctions";

export { pieces };

/** The playground's name for a custom function saved by Excel ("PBR_TARIFF" → "PBR.TARIFF"). */
function pbrName(saved: string, known?: ReadonlySet<string>): string {
  const m = /^PBR[._](.+)$/i.exec(saved);
  if (!m) return saved;
  const id = m[1].toUpperCase();
  if (!known || known.has(id)) return `PBR.${id}`;
  const dotted = id.replace(/_/g, ".");
  return `PBR.${known.has(dotted) ? dotted : id}`;
}

/**
 * A formula as the playground holds it (without "="), as a file stores it: each call of a
 * registered PBR function written `_xldudf_PBR_<ID>(`, as Excel saves a JavaScript custom
 * function; `fromFileFormula` reads it back.
 */
export function toFileFormula(formula: string, functionIds: readonly string[]): string {
  const known = new Set(functionIds.map((f) => f.toUpperCase()));
  return outsideQuotes(formula, (text) =>
    withFuturePrefixes(
      text.replace(/(?<![\w.$])PBR\.([A-Za-z][\w.]*)(?=\s*\()/gi, (whole, id: string) =>
        known.has(id.toUpperCase()) ? `_xldudf_PBR_${id.toUpperCase().replace(/\./g, "_")}` : whole
      )
    )
  );
}

/**
 * A formula from a file (without "="), as the playground's engine reads it (without "=").
 * `functionIds` (the registered PBR ids) settles whether an underscore was a dot.
 */
export function fromFileFormula(formula: string, functionIds?: readonly string[]): string {
  const known = functionIds ? new Set(functionIds.map((f) => f.toUpperCase())) : undefined;
  // "[2]!_xldudf_…": an external-book index Excel sometimes puts before a custom function.
  const local = formula.replace(/\[\d+\]!(?=_xldudf_)/gi, "");
  const named = outsideQuotes(local, (text) =>
    text
      .replace(/_xldudf_([\w.]+)(?=\s*\()/gi, (_m, name: string) => pbrName(name, known))
      .replace(/_xll\.([\w.]+)(?=\s*\()/gi, (_m, name: string) => pbrName(name, known))
      .replace(/_xlfn\.(?:_xlws\.)?/gi, "")
      .replace(/_xlpm\./gi, "")
  );
  // The engine knows TRUE and FALSE only as functions; Excel reads TRUE() and FALSE() the same.
  // It rejects a doubled quote mark inside text, so that text is built with CHAR(34) instead.
  return engineQuotes(booleanLiterals(named));
}

const MAX_COL = 16_384;
const MAX_ROW = EXCEL_MAX_ROWS;

/** 1-based column number ↔ letters (address.ts counts from 0). */
const letters = (col: number) => columnLetters(col - 1);
const colNumber = (text: string) => columnIndex(text) + 1;

/**
 * A reference: cell (A1, $B$2), whole columns (A:C) or whole rows (3:5). Not after a letter,
 * digit, "_", "." or "!"-less name character, and not before "(" (a function such as LOG10).
 */
const REF =
  /(?<![\w.$])(?:(\$?)([A-Za-z]{1,3})(\$?)(\d+)|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})|(\$?)(\d+):(\$?)(\d+))(?![\w(.])/g;

/** A formula filled `rows` down and `cols` across: relative references move, $-fixed ones stay. */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  const col = (fixed: string, text: string) => {
    const n = colNumber(text) + (fixed ? 0 : cols);
    return n >= 1 && n <= MAX_COL ? `${fixed}${letters(n)}` : null;
  };
  const row = (fixed: string, text: string) => {
    const n = Number(text) + (fixed ? 0 : rows);
    return n >= 1 && n <= MAX_ROW ? `${fixed}${n}` : null;
  };
  return outsideQuotes(formula, (text) =>
    text.replace(REF, (m, ...g: string[]) => {
      if (g[1] !== undefined) {
        if (colNumber(g[1]) > MAX_COL) return m; // a name such as ABCD1 is not a cell
        const c = col(g[0], g[1]);
        const r = row(g[2], g[3]);
        return c && r ? c + r : "#REF!";
      }
      if (g[5] !== undefined) {
        if (colNumber(g[5]) > MAX_COL || colNumber(g[7]) > MAX_COL) return m;
        const a = col(g[4], g[5]);
        const b = col(g[6], g[7]);
        return a && b ? `${a}:${b}` : "#REF!";
      }
      const a = row(g[8], g[9]);
      const b = row(g[10], g[11]);
      return a && b ? `${a}:${b}` : "#REF!";
    })
  );
}
