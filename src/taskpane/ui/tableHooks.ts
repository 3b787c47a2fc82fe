/* Reading the workbook's tables for a journey's pickers: the list with each header, a choice that
   follows the newest table until the user picks one, a chosen table's header, and the table afresh
   at run time. */
import { useCallback, useEffect, useRef, useState } from "react";
import type { TableData, WorkbookPort } from "../../workbook/port";
import { describeError } from "./describeError";

/**
 * The workbook's table names, newest first, with each table's header (so pickers can offer only
 * the tables that have the columns a journey needs) and any error in words; read again each time
 * the tab is shown.
 */
export function useTables(port: WorkbookPort, active = true) {
  const [tables, setTables] = useState<string[]>([]);
  const [headers, setHeaders] = useState<ReadonlyMap<string, readonly string[]>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      const found = (await port.listTableHeaders()).reverse();
      setTables(found.map((t) => t.name));
      setHeaders(new Map(found.map((t) => [t.name, t.header])));
      setError(null);
    } catch (e) {
      setError(`Could not list the workbook's tables: ${describeError(e)}`);
    }
  }, [port]);
  useEffect(() => {
    if (active) void refresh();
  }, [refresh, active]);
  return { tables, headers, error, refresh };
}

/**
 * A table choice that follows the newest candidate until the user picks one: after an import the
 * pickers move to the imported caseload, but never away from a table the user chose (unless it is
 * gone).
 */
export function useTableChoice(candidates: readonly string[]) {
  const [value, setValue] = useState("");
  const chosen = useRef(false);
  useEffect(() => {
    setValue((current) => {
      if (chosen.current && (current === "" || candidates.includes(current))) return current;
      chosen.current = false;
      return candidates[0] ?? "";
    });
  }, [candidates]);
  const choose = useCallback((name: string) => {
    chosen.current = true;
    setValue(name);
  }, []);
  return [value, choose] as const;
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
