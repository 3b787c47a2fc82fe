/**
 * Price tables: a range with a header row. Required columns `Code` and `Day price` (non-admitted
 * price per day); optional `Admitted day price`, `Period price`, `Period days`, `Effective from`,
 * `Source`. Headers match case-insensitively, ignoring spaces, underscores and dashes.
 *
 * Codes are any text or number (care clusters, resource groups, local codes) matched as text:
 * 14 and "14" are the same code, and text codes ignore case ("mhrg1" is "MHRG1").
 *
 * A table is parsed once into a Map from code to its rows (ascending by `Effective from`). Bad
 * cells do not fail the table: the row remembers its problem and any lookup that lands on it
 * reports it, so other codes still price.
 */
import { PbrError, shapeErrors, tariffErrors, type TableRef } from "../errors";
import { MAX_SERIAL, minDate, workbookDateOffset } from "../dates";
import type { NumberColumn } from "../results";
import {
  findColumns,
  isBlank,
  isBlankRow,
  toKey,
  toNumber,
  type CellValue,
  type Grid,
} from "../values";

export interface PriceRow {
  /** Row number in the range (the header is row 1). */
  readonly row: number;
  /** Non-admitted price per day; NaN when blank. */
  readonly day: number;
  /** Admitted (inpatient) price per day; NaN when blank or the column is absent. */
  readonly admitted: number;
  /** Price per review period; NaN when blank or absent. */
  readonly periodPrice: number;
  /** Days in the review period (more than 0); NaN when blank or absent. */
  readonly periodDays: number;
  /** Effective from (Excel date); -Infinity when blank or absent (always in force). */
  readonly from: number;
  /** Row number of another row for the same code and the same effective date; 0 when none. */
  twin: number;
  /** An unreadable cell in this row, reported when a lookup lands on it. */
  readonly problem: PbrError | null;
}

export interface PriceCode {
  /** The code as first written in the table. */
  readonly code: CellValue;
  /** Its rows, ascending by effective date (ties in table order). */
  readonly rows: PriceRow[];
  /**
   * The latest row when it can be used without further checks (no problem, no twin); null
   * otherwise. Lets the row loops skip `priceRowFor` in the usual case.
   */
  current: PriceRow | null;
}

export interface PriceTable extends TableRef {
  readonly codes: ReadonlyMap<string, PriceCode>;
  /** Fast path for whole-number codes 0–1023 (care clusters and most numeric codes). */
  readonly small: readonly (PriceCode | undefined)[];
  /** Whether the table has an `Effective from` column. */
  readonly dated: boolean;
}

const SMALL = 1024;

/** Normalised header → field. Aliases accepted for the names commissioners' tables often use. */
const COLUMNS: Record<
  string,
  keyof Omit<PriceRow, "row" | "twin" | "problem"> | "code" | "source"
> = {
  code: "code",
  cluster: "code",
  clustercode: "code",
  dayprice: "day",
  // A resource-group price table (Code | Unit price): units (bed days, contacts) in place of days.
  unitprice: "day",
  currencycode: "code",
  nonadmitteddayprice: "day",
  admitteddayprice: "admitted",
  periodprice: "periodPrice",
  perioddays: "periodDays",
  effectivefrom: "from",
  source: "source",
};

const LABEL: Record<string, string> = {
  day: "Day price",
  admitted: "Admitted day price",
  periodPrice: "Period price",
  periodDays: "Period days",
  from: "Effective from",
};

/** The text key a code is matched by. */
export function codeKey(value: CellValue): string {
  return typeof value === "string" ? value.trim().toUpperCase() : toKey(value);
}

/** Find a code's entry; undefined when the table does not list it. */
export function findCode(table: PriceTable, value: CellValue): PriceCode | undefined {
  if (typeof value === "number") {
    if (value >= 0 && value < SMALL && (value | 0) === value) return table.small[value];
    return table.codes.get(String(value));
  }
  return table.codes.get(codeKey(value));
}

export function parsePriceTable(grid: Grid, name = "price table"): PriceTable | PbrError {
  if (grid.length === 0) return shapeErrors.tableMissingColumns(name, ["Code", "Day price"]);
  const { at, missing } = findColumns(grid[0], COLUMNS, [
    ["code", "Code"],
    ["day", "Day price"],
  ]);
  if (missing.length > 0) return shapeErrors.tableMissingColumns(name, missing);
  const codeColumn = at.code!;

  const codes = new Map<string, PriceCode>();
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r];
    const code = cells[codeColumn];
    if (isBlank(code) || isBlankRow(cells)) continue;
    const key = codeKey(code);
    let entry = codes.get(key);
    if (!entry) codes.set(key, (entry = { code, rows: [], current: null }));
    entry.rows.push(readRow(cells, r + 1, at, name));
  }
  if (codes.size === 0) return shapeErrors.tableEmpty(name);

  const small: (PriceCode | undefined)[] = new Array(SMALL);
  for (const [key, entry] of codes) {
    entry.rows.sort((a, b) => a.from - b.from || a.row - b.row);
    for (let i = 1; i < entry.rows.length; i++) {
      const a = entry.rows[i - 1];
      const b = entry.rows[i];
      if (a.from === b.from) {
        if (!a.twin) a.twin = b.row;
        b.twin = a.row;
      }
    }
    const latest = entry.rows[entry.rows.length - 1];
    entry.current = latest.twin || latest.problem ? null : latest;
    const n = Number(key);
    if (key !== "" && Number.isInteger(n) && n >= 0 && n < SMALL && String(n) === key)
      small[n] = entry;
  }
  return { name, firstRow: 2, lastRow: grid.length, codes, small, dated: at.from !== undefined };
}

