/** A1-style addresses: 0-based row/column indexes to and from "B3", "A1:G361". */

export interface CellRef {
  row: number; // 0-based
  col: number; // 0-based
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number; // inclusive
  right: number; // inclusive
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function parseCell(address: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not a cell address: ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** Parse "B3" or "B3:D10" (an optional "Sheet!" prefix is ignored). */
export function parseRange(address: string): RangeRef {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = bare.split(":");
  const start = parseCell(a);
  const end = b ? parseCell(b) : start;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

export function rangeAddress(top: number, left: number, rows: number, cols: number): string {
  const a = cellAddress(top, left);
  return rows === 1 && cols === 1 ? a : `${a}:${cellAddress(top + rows - 1, left + cols - 1)}`;
}

/**
 * A sheet name as it must appear in a reference: bare only when it is a plain identifier that
 * cannot be read as anything else, otherwise in single quotes with any ' doubled. Excel reads
 * `FY2024!A1`, `Q1!A1`, `TAB1!A1` as references to cells FY2024, Q1, TAB1 (columns go up to XFD)
 * and `R1C1!A1`, `R!A1`, `C3!A1` as R1C1 references, so those are quoted like any name with a
 * space, a quote, a bracket or a character outside ASCII letters, digits and "_".
 * Quoting a name that did not need it is always valid, so the rule leans towards quoting.
 */
export function quoteSheet(sheet: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) &&
    !/^[A-Za-z]{1,3}\d/.test(sheet) && // A1, FY2024, TAB1, Q1x: starts like a cell reference
    !/^[RrCc]\d*$/.test(sheet) && // R, C, R1, C12: a row or column in R1C1 style
    !/^[Rr]\d*[Cc]\d*$/.test(sheet) && // RC, R1C1, R2C
    !/^(?:true|false)$/i.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** A sheet name as written in a reference ("'Q1'" or "'O''Brien'") back to the name itself. */
export function unquoteSheet(text: string): string {
  const t = text.trim();
  return t.length >= 2 && t.startsWith("'") && t.endsWith("'")
    ? t.slice(1, -1).replace(/''/g, "'")
    : t;
}

/** "'My sheet'!A1:B2", "Prices!A1": every sheet-qualified reference is built here. */
export function qualified(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}

/** "'Q1 (2)'!B3" → { sheet: "Q1 (2)", address: "B3" }; no "!" → sheet null. */
export function splitQualified(text: string): { sheet: string | null; address: string } {
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { sheet: null, address: text.trim() };
  return { sheet: unquoteSheet(text.slice(0, bang)), address: text.slice(bang + 1).trim() };
}
