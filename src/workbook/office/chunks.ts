/**
 * How many rows to send per Excel request. Excel on the web rejects a request (or response) over
 * 5 MB; we aim for about a fifth of that so formulas, JSON overhead and Excel's own framing fit
 * comfortably, and cap the rows so a single request never takes long enough to freeze the pane.
 */
import type { CellInput } from "../port";

/** Target payload per request, in bytes (Excel on the web's limit is 5 MB). */
export const TARGET_REQUEST_BYTES = 1_000_000;
/** Never more rows than this in one request, however small the rows. */
export const MAX_CHUNK_ROWS = 5_000;
/** Rows sampled to estimate the size of a row. */
const SAMPLE_ROWS = 200;

const encoder = new TextEncoder();

/** Bytes a row takes in a request: its JSON text in UTF-8, plus a little framing. */
export function rowBytes(row: readonly CellInput[]): number {
  return encoder.encode(JSON.stringify(row)).length + 8;
}

/**
 * Rows per request for `rows`: the largest sampled row (from the start, middle and end of the
 * data) sets the size, so a few long rows cannot push a request over the limit.
 */
export function estimateChunkRows(
  rows: readonly (readonly CellInput[])[],
  targetBytes = TARGET_REQUEST_BYTES
): number {
  if (rows.length === 0) return 1;
  const picks = new Set<number>();
  const step = Math.max(1, Math.floor(rows.length / SAMPLE_ROWS));
  for (let i = 0; i < rows.length && picks.size < SAMPLE_ROWS; i += step) picks.add(i);
  picks.add(rows.length - 1);
  let widest = 1;
  for (const i of picks) widest = Math.max(widest, rowBytes(rows[i]));
  // Unsampled rows may be longer than any sampled one: allow half as much again.
  const perRow = Math.ceil(widest * 1.5);
  return Math.max(1, Math.min(MAX_CHUNK_ROWS, Math.floor(targetBytes / perRow)));
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