function readRow(
  cells: readonly CellValue[],
  row: number,
  at: Partial<Record<string, number>>,
  name: string
): PriceRow {
  let problem: PbrError | null = null;
  const money = (field: string): number => {
    const j = at[field];
    if (j === undefined || isBlank(cells[j])) return NaN;
    const n = toNumber(cells[j]);
    if (n !== n) problem ??= tariffErrors.tableCell(name, row, LABEL[field], cells[j], "a number");
    else if (n < 0) problem ??= tariffErrors.tableCellNegative(name, row, LABEL[field], n);
    return n;
  };
  const day = money("day");
  const admitted = money("admitted");
  const periodPrice = money("periodPrice");
  let periodDays = NaN;
  if (at.periodDays !== undefined && !isBlank(cells[at.periodDays])) {
    periodDays = toNumber(cells[at.periodDays]);
    if (!(periodDays > 0)) {
      problem ??= tariffErrors.tableCell(
        name,
        row,
        "Period days",
        cells[at.periodDays],
        "a number of days above 0"
      );
    }
  }
  let from = -Infinity;
  if (at.from !== undefined && !isBlank(cells[at.from])) {
    const v = cells[at.from];
    // A 1904 workbook's serial is moved onto core's 1900 serials (one add).
    const serial = typeof v === "number" ? v + workbookDateOffset() : NaN;
    if (serial >= minDate() && serial <= MAX_SERIAL) from = Math.floor(serial);
    else
      problem ??= tariffErrors.tableCell(
        name,
        row,
        "Effective from",
        v,
        "a date (expected an Excel date)"
      );
  }
  return { row, day, admitted, periodPrice, periodDays, from, twin: 0, problem };
}

/**
 * The row of `entry` to use, or the error for input row `row`:
 * - `date` given: the row in force on that date (latest `Effective from` on or before it);
 * - `date` NaN (functions without a date): the latest row, i.e. the current price.
 * A row shared by two rows of the same code and date is an error naming both.
 */
export function priceRowFor(
  table: PriceTable,
  entry: PriceCode,
  row: number,
  date: number
): PriceRow | PbrError {
  const rows = entry.rows;
  let pr = rows[rows.length - 1];
  if (rows.length > 1 || (date === date && pr.from > date)) {
    let i = rows.length - 1;
    if (date === date) while (i >= 0 && rows[i].from > date) i--;
    if (i < 0)
      return tariffErrors.noPriceInForce(
        row,
        entry.code,
        date,
        table.name,
        rows[0].row,
        rows[0].from
      );
    pr = rows[i];
    if (pr.twin) {
      return tariffErrors.duplicateCode(
        row,
        entry.code,
        table.name,
        Math.min(pr.row, pr.twin),
        Math.max(pr.row, pr.twin),
        pr.from
      );
    }
  }
  if (pr.problem) return tariffErrors.inTableRow(row, pr.problem);
  return pr;
}

/**
 * The usual case of a lookup, small enough to inline into row loops: the code's only usable row
 * (date NaN: its latest row) when no checks are needed; null means "ask lookupPrice".
 */
export function quickPrice(table: PriceTable, code: CellValue, date: number): PriceRow | null {
  const entry = findCode(table, code);
  if (entry === undefined) return null;
  const current = entry.current;
  return current !== null && (date !== date || (current.from <= date && entry.rows.length === 1))
    ? current
    : null;
}

/** Look a code up for input row `row`: its price row, or the error saying why there is none. */
export function lookupPrice(
  table: PriceTable,
  code: CellValue,
  row: number,
  date: number
): PriceRow | PbrError {
  const entry = findCode(table, code);
  if (!entry)
    return isBlank(code)
      ? tariffErrors.codeBlank(row)
      : tariffErrors.codeNotFound(row, code, table);
  return priceRowFor(table, entry, row, date);
}

/**
 * The price row for input row `row` of a per-row loop: the quick path when it applies, otherwise
 * the full lookup. When there is no price, the reason is recorded in `out` at `i` and the result
 * is null (the caller moves on to the next row).
 */
export function priceForRow(
  table: PriceTable,
  code: CellValue,
  row: number,
  date: number,
  out: NumberColumn,
  i: number
): PriceRow | null {
  const quick = quickPrice(table, code, date);
  if (quick !== null) return quick;
  const found = lookupPrice(table, code, row, date);
  if (found instanceof PbrError) {
    out.set(i, found);
    return null;
  }
  return found;
}
