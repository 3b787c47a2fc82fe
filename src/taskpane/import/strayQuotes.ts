/**
 * Finding the stray quote CSV allows: `P1,11,"Team A` with no closing quote on its line is legal,
 * and a parser reads the following lines into that one value until a quote closes it. A quoted
 * value is suspect when, after one of its line breaks, there is a line shaped like a record: as
 * many values as the header, and a first value shaped like the row's own first value (an ID).
 */
import Papa from "papaparse";

/** Line breaks in a value: CRLF, LF or CR, each counted once. */
const LINE_BREAK = /\r\n|\n|\r/;

export function countLineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

/** The rows of a parsed chunk (indices into its data) whose quote Papa Parse found never closed. */
export function unclosedQuoteRows(errors: readonly Papa.ParseError[]): Set<number> {
  const rows = new Set<number>();
  for (const e of errors) if (e.type === "Quotes" && typeof e.row === "number") rows.add(e.row);
  return rows;
}

/** Physical lines a parsed row takes: 1 plus the line breaks inside its values. */
export function rowLines(row: readonly string[]): number {
  let lines = 1;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (v.indexOf("\n") >= 0 || v.indexOf("\r") >= 0) lines += countLineBreaks(v);
  }
  return lines;
}

/** "P1" → "A9", "R-0001" → "A-9": the shape of an ID, to compare two IDs. */
export function idShape(value: string): string {
  return value
    .trim()
    .replace(/[0-9]+/g, "9")
    .replace(/[A-Za-z]+/g, "A");
}

/** Short, no spaces, at least one digit: something an export would use as a row's ID. */
export function idLike(value: string): boolean {
  const v = value.trim();
  return /^[A-Za-z0-9][A-Za-z0-9_\-/.]{0,39}$/.test(v) && /[0-9]/.test(v);
}

export interface RecordInValue {
  /** Column holding the value. */
  column: number;
  /** Lines after the row's first line where the record-like text starts (1 = the next line). */
  lineOffset: number;
  /** That line's text (up to 60 characters). */
  preview: string;
}

/**
 * The first line inside one of the row's values that looks like a record of its own, or null.
 * Rows without a line break in any value (nearly all) cost one indexOf per value.
 */
export function findRecordInValue(
  row: readonly string[],
  columns: number,
  delimiter: string
): RecordInValue | null {
  const shape = row.length > 0 ? idShape(row[0]) : "";
  let offset = 0;
  for (let column = 0; column < row.length; column++) {
    const value = row[column];
    if (value.indexOf("\n") < 0 && value.indexOf("\r") < 0) continue;
    const parts = value.split(LINE_BREAK);
    for (let k = 1; k < parts.length; k++) {
      const line = parts[k];
      const cells = Papa.parse<string[]>(line, { delimiter, preview: 1 }).data[0] ?? [];
      if (cells.length === columns && idLike(cells[0] ?? "") && idShape(cells[0]) === shape)
        return {
          column,
          lineOffset: offset + k,
          preview: line.length > 60 ? `${line.slice(0, 59)}…` : line,
        };
    }
    offset += parts.length - 1;
  }
  return null;
}
