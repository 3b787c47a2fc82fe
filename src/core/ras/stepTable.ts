/**
 * Step tables for stepped personal budgets: a range with the header Step | Percent, optionally
 * Label. Percent is a fraction of the cluster average (0.5, 0.75, 1, 1.25, 1.5); text such as
 * "75%" is read as 0.75. Steps are any number or text, matched as text (1 and "1" are the same
 * step; text ignores case). A step listed twice is an error whenever that step is used.
 */
import { PbrError, rasErrors, shapeErrors, tariffErrors } from "../errors";
import { builtInOnce } from "../tariff/builtin";
import { codeKey } from "../tariff/priceTable";
import {
  findColumns,
  isBlank,
  isBlankRow,
  toKey,
  toNumber,
  type CellValue,
  type Grid,
} from "../values";
import { ILLUSTRATIVE_STEPS } from "./illustrative";

export interface Step {
  /** Row in the range (the header is row 1). */
  readonly row: number;
  readonly step: CellValue;
  readonly percent: number;
  readonly label: string;
  /** Row of another row with the same step; 0 when none. */
  twin: number;
  readonly problem: PbrError | null;
}

export interface StepTable {
  readonly name: string;
  readonly steps: ReadonlyMap<string, Step>;
  /** Percent of every usable step (no twin, no problem), for the row loops' fast path. */
  readonly percents: ReadonlyMap<string, number>;
  /** Steps as written, in table order, for "steps available" messages. */
  readonly available: readonly string[];
}

const COLUMNS: Record<string, "step" | "percent" | "label"> = {
  step: "step",
  percent: "percent",
  percentage: "percent",
  "%": "percent",
  label: "label",
};

/** A percent cell: a number as a fraction, or text such as "75%" (→ 0.75). NaN when unreadable. */
function readPercent(value: CellValue): number {
  if (typeof value === "string" && value.trim().endsWith("%"))
    return toNumber(value.trim().slice(0, -1)) / 100;
  return toNumber(value);
}

export function parseStepTable(grid: Grid, name = "step table"): StepTable | PbrError {
  if (grid.length === 0) return shapeErrors.tableMissingColumns(name, ["Step", "Percent"]);
  const { at, missing } = findColumns(grid[0], COLUMNS, [
    ["step", "Step"],
    ["percent", "Percent"],
  ]);
  if (missing.length > 0) return shapeErrors.tableMissingColumns(name, missing);

  const steps = new Map<string, Step>();
  const available: string[] = [];
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r];
    const step = cells[at.step!];
    if (isBlank(step) || isBlankRow(cells)) continue;
    const row = r + 1;
    const raw = cells[at.percent!];
    const percent = readPercent(raw);
    let problem: PbrError | null = null;
    if (percent !== percent)
      problem = tariffErrors.tableCell(
        name,
        row,
        "Percent",
        raw,
        "a percentage (e.g. 0.75 or 75%)"
      );
    else if (percent < 0) problem = tariffErrors.tableCellNegative(name, row, "Percent", percent);
    const label = at.label === undefined || isBlank(cells[at.label]) ? "" : toKey(cells[at.label]);
    const key = codeKey(step);
    const first = steps.get(key);
    if (first) {
      if (!first.twin) first.twin = row;
      continue;
    }
    steps.set(key, { row, step, percent, label, twin: 0, problem });
    available.push(toKey(step));
  }
  if (steps.size === 0) return shapeErrors.tableEmpty(name);
  const percents = new Map<string, number>();
  for (const [key, s] of steps) if (!s.twin && !s.problem) percents.set(key, s.percent);
  return { name, steps, percents, available };
}

/** A step's percent for input row `row`, or the error saying why there is none. */
export function stepPercent(table: StepTable, value: CellValue, row: number): number | PbrError {
  const key = typeof value === "number" ? String(value) : codeKey(value);
  const percent = table.percents.get(key);
  if (percent !== undefined) return percent;
  if (isBlank(value)) return rasErrors.stepBlank(row);
  const step = table.steps.get(key);
  if (!step) return rasErrors.stepNotFound(row, value, table.name, table.available);
  if (step.twin) return rasErrors.stepDuplicate(row, value, table.name, step.row, step.twin);
  if (step.problem) return tariffErrors.inTableRow(row, step.problem);
  return step.percent;
}

const steps = builtInOnce(ILLUSTRATIVE_STEPS, "step table", parseStepTable);

/** The built-in ILLUSTRATIVE five-step table (50/75/100/125/150%), parsed once. */
export function illustrativeSteps(): StepTable {
  return steps();
}
