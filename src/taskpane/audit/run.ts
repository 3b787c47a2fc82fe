/** Cluster audit: rows from a caseload table, then the plan through a WorkbookPort. */
import { isBlankRow } from "../../core/values";
import { parseRange } from "../../workbook/address";
import type { TableData, WorkbookPort } from "../../workbook/port";
import { runPlan, type RunOptions, type RunResult } from "../plan/run";
import { auditPlan, type AuditInputs, type AuditRow } from "./plan";

export interface AuditColumns {
  id: number; // -1 when none
  team: number; // -1 when none
  recorded: number;
  /** Column of each of the 18 items, in tool order. */
  ratings: number[];
}

/** One audit row per caseload row that is not entirely blank. */
export function auditRowsFrom(table: TableData, columns: AuditColumns): AuditRow[] {
  const top = parseRange(table.address).top; // 0-based header row
  return table.rows
    .map((row, i) => ({ row, sheetRow: top + 2 + i }))
    .filter(({ row }) => !isBlankRow(row))
    .map(({ row, sheetRow }, i) => ({
      sheetRow,
      sheet: table.sheet,
      id: columns.id >= 0 ? (row[columns.id] ?? null) : i + 1,
      team: columns.team >= 0 ? (row[columns.team] ?? null) : null,
      recorded: row[columns.recorded] ?? null,
      ratings: columns.ratings.map((c) => (c >= 0 ? (row[c] ?? null) : null)),
    }));
}

export async function runAudit(
  port: WorkbookPort,
  inputs: AuditInputs,
  options: RunOptions = {}
): Promise<RunResult> {
  return runPlan(port, auditPlan(inputs), options);
}
