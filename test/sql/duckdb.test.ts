/**
 * The generated DuckDB query gives every row the same code, rule, deciding value, error kind,
 * failed check and price as PBR.MHNRG / MHNRGWHY / MHNRGPRICE (src/core), on the exhaustive
 * rule-combination set and a seeded messy set; seeded translation bugs are each caught.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { exhaustive, messy, proofSet, type Row } from "./cases";
import {
  compare,
  duckdb,
  duckdbBatches,
  openDuckdb,
  loadInput,
  oracle,
  proveRowForRow,
  runQuery,
  showProof,
  sqlFile,
} from "./harness";
import type { OutputRow } from "../../scripts/mhnrg-sql/oracle";

jest.setTimeout(300_000);
/** The size of the row-for-row proof: PBR_SQL_PROOF=full (CI) or small (the local default). */
const proof = proofSet();

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

  // Its own in-memory database, so the mutation tests below keep the small set loaded.
  it(`agrees with the functions row for row on the ${proof.label}`, async () => {
    const { db, con: own } = await openDuckdb();
    try {
      await loadInput(own, proof.rows());
      const p = await proveRowForRow(proof.rows(), duckdbBatches(own, query));
      expect(showProof(p)).toBe(showProof({ ...p, mismatchCount: 0, first: [] }));
      expect(p.compared).toBe(proof.count);
      // The rows reach every outcome: each rule, each failed check, prices and price errors.
      const seen = (c: keyof typeof p.seen) => [...p.seen[c]].sort();
      expect(seen("rule")).toEqual(
        ["", "MHST", "bed type", "diagnosis", "referral reason", "team type", "unclassified"].sort()
      );
      expect(seen("failed_check")).toEqual(
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
      expect(seen("price_failed_check")).toEqual(["", "specialised", "specialised spell"]);
      expect(p.pricedOtherCode).toBe(true);
    } finally {
      own.closeSync();
      db.closeSync();
    }
  }, 1_800_000);

  it("the streamed comparison the proof uses reports a seeded bug, a missing row and an extra row", async () => {
    const bug = MUTATIONS[0][1](query);
    const caught = await proveRowForRow(rows, duckdbBatches(con, bug, 10_000));
    expect(caught.compared).toBe(rows.length);
    expect(caught.mismatchCount).toBeGreaterThan(0);
    // The functions' own rows as the engine's, so only the row count is wrong.
    const own = [expected.map((e, i) => ({ ...e, row_id: i + 1 }))];
    const extraInput: Row = ["contact", "18", "F20", "", "", ""];
    const missing = await proveRowForRow([...rows, extraInput], own);
    expect(missing.first.map((m) => [m.row, m.column])).toEqual([
      [rows.length + 1, "missing engine row"],
    ]);
    const extra = await proveRowForRow(rows.slice(0, -1), own);
    expect(extra.first.map((m) => [m.row, m.column])).toEqual([[rows.length, "extra engine row"]]);
    const clean = await proveRowForRow(rows, duckdbBatches(con, query, 7_777));
    expect(showProof(clean)).toBe(showProof({ ...clean, mismatchCount: 0, first: [] }));
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
