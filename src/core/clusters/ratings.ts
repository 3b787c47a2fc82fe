/** Reading one row of 18 MHCT ratings into the engine's compact form. */
import { PbrError, clusterErrors } from "../errors";
import * as items from "./items";
import * as layout from "./profile";

// Module-local copies: cheaper than imported bindings inside the per-cell loop (see engine.ts).
const ITEMS = items.ITEMS;
const ITEM_COUNT = items.ITEM_COUNT;
const UNKNOWN = layout.UNKNOWN;

/** Result of reading a row: the number of known ratings, BLANK_ROW, or an error. */
export const BLANK_ROW = -1;

/**
 * Read `row` (18 cells, MHCT order) into `out[offset…offset+17]` as 0–4, or UNKNOWN (5) for 9 or a
 * blank cell. Numeric text ("3") is accepted. `rowNo` is the 1-based row used in messages.
 */
export function readRatings(
  row: readonly unknown[],
  rowNo: number,
  out: Uint8Array,
  offset: number
): number | PbrError {
  let known = 0;
  let blanks = 0;
  for (let i = 0; i < ITEM_COUNT; i++) {
    const v = row[i];
    let n: number;
    if (typeof v === "number") {
      n = v;
    } else if (v === null || v === undefined || v === "") {
      out[offset + i] = UNKNOWN;
      blanks++;
      continue;
    } else if (typeof v === "string") {
      const t = v.trim();
      if (t === "") {
        out[offset + i] = UNKNOWN;
        blanks++;
        continue;
      }
      n = /^\d$/.test(t) ? t.charCodeAt(0) - 48 : NaN;
    } else {
      return clusterErrors.ratingOutOfRange(rowNo, ITEMS[i].id, v);
    }
    if (n === 9) {
      out[offset + i] = UNKNOWN;
    } else if (n >= 0 && n <= 4 && (n | 0) === n) {
      out[offset + i] = n;
      known++;
    } else {
      return clusterErrors.ratingOutOfRange(rowNo, ITEMS[i].id, v);
    }
  }
  return blanks === ITEM_COUNT ? BLANK_ROW : known;
}

export const MIN_KNOWN = 12;
