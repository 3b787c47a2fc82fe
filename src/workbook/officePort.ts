/**
 * The Office.js WorkbookPort: every task pane feature reaches Excel through this adapter and
 * nothing else. Each method is one `Excel.run` batch. Large writes and reads go in row chunks
 * sized so one request stays well under Excel on the web's 5 MB limit (see chunks.ts, the one chunking policy),
 * one `context.sync()` per chunk, with progress and cancellation between chunks.
 *
 * Nothing is overwritten: sheet, table and defined names are made unique before they are used.
 * On failure or cancel the adapter stops and rejects; the feature that created sheets deletes
 * them (`deleteSheet` also removes the workbook names that pointed into the sheet).
 *
 * Undo, as Microsoft documents it (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities):
 * each context.sync() is its own undo record unless the Excel.run has `mergeUndoGroup` (RunOptions,
 * ExcelApi 1.20). Where 1.20 is supported, `action` runs a whole task pane action in one Excel.run
 * with mergeUndoGroup, every port call inside it sharing that context, so one Ctrl+Z takes the
 * action back. Older Excel has no `action`: each sync is its own undo step. Worksheet.delete
 * supports no undo (it would throw UndoNotSupported inside a merged group, and it clears the undo
 * list), so `deleteSheet`, used to remove what a failed or cancelled action made, runs on its own.
 * Every batch asks Excel to wait while the user is editing a cell (`delayForCellEdit`) rather than fail.
 */
import { parseCell, parseRange, quoteSheet, rangeAddress } from "./address";
import {
  abortError,
  tableHeader,
  uniqueName,
  type CellInput,
  type ChartSpec,
  type Selection,
  type TableData,
  type WorkbookPort,
  type WriteOptions,
} from "./port";
import { textCell } from "./cellText";
import { isPayloadTooLarge, planChunkRows } from "./chunks";
import { writeCells } from "./office/write";
import { absoluteReference, cleanIdentifier, cleanSheetName, localAddress } from "./office/names";
import { loadNames, takenIdentifiers } from "./office/takenNames";
import { SELECTION_PROBLEM, excel, mergesUndo, supportsExcelApi } from "./office/host";
import { queueChart } from "./office/charts";
import { workbookEvents } from "./office/subscribe";

export { SELECTION_PROBLEM };

export interface OfficePortOptions {
  /** Bytes of values allowed per request (default CHUNK_BUDGET_BYTES in workbook/chunks.ts). */
  targetRequestBytes?: number;
}

type Ctx = Excel.RequestContext;

function fromExcel(rows: unknown[][]): CellInput[][] {
  return rows.map((row) => row.map((v) => (v === "" || v === undefined ? null : (v as CellInput))));
}

