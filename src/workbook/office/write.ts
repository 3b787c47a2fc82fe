/** Sending cells to Excel: the one write path (values and formulas) and calculation control. */
import { excelCell, isFormula } from "../cellText";
import type { CellInput } from "../port";

type Ctx = Excel.RequestContext;

/**
 * The one way cells reach Excel: each cell is either a formula (a string starting "=") or data,
 * and data text Excel would read as a formula, number, date, boolean or error is sent with the
 * text prefix, so it stays the text it is (workbook/cellText.ts). A chunk with no formula goes
 * through `values`; one holding formulas goes through `formulas`, where the escaped data cells are
 * constants just the same.
 */
function toExcel(rows: readonly (readonly CellInput[])[]): {
  cells: (string | number | boolean)[][];
  formulas: boolean;
} {
  let formulas = false;
  const cells = rows.map((row) =>
    row.map((v) => {
      if (!formulas && isFormula(v)) formulas = true;
      return excelCell(v);
    })
  );
  return { cells, formulas };
}

export function writeCells(range: Excel.Range, rows: readonly (readonly CellInput[])[]): void {
  const { cells, formulas } = toExcel(rows);
  if (formulas) range.formulas = cells;
  else range.values = cells;
}

/**
 * Ask Excel not to recalculate until the next sync (ExcelApi 1.6), so a chunked write does not
 * recalculate every dependent PBR.* formula after each chunk. Returns false where the API is
 * missing (the write goes on without it). After the last chunk call `recalculate`: while
 * suspended, propagating the changes is the add-in's job.
 */
export function suspendCalculation(context: Ctx): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const supported = office?.context?.requirements?.isSetSupported?.("ExcelApi", "1.6") ?? true;
  const app = (context as { application?: Partial<Excel.Application> }).application;
  if (!supported || typeof app?.suspendApiCalculationUntilNextSync !== "function") return false;
  app.suspendApiCalculationUntilNextSync();
  return true;
}

/** Recalculate what the write made dirty (Application.calculate "Recalculate", ExcelApi 1.1). */
export function recalculate(context: Ctx): void {
  const app = (context as { application?: Partial<Excel.Application> }).application;
  if (typeof app?.calculate === "function") app.calculate("Recalculate" as Excel.CalculationType);
}
