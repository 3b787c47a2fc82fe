/**
 * Finding caseload columns by their header, so the user only corrects what we could not guess.
 * Headers are matched case-insensitively ignoring spaces, underscores and dashes.
 */
import { headerKey } from "../../core/values";
import { fieldByKey } from "../../core/caseload/fields";
import { ITEMS, ITEM_COUNT, itemIndex } from "../../core/clusters/items";

export type Field = "id" | "cluster" | "step" | "team" | "start" | "end" | "admitted";

/** The import's field for each column the journeys look for. */
const IMPORT_FIELD: Record<Field, string> = {
  id: "id",
  cluster: "cluster",
  step: "step",
  team: "team",
  start: "start",
  end: "end",
  admitted: "admittedDays",
};

/**
 * Headers the journeys accept beyond the import's, for tables already in a workbook: a plain
 * "Code" as the cluster, a review date as the period's end, an NHS number or "Person" as the id
 * (the import does not take these from an export: too ambiguous, or identifying).
 */
const JOURNEY_ONLY: Partial<Record<Field, string[]>> = {
  id: ["nhsnumber", "person"],
  cluster: ["code"],
  end: ["reviewdate"],
};

/** One list of header spellings per field: the import's (core/caseload/fields.ts), then the extras. */
const SYNONYMS = Object.fromEntries(
  (Object.keys(IMPORT_FIELD) as Field[]).map((f) => [
    f,
    [...(fieldByKey(IMPORT_FIELD[f])?.synonyms ?? []), ...(JOURNEY_ONLY[f] ?? [])],
  ])
) as unknown as Record<Field, readonly string[]>;

/** Index of the column for a field, or -1 when no header matches. */
export function guessColumn(header: readonly string[], field: Field): number {
  const keys = header.map(headerKey);
  for (const synonym of SYNONYMS[field]) {
    const i = keys.indexOf(synonym);
    if (i >= 0) return i;
  }
  return -1;
}

const RATING_HEADER = /^(?:mhct|item|honos|rating|scale|q)?(\d{1,2}|[a-e])$/;

/** Which MHCT item (0–17) a header names: "1", "Item 13", "MHCT_A", "14" (= A). -1 otherwise. */
export function ratingItem(header: string): number {
  const m = RATING_HEADER.exec(headerKey(header));
  return m ? itemIndex(m[1]) : -1;
}

/** For each of the 18 items in tool order, the column holding it, or -1. */
export function guessRatingColumns(header: readonly string[]): number[] {
  const out = new Array<number>(ITEM_COUNT).fill(-1);
  header.forEach((h, col) => {
    const item = ratingItem(h);
    if (item >= 0 && out[item] < 0) out[item] = col;
  });
  return out;
}

/** "items 4, 9 and C" for the items whose column is missing, or null when all 18 are there. */
export function missingRatings(columns: readonly number[]): string | null {
  const missing = ITEMS.filter((_, i) => columns[i] < 0).map((it) => it.id);
  if (missing.length === 0) return null;
  if (missing.length === 1) return `item ${missing[0]}`;
  return `items ${missing.slice(0, -1).join(", ")} and ${missing[missing.length - 1]}`;
}
