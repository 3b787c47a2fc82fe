/**
 * Matching a file's header row to the caseload fields, and checking a mapping the user edited.
 * Matching ignores case, spaces and punctuation ("Care Cluster", "care_cluster", "CARE-CLUSTER").
 */
import { PbrError, caseloadErrors } from "../errors";
import { itemIndex } from "../clusters/items";
import { CASELOAD_FIELDS, FIRST_ITEM_FIELD } from "./fields";

/** Field key → column index in the file, or null for "not present in this file". */
export type CaseloadMapping = Record<string, number | null>;

/** Lower case, letters and digits only: the form headers and synonyms are compared in. */
export function matchKey(header: unknown): string {
  return String(header ?? "")
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

const SYNONYMS = new Map<string, string>();
for (const field of CASELOAD_FIELDS) {
  for (const s of field.synonyms) if (!SYNONYMS.has(s)) SYNONYMS.set(s, field.key);
}

/** Words that may come before an item number: "HoNOS 1", "MHCT item 14", "Scale A", "Q6". */
const TOOL_WORDS = new Set(["honos", "mhct", "mhcts", "hcr", "hon"]);
const ITEM_WORDS = new Set(["item", "items", "scale", "rating", "score", "q", "question"]);

/**
 * Index (0–17) of the MHCT item a header names, or -1. Accepts "HoNOS 1", "Item 6", "Scale A",
 * "MHCT_1", "MHCT item 14" (= A), "Q13", "HoNOS 6 hallucinations", or a bare "7" / "B".
 */
export function itemHeaderIndex(header: unknown): number {
  const tokens =
    String(header ?? "")
      .replace(/^\uFEFF/, "")
      .toLowerCase()
      // Runs of letters and runs of digits ("mhct_1" → mhct, 1; "q13" → q, 13); no lookbehind,
      // which Safari before 16.4 (older Macs' webview) cannot parse.
      .match(/[a-z]+|[0-9]+/g) ?? [];
  let i = 0;
  if (TOOL_WORDS.has(tokens[i])) i++;
  if (ITEM_WORDS.has(tokens[i])) i++;
  if (i === 0 && tokens.length !== 1) return -1; // a bare label must be the whole header
  if (i >= tokens.length) return -1;
  return itemIndex(tokens[i]);
}

/** The field key a header matches, or null. */
export function fieldForHeader(header: unknown): string | null {
  const key = matchKey(header);
  if (key === "") return null;
  const bySynonym = SYNONYMS.get(key);
  if (bySynonym) return bySynonym;
  const item = itemHeaderIndex(header);
  return item >= 0 ? CASELOAD_FIELDS[FIRST_ITEM_FIELD + item].key : null;
}

/** A mapping with every field "not present". */
export function emptyMapping(): CaseloadMapping {
  const mapping: CaseloadMapping = {};
  for (const f of CASELOAD_FIELDS) mapping[f.key] = null;
  return mapping;
}

/**
 * Match each header to a field. When two columns match the same field the first (leftmost) wins;
 * the other is left unmapped for the user to see.
 */
export function autoMap(header: readonly unknown[]): CaseloadMapping {
  const mapping = emptyMapping();
  header.forEach((h, column) => {
    const key = fieldForHeader(h);
    if (key !== null && mapping[key] === null) mapping[key] = column;
  });
  return mapping;
}

/** Fields that two or more columns of the header match, with those columns (left to right). */
export function duplicateMatches(
  header: readonly unknown[]
): { key: string; label: string; columns: number[] }[] {
  const byField = new Map<string, number[]>();
  header.forEach((h, column) => {
    const key = fieldForHeader(h);
    if (key !== null) byField.set(key, [...(byField.get(key) ?? []), column]);
  });
  const out: { key: string; label: string; columns: number[] }[] = [];
  for (const field of CASELOAD_FIELDS) {
    const columns = byField.get(field.key);
    if (columns && columns.length > 1) out.push({ key: field.key, label: field.label, columns });
  }
  return out;
}

/** Header text for messages; unnamed columns are called by position ("column 4"). */
export function columnName(header: readonly unknown[], column: number): string {
  const text = String(header[column] ?? "")
    .replace(/^\uFEFF/, "")
    .trim();
  return text === "" ? `column ${column + 1}` : text;
}

/**
 * Problems with a mapping, by field key: a required field without a column, or a column already
 * feeding an earlier field. An empty object means the import can run.
 */
export function checkMapping(
  mapping: CaseloadMapping,
  header: readonly unknown[]
): Record<string, PbrError> {
  const problems: Record<string, PbrError> = {};
  const usedBy = new Map<number, string>();
  for (const field of CASELOAD_FIELDS) {
    const column = mapping[field.key];
    const present =
      column !== null && column !== undefined && column >= 0 && column < header.length;
    if (!present) {
      if (field.required) problems[field.key] = caseloadErrors.requiredUnmapped(field.label);
      continue;
    }
    const other = usedBy.get(column);
    if (other !== undefined)
      problems[field.key] = caseloadErrors.columnTwice(columnName(header, column), other);
    else usedBy.set(column, field.label);
  }
  return problems;
}
