/** Budget planner: people from a caseload table, then the plan through a WorkbookPort. */
import { isBlank } from "../../core/values";
import type { TableData } from "../../workbook/port";
import { planRunner } from "../plan/run";
import { budgetPlan, type Person } from "./plan";

export interface BudgetColumns {
  id: number; // -1 when there is no id column
  code: number;
  step: number;
}

/**
 * One person per caseload row that has a code or a step (fully blank rows are left out, and so are
 * the rows in `leave`, by body-row index). Without an id column, people are numbered by sheet order.
 */
export function peopleFrom(
  table: TableData,
  columns: BudgetColumns,
  leave: ReadonlySet<number> = new Set()
): Person[] {
  const people: Person[] = [];
  let n = 0;
  table.rows.forEach((row, i) => {
    if (isBlank(row[columns.code]) && isBlank(row[columns.step])) return;
    n++;
    if (leave.has(i)) return;
    people.push({
      id: columns.id >= 0 ? (row[columns.id] ?? null) : n,
      code: row[columns.code] ?? null,
      step: row[columns.step] ?? null,
    });
  });
  return people;
}

/** Each body row's code and step, blank rows included (for the pre-flight). */
export function cohortRows(table: TableData, columns: BudgetColumns) {
  return table.rows.map((row) => ({
    code: row[columns.code] ?? null,
    step: row[columns.step] ?? null,
  }));
}

export const runBudget = planRunner(budgetPlan);
