/**
 * The generated PostgreSQL query, run on a throwaway PostgreSQL cluster (Debian's postgresql
 * package: initdb and pg_ctl in /usr/lib/postgresql/<version>/bin), agrees with the functions row
 * for row on the same exhaustive and messy sets as the DuckDB test, and the shipped golden check
 * returns no rows. Skipped, saying so, only where PostgreSQL is not installed.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { exhaustive, messy, type Row } from "./cases";
import { compare, oracle, show, sqlFile } from "./harness";
import { OUTPUT_COLUMNS, type OutputRow } from "../../scripts/mhnrg-sql/oracle";

jest.setTimeout(300_000);

function pgBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "pg_ctl")));
  return versions.length ? join(root, versions.sort().reverse()[0], "bin") : undefined;
}
const bin = pgBin();
if (!bin)
  console.warn(
    "SKIPPED test/sql/postgres.test.ts: PostgreSQL is not installed (apt-get install postgresql); the postgres dialect was not executed"
  );

const asRoot = process.getuid?.() === 0;
let dir = "";
const port = 54000 + (process.pid % 1000);

/** Run a PostgreSQL program as the postgres user when we are root (initdb refuses root). */
function run(program: string, args: string[], input?: string): string {
  const cmd = asRoot ? "runuser" : join(bin!, program);
  const full = asRoot ? ["-u", "postgres", "--", join(bin!, program), ...args] : args;
  const r = spawnSync(cmd, full, { input, encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${program} failed: ${r.stderr || r.error}`);
  return r.stdout;
}
const psql = (sql: string) =>
  run(
    "psql",
    [
      "-X",
      "-q",
      "-h",
      dir,
      "-p",
      String(port),
      "-U",
      "postgres",
      "-d",
      "postgres",
      "-v",
      "ON_ERROR_STOP=1",
    ],
    sql
  );

// CI installs PostgreSQL (.ci/run): there a missing server is a failure, not a quiet skip.
if (!bin && process.env.CI)
  test("PostgreSQL is installed, so the postgres dialect is executed", () => {
    throw new Error("PostgreSQL is not installed: .ci/run should have installed Debian's postgresql");
  });

(bin ? describe : describe.skip)("sql/mhnrg/postgres on a throwaway cluster", () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "pbr-pg-"));
    chmodSync(dir, 0o777);
    run("initdb", [
      "-D",
      join(dir, "data"),
      "-A",
      "trust",
      "-U",
      "postgres",
      "-E",
      "UTF8",
      "--no-locale",
    ]);
    run("pg_ctl", [
      "-D",
      join(dir, "data"),
      "-w",
      "-l",
      join(dir, "log"),
      "-o",
      `-k ${dir} -p ${port} -c listen_addresses=''`,
      "start",
    ]);
    psql(sqlFile("postgres", "seeds.sql"));
  });
  afterAll(() => {
    if (dir && existsSync(join(dir, "data", "postmaster.pid")))
      run("pg_ctl", ["-D", join(dir, "data"), "-m", "immediate", "stop"]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("agrees with the functions row for row on the exhaustive and messy sets", () => {
    const rows: Row[] = [...exhaustive(), ...messy(20_000)];
    const file = join(dir, "input.csv");
    writeFileSync(
      file,
      Papa.unparse(
        rows.map((r, i) => [i + 1, ...r]),
        { newline: "\n" }
      )
    );
    chmodSync(file, 0o644);
    psql(
      "DROP TABLE IF EXISTS mhnrg_input; CREATE TABLE mhnrg_input (row_id INTEGER, kind TEXT, age TEXT, diagnosis TEXT, service TEXT, referral_reason TEXT, crisis_referral TEXT);\n" +
        `\\copy mhnrg_input FROM '${file}' WITH (FORMAT csv)\n` +
        `CREATE OR REPLACE VIEW mhnrg_output AS ${sqlFile("postgres", "query.sql")}`
    );
    const out = psql(
      `COPY (SELECT ${OUTPUT_COLUMNS.join(", ")} FROM mhnrg_output ORDER BY row_id) TO STDOUT WITH (FORMAT csv, HEADER true)`
    );
    const actual = Papa.parse<Record<string, string>>(out, {
      header: true,
      skipEmptyLines: true,
    }).data.map((r) => {
      const o = { ...r } as unknown as OutputRow;
      o.unit_price = r.unit_price === "" ? null : Number(r.unit_price);
      return o;
    });
    const m = compare(rows, oracle(rows), actual);
    expect(show(m)).toBe(show([]));
  });

  it("the golden check shipped for warehouses returns no rows", () => {
    const out = psql(
      sqlFile("postgres", "check.sql")
        .replace(/;\s*$/, "")
        .replace(
          /\nSELECT e\.row_id/,
          "\n\\pset format unaligned\n\\pset footer on\nSELECT e.row_id"
        ) + ";"
    );
    expect(out.trim()).toBe(
      "expected_mhnrg|mhnrg|expected_check|failed_check\n(0 rows)".replace(/^/, "row_id|")
    );
  });
});
