/** Running the generated SQL on DuckDB and comparing its rows with the functions' (the oracle). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { coreRow, OUTPUT_COLUMNS, type OutputRow } from "../../scripts/mhnrg-sql/oracle";
import type { Row } from "./cases";

export const SQL_DIR = join(__dirname, "..", "..", "sql", "mhnrg");
export const sqlFile = (dialect: string, file: string) =>
  readFileSync(join(SQL_DIR, dialect, file), "utf8");

export function oracle(rows: readonly Row[]): OutputRow[] {
  return rows.map((r, i) => coreRow(i + 1, r));
}

/** A DuckDB in memory with the seeds loaded. */
export async function duckdb(): Promise<DuckDBConnection> {
  return (await openDuckdb()).con;
}

/** The same, with its instance, so a big proof can close it and give its memory back. */
export async function openDuckdb(): Promise<{ db: DuckDBInstance; con: DuckDBConnection }> {
  const db = await DuckDBInstance.create(":memory:", { threads: "2" });
  const con = await db.connect();
  await con.run(sqlFile("duckdb", "seeds.sql"));
  return { db, con };
}

export async function loadInput(con: DuckDBConnection, rows: Iterable<Row>): Promise<void> {
  await con.run(
    "CREATE OR REPLACE TABLE mhnrg_input (row_id INTEGER, kind VARCHAR, age VARCHAR, diagnosis VARCHAR, service VARCHAR, referral_reason VARCHAR, crisis_referral VARCHAR)"
  );
  const app = await con.createAppender("mhnrg_input");
  let id = 0;
  for (const r of rows) {
    app.appendInteger(++id);
    for (const v of r) app.appendVarchar(v);
    app.endRow();
  }
  app.closeSync();
}

const DUCKDB_SELECT = OUTPUT_COLUMNS.map((c) =>
  c === "unit_price" ? "CAST(unit_price AS DOUBLE) AS unit_price" : c
).join(", ");

/** The query's output rows in row order (unit_price as a number). */
export async function runQuery(con: DuckDBConnection, query: string): Promise<OutputRow[]> {
  await con.run(`CREATE OR REPLACE VIEW mhnrg_output AS ${query.replace(/;\s*$/, "")}`);
  const reader = await con.runAndReadAll(
    `SELECT ${DUCKDB_SELECT} FROM mhnrg_output ORDER BY row_id`
  );
  return reader.getRowObjectsJS() as unknown as OutputRow[];
}

/** An engine's output row with its row_id, as the streamed comparison reads it. */
export type IdRow = OutputRow & { row_id: number | null };

/**
 * The query's output streamed in row order, a batch of about `size` rows at a time (DuckDB hands
 * over 2,048-row chunks; nothing but the current batch is held on the JavaScript side).
 */