export function createOfficePort(options: OfficePortOptions = {}): WorkbookPort {
  /** The context of the action under way (one merged undo group), which port calls share. */
  let ambient: Ctx | null = null;
  async function run<T>(batch: (context: Ctx) => Promise<T>, own = false): Promise<T> {
    if (ambient && !own) return batch(ambient);
    return excel().run({ delayForCellEdit: true }, batch);
  }

  const chunkFor = (rows: readonly (readonly CellInput[])[], chosen?: number) =>
    chosen && chosen > 0 ? Math.floor(chosen) : planChunkRows(rows, [], options.targetRequestBytes);

  /** Write rows at (top, left) in chunks, one sync per chunk; reports rows written so far. */
  async function writeChunks(
    context: Ctx,
    sheet: Excel.Worksheet,
    top: number,
    left: number,
    rows: readonly (readonly CellInput[])[],
    opts: WriteOptions
  ): Promise<void> {
    let size = chunkFor(rows, opts.chunkRows);
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    for (let i = 0; i < rows.length;) {
      if (opts.signal?.aborted) throw abortError();
      const n = Math.min(size, rows.length - i);
      const chunk = rows
        .slice(i, i + n)
        .map((r) => (r.length === width ? r : [...r, ...Array(width - r.length).fill(null)]));
      writeCells(sheet.getRange(rangeAddress(top + i, left, n, width)), chunk);
      try {
        // One request per chunk on purpose: Excel on the web caps each request at 5 MB.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (e) {
        // Bigger than the estimate allowed for: send the same rows again in halves.
        if (isPayloadTooLarge(e) && n > 1) {
          size = Math.ceil(n / 2);
          continue;
        }
        throw e;
      }
      i += n;
      opts.onProgress?.({ rowsWritten: i, totalRows: rows.length });
    }
  }

  async function readRange(
    context: Ctx,
    sheet: Excel.Worksheet,
    address: string
  ): Promise<CellInput[][]> {
    const r = parseRange(address);
    const width = r.right - r.left + 1;
    const total = r.bottom - r.top + 1;
    const target = options.targetRequestBytes;
    // The first chunk is sized for 30-character cells; each later one from the widest row just read
    // (a response is capped at 5 MB too; the budget leaves room for wider rows, and a refusal halves).
    let size = planChunkRows([Array(width).fill("x".repeat(30))], [], target);
    let ceiling = Infinity; // after a refusal, never more rows than the half that went through
    const out: CellInput[][] = [];
    for (let i = 0; i < total;) {
      const n = Math.min(size, total - i);
      const range = sheet.getRange(rangeAddress(r.top + i, r.left, n, width));
      range.load("values");
      try {
        // One request per chunk on purpose: a response is capped at 5 MB too.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (e) {
        if (isPayloadTooLarge(e) && n > 1) {
          size = ceiling = Math.ceil(n / 2);
          continue;
        }
        throw e;
      }
      const values = fromExcel(range.values);
      out.push(...values);
      i += n;
      size = Math.min(ceiling, planChunkRows(values, [], target));
    }
    return out;
  }

  /** A range read as a table: its first row the header (as text), the rest the rows. */
  async function readAsTable(
    context: Ctx,
    sheet: Excel.Worksheet,
    sheetName: string,
    address: string
  ): Promise<TableData> {
    const all = await readRange(context, sheet, address);
    return {
      sheet: sheetName,
      address,
      header: (all[0] ?? []).map((h) => String(h ?? "")),
      rows: all.slice(1),
    };
  }

  return {
    subscribe: workbookEvents({
      excel,
      supports: supportsExcelApi,
      paused: () => ambient !== null,
    }),

    listSheets: () => run(async (context) => loadNames(context.workbook.worksheets, context)),

    listTables: () => run(async (context) => loadNames(context.workbook.tables, context)),

    listTableHeaders: () =>
      run(async (context) => {
        const names = await loadNames(context.workbook.tables, context);
        const loaded = names.map((name) => {
          const table = context.workbook.tables.getItem(name);
          const header = table.getHeaderRowRange();
          header.load("values");
          // The whole range's address gives the size without reading the body (Range.address,
          // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-address-member).
          const whole = table.getRange();
          whole.load("address");
          table.load("worksheet/name");
          return { table, header, whole };
        });
        await context.sync(); // one round trip for every header
        return names.map((name, i) => {
          const { top, bottom } = parseRange(localAddress(loaded[i].whole.address));
          return {
            name,
            header: (loaded[i].header.values[0] ?? []).map((h) => String(h ?? "")),
            sheet: loaded[i].table.worksheet.name,
            rows: bottom - top,
          };
        });
      }),

    readTable: (name) =>
      run(async (context): Promise<TableData> => {
        const tables = await loadNames(context.workbook.tables, context);
        const found = tables.find((t) => t.toLowerCase() === name.toLowerCase());
        if (!found) throw new Error(`There is no table called "${name}" in this workbook.`);
        const table = context.workbook.tables.getItem(found);
        const range = table.getRange();
        range.load("address");
        table.load("worksheet/name");
        await context.sync();
        const sheetName = table.worksheet.name;
        const address = localAddress(range.address);
        const sheet = context.workbook.worksheets.getItem(sheetName);
        return readAsTable(context, sheet, sheetName, address);
      }),

    readUsedRange: (sheetName) =>
      run(async (context): Promise<TableData> => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        const used = sheet.getUsedRange(true);
        used.load("address");
        await context.sync();
        const address = localAddress(used.address);
        return readAsTable(context, sheet, sheetName, address);
      }),

    createSheet: (preferredName) =>
      run(async (context) => {
        const taken = await loadNames(context.workbook.worksheets, context);
        const name = uniqueName(cleanSheetName(preferredName), taken);
        context.workbook.worksheets.add(name);
        await context.sync();
        return name;
      }),

    // Never inside an action's merged undo group: Worksheet.delete supports no undo.
    deleteSheet: (name) =>
      run(async (context) => {
        // Remove workbook names that point into the sheet first, or Excel leaves them as #REF!.
        const names = context.workbook.names;
        names.load("items/name,items/formula");
        await context.sync();
        const prefixes = [`=${name}!`, `=${quoteSheet(name)}!`, `='${name.replace(/'/g, "''")}'!`];
        for (const n of names.items) {
          if (prefixes.some((p) => String(n.formula).startsWith(p))) n.delete();
        }
        context.workbook.worksheets.getItem(name).delete();
        await context.sync();
      }, true),

    writeTable: (sheetName, topLeft, preferredTableName, header, rows, opts = {}) =>
      run(async (context) => {
        const tableName = uniqueName(
          cleanIdentifier(preferredTableName),
          await takenIdentifiers(context),
          "identifier"
        );
        const { row, col } = parseCell(topLeft);
        const sheet = context.workbook.worksheets.getItem(sheetName);
        // A table needs at least one body row; an empty one stays blank.
        const address = rangeAddress(row, col, Math.max(rows.length, 1) + 1, header.length);
        try {
          // Headers are text ("2024" must not become a number) and unique, as Excel would make them.
          writeCells(sheet.getRange(rangeAddress(row, col, 1, header.length)), [
            tableHeader(header).map(textCell),
          ]);
          await context.sync();
          await writeChunks(context, sheet, row + 1, col, rows, opts);
          if (opts.signal?.aborted) throw abortError();
          const table = sheet.tables.add(address, true);
          table.name = tableName;
          await context.sync();
        } catch (e) {
          // Leave nothing half-made: no rows without their table on a sheet the caller keeps.
          try {
            sheet.getRange(rangeAddress(row, col, rows.length + 1, header.length)).clear();
            await context.sync();
          } catch {
            // The original error is the one to report.
          }
          throw e;
        }
        return { table: tableName, address };
      }),

    writeRange: (sheetName, address, values) =>
      run(async (context) => {
        const r = parseRange(address);
        await writeChunks(
          context,
          context.workbook.worksheets.getItem(sheetName),
          r.top,
          r.left,
          values,
          {}
        );
      }),

    setNumberFormat: (sheetName, address, format) =>
      run(async (context) => {
        // A single format string applies to every cell of the range (no per-cell array to send).
        const range = context.workbook.worksheets.getItem(sheetName).getRange(address);
        (range as unknown as { numberFormat: unknown }).numberFormat = format;
        await context.sync();
      }),

    isEmpty: (sheetName, address) =>
      run(async (context) => {
        const range = context.workbook.worksheets.getItem(sheetName).getRange(address);
        range.load("formulas");
        await context.sync();
        return (range.formulas as unknown[][]).every((line) =>
          line.every((v) => v === "" || v === null)
        );
      }),

    addName: (preferredName, sheetName, address) =>
      run(async (context) => {
        const name = uniqueName(
          cleanIdentifier(preferredName),
          await takenIdentifiers(context),
          "identifier"
        );
        context.workbook.names.add(name, absoluteReference(sheetName, address));
        await context.sync();
        return name;
      }),

    addChart: (sheetName, spec: ChartSpec) =>
      run(async (context) => {
        queueChart(context, sheetName, spec, supportsExcelApi);
        await context.sync();
      }),

    // Workbook.getSelectedRange "will throw an error" when several ranges are selected (Ctrl+click),
    // and fails when a chart or shape is selected: say so in words instead of Excel's error.
    // https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedrange-member(1)
    getSelection: () =>
      run(async (context): Promise<Selection> => {
        const range = context.workbook.getSelectedRange();
        range.load("address,worksheet/name");
        try {
          await context.sync();
        } catch {
          throw new Error(SELECTION_PROBLEM);
        }
        return { sheet: range.worksheet.name, address: localAddress(range.address) };
      }),

    select: (sheetName, address) =>
      run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        sheet.activate();
        sheet.getRange(address).select();
        await context.sync();
      }),

    // Worksheet.freezePanes (ExcelApi 1.7): freezeAt freezes the rows above and the columns left
    // of the given range's bottom-right corner, inclusive; freezeRows/freezeColumns one side only.
    // https://learn.microsoft.com/javascript/api/excel/excel.worksheetfreezepanes
    freezePanes: (sheetName, rows, columns) =>
      run(async (context) => {
        const panes = context.workbook.worksheets.getItem(sheetName).freezePanes;
        const r = Math.max(0, Math.floor(rows));
        const c = Math.max(0, Math.floor(columns));
        if (r > 0 && c > 0) panes.freezeAt(rangeAddress(0, 0, r, c));
        else if (r > 0) panes.freezeRows(r);
        else if (c > 0) panes.freezeColumns(c);
        else panes.unfreeze();
        await context.sync();
      }),

    ...(mergesUndo()
      ? {
          action: <T>(_label: string, work: () => Promise<T>): Promise<T> =>
            excel().run({ delayForCellEdit: true, mergeUndoGroup: true }, async (context) => {
              ambient = context;
              try {
                return await work();
              } finally {
                ambient = null;
              }
            }),
        }
      : {}),
  };
}
