/** The list of rows a journey left out after its pre-flight, written on the result sheet. */
import { cellAddress } from "../../workbook/address";
import { dataCell } from "../../workbook/cellText";
import type { Block } from "./types";
import type { LeftOutRow } from "./preflight";
import { linkTarget } from "../../workbook/links";

export const LEFT_OUT_HEADER = ["Sheet row", "ID", "Why it was left out"];

/**
 * A title at (row, col) (0-based) and, below it, a table of the left-out rows: the caseload's
 * sheet row, the ID and the reason, so each can be found and fixed.
 */
export function leftOutBlocks(
  row: number,
  col: number,
  title: string,
  leftOut: readonly LeftOutRow[],
  table: string
): Block[] {
  return [
    { kind: "cells", topLeft: cellAddress(row, col), values: [[title]] },
    {
      kind: "table",
      topLeft: cellAddress(row + 1, col),
      table,
      header: LEFT_OUT_HEADER,
      // IDs and reasons are data read from the sheet: text such as "=…" or "00123" must stay text.
      // The sheet row links to the row (=HYPERLINK("#'Caseload'!A5",5)) where its sheet is known.
      rows: leftOut.map((r) => [
        r.sheet
          ? `=HYPERLINK("${linkTarget(r.sheet, `A${r.sheetRow}`).replace(/"/g, '""')}",${r.sheetRow})`
          : r.sheetRow,
        r.id === "" ? null : dataCell(r.id),
        dataCell(r.reason),
      ]),
    },
  ];
}
