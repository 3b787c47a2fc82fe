/**
 * The editable grid of one sheet. Only the rows and columns in view are rendered, so a 2,000-row
 * caseload (or a 100,000-row import) scrolls smoothly. Keyboard: the grid is one Tab stop; arrows
 * move, Shift+arrows (or Shift+click, or a drag) select a range, Ctrl+Home/Ctrl+End go to the first
 * and last used cell, Enter or F2 edits, typing replaces, Delete clears the selection; Ctrl+C copies
 * the selection and Ctrl+V pastes, as tab-separated text to and from Excel or Google Sheets;
 * Ctrl+Z and Ctrl+Y (or Ctrl+Shift+Z) undo and redo typed and pasted edits. While editing, Enter
 * commits and moves down, Tab commits and moves right, Escape cancels; while the formula help lists
 * PBR functions, Tab or Enter inserts the highlighted one instead, and the arrows choose. Charts
 * recorded on the sheet are drawn at their anchor cell. Table filters (filterUi.tsx) hide rows from
 * the view: the grid draws view rows, each mapped to its sheet row; Alt+Down on a header opens one.
 *
 * Past 400 lines, knowingly: one virtualised component whose keyboard, mouse, clipboard and edit
 * handlers all read and set the same selection, editing and scroll state. Its pure parts are
 * already apart (clipboard.ts, ../format.ts, ../charts); the next piece to take out is the keyboard
 * map, as a pure function from a key and the selection to a move or an edit.
 */
import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type ReactElement,
  type KeyboardEvent,
} from "react";
import { DetailedCellError } from "hyperformula";
import { cellAddress, columnLetters, parseCell, parseRange, rangeAddress } from "../../workbook/address";
import { clipboardRows, enteredCell, pastedCells, toTsv } from "./clipboard";
import { followLink, linkClass } from "./links";
import { FrozenPanes } from "./FrozenPanes";
import { useFilterUi } from "./filterUi";
import type { EmbeddedWorkbook } from "../../workbook/embeddedPort";
import { ChartView, chartData } from "../charts/ChartView";
import { alignOf, formatValue } from "../format";

export const ROW_H = 24;
const HEAD_W = 52;
const MIN_COL_W = 56;
const MAX_COL_W = 220;
const OVERSCAN = 6;
const CHART_W = 520;
/** Rows kept free below a chart's anchor: its tallest drawing (a wrapped title, three legend rows). */
const CHART_H = 380;

interface Props {
  workbook: EmbeddedWorkbook;
  sheet: string;
  version: number;
  /** Focus the grid after a sheet switch or a name-box jump. */
  focusToken: number;
  /** Told the text of the cell being edited (null when editing ends) and where its editor is on
   *  screen, for the formula bar and the help beside it. */
  onEditing?: (text: string | null, at?: { left: number; top: number; bottom: number }) => void;
  /** Offered each unmodified key pressed while editing: the editor's new text when the key was for
   *  the formula help (Tab or Enter accepting a suggested function, arrows choosing one), else null. */
  onEditorKey?: (key: string, text: string) => string | null;
  /** Told a sentence for the status line when something the user did could not be done (a paste
   *  with nothing usable), and null when the next thing is done. */
  onNotice?: (text: string | null) => void;
}

/** Cells read to size the columns, at most: a sheet reaching column XFD reads its first 12 rows. */
const WIDTH_SAMPLE_CELLS = 200_000;

/** Column widths from the header-ish rows and a sample of values (long titles overflow instead). */
function columnWidths(workbook: EmbeddedWorkbook, sheet: string, cols: number, rows: number): number[] {
  const widths: number[] = [];
  const sample = Math.min(rows, 100, Math.max(1, Math.floor(WIDTH_SAMPLE_CELLS / Math.max(1, cols))));
  for (let c = 0; c < cols; c++) {
    let chars = 4;
    for (let r = 0; r < sample; r++) {
      const v = workbook.getValue(sheet, r, c);
      const text = v instanceof DetailedCellError ? v.value : formatValue(v, workbook.formatAt(sheet, r, c));
      if (text.length <= 32) chars = Math.max(chars, text.length);
    }
    widths.push(Math.min(MAX_COL_W, Math.max(MIN_COL_W, chars * 7.5 + 14)));
  }
  return widths;
}

