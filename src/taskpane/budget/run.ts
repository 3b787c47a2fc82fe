/** Budget planner: people from a caseload table, then the plan through a WorkbookPort. */
import { isBlank } from "../../core/values";
import type { TableData, WorkbookPort } from "../../workbook/port";
import { runPlan, type RunOptions, type RunResult } from "../plan/run";
import { budgetPlan, type BudgetInputs, type Person } from "./plan";

export interface BudgetColumns {
  id: number; // -1 when there is no id column
  code: number;
  step: number;
}

/** One person per caseload row that has a code or a step (fully blank rows are left out). */
export function peopleFrom(table: TableData, columns: BudgetColumns): Person[] {
  return table.rows
    .filter((row) => !isBlank(row[columns.code]) || !isBlank(row[columns.step]))
    .map((row, i) => ({
      id: columns.id >= 0 ? (row[columns.id] ?? null) : i + 1,
      code: row[columns.code] ?? null,
      step: row[columns.step] ?? null,
    }));
}

export async function runBudget(
  port: WorkbookPort,
  inputs: BudgetInputs,
  options: RunOptions = {}
): Promise<RunResult> {
  return runPlan(port, budgetPlan(inputs), options);
}
