/**
 * Table filters in the playground's grid, as Excel draws them: a filter button in each header cell
 * of every table (in the grid, and in the held header row or frozen rows when scrolled), a popup
 * per column (FilterPopup.tsx), and a line under the formula bar saying how many rows a filter
 * shows, with "Clear filter". The grid asks useFilterUi for its row map (view rows to sheet rows),
 * the buttons and the open popup; the filters themselves live in filterStore.ts.
 *
 * Keyboard: Alt+Down on a table's header cell opens its filter, as in Excel; the buttons are
 * named ("Filter Check column of table ClusterAudit"). The copies drawn in the held header rows
 * are out of the Tab order (the grid's own header cell has the button a keyboard reaches).
 */
import { useEffect, useState, useSyncExternalStore, type ReactElement } from "react";
import { Button } from "@fluentui/react-components";
import { cellAddress } from "../../workbook/address";
import type { EmbeddedWorkbook } from "../../workbook/embeddedPort";
import { FilterPopup } from "./FilterPopup";
import type { DistinctValue, RowMap } from "./filterIndex";
import { shownText, tableFilters, type TableFilters, type TablePlace } from "./filterStore";

interface Opened {
  place: TablePlace;
  col: number;
  target: HTMLElement;
  values: DistinctValue[];
}

export interface FilterUi {
  /** View rows to sheet rows, the filtered-out rows left out. */
  rows: RowMap;
  /** The filter button for cell (row, col) when it is a table's header cell; `held` for copies. */
  button: (row: number, col: number, held?: boolean) => ReactElement | null;
  /** Open the filter of the header cell (row, col); false when it is no table's header cell. */
  openAt: (row: number, col: number) => boolean;
  /** The open popup, or null. */
  popup: ReactElement | null;
  /** Whether sheet row `row` is in the body of a filtered table (its row number is drawn blue). */
  inFilter: (row: number) => boolean;
}

// Drawn, not text: a header cell's text (what tests and copy read) stays the header alone.
const CHEVRON = (
  <svg viewBox="0 0 12 12" width="10" height="10" aria-hidden="true" focusable="false">
    <path d="M2 4h8L6 8.5z" fill="currentColor" />
  </svg>
);
/** The workbook's table filters, re-rendering the caller when a filter changes. */
export function useTableFilters(workbook: EmbeddedWorkbook): TableFilters {
  const store = tableFilters(workbook);
  useSyncExternalStore(store.subscribe, () => store.version);
  return store;
}

const FUNNEL = (
  <svg viewBox="0 0 12 12" width="10" height="10" aria-hidden="true" focusable="false">
    <path d="M1 1.5h10L7.2 6.2V10L4.8 11V6.2z" fill="currentColor" />
  </svg>
);

/**
 * `done` is told the header cell when a popup closes (the grid selects it and takes focus back).
 */
export function useFilterUi(workbook: EmbeddedWorkbook, sheet: string, done: (row: number, col: number) => void): FilterUi {
  const store = useTableFilters(workbook);
  const [opened, setOpened] = useState<Opened | null>(null);
  useEffect(() => setOpened(null), [sheet, workbook]);
  const text = shownText(workbook, sheet);

  const open = (place: TablePlace, col: number, target: HTMLElement) =>
    setOpened({ place, col, target, values: store.valuesOf(place, col) });

  const button = (row: number, col: number, held = false): ReactElement | null => {
    const place = store.headerAt(sheet, row, col);
    if (!place) return null;
    const on = store.allowedIn(place.table, col) !== null;
    const name = text(row, col) || cellAddress(row, col);
    return (
      <button
        type="button"
        className={`pbr-filter-btn${on ? " pbr-filter-on" : ""}`}
        aria-label={`Filter ${name} column of table ${place.table.name}`}
        aria-haspopup="dialog"
        title={on ? `${name} is filtered` : `Filter ${name}`}
        tabIndex={held ? -1 : undefined}
        data-filter={held ? undefined : cellAddress(row, col)}
        onMouseDown={(e) => e.stopPropagation()}
        onDoubleClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.stopPropagation()}
        onClick={(e) => {
          e.stopPropagation();
          open(place, col, e.currentTarget);
        }}
      >
        {on ? FUNNEL : CHEVRON}
      </button>
    );
  };

  const openAt = (row: number, col: number): boolean => {
    const place = store.headerAt(sheet, row, col);
    const target = document.querySelector<HTMLElement>(`[data-filter="${cellAddress(row, col)}"]`);
    if (!place || !target) return false;
    open(place, col, target);
    return true;
  };

  const close = () => {
    if (opened) done(opened.place.header, opened.col);
    setOpened(null);
  };
  const popup = opened && (
    <FilterPopup
      key={`${opened.place.table.name}:${opened.col}`}
      target={opened.target}
      table={opened.place.table.name}
      column={text(opened.place.header, opened.col) || cellAddress(opened.place.header, opened.col)}
      values={opened.values}
      allowed={store.allowedIn(opened.place.table, opened.col)}
      onApply={(allowed) => {
        store.apply(opened.place, opened.col, allowed);
        close();
      }}
      onClose={close}
    />
  );
  const filtered = store.filteredOn(sheet).map((f) => f.place.body);
  const inFilter = (row: number) => filtered.some((b) => row >= b.top && row <= b.bottom);
  return { rows: store.rowMap(sheet), button, openAt, popup, inFilter };
}

/** "Showing N of M rows of table X" for each filtered table on the sheet, with "Clear filter". */
export function FilterStatus({ workbook, sheet }: { workbook: EmbeddedWorkbook; sheet: string | undefined }): ReactElement {
  const store = useTableFilters(workbook);
  const filtered = sheet ? store.filteredOn(sheet) : [];
  return (
    <div className="pbr-filter-status" role="status" data-testid="filter-status">
      {filtered.map((f) => {
        const total = f.place.body.bottom - f.place.body.top + 1;
        return (
          <span key={f.place.table.name} className="pbr-filter-line">
            Showing {(total - f.hidden.length).toLocaleString("en-GB")} of {total.toLocaleString("en-GB")} rows of table {f.place.table.name}
            <Button size="small" appearance="subtle" onClick={() => store.clear(f.place.table)}>
              Clear filter<span className="pbr-visually-hidden"> of table {f.place.table.name}</span>
            </Button>
          </span>
        );
      })}
    </div>
  );
}
