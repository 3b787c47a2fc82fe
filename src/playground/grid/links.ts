/**
 * Links in the grid, as Excel has them: a click on a cell whose formula is a HYPERLINK to a cell of
 * this workbook (=HYPERLINK("#'Caseload'!A32","Caseload row 32"), as the task pane writes) goes to
 * that cell, showing its sheet. Links elsewhere (web addresses, files) are not followed: nothing
 * leaves the page.
 */
import type { EmbeddedWorkbook } from "../../workbook/embeddedPort";

/** The class a cell gets when a click on it follows a link (drawn as a link). */
export function linkClass(
  workbook: EmbeddedWorkbook,
  sheet: string,
  row: number,
  col: number,
  value: unknown
): string {
  return typeof value === "string" && workbook.linkAt(sheet, row, col) ? " pbr-link" : "";
}

/** Follow the cell's link if it has one (select the target cell); whether it did. */
export function followLink(
  workbook: EmbeddedWorkbook,
  sheet: string,
  row: number,
  col: number
): boolean {
  const target = workbook.linkAt(sheet, row, col);
  if (!target) return false;
  void workbook.select(target.sheet, target.address).catch(() => undefined);
  return true;
}
