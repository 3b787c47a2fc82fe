/**
 * The one chunking policy for writes of many rows, in Excel and in the playground: how many rows go
 * in one request. Excel on the web refuses a request over 5 MB; values go over the wire as JSON, so
 * a row costs about the UTF-8 length of its JSON array. Every row is measured (not sampled), and
 * chunks are sized for the largest row in the data, not the average, so no chunk can exceed the
 * budget. A request Excel still refuses for its size is sent again in halves (`isPayloadTooLarge`).
 */

/** Excel on the web's request limit. */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/**
 * What we allow one chunk of values. Text Excel would parse goes with a one-character text prefix
 * (workbook/cellText.ts), at most one byte per cell, and every cell takes at least 3 bytes (`"",`),
 * so a chunk measured at 3 MB is at most 4 MB when sent: under the limit with room for the
 * request's own wrapping.
 */
export const CHUNK_BUDGET_BYTES = 3_000_000;
/** Upper bound on rows per chunk, so progress moves and no single request runs long. */
export const MAX_CHUNK_ROWS = 5_000;

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

const TOO_LARGE = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "PayloadTooLarge",
  "RangeExceedsLimit",
]);

/**
 * Whether Excel refused a request or response for its size (Excel on the web: 5 MB; any
 * platform: too many cells in one range). The caller sends the same rows again in halves.
 */
export function isPayloadTooLarge(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof e.code === "string" && TOO_LARGE.has(e.code)) return true;
  return typeof e.message === "string" && /payload.*(size|large)|too large/i.test(e.message);
}
