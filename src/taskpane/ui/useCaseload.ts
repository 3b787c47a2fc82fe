/* The caseload a journey works on: which tables qualify, the one chosen, its header, and the
   columns found in it (which the user can change). */
import { useEffect, useMemo, useState } from "react";
import type { WorkbookPort } from "../../workbook/port";
import { guessColumn, type Field as CaseloadField } from "../plan/columns";
import { useTable, useTableChoice, useTableSummaries } from "./tableHooks";
import { tablesWith } from "./tables";

/**
 * The caseload a journey works on: the tables whose header has `fields` (and at least `ratings`
 * rating columns), the user's choice (else the one the journey last ran on, else the largest: call
 * `keep` when the journey runs), its header read, and
 * the columns of `guess` found in it, which the user can change. `enabled` false reads nothing.
 */
export function useCaseload<K extends string>(
  port: WorkbookPort,
  tables: readonly string[],
  headers: ReadonlyMap<string, readonly string[]>,
  fields: readonly CaseloadField[],
  guess: Readonly<Record<K, CaseloadField>>,
  { ratings = 0, enabled = true }: { ratings?: number; enabled?: boolean } = {}
) {
  const key = fields.join();
  // `fields` is compared by its text, so a literal array does not recompute every render.
  const candidates = useMemo(
    () => tablesWith(tables, headers, fields, ratings),
    [tables, headers, key, ratings]
  );

  const summaries = useTableSummaries();
  const [name, setName, keep] = useTableChoice(candidates, summaries);
  const { table, error } = useTable(port, enabled ? name : "");
  const guessed = (header: readonly string[] | null) =>
    Object.fromEntries(
      Object.entries<CaseloadField>(guess).map(([k, f]) => [
        k,
        header ? guessColumn(header, f) : -1,
      ])
    ) as Record<K, number>;
  const [cols, setCols] = useState(() => guessed(null));
  useEffect(() => {
    if (table) setCols(guessed(table.header));
    // Guess again only for a new table.
  }, [table]);
  /** Why the journey cannot start on the caseload yet, in words, or undefined. */
  const problem = (): string | undefined =>
    !name
      ? "Choose the caseload table."
      : !table
        ? (error ?? "The caseload table is still being read; try again in a moment.")
        : undefined;
  /** A ColumnField's header, choice and onChange for the column `k` (spread into the field). */
  const column = (k: K) => ({
    header: table?.header ?? [],
    value: cols[k],
    onChange: (c: number) => setCols({ ...cols, [k]: c }),
  });
  return { candidates, name, setName, keep, table, error, cols, setCols, problem, column };
}
