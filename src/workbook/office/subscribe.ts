/**
 * The Office.js adapter's change subscription (WorkbookPort.subscribe): the pane's table pickers
 * list a table as soon as it is added, and a journey's "Wrote sheet …" clears when an Undo or a
 * user takes the sheet away, as they do in the playground.
 *
 * Excel's events (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events), by
 * requirement set (the add-in needs ExcelApi 1.7, src/workbook/requirements.ts):
 * - ExcelApi 1.7: WorksheetCollection.onAdded / onDeleted (a sheet added, or removed by the user or
 *   by Undo of a pane action) and TableCollection.onChanged (data in any table changed);
 * - ExcelApi 1.9 as well: WorksheetCollection.onChanged (any cell of any sheet, an Undo included)
 *   and TableCollection.onAdded / onDeleted.
 * One set of handlers serves every listener: it is registered with the first and removed with the
 * last, in the handlers' own request context as Microsoft's "Remove an event handler" sample does.
 * A burst of events (a chunked write fires one per sync) reaches listeners once, `delayMs` after the
 * last. Registration that fails (Excel gone, events unsupported) leaves the pane as it is without
 * events: it lists the tables again whenever a tab is shown. Nothing here throws.
 */
type Handler = OfficeExtension.EventHandlerResult<unknown>;

export interface WorkbookEventsOptions {
  excel: () => typeof Excel;
  /** Whether this Excel supports ExcelApi `version` (host.ts supportsExcelApi). */
  supports: (version: string) => boolean;
  /** Quiet time after the last event before listeners are called (default 150 ms). */
  delayMs?: number;
  /**
   * While this says true (a pane action is writing in one merged undo group), listeners are not
   * called: what they would read (listTableHeaders, listSheets) would otherwise share the action's
   * request context mid-write. They are called once it says false.
   */
  paused?: () => boolean;
}

/** `subscribe` for the Office.js port (WorkbookPort.subscribe's contract). */
export function workbookEvents(
  options: WorkbookEventsOptions
): (listener: () => void) => () => void {
  const delay = options.delayMs ?? 150;
  const listeners = new Set<() => void>();
  let registration: Promise<Handler[]> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const callListeners = () => {
    if (options.paused?.()) {
      timer = setTimeout(callListeners, delay);
      return;
    }
    timer = undefined;
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch {
        // One listener's failure is its own; the others still hear of the change.
      }
    }
  };
  const onEvent = async (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(callListeners, delay);
  };

  const register = async (): Promise<Handler[]> => {
    try {
      return await options.excel().run(async (context) => {
        const { worksheets, tables } = context.workbook;
        const handlers: Handler[] = [
          worksheets.onAdded.add(onEvent),
          worksheets.onDeleted.add(onEvent),
        ];
        if (options.supports("1.9"))
          handlers.push(
            worksheets.onChanged.add(onEvent),
            tables.onAdded.add(onEvent),
            tables.onDeleted.add(onEvent)
          );
        else handlers.push(tables.onChanged.add(onEvent));
        await context.sync();
        return handlers;
      });
    } catch {
      return [];
    }
  };

  const unregister = async (handlers: Handler[]): Promise<void> => {
    if (handlers.length === 0) return;
    try {
      await options.excel().run(handlers[0].context, async (context) => {
        for (const h of handlers) h.remove();
        await context.sync();
      });
    } catch {
      // The workbook may already be closed: nothing is left to call us.
    }
  };

  return (listener) => {
    listeners.add(listener);
    if (!registration) registration = register();
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      listeners.delete(listener);
      if (listeners.size > 0 || !registration) return;
      const ending = registration;
      registration = null;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      void ending.then(unregister);
    };
  };
}
