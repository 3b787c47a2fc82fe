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
  const db = await DuckDBInstance.create(":memory:", { threads: "2" });
  const con = await db.connect();
  await con.run(sqlFile("duckdb", "seeds.sql"));
  return con;
}

export async function loadInput(con: DuckDBConnection, rows: readonly Row[]): Promise<void> {
  await con.run(
    "CREATE OR REPLACE TABLE mhnrg_input (row_id INTEGER, kind VARCHAR, age VARCHAR, diagnosis VARCHAR, service VARCHAR, referral_reason VARCHAR, crisis_referral VARCHAR)"
  );
  const app = await con.createAppender("mhnrg_input");
  rows.forEach((r, i) => {
    app.appendInteger(i + 1);
    for (const v of r) app.appendVarchar(v);
    app.endRow();
  });
  app.closeSync();
}

/** The query's output rows in row order (unit_price as a number). */
export async function runQuery(con: DuckDBConnection, query: string): Promise<OutputRow[]> {
  await con.run(`CREATE OR REPLACE VIEW mhnrg_output AS ${query.replace(/;\s*$/, "")}`);
  const reader = await con.runAndReadAll(
    `SELECT ${OUTPUT_COLUMNS.map((c) => (c === "unit_price" ? "CAST(unit_price AS DOUBLE) AS unit_price" : c)).join(", ")} FROM mhnrg_output ORDER BY row_id`
  );
  return reader.getRowObjectsJS() as unknown as OutputRow[];
}

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
