/**
 * Pre-flight: before a journey writes formulas over a caseload, run the same core code its
 * functions will run, row by row, and list the rows that would come out as errors, by the sheet
 * row the user sees. The pane then offers to leave those rows out (listed on the result sheet) or
 * to stop, instead of writing a sheet whose totals are #VALUE!.
 */
import { PbrError, type ResultCell } from "../../core/errors";
import { NumberColumn } from "../../core/results";
import { fyCostRange } from "../../core/tariff/fy";
import { illustrativePrices } from "../../core/tariff/builtin";
import { parsePriceTable, type PriceTable } from "../../core/tariff/priceTable";
import { rasBudgetRange, rasSetup } from "../../core/ras/budget";
import { illustrativeSteps, parseStepTable, type StepTable } from "../../core/ras/stepTable";
import { isBlank, type Grid } from "../../core/values";
import { parseRange } from "../../workbook/address";
import type { CellInput, TableData } from "../../workbook/port";
import { rowLink, rowRef, sheetRowsIn, type CellLink, type NamedTable } from "./rowRefs";

export interface LeftOutRow {
  /** 0-based row of the table body. */
  index: number;
  /** Row number on the sheet, as the user sees it. */
  sheetRow: number;
  /** The sheet it stands on, when known (the left-out list links to the row). */
  sheet?: string;
  id: string;
  /** Why the row cannot be used, without the function's "row N" prefix. */
  reason: string;
}

export interface Preflight {
  /** The caseload's sheet, when known: rows are cited as "Caseload row 32", with a link. */
  sheet?: string;
  /** Body rows that hold data (blank rows are neither used nor left out). */
  rows: number;
  /** Rows that would give an error, in sheet order. */
  leftOut: LeftOutRow[];
}

/** A core message without the "row 12: " or "row 12, " that names the row inside the range. */
export function reasonOf(error: PbrError): string {
  return error.message.replace(/^row \d+(?::\s*|,\s*)/, "");
}

/** The sheet row of body row `index` of a table read from a sheet. */
export function sheetRowOf(table: Pick<TableData, "address">, index: number): number {
  return parseRange(table.address).top + 2 + index;
}

