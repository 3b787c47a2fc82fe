/**
 * Frozen panes in the playground's grid, as Excel shows them: the sheet's top `rows` rows and left
 * `columns` columns (WorkbookPort.freezePanes; the Cluster audit freezes its header rows and Id
 * column) stay on show as the grid scrolls, drawn over the scrolled cells. A click on a frozen cell
 * selects it. Only drawn when the grid has scrolled past them; aria-hidden, as the cells underneath
 * are the grid's own.
 */
import type { ReactElement } from "react";
import type { RowMap } from "./filterIndex";
import { DetailedCellError } from "hyperformula";
import { cellAddress } from "../../workbook/address";
import type { EmbeddedWorkbook } from "../../workbook/embeddedPort";
import { alignOf, formatValue } from "../format";

export interface FrozenProps {
  workbook: EmbeddedWorkbook;
  sheet: string;
  view: { top: number; left: number };
  rowHeight: number;
  /** Left edge of each column in the grid (lefts[0] is the first column's, after the row heads). */
  lefts: readonly number[];
  widths: readonly number[];
  /** The rows and columns in view (as the grid renders them). */
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
  onSelect: (row: number, col: number) => void;
  /** View rows to sheet rows when a table filter hides rows (firstRow and lastRow are view rows). */
  rows?: RowMap;
  /** A table header cell's filter button (filterUi.tsx), drawn in the frozen copy too. */
  button?: (row: number, col: number, held: boolean) => ReactElement | null;
}

export function FrozenPanes(props: FrozenProps): ReactElement | null {
  const { workbook, sheet, view, rowHeight, lefts, widths, onSelect } = props;
  const { rows, columns } = workbook.frozenPanes(sheet);
  // Shown only once the grid has scrolled under them.
  const pinRows = rows > 0 && view.top > 0;
  const pinCols = columns > 0 && view.left > 0;
  if (!pinRows && !pinCols) return null;
  const out: ReactElement[] = [];
  const cell = (r: number, c: number, top: number, left: number) => {
    const v = workbook.getValue(sheet, r, c);
    const isError = v instanceof DetailedCellError;
    const text = isError ? v.value : formatValue(v, workbook.formatAt(sheet, r, c));
    out.push(
      <div
        key={`${r}:${c}`}
        className={`pbr-cell pbr-frozen-cell${isError ? " pbr-error" : ""}`}
        data-frozen={cellAddress(r, c)}
        style={{ top, left, width: widths[c], height: rowHeight, textAlign: isError ? "center" : alignOf(v) }}
        onMouseDown={(e) => {
          e.preventDefault();
          onSelect(r, c);
        }}
      >
        {text}
        {props.button?.(r, c, true)}
      </div>
    );
  };
  const rowTop = (r: number) => (pinRows ? view.top : 0) + rowHeight * (r + 1);
  const colLeft = (c: number) => (pinCols ? view.left + lefts[c] : lefts[c]);
  // Frozen rows across the columns in view (frozen columns stay at their pinned place).
  if (pinRows)
    for (let r = 0; r < rows; r++)
      for (let c = props.firstCol; c <= props.lastCol; c++)
        if (c >= columns) cell(r, c, rowTop(r), lefts[c]);
  // Frozen columns down the rows in view, then the corner both share.
  if (pinCols)
    for (let c = 0; c < columns && c < lefts.length; c++) {
      for (let v = props.firstRow; v <= props.lastRow; v++) {
        const r = props.rows ? props.rows.toSheet(v) : v;
        if (r >= rows) cell(r, c, rowHeight * (v + 1), colLeft(c));
      }
    }
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns && c < lefts.length; c++) cell(r, c, rowTop(r), colLeft(c));
  return (
    <div className="pbr-frozen-panes" aria-hidden="true" data-testid="frozen-panes">
      {out}
    </div>
  );
}
