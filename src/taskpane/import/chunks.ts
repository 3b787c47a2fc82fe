/**
 * How many rows go in one write request. Excel on the web refuses a request over 5 MB; values go
 * over the wire as JSON, so a row costs about the UTF-8 length of its JSON array. Every chunk is
 * kept under the budget by sizing chunks for the largest row in the data, not the average.
 */

/** Excel on the web's request limit. */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/** What we allow one chunk of values: well under the limit, leaving room for the request's own wrapping. */
export const CHUNK_BUDGET_BYTES = 4_000_000;
/** Upper bound on rows per chunk, so progress moves and each request stays quick. */
export const MAX_CHUNK_ROWS = 20_000;

/** UTF-8 bytes of a string once JSON-encoded (quotes and escapes included). */
export function jsonStringBytes(s: string): number {
  let bytes = 2; // the quotes
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c)
      bytes += 2; // \" \\
    else if (c < 0x20)
      bytes += 6; // \u00XX (an upper bound for \n, \t)
    else if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Estimated bytes of one row of values as JSON: `[v1,v2,…]` plus a separating comma. */
export function rowBytes(row: readonly unknown[]): number {
  let bytes = 3; // [ ] ,
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (i > 0) bytes += 1;
    if (v === null || v === undefined)
      bytes += 4; // null
    else if (typeof v === "number") bytes += Number.isFinite(v) ? String(v).length : 4;
    else if (typeof v === "boolean") bytes += v ? 4 : 5;
    else bytes += jsonStringBytes(String(v));
  }
  return bytes;
}

/** The largest row's estimated size (the header counts too). */
export function maxRowBytes(
  rows: readonly (readonly unknown[])[],
  header: readonly string[] = []
): number {
  let max = header.length > 0 ? rowBytes(header) : 0;
  for (let i = 0; i < rows.length; i++) {
    const b = rowBytes(rows[i]);
    if (b > max) max = b;
  }
  return max;
}

/**
 * Rows per write request so that no chunk's values exceed `budget` bytes: ⌊budget ÷ largest
 * row⌋, at least 1 and at most `maxRows`. (A single row over the budget still goes alone: Excel
 * will refuse it, and the import reports the failure and cleans up.)
 */
export function planChunkRows(
  rows: readonly (readonly unknown[])[],
  header: readonly string[] = [],
  budget = CHUNK_BUDGET_BYTES,
  maxRows = MAX_CHUNK_ROWS
): number {
  const largest = Math.max(1, maxRowBytes(rows, header));
  return Math.max(1, Math.min(maxRows, Math.floor(budget / largest)));
}
