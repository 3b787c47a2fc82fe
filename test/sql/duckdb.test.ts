/**
 * The generated DuckDB query gives every row the same code, rule, deciding value, error kind,
 * failed check and price as PBR.MHNRG / MHNRGWHY / MHNRGPRICE (src/core), on the exhaustive
 * rule-combination set and a seeded messy set; seeded translation bugs are each caught.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { exhaustive, messy, type Row } from "./cases";
import { compare, duckdb, loadInput, oracle, runQuery, show, sqlFile } from "./harness";
import type { OutputRow } from "../../scripts/mhnrg-sql/oracle";

jest.setTimeout(300_000);

let con: DuckDBConnection;
let rows: Row[];
let expected: OutputRow[];
const query = sqlFile("duckdb", "query.sql");

beforeAll(async () => {
  con = await duckdb();
  rows = [...exhaustive(), ...messy(20_000)];
  expected = oracle(rows);
  await loadInput(con, rows);
});
afterAll(() => con?.closeSync());

describe("sql/mhnrg/duckdb", () => {
  it("the checked-in SQL (sql/mhnrg and sql/mhsds) is what the source CSVs generate (npx tsx scripts/author-mhnrg-sql.mjs)", () => {
    const root = join(__dirname, "..", "..");
    expect(() =>
      execFileSync(
        process.execPath,
        [
          join(root, "node_modules", "tsx", "dist", "cli.mjs"),
          join(root, "scripts", "author-mhnrg-sql.mjs"),
          "--check",
        ],
        { stdio: "pipe" }
      )
    ).not.toThrow();
  });

  it("agrees with the functions row for row on the exhaustive and messy sets", async () => {
    const actual = await runQuery(con, query);
    const m = compare(rows, expected, actual);
    expect(show(m)).toBe(show([]));
    // The sets reach every outcome: each rule, each failed check, prices and price errors.
    const seen = (c: keyof OutputRow) => new Set(expected.map((e) => e[c]));
    expect([...seen("rule")].sort()).toEqual(
      ["", "MHST", "bed type", "diagnosis", "referral reason", "team type", "unclassified"].sort()
    );
    expect([...seen("failed_check")].sort()).toEqual(
      [
        "",
        "age",
        "age range",
        "bed type",
        "crisis referral",
        "diagnosis",
        "kind",
        "referral reason",
        "team type",
      ].sort()
    );
    // ("unknown code" cannot arise from a grouped row: no rule gives a spell the MHST group.)
    expect(seen("price_failed_check")).toEqual(new Set(["", "specialised", "specialised spell"]));
    expect(
      new Set(expected.map((e) => e.priced_code !== e.mhnrg && e.priced_code !== "")).has(true)
    ).toBe(true);
  });

  it("the golden check shipped for warehouses returns no rows on DuckDB", async () => {
    const check = sqlFile("duckdb", "check.sql");
    const statements = check.split(/;\n(?=[A-Z])/);
    for (const s of statements.slice(0, -1)) await con.run(s);
    const result = await con.runAndReadAll(statements[statements.length - 1]);
    expect(result.getRowObjectsJS()).toEqual([]);
    expect(
      (await con.runAndReadAll("SELECT count(*) AS n FROM mhnrg_expected")).getRowsJS()[0][0]
    ).toBeGreaterThan(40n - 1n);
    await loadInput(con, rows);
  });

  // Translation bugs a hand port might make: each must change at least one row.
  const MUTATIONS: [string, (q: string) => string][] = [
    ["no 8 → 08 padding", (q) => q.replace("THEN ('0' || n0.rsn_t)", "THEN n0.rsn_t")],
    ["under-18 off by one", (q) => q.replace("n1.age_n < 18", "n1.age_n <= 18")],
    [
      "team type before diagnosis",
      (q) => {
        const lines = q.split("\n");
        const d = lines.findIndex(
          (l) => l.includes("THEN 'diagnosis'") && l.includes("diag_cat <>")
        );
        [lines[d], lines[d + 1]] = [lines[d + 1], lines[d]];
        return lines.join("\n");
      },
    ],
    ["crisis team ignored", (q) => q.replace(" OR n5.team_crisis = 1", "")],
    [
      "children's rule off for unclassified",
      (q) =>
        q.replace("COALESCE(pg.available_to_cyp, 0) = 0", "COALESCE(pg.available_to_cyp, 1) = 0"),
    ],
    ["only spaces trimmed", (q) => q.replace(/\(chr\(9\)( \|\| chr\(\d+\))+\)/g, "' '")],
    [
      "diagnosis checked before age",
      (q) =>
        q.replace(
          "WHEN n2.age_form < 0 THEN 'age'",
          "WHEN n2.diag_form < 0 THEN 'diagnosis' WHEN n2.age_form < 0 THEN 'age'"
        ),
    ],
    [
      "specialised priced by fallback",
      (q) =>
        q.replace(
          "WHEN n9.p0_code IS NOT NULL THEN",
          "WHEN n9.p0_code IS NOT NULL AND n9.p1_price IS NULL THEN"
        ),
    ],
    [
      "MAZ99Z spell priced without its bed setting",
      (q) =>
        q.replace(
          "THEN ('MBU98' || CASE WHEN n7.bed_setting <> '' THEN n7.bed_setting ELSE 'Z' END)",
          "THEN 'MBU98Z'"
        ),
    ],
  ];
  it.each(MUTATIONS)("a seeded bug is caught: %s", async (_name, mutate) => {
    const mutated = mutate(query);
    expect(mutated).not.toBe(query);
    const m = compare(rows, expected, await runQuery(con, mutated));
    expect(m.length).toBeGreaterThan(0);
  });
});
