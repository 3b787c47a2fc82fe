/**
 * Carry out a WorkbookPlan through a WorkbookPort: create the sheets (unique names), add the named
 * ranges, write cells and tables (tables in chunks, with progress and cancel), apply number
 * formats, add charts. If anything fails or the user cancels, every sheet this run created is
 * deleted again, so the workbook is left as it was, and the error is passed on.
 */
import { parseCell, parseRange, quoteSheet, rangeAddress } from "../../workbook/address";
import { abortError, isAbortError, type CellInput, type WorkbookPort } from "../../workbook/port";
import type { Block, WorkbookPlan } from "./types";

export interface RunProgress {
  /** Rows written so far, over all tables and ranges. */
  done: number;
  total: number;
  /** What is being written, in words. */
  step: string;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
  /** Rows per request; by default the workbook adapter chooses. */
  chunkRows?: number;
}

export interface RunResult {
  /** Plan sheet key → the sheet name the workbook gave it. */
  sheets: Record<string, string>;
  /** Preferred name → the defined name the workbook gave it. */
  names: Record<string, string>;
  /** Preferred table name → actual table name. */
  tables: Record<string, string>;
}

/** Whether an error is a cancellation. */
export const isAbort = isAbortError;

/** Sheets a failed or cancelled journey made but could not remove, carried on the error it throws. */
export function leftBehind(error: unknown): string[] {
  const list = (error as { leftBehind?: unknown } | null)?.leftBehind;
  return Array.isArray(list) ? (list as string[]) : [];
}

/**
 * Remove the sheets a journey made (newest first), keeping on past a failure, and return a line per
 * sheet that could not be removed ("Caseload (2)": why), so the pane can say what to delete by hand.
 */
export async function removeSheets(
  port: WorkbookPort,
  sheets: readonly string[]
): Promise<string[]> {
  const failed: string[] = [];
  for (const name of [...sheets].reverse()) {
    try {
      await port.deleteSheet(name);
    } catch (e) {
      const why = e instanceof Error && e.message ? e.message : String(e);
      failed.push(`"${name}" (${why})`);
    }
  }
  return failed;
}

/** The error to throw after a clean-up: the original, with the sheets left behind attached. */
export function withLeftBehind(error: unknown, failed: readonly string[]): unknown {
  if (failed.length === 0) return error;
  const e = error instanceof Error ? error : new Error(String(error));
  return Object.assign(e, { leftBehind: [...failed] });
}

/** What the pane says about clean-up: everything removed, or which sheets to delete by hand. */
export function cleanupText(error: unknown): string {
  const failed = leftBehind(error);
  if (failed.length === 0) return "Everything written so far was removed.";
  const one = failed.length === 1;
  return `Not everything could be removed: sheet${one ? "" : "s"} ${failed.join(", ")} ${one ? "is" : "are"} still in the workbook. Delete ${one ? "it" : "them"} by hand (right-click the sheet tab, Delete), or undo in Excel; if the workbook structure is protected, unprotect it first.`;
}

function cancelled(): Error {
  return abortError("Cancelled: nothing was left in the workbook.");
}

function rowsOf(block: Block): number {
  return block.kind === "table"
    ? block.rows.length + 1
    : block.kind === "cells"
      ? block.values.length
      : 0;
}

/** Replace «sheet:key» and «name:name» tokens in formulas with the names the workbook gave. */
export function resolver(result: RunResult): (value: CellInput) => CellInput {
  const pattern = /«(sheet|name):([^»]+)»(!)?/g;
  return (value) => {
    if (typeof value !== "string" || !value.startsWith("=") || !value.includes("«")) return value;
    return value.replace(pattern, (_m, kind: string, key: string, bang: string | undefined) => {
      if (kind === "name") {
        const name = result.names[key];
        if (!name) throw new Error(`plan refers to a name "${key}" it does not create`);
        return name + (bang ?? "");
      }
      const sheet = result.sheets[key];
      if (!sheet) throw new Error(`plan refers to a sheet "${key}" it does not create`);
      return quoteSheet(sheet) + (bang ?? "");
    });
  };
}

/** A journey's run: the plan built from its inputs, then written through the port by runPlan. */
export function planRunner<I>(
  planOf: (inputs: I) => WorkbookPlan
): (port: WorkbookPort, inputs: I, options?: RunOptions) => Promise<RunResult> {
  return async (port, inputs, options = {}) => runPlan(port, planOf(inputs), options);
}

export async function runPlan(
  port: WorkbookPort,
  plan: WorkbookPlan,
  options: RunOptions = {}
): Promise<RunResult> {
  const { signal, onProgress } = options;
  const result: RunResult = { sheets: {}, names: { ...plan.existing }, tables: {} };
  const created: string[] = [];
  const total = plan.sheets.reduce((n, s) => n + s.blocks.reduce((m, b) => m + rowsOf(b), 0), 0);
  let done = 0;
  const report = (step: string) => onProgress?.({ done, total, step });
  const check = () => {
    if (signal?.aborted) throw cancelled();
  };

  try {
    for (const sheet of plan.sheets) {
      check();
      report(`Adding sheet ${sheet.name}`);
      const name = await port.createSheet(sheet.name);
      created.push(name);
      result.sheets[sheet.key] = name;
    }
    for (const sheet of plan.sheets) {
      for (const block of sheet.blocks) {
        if (block.kind !== "name") continue;
        check();
        result.names[block.name] = await port.addName(
          block.name,
          result.sheets[sheet.key],
          block.address
        );
      }
    }
    const resolve = resolver(result);
    for (const sheet of plan.sheets) {
      const name = result.sheets[sheet.key];
      for (const block of sheet.blocks) {
        check();
        if (block.kind === "cells") {
          report(`Writing ${name}`);
          const { row, col } = parseCell(block.topLeft);
          const width = block.values.reduce((w, r) => Math.max(w, r.length), 0);
          const values = block.values.map((r) => [
            ...r.map(resolve),
            ...Array(width - r.length).fill(null),
          ]);
          await port.writeRange(name, rangeAddress(row, col, values.length, width), values);
          done += values.length;
          for (const f of block.formats ?? [])
            await port.setNumberFormat(name, f.address, f.format);
        } else if (block.kind === "table") {
          report(`Writing table ${block.table} on ${name}`);
          const start = done;
          const written = await port.writeTable(
            name,
            block.topLeft,
            block.table,
            block.header,
            block.rows.map((r) => r.map(resolve)),
            {
              chunkRows: options.chunkRows,
              signal,
              onProgress: (p) => {
                done = start + 1 + p.rowsWritten;
                report(`Writing table ${block.table} on ${name}`);
              },
            }
          );
          done = start + rowsOf(block);
          result.tables[block.table] = written.table;
          const r = parseRange(written.address);
          if (block.rows.length > 0) {
            for (const f of block.columnFormats ?? []) {
              await port.setNumberFormat(
                name,
                rangeAddress(r.top + 1, r.left + f.column, block.rows.length, 1),
                f.format
              );
            }
          }
          for (const f of block.formats ?? [])
            await port.setNumberFormat(name, f.address, f.format);
        } else if (block.kind === "chart") {
          await port.addChart(name, block.chart);
        }
      }
      if (sheet.freeze) await port.freezePanes(name, sheet.freeze.rows, sheet.freeze.columns);
    }
    check();
    if (plan.select) await port.select(result.sheets[plan.select.sheet], plan.select.address);
    report("Done");
    return result;
  } catch (error) {
    const failed = await removeSheets(port, created);
    throw withLeftBehind(isAbort(error) ? cancelled() : error, failed);
  }
}