function idText(value: CellInput | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

/**
 * Collect the error rows of a per-row result over `table`'s body. `blank(i)` says whether body
 * row i is blank (not counted).
 */
export function collect(
  table: Pick<TableData, "address" | "rows"> & { sheet?: string },
  idColumn: number,
  result: NumberColumn | readonly ResultCell[],
  blank: (i: number) => boolean
): Preflight {
  const top = parseRange(table.address).top;
  const leftOut: LeftOutRow[] = [];
  let rows = 0;
  for (let i = 0; i < table.rows.length; i++) {
    if (blank(i)) continue;
    rows++;
    const cell = result instanceof NumberColumn ? result.at(i) : result[i];
    if (cell instanceof PbrError) {
      leftOut.push({
        index: i,
        sheetRow: top + 2 + i,
        ...(table.sheet ? { sheet: table.sheet } : {}),
        id: idColumn >= 0 ? idText(table.rows[i][idColumn]) : "",
        reason: reasonOf(cell),
      });
    }
  }
  return table.sheet ? { sheet: table.sheet, rows, leftOut } : { rows, leftOut };
}

/** The lookup tables a journey hands its formulas, as their messages name them. */
function namedTables(prices: TableData | null, steps: TableData | null = null): NamedTable[] {
  const out: NamedTable[] = [];
  if (prices)
    out.push({
      label: `price table ${prices.sheet}`,
      sheet: prices.sheet,
      address: prices.address,
    });
  if (steps)
    out.push({ label: `step table ${steps.sheet}`, sheet: steps.sheet, address: steps.address });
  return out;
}

/** The left-out reasons with a lookup table's rows said as its sheet's rows (rowRefs.ts). */
function withSheetRows(check: Preflight, tables: readonly NamedTable[]): Preflight {
  return {
    ...check,
    leftOut: check.leftOut.map((r) => ({ ...r, reason: sheetRowsIn(r.reason, tables) })),
  };
}

const column = (table: TableData, c: number): CellInput[][] =>
  table.rows.map((r) => [c >= 0 ? (r[c] ?? null) : null]);

const gridOf = (table: TableData): Grid => [table.header, ...table.rows] as Grid;

/** The price table a journey will hand to its formulas, parsed as the functions parse it. */
export function pricesFrom(table: TableData | null): PriceTable | PbrError {
  return table
    ? parsePriceTable(gridOf(table), `price table ${table.sheet}`)
    : illustrativePrices();
}

export function stepsFrom(table: TableData | null): StepTable | PbrError {
  return table ? parseStepTable(gridOf(table), `step table ${table.sheet}`) : illustrativeSteps();
}

/** Which caseload rows PBR.FYCOST cannot price (the Scenario runner's plan value). */
export function preflightFyCost(
  caseload: TableData,
  cols: { id: number; code: number; start: number; end: number; admitted: number },
  fyStartYear: number,
  prices: TableData | null
): Preflight | PbrError {
  const table = pricesFrom(prices);
  if (table instanceof PbrError) return table;
  const result = fyCostRange({
    code: column(caseload, cols.code),
    start: column(caseload, cols.start),
    end: column(caseload, cols.end),
    fyStartYear,
    admittedDays: cols.admitted >= 0 ? column(caseload, cols.admitted) : null,
    prices: table,
  });
  if (result instanceof PbrError) return result;
  return withSheetRows(
    collect(caseload, cols.id, result, (i) => result.at(i) === ""),
    namedTables(prices)
  );
}

/** Which people PBR.RASBUDGET cannot budget (unknown code or step). */
export function preflightBudgets(
  people: readonly { code: CellInput; step: CellInput }[],
  table: Pick<TableData, "address" | "rows"> & { sheet?: string },
  idColumn: number,
  prices: TableData | null,
  steps: TableData | null
): Preflight | PbrError {
  const p = pricesFrom(prices);
  if (p instanceof PbrError) return p;
  const s = stepsFrom(steps);
  if (s instanceof PbrError) return s;
  const setup = rasSetup(p, s, null);
  if (setup instanceof PbrError) return setup;
  const result = rasBudgetRange({
    code: people.map((x) => [x.code]),
    step: people.map((x) => [x.step]),
    setup,
  });
  if (result instanceof PbrError) return result;
  return withSheetRows(
    collect(table, idColumn, result, (i) => isBlank(people[i].code) && isBlank(people[i].step)),
    namedTables(prices, steps)
  );
}

export interface ReasonGroup {
  count: number;
  /** The first row with this kind of problem. */
  example: LeftOutRow;
}

/** Group left-out rows by the kind of problem (the reason with its numbers and quoted values taken out). */
export function groupReasons(leftOut: readonly LeftOutRow[]): ReasonGroup[] {
  const groups = new Map<string, ReasonGroup>();
  for (const row of leftOut) {
    const key = row.reason.replace(/"[^"]*"|\d[\d,./–-]*/g, "#");
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { count: 1, example: row });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

const fmt = (n: number) => n.toLocaleString("en-GB");

/** The pane's pre-flight sentence: how many rows cannot be used, and why, by kind, with a sheet row each. */
export function describePreflight(check: Preflight, what: string, table: string): string[] {
  const n = check.leftOut.length;
  const lines = [`${fmt(n)} of ${fmt(check.rows)} rows of ${table} cannot be ${what}:`];
  for (const g of groupReasons(check.leftOut).slice(0, 4)) {
    const e = g.example;
    const who = e.id ? ` (${e.id})` : "";
    const where = check.sheet ? rowRef(check.sheet, e.sheetRow) : `sheet row ${e.sheetRow}`;
    lines.push(`${fmt(g.count)} like ${where}${who}: ${e.reason}`);
  }
  const groups = groupReasons(check.leftOut).length;
  if (groups > 4) lines.push(`and ${groups - 4} other kinds of problem.`);
  return lines;
}

/** Links from the pre-flight's lines to the example rows they cite ("Caseload row 32"). */
export function preflightLinks(check: Preflight): CellLink[] {
  const sheet = check.sheet;
  if (!sheet) return [];
  return groupReasons(check.leftOut).map((g) => rowLink(sheet, g.example.sheetRow));
}
