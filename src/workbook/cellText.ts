/**
 * Text stays text. Excel reads a value written to a cell the way it reads what a user types: a
 * leading = + - or @ starts a formula, "00123" and "1,000" become numbers, "Mar-24" and "1/2"
 * become dates, "TRUE" a boolean, "#N/A" an error. Excel's text prefix, a leading apostrophe, stops
 * all of that and is not part of the value: `'00123` is stored and read back as the text "00123".
 *
 * The WorkbookPort contract built on this:
 * - a string starting "=" is a formula (the only way to write one);
 * - a string starting "'" is text carrying Excel's prefix (the apostrophe is dropped);
 * - any other string is text and stays exactly that text: the adapters add the prefix when Excel
 *   (or the embedded engine) would otherwise read it as something else (`excelCell`).
 * Text that came from a file or was read back from a sheet goes through `dataCell` before it is put
 * in a write, so a team called "=HYPERLINK(…)" or "'quoted" is never taken for a formula or a prefix.
 */
import type { CellInput } from "./port";

const FORMULA_START = /^[=+\-@]/;
const BOOLEAN = /^\s*(?:true|false)\s*$/i;
const ERROR_LITERAL =
  /^\s*#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)\s*$/i;
/** A number once currency signs, brackets (accounting negatives), %, thousands commas and spaces go. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
// Month and day names and am/pm as words: not preceded by a letter and not followed by one. The
// "not preceded" is a captured non-letter (or the start) put back by the replacement, not a
// lookbehind: a regular-expression lookbehind is a syntax error for the whole script in Safari
// before 16.4, the webview of older Macs (scripts/webview-syntax.cjs).
const MONTH =
  /(^|[^a-z])(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])/gi;
const WEEKDAY = /(^|[^a-z])(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*(?![a-z])/gi;
const MERIDIEM = /(^|[^a-z])[ap]\.?m\.?(?![a-z])/gi;
/** Any of those words' beginnings: most text has none, and then nothing need be taken out. */
const MAYBE_WORD =
  /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|[ap]\.?m/i;

/**
 * `text` without am/pm words. A match's preceding character is consumed, so a word straight after
 * one that ended in "." ("a.m.p.m.") is found on another pass; month and day names end in a letter,
 * so one pass of those finds every one.
 */
function withoutMeridiem(text: string): string {
  for (let before = "", i = 0; i < 8 && text !== before; i++) {
    before = text;
    text = text.replace(MERIDIEM, "$1");
  }
  return text;
}

/** What is left of a date or time once month and day names and am/pm are taken out. */
const DATE_REST = /^[\d\s/\-.:,]+$/;

/**
 * Whether a spreadsheet opening `text` from a CSV file would take it for a formula (= + - @, and a
 * tab or carriage return before one, which some readers strip): OWASP's "CSV Injection" list, the
 * same starts the adapters guard when writing.
 */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) || /^[\t\r]/.test(text);
}

/** Whether Excel, given `text` as a cell value, would store something other than that text. */
export function excelWouldChange(text: string): boolean {
  if (text === "") return false;
  const first = text.charCodeAt(0);
  if (first === 0x27) return true; // the prefix itself would be swallowed
  if (FORMULA_START.test(text)) return true;
  if (BOOLEAN.test(text) || ERROR_LITERAL.test(text)) return true;
  if (!/\d/.test(text)) return false;
  if (NUMBER.test(text.replace(/[£$€¥()%,\s]/g, ""))) return true;
  const rest = MAYBE_WORD.test(text)
    ? withoutMeridiem(text.replace(MONTH, "$1").replace(WEEKDAY, "$1"))
    : text;
  return DATE_REST.test(rest);
}

/**
 * A port cell as an adapter hands it to Excel or the embedded engine: formulas and prefixed text
 * as written, other text prefixed when it would otherwise change type, empty as "".
 */
export function excelCell(value: CellInput): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return value;
  const first = value.charCodeAt(0);
  if (first === 0x3d && value.length > 1) return value; // a formula
  if (first === 0x27) return value; // already carries the text prefix
  return excelWouldChange(value) ? `'${value}` : value;
}

/** A cell input that is stored as exactly `text`, whatever it looks like (headers, labels). */
export function textCell(text: string): string {
  return excelWouldChange(text) ? `'${text}` : text;
}

/** Whether a port cell is a formula. */
export function isFormula(value: CellInput): boolean {
  return typeof value === "string" && value.length > 1 && value.charCodeAt(0) === 0x3d;
}

/**
 * A value from a file or read back from a sheet, made safe to put in a write: text starting "="
 * or "'" gets the text prefix so it is written as the text it is (not a formula, the apostrophe
 * kept). Numbers, booleans and blanks pass through.
 */
export function dataCell(value: CellInput): CellInput {
  if (typeof value !== "string") return value;
  const first = value.charCodeAt(0);
  return first === 0x3d || first === 0x27 ? `'${value}` : value;
}

/**
 * A built-in table's cell as a user would type it: whole-number text ("13", a profile item or a
 * rule number) as the number, everything else unchanged. For tables authored as text that are
 * written to a sheet, where text now stays text.
 */
export function typedCell<T extends CellInput>(value: T): T | number {
  return typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : value;
}
