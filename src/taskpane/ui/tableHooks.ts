/* Reading the workbook's tables for a journey's pickers: the list with each header, sheet and size
   (shared by the whole pane and read again when the workbook changes), a choice that stays on the
   table the user chose or ran on, a chosen table's header, and the table afresh at run time. */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { TableData, TableSummary, WorkbookPort } from "../../workbook/port";
import { describeError } from "./describeError";
import { largestTable } from "./tables";

/** The workbook's tables as the pickers see them. */
export interface TableListing {
  /** Table names, newest first. */
  tables: string[];
  headers: ReadonlyMap<string, readonly string[]>;
  /** Each table's sheet and size, for the picker's label and the default choice. */
  summaries: ReadonlyMap<string, TableSummary>;
  error: string | null;
  refresh: () => Promise<void>;
}

/** The pane's one listing (App provides it); without it each journey lists tables itself. */
export const WorkbookTables = createContext<TableListing | null>(null);

const EMPTY: readonly TableSummary[] = [];
const signature = (found: readonly TableSummary[]) =>
  JSON.stringify(found.map((t) => [t.name, t.sheet, t.rows, t.header]));

/**
 * List the workbook's tables (newest first) with headers and sizes, again whenever the workbook
 * says it changed (`port.subscribe`: a table written, an import, an Undo) and each time `active`
 * turns true. Re-renders only when the listing itself changed, not on every typed cell.
 */
export function useTableListing(port: WorkbookPort | null, active = true): TableListing {
  const [found, setFound] = useState<readonly TableSummary[]>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const last = useRef("");
  const refresh = useCallback(async () => {
    if (!port) return;
    try {
      const list = (await port.listTableHeaders()).reverse();
      const sig = signature(list);
      if (sig !== last.current) {
        last.current = sig;
        setFound(list);
      }
      setError(null);
    } catch (e) {
      setError(`Could not list the workbook's tables: ${describeError(e)}`);
    }
  }, [port]);
  useEffect(() => {
    if (active) void refresh();
  }, [refresh, active]);
  useEffect(() => {
    if (!port?.subscribe) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Many changes come in a burst (a chunked write, a paste): list once after the burst.
    const stop = port.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), 30);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [port, refresh]);
  const listing = useMemo(() => derive(found), [found]);
  return useMemo(() => ({ ...listing, error, refresh }), [listing, error, refresh]);
}

function derive(found: readonly TableSummary[]) {
  return {
    tables: found.map((t) => t.name),
    headers: new Map(found.map((t) => [t.name, t.header] as const)),
    summaries: new Map(found.map((t) => [t.name, t] as const)),
  };
}

/**
 * The workbook's tables for a journey: the pane's shared listing (read again when the tab is
 * shown), or the journey's own where there is no App around it.
 */
export function useTables(port: WorkbookPort, active = true): TableListing {
  const shared = useContext(WorkbookTables);
  const own = useTableListing(shared ? null : port, active);
  const refreshShared = shared?.refresh;
  useEffect(() => {
    if (active && refreshShared) void refreshShared();
  }, [active, refreshShared]);
  return shared ?? own;
}

/** Each listed table's sheet and size (empty outside App's listing). */
export function useTableSummaries(): ReadonlyMap<string, TableSummary> {
  return useContext(WorkbookTables)?.summaries ?? NO_SUMMARIES;
}
const NO_SUMMARIES: ReadonlyMap<string, TableSummary> = new Map();

/**
 * A table choice that stays where the user put it, or on the table the journey last ran on
 * (`keep`), as long as that table exists; otherwise it starts at the largest candidate (never
 * silently the newest import). A new table appearing never moves a kept choice.
 */
export function useTableChoice(
  candidates: readonly string[],
  summaries: ReadonlyMap<string, TableSummary> = NO_SUMMARIES
) {
  const [value, setValue] = useState("");
  const kept = useRef(false);
  useEffect(() => {
    setValue((current) => {
      if (kept.current && current !== "" && candidates.includes(current)) return current;
      kept.current = false;
      return largestTable(candidates, summaries);
    });
  }, [candidates, summaries]);
  const choose = useCallback((name: string) => {
    kept.current = name !== "";
    setValue(name);
  }, []);
  /** Keep the current choice (call when the journey runs on it). */
  const keep = useCallback(() => {
    kept.current = true;
  }, []);
  return [value, choose, keep] as const;
}

/**
 * Read a table when its name changes (for its header, to offer columns); null while none is chosen.
 * Features read the table again when they run, so what they write reflects the workbook as it is then.
 */
export function useTable(port: WorkbookPort, name: string) {
  const [table, setTable] = useState<TableData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    if (!name) {
      setTable(null);
      return;
    }
    port.readTable(name).then(
      (t) => live && setTable(t),
      (e) => {
        if (!live) return;
        setTable(null);
        setError(`Could not read table ${name}: ${describeError(e)}`);
      }
    );
    return () => {
      live = false;
    };
  }, [port, name]);
  return { table, error };
}

/** Read a table afresh at run time, or null when none is chosen. */
export function readChosen(port: WorkbookPort, name: string): Promise<TableData | null> {
  return name ? port.readTable(name) : Promise.resolve(null);
}
