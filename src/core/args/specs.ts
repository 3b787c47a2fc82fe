/**
 * A function's arguments declared once, as data: each argument is a column (one value for every
 * row, or a column of them) or a single number with its rule (single.ts). `readArgs` reads them in
 * the order declared, so the first problem in argument order is the one reported, then checks that
 * the columns share one length.
 *
 *   const REBASE = { contractValue: CONTRACT_VALUE, codes: COLUMN, plannedActivity: COLUMN, costs: COLUMN };
 *   const a = readArgs(REBASE, { contractValue, codes, plannedActivity, costs });
 *   // a.contractValue: number; a.codes: Column; a.rows: the rows the columns share
 */
import { PbrError } from "../errors";
import type { CellValue } from "../values";
import { Column, rowsOf } from "./columns";
import { readNumber, type NumberSpec } from "./single";

/** A column argument; `what` names it in messages when that is not the argument's own name. */
export interface ColumnSpec {
  readonly kind: "column";
  readonly what?: string;
}

/** A column argument named in messages by its argument name. */
export const COLUMN: ColumnSpec = { kind: "column" };

/** A column argument named `what` in messages ("admitted days", "start date"). */
export function column(what: string): ColumnSpec {
  return { kind: "column", what };
}

export type ArgSpecs = Readonly<Record<string, ColumnSpec | NumberSpec>>;

/** The values a function was called with, one per declared argument. */
export type ArgValues<S extends ArgSpecs> = { readonly [K in keyof S]: CellValue };

/** The arguments read: a Column or a number each, with the rows the columns share. */
export type Args<S extends ArgSpecs> = {
  readonly [K in keyof S]: S[K] extends ColumnSpec ? Column : number;
} & {
  readonly rows: number;
  /** The column arguments, in declared order. */
  readonly columns: readonly Column[];
};

export function readArgs<S extends ArgSpecs>(specs: S, values: ArgValues<S>): Args<S> | PbrError {
  const out: Record<string, unknown> = {};
  const columns: Column[] = [];
  for (const key of Object.keys(specs)) {
    const spec = specs[key];
    const value = values[key];
    const read = "kind" in spec ? Column.of(value, spec.what ?? key) : readNumber(value, spec);
    if (read instanceof PbrError) return read;
    if (read instanceof Column) columns.push(read);
    out[key] = read;
  }
  const rows = rowsOf(columns);
  if (rows instanceof PbrError) return rows;
  out.rows = rows;
  out.columns = columns;
  return out as Args<S>;
}
