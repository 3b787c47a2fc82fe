/**
 * priced.sql (DuckDB): the grouping query priced at each row's activity date from a dated price
 * table (the as-of join) and times the row's MFF gives every row the same code, price, price
 * error, price start date, MFF and price × MFF as the functions' core (PBR.MHNRGPRICE's readMff
 * and priceActivity over the prices in force on the date), on the exhaustive and messy sets with
 * seeded MFFs and dates; seeded bugs in the new parts are each caught; the shipped golden check
 * returns no rows. PostgreSQL runs the same in postgres.test.ts.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { exhaustive, messy, type Row } from "./cases";
import { compare, duckdb, loadInput, show, sqlFile } from "./harness";
import { builtInDatedPrices, priceInputs, testDatedPrices } from "./pricedCases";
import { PRICED_NUMERIC, pricedOracle } from "./pricedOracle";
import { PRICED_COLUMNS, type DatedPrice, type PricedRow } from "../../scripts/mhnrg-sql/oracle";

jest.setTimeout(300_000);

async function loadDated(con: DuckDBConnection, rows: readonly DatedPrice[]) {
  await con.run(sqlFile("duckdb", "prices_dated.sql"));
  const extra = rows.slice(builtInDatedPrices().length);
  const v = (x: string | number | null) =>
    x === null ? "NULL" : typeof x === "number" ? String(x) : `'${x}'`;
  if (extra.length > 0)
    await con.run(
      "INSERT INTO mhnrg_prices_dated VALUES " +
        extra
          .map(
            (p) =>
              `(${v(p.code)}, ${v(p.unit)}, ${v(p.price)}, CAST(${v(p.valid_from)} AS DATE), CAST(${v(p.valid_to)} AS DATE))`
          )
          .join(", ")
    );
}

async function runPriced(con: DuckDBConnection, sql: string): Promise<PricedRow[]> {
  await con.run(`CREATE OR REPLACE VIEW mhnrg_priced AS ${sql.replace(/;\s*$/, "")}`);
  const cols = PRICED_COLUMNS.map((c) =>
    PRICED_NUMERIC.has(c)
      ? `CAST(${c} AS DOUBLE) AS ${c}`
      : c === "price_valid_from"
        ? `COALESCE(CAST(${c} AS VARCHAR), '') AS ${c}`
        : c
  );
  const reader = await con.runAndReadAll(
    `SELECT ${cols.join(", ")} FROM mhnrg_priced ORDER BY row_id`
  );
  return reader.getRowObjectsJS() as unknown as PricedRow[];
}

let con: DuckDBConnection;
let rows: Row[];
let expected: PricedRow[];
const priced = sqlFile("duckdb", "priced.sql");
const dated = testDatedPrices();

beforeAll(async () => {
  con = await duckdb();
  rows = [...exhaustive(), ...messy(20_000)];
  const inputs = priceInputs(rows.length);
  expected = pricedOracle(rows, inputs, dated);
  await loadInput(con, rows);
  await con.run(
    "CREATE OR REPLACE TABLE mhnrg_price_input (row_id INTEGER, mff VARCHAR, activity_date DATE, fallback VARCHAR)"
  );
  const app = await con.createAppender("mhnrg_price_input");
  inputs.forEach((p, i) => {
    app.appendInteger(i + 1);
    if (p.mff === null) app.appendNull();
    else app.appendVarchar(p.mff);
    app.appendNull();
    if (p.fallback === null) app.appendNull();
    else app.appendVarchar(p.fallback);
    app.endRow();
  });
  app.closeSync();
  // The appender has no plain date form here: the dates go in by row number.
  await con.run(
    `UPDATE mhnrg_price_input SET activity_date = d.dt FROM (SELECT * FROM (VALUES ${inputs
      .map((p, i) => (p.date ? `(${i + 1}, DATE '${p.date}')` : null))
      .filter((x) => x !== null)
      .join(", ")}) t(row_id, dt)) d WHERE d.row_id = mhnrg_price_input.row_id`
  );
  await loadDated(con, dated);
});
afterAll(() => con?.closeSync());

describe("sql/mhnrg/duckdb/priced.sql: dated prices and MFF", () => {
  it("prices_dated.sql holds exactly the built-in 2026/27 schedule", async () => {
    const fresh = await duckdb();
    await fresh.run(sqlFile("duckdb", "prices_dated.sql"));
    const got = (
      await fresh.runAndReadAll(
        "SELECT code, unit, CAST(price AS DOUBLE) AS price, CAST(valid_from AS VARCHAR) AS valid_from, CAST(valid_to AS VARCHAR) AS valid_to FROM mhnrg_prices_dated ORDER BY code"
      )
    ).getRowObjectsJS();
    const want = [...builtInDatedPrices()].sort((a, b) => (a.code < b.code ? -1 : 1));
    expect(got).toEqual(want);
    fresh.closeSync();
  });

  it("agrees with the functions row for row at each row's date and MFF", async () => {
    const actual = await runPriced(con, priced);
    const m = compare(rows, expected, actual, PRICED_COLUMNS, PRICED_NUMERIC);
    expect(show(m)).toBe(show([]));
    const seen = (c: keyof PricedRow) => new Set(expected.map((e) => e[c]));
    expect(seen("price_failed_check")).toEqual(
      new Set([
        "",
        "fallback",
        "mff",
        "activity date",
        "no price",
        "specialised",
        "specialised spell",
      ])
    );
    expect(seen("price_valid_from")).toEqual(
      new Set(["", "2025-04-01", "2026-04-01", "2026-10-01"])
    );
    // Within 2025/26 a code missing that year is priced by the fallback chain.
    expect(
      expected.some(
        (e) =>
          e.price_valid_from === "2025-04-01" && e.priced_code !== e.mhnrg && e.mhnrg !== "MAZ99Z"
      )
    ).toBe(true);
    expect(new Set(expected.map((e) => e.mff)).size).toBeGreaterThan(6);
  });

  // Bugs a hand port of the pricing might make: each must change at least one row.
  const MUTATIONS: [string, (q: string) => string][] = [
    [
      "as-of takes the earliest row in force",
      (q) => q.replace("ORDER BY p.valid_from DESC", "ORDER BY p.valid_from"),
    ],
    [
      "valid_to read as exclusive",
      (q) => q.replace("p.valid_to >= cand.activity_date", "p.valid_to > cand.activity_date"),
    ],
    [
      "valid_from read as exclusive",
      (q) => q.replace("p.valid_from <= cand.activity_date", "p.valid_from < cand.activity_date"),
    ],
    ["an MFF below 1.00 accepted", (q) => q.replace("n9.mff_n >= 1 AND", "n9.mff_n >= 0 AND")],
    ["no upper bound on the MFF", (q) => q.replace(" AND n9.mff_n <= 1e15", "")],
    [
      "blank MFF an error",
      (q) => q.replace("WHEN nd1.mff_raw = '' THEN 1", "WHEN nd1.mff_raw = '' THEN NULL"),
    ],
    ["£ kept", (q) => q.replace("THEN SUBSTRING(nd0.mff_raw, 2, 4000)", "THEN nd0.mff_raw")],
    ["commas kept", (q) => q.replace(", ',', '')", ", ',', ',')")],
    [
      "MFF not applied",
      (q) => q.replace("END * n10.mff_n AS price_with_mff", "END * 1 AS price_with_mff"),
    ],
    [
      "no date priced as no price",
      (q) =>
        q.replace(
          "WHEN n9.activity_date IS NULL THEN 'activity date'",
          "WHEN 1 = 0 THEN 'activity date'"
        ),
    ],
    [
      "fallback chain ignores the date",
      (q) =>
        q.replace(
          "UNION ALL SELECT row_id, 1 AS slot, c1 AS code, activity_date",
          "UNION ALL SELECT row_id, 1 AS slot, c1 AS code, CAST('2026-06-01' AS DATE)"
        ),
    ],
  ];
  MUTATIONS.push(
    [
      "fallback ignored",
      (q) =>
        q.replace(
          "WHEN n9.p0_code IS NOT NULL AND n9.fallback = 0 THEN",
          "WHEN n9.p0_code IS NOT NULL THEN"
        ),
    ],
    [
      "a bad fallback flag read as FALSE",
      (q) => q.replace("WHEN n9.fallback < 0 THEN 'fallback'", "WHEN 1 = 0 THEN 'fallback'"),
    ]
  );
  it.each(MUTATIONS)("a seeded bug is caught: %s", async (_name, mutate) => {
    const mutated = mutate(priced);
    expect(mutated).not.toBe(priced);
    const m = compare(
      rows,
      expected,
      await runPriced(con, mutated),
      PRICED_COLUMNS,
      PRICED_NUMERIC
    );
    expect(m.length).toBeGreaterThan(0);
  });

  it("the golden priced check shipped for warehouses returns no rows on DuckDB", async () => {
    const fresh = await duckdb();
    await fresh.run(sqlFile("duckdb", "prices_dated.sql"));
    await fresh.run(sqlFile("duckdb", "check.sql").split(/;\n(?=SELECT e\.row_id)/)[0]);
    const check = sqlFile("duckdb", "priced_check.sql");
    const statements = check.split(/;\n(?=[A-Z])/);
    for (const s of statements.slice(0, -1)) await fresh.run(s);
    const result = await fresh.runAndReadAll(statements[statements.length - 1]);
    expect(result.getRowObjectsJS()).toEqual([]);
    const n = await fresh.runAndReadAll(
      "SELECT count(*) FROM mhnrg_priced_expected WHERE price_with_mff IS NOT NULL"
    );
    expect(Number(n.getRowsJS()[0][0])).toBeGreaterThan(8);
    fresh.closeSync();
  });
});
