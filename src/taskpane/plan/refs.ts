/** References to tables the user picked, for formulas: whole table (with header) or one body column. */
import { parseRange, qualified, rangeAddress } from "../../workbook/address";
import type { TableData } from "../../workbook/port";
import { absolute } from "./formula";

/** The whole table including its header row, e.g. Prices!$A$4:$D$25 (PBR functions read the header). */
export function tableRef(table: Pick<TableData, "sheet" | "address">): string {
  return qualified(table.sheet, absolute(table.address));
}

/** One column of the table's body (below the header), e.g. Caseload!$B$5:$B$8404. */
export function columnRef(table: Pick<TableData, "sheet" | "address">, column: number): string {
  const r = parseRange(table.address);
  const rows = Math.max(1, r.bottom - r.top);
  return qualified(table.sheet, absolute(rangeAddress(r.top + 1, r.left + column, rows, 1)));
}
