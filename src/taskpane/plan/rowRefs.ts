/**
 * Row references a user can follow: every row the pane or a written sheet mentions names its sheet
 * ("Caseload row 32", not "sheet row 32") and links to the cell. In the pane a link is a button that
 * selects the cell (WorkbookPort.select); on a sheet it is a HYPERLINK formula to "#'Sheet'!A32",
 * which Excel follows on a click, as the playground's grid does.
 */
import { cellAddress, parseRange } from "../../workbook/address";
import { linkTarget } from "../../workbook/links";

export { linkTarget, parseLinkTarget } from "../../workbook/links";

/** A piece of a message that leads to a cell: its words, and the sheet and address it selects. */
export interface CellLink {
  text: string;
  sheet: string;
  address: string;
}

/** "Caseload row 32": a sheet row as the user sees it, with its sheet. */
export function rowRef(sheet: string, row: number): string {
  return `${sheet} row ${row}`;
}

/** A link to the first cell of sheet row `row` (1-based), worded "Caseload row 32". */
export function rowLink(sheet: string, row: number, column = 0): CellLink {
  return { text: rowRef(sheet, row), sheet, address: cellAddress(row - 1, column) };
}

/** Excel's limit on a text constant in a formula (and on HYPERLINK's link_location). */
const FORMULA_TEXT_MAX = 255;

/**
 * A text for a formula, with each double quote as CHAR(34) ("rating "&CHAR(34)&"x"&CHAR(34)):
 * Excel reads that as it reads a doubled quote, and the playground's engine (HyperFormula), which
 * does not read a doubled quote inside a text, reads it too. A reason naming a value ('team type
 * "X99" …') is common in a link's words.
 */
function formulaText(s: string): string {
  const pieces = s.split('"');
  const out: string[] = [];
  pieces.forEach((p, i) => {
    if (i > 0) out.push("CHAR(34)");
    if (p || pieces.length === 1) out.push(`"${p}"`);
  });
  return out.join("&");
}

/**
 * =HYPERLINK("#'Caseload'!A32","…text…"): a cell showing `text` that goes to the cell on a click,
 * or the plain text when either part is past Excel's 255-character limit on a formula's text.
 */
export function hyperlinkCell(sheet: string, address: string, text: string): string {
  const target = linkTarget(sheet, address);
  if (text.length > FORMULA_TEXT_MAX || target.length > FORMULA_TEXT_MAX) return text;
  return `=HYPERLINK(${formulaText(target)},${formulaText(text)})`;
}

/** A message cut into plain text and links, in order. */
export type LinkedPart = string | CellLink;

/**
 * Split `text` where a link's words occur (every occurrence, the longest first where two start at
 * the same place; "Caseload row 2" is not found inside "Caseload row 25"), for the pane to show
 * the links as buttons.
 */
export function splitLinks(text: string, links: readonly CellLink[]): LinkedPart[] {
  const usable = links.filter((l) => l.text.length > 0);
  if (usable.length === 0) return [text];
  const out: LinkedPart[] = [];
  let plain = "";
  let i = 0;
  while (i < text.length) {
    let found: CellLink | null = null;
    for (const l of usable) {
      if (!text.startsWith(l.text, i)) continue;
      const next = text.charAt(i + l.text.length);
      if (/[0-9A-Za-z]/.test(next) && /[0-9A-Za-z]$/.test(l.text)) continue;
      if (!found || l.text.length > found.text.length) found = l;
    }
    if (found) {
      if (plain) out.push(plain);
      plain = "";
      out.push(found);
      i += found.text.length;
    } else {
      plain += text[i];
      i++;
    }
  }
  if (plain) out.push(plain);
  return out;
}

/** A table the pane read, as a message names it ("price table Prices") and where it stands. */
export interface NamedTable {
  /** The words the message uses for it, exactly. */
  label: string;
  sheet: string;
  /** Its address with the header row ("A4:D25"). */
  address: string;
}

/**
 * A function's message counts a lookup table's rows from its header (row 1), as the function only
 * sees the range. Where the pane knows the table's address, say the sheet's rows instead: "the
 * price table Prices (rows 2–22)" on a table at A4:D25 becomes "the price table Prices (Prices rows
 * 5–25)", and "price table Prices row 3, …" becomes "price table Prices (Prices row 6), …". The
 * built-in illustrative tables are in no sheet: their row spans are dropped.
 */
export function sheetRowsIn(message: string, tables: readonly NamedTable[]): string {
  let out = message.replace(/(illustrative [a-z ]*table) \(rows? \d+(?:–\d+)?\)/g, "built-in $1");
  for (const t of tables) {
    if (!t.label) continue;
    const offset = parseRange(t.address).top; // table row 1 (the header) is sheet row top + 1
    const at = (n: string) => String(Number(n) + offset);
    const label = t.label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const span = new RegExp(
      `(${label}(?: for overlapping dates)?,? \\()rows? (\\d+)(?:(–| and )(\\d+))?`,
      "g"
    );
    out = out.replace(span, (_m, head: string, a: string, sep?: string, b?: string) =>
      b !== undefined
        ? `${head}${t.sheet} rows ${at(a)}${sep}${at(b)}`
        : `${head}${t.sheet} row ${at(a)}`
    );
    out = out.replace(
      new RegExp(`(${label}),? row (\\d+)`, "g"),
      (_m, head: string, n: string) => `${head} (${t.sheet} row ${at(n)})`
    );
  }
  return out;
}
