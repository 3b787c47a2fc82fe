/**
 * A function's arguments declared once, as data, in the function's own order: each argument is a
 * column (one value for every row, or a column of them), a single number with its rule
 * (single.ts), a table the function parses itself, or a value its caller has already parsed.
 * Core functions take their values by name, typed from the spec (ArgValues). `readArgs` reads
 * them in the order declared, so the first problem in the formula is the one reported, then
 * checks that the columns share one length. test/functions/argSpecs.test.ts holds each spec to its
 * PBR function's arguments in functions.json.
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

/**
 * An argument its function reads with its own parser (a band table): declared so that it is
 * named in the function's values, and passed through as given.
 */
export interface TableSpec {
  readonly kind: "table";
}

export const TABLE: TableSpec = { kind: "table" };

/**
 * An argument the caller has already read (a parsed price table, a budget setup), of type T:
 * required, and passed through as given.
 */
export interface ParsedSpec<T> {
  readonly kind: "parsed";
  /** Only carries T for the types; never set. */
  readonly type?: T;
}

export function parsed<T>(): ParsedSpec<T> {
  return { kind: "parsed" };
}

export type ArgSpecs = Readonly<
  Record<string, ColumnSpec | TableSpec | ParsedSpec<unknown> | NumberSpec>
>;

type ParsedKeys<S extends ArgSpecs> = {
  [K in keyof S]: S[K] extends ParsedSpec<unknown> ? K : never;
}[keyof S];

/**
 * The values a function is called with, by argument name. An argument left out is blank, as an
 * omitted argument is in Excel; a parsed argument must be given.
 */
export type ArgValues<S extends ArgSpecs> = {
  readonly [K in Exclude<keyof S, ParsedKeys<S>>]?: CellValue;
} & {
  readonly [K in ParsedKeys<S>]: S[K] extends ParsedSpec<infer T> ? T : never;
};

/** The arguments read: a Column or a number each, with the rows the columns share. */
export type Args<S extends ArgSpecs> = {
  readonly [K in keyof S]: S[K] extends ColumnSpec
    ? Column
    : S[K] extends ParsedSpec<infer T>
      ? T
      : S[K] extends TableSpec
        ? CellValue
        : number;
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
    const value = (values as Record<string, CellValue>)[key];
    const read = !("kind" in spec)
      ? readNumber(value, spec)
      : spec.kind === "column"
        ? Column.of(value, spec.what ?? key)
        : value;
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