export function Grid({ workbook, sheet, version, focusToken, onEditing, onEditorKey, onNotice }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const editor = useRef<HTMLInputElement>(null);
  const [view, setView] = useState({ top: 0, left: 0, height: 600, width: 800 });
  const [editing, setEditing] = useState<{ text: string } | null>(null);
  useEffect(() => onEditing?.(editing ? editing.text : null, editor.current?.getBoundingClientRect()), [editing, onEditing]);

  const dims = workbook.dimensions(sheet);
  const selection = workbook.currentSelection;
  const range = selection.sheet === sheet ? parseRange(selection.address) : { top: 0, left: 0, bottom: 0, right: 0 };
  // The active cell is where a range selection started (it may be any corner); the other corner moves.
  const anchor = useRef<{ sheet: string; address: string; row: number; col: number } | null>(null);
  const anchored = anchor.current !== null && anchor.current.sheet === sheet && anchor.current.address === selection.address;
  const activeRow = anchored ? anchor.current!.row : range.top;
  const activeCol = anchored ? anchor.current!.col : range.left;
  const extentRow = activeRow === range.top ? range.bottom : range.top;
  const extentCol = activeCol === range.left ? range.right : range.left;
  // Room for the data, every chart on the sheet and the selected cell (the name box can go anywhere).
  let chartRows = 0;
  let chartCols = 0;
  for (const c of workbook.charts) {
    if (c.sheet !== sheet) continue;
    const anchor = parseCell(c.spec.anchor);
    chartRows = Math.max(chartRows, anchor.row + Math.ceil(CHART_H / ROW_H) + 2);
    chartCols = Math.max(chartCols, anchor.col + Math.ceil(CHART_W / MIN_COL_W) + 1);
  }
  const rowCount = Math.max(dims.rows + 30, 60, chartRows, activeRow + 30);
  const colCount = Math.max(dims.cols + 4, 14, chartCols, activeCol + 4);
  // Table filters (filterUi.tsx): the grid draws view rows; `shown.rows` maps them to sheet rows.
  const shown = useFilterUi(workbook, sheet, (r, c) => {
    select(r, c);
    gridRef.current?.focus({ preventScroll: true });
  });
  const map = shown.rows;
  const viewRows = rowCount - map.hiddenCount;
  // Widths depend on content near the top; recompute when the sheet or its size changes.
  // Widths the user set by dragging a column head's edge, per sheet.
  const [custom, setCustom] = useState<Record<string, Record<number, number>>>({});
  const measured = useMemo(
    () => columnWidths(workbook, sheet, colCount, dims.rows),
    [workbook, sheet, colCount, dims.rows, Math.floor(version / 50)]
  );
  const widths = useMemo(() => {
    const set = custom[sheet];
    return set ? measured.map((w, c) => set[c] ?? w) : measured;
  }, [measured, custom, sheet]);
  const resize = (col: number, startX: number, startW: number) => {
    const move = (e: MouseEvent) => {
      const w = Math.max(24, Math.min(800, startW + e.clientX - startX));
      setCustom((all) => ({ ...all, [sheet]: { ...all[sheet], [col]: w } }));
    };
    const up = () => {
      window.removeEventListener("mousemove", move);
      window.removeEventListener("mouseup", up);
    };
    window.addEventListener("mousemove", move);
    window.addEventListener("mouseup", up);
  };
  const lefts = useMemo(() => {
    const out = [HEAD_W];
    for (const w of widths) out.push(out[out.length - 1] + w);
    return out;
  }, [widths]);
  const totalW = lefts[lefts.length - 1];
  const totalH = ROW_H * (viewRows + 1);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => setView({ top: el.scrollTop, left: el.scrollLeft, height: el.clientHeight, width: el.clientWidth });
    update();
    const observer = typeof ResizeObserver !== "undefined" ? new ResizeObserver(update) : undefined;
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);

  // Keep the active cell in view when the selection moves (keyboard, name box, task pane). Another
  // sheet starts from its top-left corner, not where the last sheet was scrolled to.
  const shownSheet = useRef(sheet);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (shownSheet.current !== sheet) {
      shownSheet.current = sheet;
      el.scrollTop = 0;
      el.scrollLeft = 0;
    }
    if (selection.sheet !== sheet) return;
    const y = ROW_H * (map.toView(activeRow) + 1);
    const x = lefts[activeCol] ?? HEAD_W;
    const w = widths[activeCol] ?? MIN_COL_W;
    if (y < el.scrollTop + ROW_H) el.scrollTop = y - ROW_H;
    else if (y + ROW_H > el.scrollTop + el.clientHeight) el.scrollTop = y + 2 * ROW_H - el.clientHeight;
    if (x < el.scrollLeft + HEAD_W) el.scrollLeft = x - HEAD_W;
    else if (x + w > el.scrollLeft + el.clientWidth) el.scrollLeft = x + w - el.clientWidth + 8;
  }, [activeRow, activeCol, sheet, selection.sheet, lefts, widths, map]);

  useEffect(() => {
    gridRef.current?.focus({ preventScroll: true });
  }, [focusToken, sheet]);

  const firstRow = Math.max(0, Math.floor(view.top / ROW_H) - OVERSCAN);
  const lastRow = Math.min(viewRows - 1, Math.ceil((view.top + view.height) / ROW_H) + OVERSCAN);
  let firstCol = 0;
  while (firstCol < colCount - 1 && lefts[firstCol + 1] < view.left + HEAD_W) firstCol++;
  let lastCol = firstCol;
  while (lastCol < colCount - 1 && lefts[lastCol] < view.left + view.width) lastCol++;

  const select = (row: number, col: number) => {
    const r = Math.max(0, Math.min(rowCount - 1, row));
    const c = Math.max(0, Math.min(colCount - 1, col));
    anchor.current = null;
    void workbook.select(sheet, cellAddress(r, c));
  };

  /** Select from the active cell to (row, col), keeping the active cell. */
  const extend = (row: number, col: number) => {
    const r = Math.max(0, Math.min(rowCount - 1, row));
    const c = Math.max(0, Math.min(colCount - 1, col));
    const address =
      r === activeRow && c === activeCol
        ? cellAddress(r, c)
        : rangeAddress(Math.min(r, activeRow), Math.min(c, activeCol), Math.abs(r - activeRow) + 1, Math.abs(c - activeCol) + 1);
    anchor.current = { sheet, address, row: activeRow, col: activeCol };
    void workbook.select(sheet, address);
  };

  const onCopy = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const rows: string[][] = [];
    for (let r = range.top; r <= range.bottom; r++) {
      const line: string[] = [];
      for (let c = range.left; c <= range.right; c++) {
        const v = workbook.getValue(sheet, r, c);
        line.push(v instanceof DetailedCellError ? String(v.value) : formatValue(v, workbook.formatAt(sheet, r, c)));
      }
      rows.push(line);
    }
    e.clipboardData.setData("text/plain", toTsv(rows));
    e.preventDefault();
  };

  /** A text-formatted cell: what is typed or pasted there stays text, leading zeros and all. */
  const isTextCell = (row: number, col: number) => workbook.isTextCell(sheet, row, col);

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return;
    e.preventDefault();
    // Plain text, else an HTML table (DOMParser runs no script and fetches nothing), else a sentence.
    const found = clipboardRows(e.clipboardData.getData("text/plain"), e.clipboardData.getData("text/html"), (html) =>
      new DOMParser().parseFromString(html, "text/html")
    );
    if ("problem" in found) {
      onNotice?.(found.problem);
      return;
    }
    onNotice?.(null);
    // Typed as en-GB Excel types them; a text-formatted ("@") cell keeps what is pasted ("007").
    const { rows, formats } = pastedCells(found.rows, activeRow, activeCol, isTextCell);
    // A large paste is written in slices with a progress line (the workbook's longEdit).
    // The dates' formats go with the cells, as one undo step (undo puts the cells' formats back).
    void workbook.pasteCells(sheet, activeRow, activeCol, rows, formats);
    const width = rows.reduce((w, line) => Math.max(w, line.length), 1);
    anchor.current = null;
    void workbook.select(sheet, rows.length === 1 && width === 1 ? cellAddress(activeRow, activeCol) : rangeAddress(activeRow, activeCol, rows.length, width));
  };

  const commit = (text: string, move: [number, number]) => {
    // As Excel types it: numbers, currency, percentages, TRUE/FALSE, dd/mm/yyyy dates; text as typed.
    const entered = enteredCell(text, isTextCell(activeRow, activeCol));
    workbook.setCell(sheet, activeRow, activeCol, entered.input, entered.format);
    setEditing(null);
    select(activeRow + move[0], activeCol + move[1]);
    gridRef.current?.focus({ preventScroll: true });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      PageDown: [Math.floor(view.height / ROW_H) - 1, 0],
      PageUp: [-Math.floor(view.height / ROW_H) + 1, 0],
    };
    const key = e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && (key === "z" || key === "y")) {
      e.preventDefault();
      // Refused while a task pane journey writes: the page says why.
      if (workbook.undoRefused) onNotice?.(workbook.undoRefused);
      else if (key === "y" || e.shiftKey) workbook.redo();
      else workbook.undo();
    } else if ((e.ctrlKey || e.metaKey) && (e.key === "Home" || e.key === "End")) {
      e.preventDefault();
      if (e.key === "Home") select(0, 0);
      else select(Math.max(0, dims.rows - 1), Math.max(0, dims.cols - 1));
    } else if (e.key === "ArrowDown" && e.altKey && shown.openAt(activeRow, activeCol)) {
      e.preventDefault(); // a table's filter, as in Excel
    } else if (moves[e.key] && e.shiftKey) {
      e.preventDefault();
      extend(map.step(extentRow, moves[e.key][0]), extentCol + moves[e.key][1]);
    } else if (moves[e.key]) {
      e.preventDefault();
      select(map.step(activeRow, moves[e.key][0]), activeCol + moves[e.key][1]);
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      const content = workbook.getContent(sheet, activeRow, activeCol);
      setEditing({ text: content === null ? "" : String(content) });
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      const blank = Array.from({ length: range.bottom - range.top + 1 }, () => Array<null>(range.right - range.left + 1).fill(null));
      workbook.setCells(sheet, range.top, range.left, blank);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      setEditing({ text: e.key });
    }
  };

  // One role="row" per row in view, holding its row header and its cells (ARIA's grid pattern:
  // grid > row > rowheader/gridcell); a row is positioned, its cells within it.
  const rows: ReactElement[] = [];
  for (let at = firstRow; at <= lastRow; at++) {
    const r = map.toSheet(at); // the view row `at` shows sheet row r (a table filter hides rows)
    const cells: ReactElement[] = [];
    for (let c = firstCol; c <= lastCol; c++) {
      const v = workbook.getValue(sheet, r, c);
      const isError = v instanceof DetailedCellError;
      const text = isError ? v.value : formatValue(v, workbook.formatAt(sheet, r, c));
      const selected = r === activeRow && c === activeCol;
      const inRange = r >= range.top && r <= range.bottom && c >= range.left && c <= range.right;
      // Text runs on into empty cells to its right and stops at the first one in use, as in Excel.
      let span = widths[c];
      if (typeof v === "string") {
        for (let k = c + 1; k < colCount && k <= lastCol + 1 && workbook.getValue(sheet, r, k) === null; k++) span += widths[k];
      }
      const overflow = span > widths[c];
      cells.push(
        <div
          key={c}
          role="gridcell"
          aria-colindex={c + 2}
          aria-selected={inRange}
          data-cell={cellAddress(r, c)}
          title={isError ? `${v.value} ${v.message}` : text.length > 20 ? text : undefined}
          className={`pbr-cell${selected ? " pbr-selected" : inRange ? " pbr-in-range" : ""}${isError ? " pbr-error" : ""}${overflow ? " pbr-overflow" : ""}${linkClass(workbook, sheet, r, c, v)}`}
          style={{ top: 0, left: lefts[c], width: widths[c], height: ROW_H, textAlign: isError ? "center" : alignOf(v) }}
          onMouseDown={(e) => {
            e.preventDefault();
            setEditing(null);
            if (e.shiftKey) extend(r, c);
            else if (!followLink(workbook, sheet, r, c)) select(r, c);
            gridRef.current?.focus({ preventScroll: true });
          }}
          onMouseEnter={(e) => {
            if (e.buttons === 1 && !editing) extend(r, c);
          }}
          onDoubleClick={() => {
            const content = workbook.getContent(sheet, r, c);
            setEditing({ text: content === null ? "" : String(content) });
          }}
        >
          {overflow ? (
            <span className="pbr-runon" style={{ width: span - 8 }}>
              {text}
            </span>
          ) : (
            text
          )}
          {shown.button(r, c)}
        </div>
      );
    }
    rows.push(
      <div key={r} role="row" aria-rowindex={r + 2} className="pbr-row" style={{ top: ROW_H * (at + 1), width: totalW, height: ROW_H }}>
        <div role="rowheader" aria-colindex={1} className={`pbr-rowhead${r === activeRow ? " pbr-head-active" : ""}${shown.inFilter(r) ? " pbr-rowhead-filtered" : ""}`} style={{ top: 0, left: view.left, width: HEAD_W, height: ROW_H }}>
          {r + 1}
        </div>
        {cells}
      </div>
    );
  }

  const columnHeads = [];
  for (let c = firstCol; c <= lastCol; c++) {
    columnHeads.push(
      <div key={c} role="columnheader" aria-colindex={c + 2} className={`pbr-colhead${c === activeCol ? " pbr-head-active" : ""}`} style={{ left: lefts[c], width: widths[c], height: ROW_H }}>
        {columnLetters(c)}
        <span
          className="pbr-col-resize"
          aria-hidden="true"
          data-resize={columnLetters(c)}
          onMouseDown={(e) => {
            e.preventDefault();
            e.stopPropagation();
            resize(c, e.clientX, widths[c]);
          }}
        />
      </div>
    );
  }
  // A table whose header row has scrolled out of view keeps it on show under the column letters,
  // as Excel does for a table's headers.
  const frozen: ReactElement[] = [];
  const firstVisibleRow = map.toSheet(Math.floor(view.top / ROW_H));
  // (A sheet with frozen rows shows those instead: FrozenPanes.tsx.)
  for (const t of workbook.frozenPanes(sheet).rows > 0 ? [] : workbook.tables) {
    if (t.sheet !== sheet) continue;
    const tr = parseRange(t.address);
    if (!(tr.top < firstVisibleRow && tr.bottom >= firstVisibleRow)) continue;
    // The held header row is labelled with its own row number, not the number of the row it covers.
    frozen.push(
      <div key={`${t.name}:head`} className="pbr-rowhead pbr-frozen-rowhead" data-testid="frozen-row-number" title={`Header row of table ${t.name}`} style={{ top: view.top + ROW_H, left: view.left, width: HEAD_W, height: ROW_H }}>
        {tr.top + 1}
      </div>
    );
    for (let c = Math.max(tr.left, firstCol); c <= Math.min(tr.right, lastCol); c++) {
      const v = workbook.getValue(sheet, tr.top, c);
      frozen.push(
        <div key={`${t.name}:${c}`} className="pbr-cell pbr-frozen-head" aria-hidden="true" style={{ top: view.top + ROW_H, left: lefts[c], width: widths[c], height: ROW_H }}>
          {v === null || v instanceof DetailedCellError ? "" : String(v)}
          {shown.button(tr.top, c, true)}
        </div>
      );
    }
    break;
  }

  const charts = workbook.charts
    .filter((c) => c.sheet === sheet)
    .map((c, i) => {
      const anchor = parseCell(c.spec.anchor);
      const r = parseRange(c.spec.dataAddress);
      const values: unknown[][] = [];
      const categoryFormats: (string | undefined)[] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: unknown[] = [];
        for (let col = r.left; col <= r.right; col++) line.push(workbook.getValue(sheet, row, col));
        values.push(line);
        if (row > r.top) categoryFormats.push(workbook.formatAt(sheet, row, r.left));
      }
      return (
        <div key={i} className="pbr-chart-box" style={{ top: ROW_H * (map.toView(anchor.row) + 1), left: lefts[anchor.col] ?? HEAD_W, width: CHART_W }}>
          <ChartView spec={c.spec} data={chartData(values, categoryFormats)} />
        </div>
      );
    });

  return (
    <div
      ref={scroller}
      className="pbr-scroller"
      onScroll={(e) => {
        const el = e.currentTarget;
        setView({ top: el.scrollTop, left: el.scrollLeft, height: el.clientHeight, width: el.clientWidth });
      }}
    >
      <div
        ref={gridRef}
        role="grid"
        aria-label={`Sheet ${sheet}`}
        aria-rowcount={rowCount + 1}
        aria-colcount={colCount + 1}
        tabIndex={0}
        className="pbr-grid"
        style={{ width: totalW, height: totalH }}
        onKeyDown={onKeyDown}
        onCopy={onCopy}
        onPaste={onPaste}
      >
        <div role="row" aria-rowindex={1} className="pbr-colheads" style={{ top: view.top, width: totalW }}>
          <div className="pbr-corner" aria-hidden="true" style={{ left: view.left, width: HEAD_W, height: ROW_H }} />
          {columnHeads}
        </div>
        {rows}
        {frozen.length > 0 && (
          <div className="pbr-frozen" data-testid="frozen-header" aria-hidden="true">
            {frozen}
          </div>
        )}
        <FrozenPanes
          workbook={workbook}
          sheet={sheet}
          view={view}
          rowHeight={ROW_H}
          lefts={lefts}
          widths={widths}
          firstRow={firstRow}
          lastRow={lastRow}
          firstCol={firstCol}
          lastCol={lastCol}
          rows={map}
          button={shown.button}
          onSelect={(r, c) => {
            setEditing(null);
            select(r, c);
            gridRef.current?.focus({ preventScroll: true });
          }}
        />
        {editing && (
          <input
            aria-label={`Edit ${cellAddress(activeRow, activeCol)}`}
            className="pbr-editor"
            data-tabster='{"focusable":{"ignoreKeydown":{"Tab":true,"Enter":true,"Escape":true}}}'
            autoFocus
            value={editing.text}
            style={{ top: ROW_H * (map.toView(activeRow) + 1), left: lefts[activeCol], width: Math.max(widths[activeCol], 160), height: ROW_H }}
            onChange={(e) => setEditing({ text: e.target.value })}
            ref={editor}
            onKeyDown={(e) => {
              e.stopPropagation();
              const helped = e.shiftKey || e.ctrlKey || e.metaKey || e.altKey ? null : onEditorKey?.(e.key, editing.text);
              if (helped != null) {
                e.preventDefault();
                if (helped !== editing.text) setEditing({ text: helped });
              } else if (e.key === "Enter") {
                e.preventDefault();
                commit(editing.text, [1, 0]);
              } else if (e.key === "Tab") {
                e.preventDefault();
                commit(editing.text, [0, e.shiftKey ? -1 : 1]);
              } else if (e.key === "Escape") {
                e.preventDefault();
                setEditing(null);
                gridRef.current?.focus({ preventScroll: true });
              }
            }}
            onBlur={() => setEditing(null)}
          />
        )}
      </div>
      {shown.popup}
      {/* Charts float over the cells as in Excel, outside the grid's rows (a figure is no cell). */}
      <div className="pbr-chart-layer">{charts}</div>
    </div>
  );
}
