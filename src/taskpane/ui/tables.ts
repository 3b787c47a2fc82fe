/** Choosing tables the user already has: sensible defaults by name, and only tables with the columns needed. */
import type { TableSummary } from "../../workbook/port";
import { guessColumn, guessRatingColumns, type Field } from "../plan/columns";

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/**
 * A table as a picker shows it, so two imports can be told apart:
 * "Caseload_3 — Caseload (2) · 5,343 rows × 24 cols". Just the name when its size is not known.
 */
export function tableLabel(name: string, summary?: TableSummary): string {
  if (!summary) return name;
  return `${name} — ${summary.sheet} · ${count(summary.rows, "row", "rows")} × ${count(summary.header.length, "col", "cols")}`;
}

/**
 * The table a picker starts at when the user has not chosen one (nor run the journey on one): the
 * candidate with the most rows, the first (newest) of equals. Never simply the newest: a small test
 * file imported after the trust's caseload must not take its place.
 */
export function largestTable(
  candidates: readonly string[],
  summaries: ReadonlyMap<string, TableSummary>
): string {
  let best = "";
  let most = -1;
  for (const name of candidates) {
    const rows = summaries.get(name)?.rows ?? 0;
    if (rows > most) {
      best = name;
      most = rows;
    }
  }
  return best;
}

/** The first table whose name starts with `prefix` (case-insensitive), or "" when none does. */
export function preferTable(tables: readonly string[], ...prefixes: string[]): string {
  for (const prefix of prefixes) {
    const found = tables.find((t) => t.toLowerCase().startsWith(prefix.toLowerCase()));
    if (found) return found;
  }
  return "";
}

/**
 * The tables (in the order given: newest first) whose header has a column for every field, and at
 * least `ratings` of the 18 MHCT rating columns. Price tables, reject lists and the like drop out of
 * a caseload picker this way, and so does any lookup table (a profile has a Cluster column and
 * rating-like columns 0–4, but is never a caseload).
 */
export function tablesWith(
  tables: readonly string[],
  headers: ReadonlyMap<string, readonly string[]>,
  fields: readonly Field[],
  ratings = 0
): string[] {
  return tables.filter((t) => {
    const header = headers.get(t);
    if (!header || isLookupTable(header)) return false;
    if (!fields.every((f) => guessColumn(header, f) >= 0)) return false;
    return ratings === 0 || guessRatingColumns(header).filter((c) => c >= 0).length >= ratings;
  });
}

const key = (h: string) => h.toLowerCase().replace(/[^a-z0-9]+/g, "");

/** The header columns each kind of lookup table needs (each entry: any one of these spellings). */
export const TABLE_COLUMNS = {
  prices: [["code"], ["dayprice", "unitprice", "periodprice", "price"]],
  bands: [["from"], ["to"], ["rate"]],
  steps: [["step"], ["percent", "steppercent"]],
  profile: [["cluster"], ["item"]],
  rules: [["rule"], ["superclass"], ["when"]],
} as const;

/**
 * The table names a lookup picker starts at, by kind, best first: the name Set up model gives the
 * table, then its sheet's name (a table called "Prices_2" is still found).
 */
export const PREFERRED_NAMES: Readonly<Record<keyof typeof TABLE_COLUMNS, readonly string[]>> = {
  prices: ["PricesTable", "Prices"],
  bands: ["RiskBandsTable", "RiskBands", "Bands"],
  steps: ["StepsTable", "Steps"],
  profile: ["ProfileTable", "Profile"],
  rules: ["SuperclassRulesTable", "SuperclassRules"],
};

function hasColumnsOf(header: readonly string[], kind: keyof typeof TABLE_COLUMNS): boolean {
  const keys = new Set(header.map(key));
  return TABLE_COLUMNS[kind].every((any) => any.some((k) => keys.has(k)));
}

/** Whether a header is that of a lookup table of any kind (prices, bands, steps, profile, rules). */
function isLookupTable(header: readonly string[]): boolean {
  return (Object.keys(TABLE_COLUMNS) as (keyof typeof TABLE_COLUMNS)[]).some((kind) =>
    hasColumnsOf(header, kind)
  );
}

/** The tables (in the order given) whose header has the columns a lookup table of `kind` needs. */
export function tablesOfKind(
  tables: readonly string[],
  headers: ReadonlyMap<string, readonly string[]>,
  kind: keyof typeof TABLE_COLUMNS
): string[] {
  return tables.filter((t) => {
    const header = headers.get(t);
    return header !== undefined && hasColumnsOf(header, kind);
  });
}