export async function* duckdbBatches(
  con: DuckDBConnection,
  query: string,
  size = 100_000
): AsyncGenerator<IdRow[]> {
  await con.run(`CREATE OR REPLACE VIEW mhnrg_output AS ${query.replace(/;\s*$/, "")}`);
  const result = await con.stream(
    `SELECT CAST(row_id AS DOUBLE) AS row_id, ${DUCKDB_SELECT} FROM mhnrg_output ORDER BY row_id`
  );
  const names = ["row_id", ...OUTPUT_COLUMNS];
  let batch: IdRow[] = [];
  for (
    let chunk = await result.fetchChunk();
    chunk && chunk.rowCount > 0;
    chunk = await result.fetchChunk()
  ) {
    const cols = chunk.getColumns();
    for (let i = 0; i < chunk.rowCount; i++) {
      const o: Record<string, unknown> = {};
      for (let c = 0; c < names.length; c++) o[names[c]] = cols[c][i];
      batch.push(o as IdRow);
    }
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** What a streamed row-for-row comparison found. */
export interface Proof {
  /** Rows compared (input rows matched with an engine row of the same row_id). */
  compared: number;
  /** Every differing cell, counted; the first 20 kept for the failure message. */
  mismatchCount: number;
  first: Mismatch[];
  /** The distinct values the functions gave in each column (to show the rows reach every outcome). */
  seen: Record<(typeof OUTPUT_COLUMNS)[number], Set<unknown>>;
  /** Some row was priced under another code than it was grouped under (the fallback chain ran). */
  pricedOtherCode: boolean;
}

/**
 * Row for row, batch by batch: each engine row is checked against the functions' answer for the
 * input row of the same row_id (computed as the batch arrives, so nothing is held beyond a batch).
 * Missing, extra and out-of-order rows are mismatches; so is every differing cell.
 */
export async function proveRowForRow(
  inputs: Iterable<Row>,
  batches: AsyncIterable<IdRow[]> | Iterable<IdRow[]>,
  numeric: ReadonlySet<string> = new Set(["unit_price"])
): Promise<Proof> {
  const seen = Object.fromEntries(
    OUTPUT_COLUMNS.map((c) => [c, new Set<unknown>()])
  ) as Proof["seen"];
  const proof: Proof = { compared: 0, mismatchCount: 0, first: [], seen, pricedOtherCode: false };
  const miss = (m: Mismatch) => {
    proof.mismatchCount++;
    if (proof.first.length < 20) proof.first.push(m);
  };
  const it = inputs[Symbol.iterator]();
  let row = 0;
  for await (const batch of batches)
    for (const actual of batch) {
      const next = it.next();
      row++;
      if (next.done) {
        miss({
          row,
          input: ["", "", "", "", "", ""],
          column: "extra engine row",
          expected: null,
          actual: actual.row_id,
        });
        continue;
      }
      if (actual.row_id !== row)
        miss({ row, input: next.value, column: "row_id", expected: row, actual: actual.row_id });
      const expected = coreRow(row, next.value);
      for (const c of OUTPUT_COLUMNS) {
        const e = expected[c];
        const a = actual[c] ?? (numeric.has(c) ? null : "");
        if (e !== a) miss({ row, input: next.value, column: c, expected: e, actual: a });
        seen[c].add(e);
      }
      if (expected.priced_code !== "" && expected.priced_code !== expected.mhnrg)
        proof.pricedOtherCode = true;
      proof.compared++;
    }
  for (let next = it.next(); !next.done; next = it.next())
    miss({
      row: ++row,
      input: next.value,
      column: "missing engine row",
      expected: row,
      actual: null,
    });
  return proof;
}

/** A proof's failures, readable in a failure message ("0 mismatches" when it held). */
export const showProof = (p: Proof) =>
  `${p.mismatchCount} mismatches in ${p.compared} rows compared; first: ${JSON.stringify(p.first, null, 1)}`;

export interface Mismatch {
  row: number;
  input: Row;
  column: string;
  expected: unknown;
  actual: unknown;
}

/** Every cell where the engine differs from the functions (row numbers 1-based). */
export function compare<R extends Record<string, unknown> = OutputRow>(
  rows: readonly Row[],
  expected: R[],
  actual: R[],
  columns: readonly string[] = OUTPUT_COLUMNS,
  numeric: ReadonlySet<string> = new Set(["unit_price"])
): Mismatch[] {
  const out: Mismatch[] = [];
  if (actual.length !== expected.length)
    out.push({
      row: 0,
      input: ["", "", "", "", "", ""],
      column: "row count",
      expected: expected.length,
      actual: actual.length,
    });
  for (let i = 0; i < Math.min(expected.length, actual.length); i++)
    for (const c of columns) {
      const e = expected[i][c];
      const a = actual[i][c] ?? (numeric.has(c) ? null : "");
      if (e !== a) out.push({ row: i + 1, input: rows[i], column: c, expected: e, actual: a });
    }
  return out;
}

/** The first few mismatches, readable in a failure message. */
export const show = (m: Mismatch[]) =>
  `${m.length} mismatches; first: ${JSON.stringify(m.slice(0, 5), null, 1)}`;
