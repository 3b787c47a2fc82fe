/** Activity by resource group: activity rows from a table, an extract file into a new sheet, and the plan through a WorkbookPort. */
import { isBlankRow } from "../../core/values";
import { parseRange } from "../../workbook/address";
import type { CellInput, TableData, WorkbookPort } from "../../workbook/port";
import { runPlan, type RunOptions, type RunResult } from "../plan/run";
import type { CaseloadSource } from "../import/source";
import { activityPlan, type ActivityRow, type Preflight } from "./plan";
import { activityRowOf, type ActivityColumns } from "./preflight";

export type { ActivityColumns } from "./preflight";
// The header table lives in core, shared with the pbr-toolkit command.
export { guessActivityColumn, type ActivityField } from "../../core/mhnrg/activityColumns";

/**
 * Activity rows from a table: `kind` is a column, or a fixed "contact"/"spell" for every row.
 * Fully blank rows are skipped; each row keeps its sheet row number for messages.
 */
export function activityRowsFrom(
  table: TableData,
  cols: ActivityColumns,
  fixedKind: "contact" | "spell" | null
): ActivityRow[] {
  const top = parseRange(table.address).top; // 0-based header row
  const out: ActivityRow[] = [];
  table.rows.forEach((row, i) => {
    if (!isBlankRow(row)) out.push(activityRowOf(row, top + 2 + i, cols, fixedKind));
  });
  return out;
}

/** Read an activity extract (CSV or XLSX) into a new "Activity" sheet as a table; returns the table name and rows read. */
export async function importActivity(
  port: WorkbookPort,
  source: CaseloadSource,
  options: RunOptions = {}
): Promise<{ table: string; rows: number; skipped: number[] }> {
  const rows: CellInput[][] = [];
  const skipped: number[] = [];
  const width = source.header.length;
  await source.readRows(
    (row, rowNo, problem) => {
      if (problem || row.length > width) {
        skipped.push(rowNo);
        return;
      }
      if (isBlankRow(row)) return;
      rows.push(Array.from({ length: width }, (_, c) => (row[c] ?? null) as CellInput));
    },
    { signal: options.signal }
  );
  const header = source.header.map((h, i) => h || `Column ${i + 1}`);
  const result = await runPlan(
    port,
    {
      sheets: [
        {
          key: "activity",
          name: "Activity",
          blocks: [{ kind: "table", topLeft: "A1", table: "Activity", header, rows }],
        },
      ],
    },
    options
  );
  return { table: result.tables.Activity, rows: rows.length, skipped };
}

export async function runActivity(
  port: WorkbookPort,
  checked: Preflight,
  sourceName: string,
  options: RunOptions = {}
): Promise<RunResult> {
  return runPlan(port, activityPlan(checked, sourceName), options);
}
