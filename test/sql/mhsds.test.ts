/**
 * The MHSDS derivation views (sql/mhsds/<dialect>/views.sql), run on DuckDB and on a throwaway
 * PostgreSQL cluster over small hand-made MHSDS tables (test/fixtures/mhsds/*.csv), give exactly the
 * expected rows (expected.csv, left_out.csv): each convention has a row that shows it (see the
 * comments there and docs/sql.md). The derived rows then go through the grouping query unchanged
 * and get the functions' own answers.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { MHSDS_OUTPUT, MHSDS_TABLES } from "../../scripts/mhnrg-sql/mhsdsTables";
import { coreRow, OUTPUT_COLUMNS } from "../../scripts/mhnrg-sql/oracle";
import { bin, Cluster, requirePostgresOnCi } from "./pg";
import { sqlFile } from "./harness";

jest.setTimeout(180_000);

const FIXTURES = join(__dirname, "..", "fixtures", "mhsds");
const SQL = join(__dirname, "..", "..", "sql", "mhsds");
const fixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");
const rowsOf = (csv: string) =>
  Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
const views = (dialect: string) => readFileSync(join(SQL, dialect, "views.sql"), "utf8");
const tables = (dialect: string) => readFileSync(join(SQL, dialect, "tables.sql"), "utf8");

const LEFT_OUT = ["reason", "person_id", "referral_id", "contact_id", "spell_id", "activity_date"];
/** Every column as text, NULL as "" (how the expected CSVs are written). */
const asText = (cols: readonly string[], castTo: string) =>
  cols.map((c) => `COALESCE(CAST(${c} AS ${castTo}), '') AS ${c}`).join(", ");
const expectedRows = rowsOf(fixture("expected.csv"));
/** Rows in row_id order (the text cast makes SQL's ORDER BY row_id textual). */
const byRowId = <T extends Record<string, unknown>>(rows: T[]) =>
  [...rows].sort((a, b) => Number(a.row_id) - Number(b.row_id));
const expectedLeftOut = rowsOf(fixture("left_out.csv"));

/** The derived rows grouped by the functions' core (the grouping query must give the same). */
function grouped(rows: Record<string, string>[]) {
  return rows.map((r) => ({
    row_id: r.row_id,
    ...coreRow(Number(r.row_id), [
      r.kind,
      r.age,
      r.diagnosis,
      r.service,
      r.referral_reason,
      r.crisis_referral,
    ]),
  }));
}
const normalise = (rows: Record<string, unknown>[]) =>
  rows.map((r) =>
    Object.fromEntries(
      ["row_id", ...OUTPUT_COLUMNS].map((c) => [
        c,
        c === "unit_price"
          ? r[c] === null || r[c] === "" || r[c] === undefined
            ? null
            : Number(r[c])
          : String(r[c] ?? ""),
      ])
    )
  );

