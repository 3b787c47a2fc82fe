/**
 * The generated PostgreSQL query, run on a throwaway PostgreSQL cluster (test/sql/pg.ts), agrees
 * with the functions row for row on the same exhaustive and messy sets as the DuckDB test, and so
 * does priced.sql (dated prices at each row's date, times its MFF); the shipped golden checks
 * return no rows. Skipped, saying so, only where PostgreSQL is not installed.
 */
import { closeSync, openSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { exhaustive, messy, proofSet, type Row } from "./cases";
import { compare, type IdRow, proveRowForRow, show, showProof, sqlFile } from "./harness";
import { bin, Cluster, requirePostgresOnCi } from "./pg";
import { builtInDatedPrices, priceInputs, testDatedPrices } from "./pricedCases";
import { PRICED_NUMERIC, pricedOracle } from "./pricedOracle";
import { OUTPUT_COLUMNS, PRICED_COLUMNS } from "../../scripts/mhnrg-sql/oracle";

jest.setTimeout(300_000);

requirePostgresOnCi("test/sql/postgres.test.ts");

const csvIn = (table: string, rows: unknown[][]) =>
  `COPY ${table} FROM STDIN WITH (FORMAT csv);\n${Papa.unparse(rows, { newline: "\n" })}\n\\.\n`;

/** COPY's CSV back as rows; the numeric columns as numbers (blank = null). */
function readCsv<T>(out: string, numeric: ReadonlySet<string>): T[] {
  return Papa.parse<Record<string, string>>(out, { header: true, skipEmptyLines: true }).data.map(
    (r) => {
      const o: Record<string, unknown> = { ...r };
      for (const c of numeric) if (c in r) o[c] = r[c] === "" ? null : Number(r[c]);
      return o as T;
    }
  );
}

/** The size of the row-for-row proof: PBR_SQL_PROOF=full (CI) or small (the local default). */
const proof = proofSet();

/** Rows (with row_id = position + 1) as a CSV file for COPY, written in batches, never whole in memory. */
function writeCsv(file: string, rows: Iterable<Row>): void {
  const fd = openSync(file, "w", 0o644);
  try {
    let batch: unknown[][] = [];
    const flush = () => {
      if (batch.length) writeSync(fd, Papa.unparse(batch, { newline: "\n" }) + "\n");
      batch = [];
    };
    let id = 0;
    for (const r of rows) {
      batch.push([++id, ...r]);
      if (batch.length === 50_000) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
}

/** proof.mhnrg_out in row_id order, a window of `size` row ids per COPY (an index on row_id finds each). */
function* pgBatches(pg: Cluster, size = 100_000): Generator<IdRow[]> {
  const last = Number(
    pg.psql("\\pset tuples_only on\nSELECT coalesce(max(row_id), 0) FROM proof.mhnrg_out;").trim()
  );
  for (let from = 0; from < last; from += size)
    yield readCsv<IdRow>(
      pg.psql(
        `COPY (SELECT row_id, ${OUTPUT_COLUMNS.join(", ")} FROM proof.mhnrg_out WHERE row_id > ${from} AND row_id <= ${from + size} ORDER BY row_id) TO STDOUT WITH (FORMAT csv, HEADER true)`
      ),
      new Set(["row_id", "unit_price"])
    );
}

(bin ? describe : describe.skip)("sql/mhnrg/postgres on a throwaway cluster", () => {
  let pg: Cluster;
  let rows: Row[];
  beforeAll(() => {
    pg = new Cluster();
    rows = [...exhaustive(), ...messy(20_000)];
    pg.psql(
      sqlFile("postgres", "seeds.sql") +
        "DROP TABLE IF EXISTS mhnrg_input; CREATE TABLE mhnrg_input (row_id INTEGER, kind TEXT, age TEXT, diagnosis TEXT, service TEXT, referral_reason TEXT, crisis_referral TEXT);\n" +
        csvIn(
          "mhnrg_input",
          rows.map((r, i) => [i + 1, ...r])
        )
    );
  });
  afterAll(() => pg?.stop());

  // In its own schema (first on the search path), so the tests below keep the small set in public.
  it(`agrees with the functions row for row on the ${proof.label}`, async () => {
    const file = join(pg.dir, "proof_input.csv");
    try {
      writeCsv(file, proof.rows());
      pg.psql(
        "DROP SCHEMA IF EXISTS proof CASCADE; CREATE SCHEMA proof; SET search_path = proof, public;\n" +
          "CREATE TABLE mhnrg_input (row_id INTEGER, kind TEXT, age TEXT, diagnosis TEXT, service TEXT, referral_reason TEXT, crisis_referral TEXT);\n" +
          `\\copy mhnrg_input FROM '${file}' WITH (FORMAT csv)\n` +
          `CREATE VIEW mhnrg_output AS ${sqlFile("postgres", "query.sql")}\n` +
          `CREATE UNLOGGED TABLE mhnrg_out AS SELECT row_id, ${OUTPUT_COLUMNS.join(", ")} FROM mhnrg_output;\n` +
          "CREATE INDEX ON mhnrg_out (row_id);\n"
      );
      rmSync(file, { force: true });
      const p = await proveRowForRow(proof.rows(), pgBatches(pg));
      expect(showProof(p)).toBe(showProof({ ...p, mismatchCount: 0, first: [] }));
      expect(p.compared).toBe(proof.count);
    } finally {
      rmSync(file, { force: true });
      pg.psql("DROP SCHEMA IF EXISTS proof CASCADE;");
    }
  }, 1_800_000);

  it("priced.sql agrees with the functions row for row at each row's date and MFF", () => {
    const inputs = priceInputs(rows.length);
    const dated = testDatedPrices();
    const extra = dated.slice(builtInDatedPrices().length);
    pg.psql(
      sqlFile("postgres", "prices_dated.sql") +
        csvIn(
          "mhnrg_prices_dated",
          extra.map((p) => [p.code, p.unit, p.price, p.valid_from, p.valid_to])
        ) +
        "DROP TABLE IF EXISTS mhnrg_price_input; CREATE TABLE mhnrg_price_input (row_id INTEGER, mff TEXT, activity_date DATE, fallback TEXT);\n" +
        csvIn(
          "mhnrg_price_input",
          inputs.map((p, i) => [i + 1, p.mff, p.date, p.fallback])
        ) +
        `CREATE OR REPLACE VIEW mhnrg_priced AS ${sqlFile("postgres", "priced.sql")}`
    );
    const out = pg.psql(
      `COPY (SELECT ${PRICED_COLUMNS.join(", ")} FROM mhnrg_priced ORDER BY row_id) TO STDOUT WITH (FORMAT csv, HEADER true)`
    );
    const actual = readCsv<Record<string, unknown>>(out, PRICED_NUMERIC);
    const expected = pricedOracle(rows, inputs, dated);
    const m = compare(rows, expected, actual, PRICED_COLUMNS, PRICED_NUMERIC);
    expect(show(m)).toBe(show([]));
    // The golden checks replace the input tables: nothing of ours may depend on them.
    pg.psql("DROP VIEW mhnrg_priced;");
  });

  it("the golden checks shipped for warehouses return no rows", () => {
    const run = (file: string) =>
      pg.psql(
        sqlFile("postgres", file)
          .replace(/;\s*$/, "")
          .replace(
            /\nSELECT e\.row_id/,
            "\n\\pset format unaligned\n\\pset footer on\nSELECT e.row_id"
          ) + ";"
      );
    expect(run("check.sql").trim()).toBe(
      "row_id|expected_mhnrg|mhnrg|expected_check|failed_check\n(0 rows)"
    );
    pg.psql(sqlFile("postgres", "prices_dated.sql"));
    expect(run("priced_check.sql").trim()).toBe(
      "row_id|mhnrg|expected_code|priced_code|expected_price|price_with_mff\n(0 rows)"
    );
    // Re-runnable in any order, though priced_check.sql's view reads the tables the others replace.
    expect(() => pg.psql(sqlFile("postgres", "prices_dated.sql"))).not.toThrow();
    expect(run("priced_check.sql")).toContain("(0 rows)");
    expect(run("check.sql")).toContain("(0 rows)");
  });
});
