/**
 * The payload model: how many bytes Excel hands a custom function call (its range arguments) and
 * takes back (its spilled result), so every formula a journey writes can be sized to stay small.
 *
 * Why: Microsoft states a 5 MB limit on a custom function's request and response payload
 * (https://github.com/OfficeDev/office-js/issues/4654), and results around 5,000 rows × 20 columns
 * have hung at #BUSY! (office-js issues 2222 and 2786). One RASBUILDUP over 100,000 people returns
 * about 7 MB. We keep each call under CALL_PAYLOAD_BUDGET, a fifth of the stated limit, each way.
 *
 * The wire format is not documented; values are counted as JSON (numbers as their shortest text,
 * text quoted, UTF-8), each argument an array of rows, as the task pane's write chunks are measured
 * (workbook/chunks.ts). Each cell is counted at a bound for what it holds (a code, a date serial,
 * a check's answer), so a block is sized for the worst the user's data can bring.
 */

/** Bytes each way allowed for one custom function call. */
export const CALL_PAYLOAD_BUDGET = 1_000_000;

/** Bounds per cell (with its separating comma), for cells the plan does not hold. */
export const CELL_BYTES = {
  /** Any number: 17 significant digits, sign, point and exponent ("-1.2345678901234567e-300,"). */
  number: 25,
  /** A date serial up to 31/12/9999 ("2958465,"), or a day count. */
  serial: 8,
  /** A code or an ID as text (up to 20 characters, quoted). */
  code: 24,
  /** A PBR.CLUSTERCHECK answer or error message (the longest found is about 115 characters). */
  check: 192,
  /** A small table cell of a user's price, step, band or profile table (a label, a price). */
  table: 32,
} as const;

/** "[" "]" "," around each row. */
export const ROW_BYTES = 3;

/** What one row of a call's arguments or result costs, from the cells' bounds. */
export function boundRowBytes(cells: readonly number[]): number {
  return cells.reduce((sum, c) => sum + c, ROW_BYTES);
}

/**
 * What one row costs across a call's column arguments: each argument is its own array of rows, so
 * each column pays its own row brackets (FYCOST's code, start, end and admitted: four arrays).
 */
export function columnsRowBytes(cells: readonly number[]): number {
  return cells.reduce((sum, c) => sum + c + ROW_BYTES, 0);
}

/** Cells of a reference such as Prices!$A$4:$D$25 (for tables referred to, not held). */
export function referenceCells(reference: string | null | undefined): number {
  if (!reference) return 0;
  const m = /\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(reference.trim());
  if (!m) return 0;
  const col = (s: string) =>
    [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const rows = m[3] ? Math.abs(Number(m[4]) - Number(m[2])) + 1 : 1;
  const cols = m[3] ? Math.abs(col(m[3]) - col(m[1])) + 1 : 1;
  return rows * cols;
}

/** Bytes of the user's tables a call is handed on every call (price, step, profile tables). */
export function tableBytes(...references: (string | null | undefined)[]): number {
  return references.reduce((sum, r) => sum + referenceCells(r) * CELL_BYTES.table, 0);
}

export interface CallShape {
  /** Bytes of one person's row of arguments. */
  inRow: number;
  /** Bytes handed over on every call whatever its rows (tables, single values). */
  inFixed?: number;
  /** Bytes of one row of the result. */
  outRow: number;
  /** Bytes of the result whatever its rows (a summary's All row). */
  outFixed?: number;
}

/**
 * Rows per call so that neither what goes in nor what comes back exceeds the budget, rounded down
 * to a whole 500 above 1,000 rows (so the blocks read as round numbers on the sheet); at least 1.
 */
export function rowsPerCall(shape: CallShape, budget = CALL_PAYLOAD_BUDGET): number {
  const inRows = (budget - (shape.inFixed ?? 0)) / shape.inRow;
  const outRows = (budget - (shape.outFixed ?? 0)) / shape.outRow;
  const rows = Math.floor(Math.min(inRows, outRows));
  if (rows >= 1000) return rows - (rows % 500);
  return Math.max(1, rows);
}

/** [first, rows] of each block of `size` over `n` rows (one empty block for n = 0). */
export function blocks(n: number, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let first = 0; first < Math.max(n, 1); first += size)
    out.push([first, Math.min(size, Math.max(n, 1) - first)]);
  return out;
}
