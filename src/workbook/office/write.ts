/** Sending cells to Excel: the one write path (values and formulas). */
import { excelCell, isFormula } from "../cellText";
import type { CellInput } from "../port";

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

/*
 * No calculation control on purpose. Application.suspendApiCalculationUntilNextSync (ExcelApi 1.6)
 * lasts only until the next context.sync(), and a chunked write syncs once per chunk, so suspending
 * per chunk saved nothing; and Application.calculate recalculates every open workbook, even when the
 * user has chosen Manual calculation. Excel recalculates what a write makes dirty by itself; the
 * plans write formulas over many rows after those rows (budget k and totals last), so a formula is
 * not recalculated once per chunk.
 * https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-suspendapicalculationuntilnextsync-member(1)
 * https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-calculate-member(1)
 */