describe("sql/mhsds/duckdb: derivation views over hand-made MHSDS tables", () => {
  let con: DuckDBConnection;
  beforeAll(async () => {
    const db = await DuckDBInstance.create(":memory:", { threads: "2" });
    con = await db.connect();
    await con.run(tables("duckdb"));
    for (const [name] of MHSDS_TABLES)
      await con.run(
        `INSERT INTO ${name} SELECT * FROM read_csv('${join(FIXTURES, `${name}.csv`)}', header = true, all_varchar = true)`
      );
    await con.run(views("duckdb"));
  });
  afterAll(() => con?.closeSync());

  const read = async (sql: string) =>
    byRowId((await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, string>[]);

  it("mhsds_mhnrg_input has exactly the expected rows and columns", async () => {
    const cols = (await read("DESCRIBE mhsds_mhnrg_input")).map((r) => r.column_name);
    expect(cols).toEqual(MHSDS_OUTPUT);
    const actual = await read(
      `SELECT ${asText(MHSDS_OUTPUT, "VARCHAR")} FROM mhsds_mhnrg_input ORDER BY row_id`
    );
    expect(actual).toEqual(expectedRows);
  });

  it("mhsds_left_out lists the contact inside a spell and the duplicate spell", async () => {
    const actual = await read(
      `SELECT ${asText(LEFT_OUT, "VARCHAR")} FROM mhsds_left_out ORDER BY reason`
    );
    expect(actual).toEqual(expectedLeftOut);
  });

  it("a diagnosis recorded after the activity date is not used, the DNA and cancelled contacts are 0 units, the spell crossing 1 April is two pieces", () => {
    // The fixture's own promises, checked on expected.csv so the file cannot drift from them.
    const by = (id: string) => expectedRows.filter((r) => r.contact_id === id || r.spell_id === id);
    expect(by("C1")[0].diagnosis).toBe("F20.0"); // F32 (1 March) came after 10 February
    expect(by("C5")[0].diagnosis).toBe("F32"); // a contact on 2 March: F32 now
    expect(by("C8")[0].diagnosis).toBe("F31"); // primary F20 (5 April) after: provisional F31
    expect(by("C3").map((r) => [r.attendance, r.units])).toEqual([["3", "0"]]);
    expect(by("C4").map((r) => [r.attendance, r.units])).toEqual([["02", "0"]]);
    expect(by("S1").map((r) => [r.financial_year, r.units, r.activity_date])).toEqual([
      ["2025/26", "2", "2026-03-30"],
      ["2026/27", "2", "2026-04-01"],
    ]);
    expect(by("C7")).toEqual([]); // inside S1, same referral
    expect(by("C9")).toHaveLength(1); // same day, another referral
    expect(by("S1B")).toEqual([]); // the same stay as S1
    expect(by("C6")).toEqual([]); // before the period
    expect(by("C1")).toHaveLength(1); // submitted in two months
  });

  // Each convention broken on its own: the fixtures must notice every one.
  const MUTATIONS: [string, (v: string) => string][] = [
    ["a diagnosis after the date used", (v) => v.replace("AND g.diag_date <= a.as_of", "")],
    [
      "provisional before primary",
      (v) => v.replace("ORDER BY g.source_rank,", "ORDER BY g.source_rank DESC,"),
    ],
    [
      "the earliest submission kept",
      (v) => v.replace("ORDER BY r.UniqMonthID DESC", "ORDER BY r.UniqMonthID"),
    ],
    ["duplicate spells kept", (v) => v.replace(") y WHERE same_stay = 1 AND", ") y WHERE")],
    [
      "contacts inside a spell kept",
      (v) =>
        v.replace(
          "AND c.contact_date < sp.night_to)",
          "AND c.contact_date < sp.night_to AND 1 = 0)"
        ),
    ],
    [
      "DNA counted",
      (v) =>
        v.replace(
          "IN ('2', '3', '4', '7', '02', '03', '04', '07') THEN 0",
          "IN ('2', '4', '7', '02', '04', '07') THEN 0"
        ),
    ],
    [
      "financial year from 1 January",
      (v) => v.replace(/make_date\(f\.fy( \+ 1)?, 4, 1\)/g, "make_date(f.fy$1, 1, 1)"),
    ],
    [
      "discharge day counted as a night",
      (v) =>
        v.replace(
          "ELSE CAST(h.DischDateHospProvSpell AS DATE) END AS night_end",
          "ELSE (CAST(h.DischDateHospProvSpell AS DATE) + 1) END AS night_end"
        ),
    ],
    [
      "same-day spell 0 nights",
      (v) =>
        v.replace(
          "THEN (CAST(h.StartDateHospProvSpell AS DATE) + 1)",
          "THEN CAST(h.StartDateHospProvSpell AS DATE)"
        ),
    ],
    [
      "last ward stay's bed type",
      (v) =>
        v.replace(
          "ORDER BY w.StartDateWardStay, w.UniqWardStayID",
          "ORDER BY w.StartDateWardStay DESC, w.UniqWardStayID"
        ),
    ],
    [
      "own team not preferred",
      (v) => v.replace("= c.team_id THEN 0 ELSE 1 END", "= c.team_id THEN 1 ELSE 1 END"),
    ],
    ["closed teams kept", (v) => v.replace("t.ReferClosureDate IS NULL OR", "1 = 1 OR")],
    [
      "SNOMED diagnoses read",
      (v) => v.replace(/IN \('02', '2'\) AND PrimDiag/, "IN ('02', '2', '06') AND PrimDiag"),
    ],
  ];
  it.each(MUTATIONS)("a seeded bug in the views is caught: %s", async (_name, mutate) => {
    const original = views("duckdb");
    const mutated = mutate(original);
    expect(mutated).not.toBe(original);
    try {
      await con.run(mutated);
      const actual = await read(
        `SELECT ${asText(MHSDS_OUTPUT, "VARCHAR")} FROM mhsds_mhnrg_input ORDER BY row_id`
      );
      expect(actual).not.toEqual(expectedRows);
    } finally {
      await con.run(original);
    }
  });

  it("the derived rows go through the grouping query unchanged and get the functions' answers", async () => {
    await con.run(
      "CREATE OR REPLACE VIEW mhnrg_input AS SELECT row_id, kind, age, diagnosis, service, referral_reason, crisis_referral FROM mhsds_mhnrg_input"
    );
    await con.run(sqlFile("duckdb", "seeds.sql"));
    await con.run(
      `CREATE OR REPLACE VIEW mhnrg_output AS ${sqlFile("duckdb", "query.sql").replace(/;\s*$/, "")}`
    );
    const actual = await read(
      `SELECT CAST(row_id AS VARCHAR) AS row_id, ${OUTPUT_COLUMNS.map((c) => (c === "unit_price" ? "CAST(unit_price AS DOUBLE) AS unit_price" : c)).join(", ")} FROM mhnrg_output ORDER BY row_id`
    );
    const expected = grouped(expectedRows);
    expect(normalise(actual)).toEqual(normalise(expected));
    // The fixture groups into real codes, not only blanks and errors.
    expect(expected.filter((e) => e.mhnrg !== "").length).toBeGreaterThan(10);
  });
});

requirePostgresOnCi("test/sql/mhsds.test.ts");

(bin ? describe : describe.skip)("sql/mhsds/postgres on a throwaway cluster", () => {
  let pg: Cluster;
  beforeAll(() => {
    pg = new Cluster(7);
    pg.psql(
      tables("postgres") +
        MHSDS_TABLES.map(
          ([name]) =>
            `COPY ${name} FROM STDIN WITH (FORMAT csv, HEADER true);\n${fixture(`${name}.csv`).trimEnd()}\n\\.\n`
        ).join("") +
        views("postgres")
    );
  });
  afterAll(() => pg?.stop());

  const read = (sql: string) =>
    byRowId(rowsOf(pg.psql(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER true)`)));

  it("mhsds_mhnrg_input has exactly the expected rows", () => {
    expect(
      read(`SELECT ${asText(MHSDS_OUTPUT, "TEXT")} FROM mhsds_mhnrg_input ORDER BY row_id`)
    ).toEqual(expectedRows);
  });

  it("tables.sql and views.sql can be run again over existing views", () => {
    expect(() => pg.psql(tables("postgres") + views("postgres"))).not.toThrow();
    expect(read("SELECT count(*) AS n FROM mhsds_mhnrg_input")).toEqual([{ n: "0" }]);
    pg.psql(
      MHSDS_TABLES.map(
        ([name]) =>
          `COPY ${name} FROM STDIN WITH (FORMAT csv, HEADER true);\n${fixture(`${name}.csv`).trimEnd()}\n\\.\n`
      ).join("")
    );
  });

  it("mhsds_left_out lists the contact inside a spell and the duplicate spell", () => {
    expect(read(`SELECT ${asText(LEFT_OUT, "TEXT")} FROM mhsds_left_out ORDER BY reason`)).toEqual(
      expectedLeftOut
    );
  });

  it("the derived rows get the functions' answers from the grouping query", () => {
    pg.psql(
      sqlFile("postgres", "seeds.sql") +
        "CREATE VIEW mhnrg_input AS SELECT row_id, kind, age, diagnosis, service, referral_reason, crisis_referral FROM mhsds_mhnrg_input;\n" +
        `CREATE VIEW mhnrg_output AS ${sqlFile("postgres", "query.sql")}`
    );
    const actual = read(
      `SELECT row_id, ${OUTPUT_COLUMNS.join(", ")} FROM mhnrg_output ORDER BY row_id`
    );
    expect(normalise(actual)).toEqual(normalise(grouped(expectedRows)));
  });
});
