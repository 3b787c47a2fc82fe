/* The generated DuckDB resource-group query (sql/mhnrg/duckdb) over 1,000,000 seeded messy rows
   beside the functions' core on the same rows; every row of DuckDB's answer is compared with the
   core's in DuckDB (code, rule, deciding value, error kind, failed check, price). */
import type { DuckDBConnection } from "@duckdb/node-api";
import { messy, type Row } from "../sql/cases";
import { duckdb, loadInput, oracle, sqlFile } from "../sql/harness";
import { OUTPUT_COLUMNS, type OutputRow } from "../../scripts/mhnrg-sql/oracle";
import type { Bench } from "./harness";

const ROWS = 1_000_000;
let rows: Row[] = [];
let con: DuckDBConnection | undefined;
let ready: Promise<void> | undefined;

async function prepare(): Promise<DuckDBConnection> {
  ready ??= (async () => {
    rows = messy(ROWS, 2627);
    const expected: OutputRow[] = oracle(rows);
    con = await duckdb();
    await loadInput(con, rows);
    await con.run(`CREATE TABLE mhnrg_expected (row_id INTEGER, ${OUTPUT_COLUMNS.map((c) => `${c} ${c === "unit_price" ? "DOUBLE" : "VARCHAR"}`).join(", ")})`);
    const app = await con.createAppender("mhnrg_expected");
    expected.forEach((e, i) => {
      app.appendInteger(i + 1);
      for (const c of OUTPUT_COLUMNS) {
        const v = e[c];
        if (c === "unit_price") v === null ? app.appendNull() : app.appendDouble(v as number);
        else app.appendVarchar(String(v));
      }
      app.endRow();
    });
    app.closeSync();
  })();
  await ready;
  return con!;
}

const query = sqlFile("duckdb", "query.sql").replace(/;\s*$/, "");

export const benches: Bench[] = [
  {
    name: "MHNRG SQL on DuckDB (generated query, 2 threads), 1,000,000 messy rows, table to table",
    runs: 2,
    run: async () => {
      const c = await prepare();
      const t0 = performance.now();
      await c.run(`CREATE OR REPLACE TABLE mhnrg_output AS ${query}`);
      const ms = performance.now() - t0;
      const r = await c.runAndReadAll(
        `SELECT count(*) FROM mhnrg_expected e LEFT JOIN mhnrg_output o USING (row_id) WHERE o.row_id IS NULL OR ${OUTPUT_COLUMNS.map((col) => (col === "unit_price" ? "o.unit_price IS DISTINCT FROM e.unit_price" : `COALESCE(o.${col}, '') <> e.${col}`)).join(" OR ")}`
      );
      return { ms, mismatches: Number(r.getRowsJS()[0][0]) };
    },
    measure: (out, ms) => (out as { ms: number }).ms ?? ms,
    check: (out) => {
      const m = (out as { mismatches: number }).mismatches;
      if (m !== 0) return `${m} rows differ from the functions`;
    },
    items: ROWS,
    unit: "rows",
    target: { kind: "rate", min: 200_000 },
  },
  {
    name: "MHNRG core (groupRow + priceActivity, the same rows), 1,000,000 messy rows",
    runs: 2,
    setup: () => {
      if (rows.length === 0) rows = messy(ROWS, 2627);
    },
    run: () => oracle(rows),
    check: (out) => {
      if ((out as OutputRow[]).length !== ROWS) return "wrong row count";
    },
    items: ROWS,
    unit: "rows",
    target: { kind: "rate", min: 200_000 },
  },
];
