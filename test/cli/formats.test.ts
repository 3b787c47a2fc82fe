/**
 * pbr-toolkit's files and failures: Parquet out and in, .xlsx in (read-excel-file, no DuckDB
 * extension), the `sql` subcommand against the checked-in SQL, and bad input as one line and an
 * exit code (1 the work failed, 2 asked wrongly), never a stack trace, also through the real bin.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import ExcelJS from "exceljs";
import { readCsv, runCli } from "./support";

const ROOT = join(__dirname, "..", "..");
const TRUST = join(ROOT, "test", "fixtures", "activity", "trust.csv");
let dir: string;
let csvOut: string[][];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "pbr-cli-formats-"));
  const out = join(dir, "trust-out.csv");
  expect((await runCli(["mhnrg", TRUST, "--out", out])).code).toBe(0);
  csvOut = readCsv(out);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function duck(sql: string): Promise<unknown[][]> {
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  try {
    return (await con.runAndReadAll(sql)).getRowsJS();
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

describe("pbr-toolkit files", () => {
  it("writes Parquet with the same rows as CSV, and reads Parquet to the same answers", async () => {
    const pq = join(dir, "trust-out.parquet");
    expect((await runCli(["mhnrg", TRUST, "--out", pq])).code).toBe(0);
    const types = await duck(
      `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${pq}'))`
    );
    expect(types.filter(([c]) => c === "Price" || c === "Value")).toEqual([
      ["Price", "DOUBLE"],
      ["Value", "DOUBLE"],
    ]);
    const back = join(dir, "parquet-as.csv");
    await duck(`COPY (SELECT * FROM read_parquet('${pq}')) TO '${back}' (FORMAT csv, HEADER true)`);
    expect(readCsv(back)).toEqual(csvOut);

    const input = join(dir, "trust-in.parquet");
    await duck(
      `COPY (SELECT * FROM read_csv('${TRUST}', header = true, all_varchar = true)) TO '${input}' (FORMAT parquet)`
    );
    const out = join(dir, "from-parquet.csv");
    expect((await runCli(["mhnrg", input, "--out", out])).code).toBe(0);
    expect(readCsv(out)).toEqual(csvOut);
  });

  it("reads .xlsx with read-excel-file (numbers as numbers, text trimmed) to the same answers as the CSV", async () => {
    const grid = readCsv(TRUST);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Activity");
    for (const [i, row] of grid.entries())
      sheet.addRow(
        row.map((v, c) =>
          i > 0 && (grid[0][c] === "Age" || grid[0][c] === "Units") && /^\d+$/.test(v)
            ? Number(v)
            : v === ""
              ? null
              : v
        )
      );
    const xlsx = join(dir, "trust.xlsx");
    await book.xlsx.writeFile(xlsx);
    const out = join(dir, "from-xlsx.csv");
    const ran = await runCli(["mhnrg", xlsx, "--out", out]);
    expect(ran.code).toBe(0);
    // read-excel-file trims text cells (as in the pane); the answers do not change.
    const width = grid[0].length;
    expect(readCsv(out)).toEqual(csvOut.map((r) => r.map((v, i) => (i < width ? v.trim() : v))));
  });
});

describe("pbr-toolkit failures", () => {
  const oneLine = (err: string) => {
    expect(err).not.toMatch(/\n\s+at /);
    return err.split("\n").filter((l) => l.startsWith("pbr-toolkit"));
  };

  it("an unknown header in --map is exit 2 naming the columns; an unknown field too", async () => {
    const out = join(dir, "never.csv");
    const ran = await runCli(["mhnrg", TRUST, "--out", out, "--map", "team=Service line"]);
    expect(ran.code).toBe(2);
    expect(oneLine(ran.err)).toEqual([
      expect.stringMatching(/has no column "Service line" \(its columns: "Local ID", "Kind"/),
    ]);
    expect((await runCli(["mhnrg", TRUST, "--out", out, "--map", "ward=Bed type"])).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it("a missing or unreadable file is exit 1; an existing output is kept without --force", async () => {
    const out = join(dir, "never.csv");
    const missing = await runCli(["mhnrg", join(dir, "nope.csv"), "--out", out]);
    expect([missing.code, oneLine(missing.err)]).toEqual([
      1,
      [expect.stringMatching(/no such file$/)],
    ]);
    const bad = join(dir, "bad.parquet");
    writeFileSync(bad, "not parquet at all");
    const unreadable = await runCli(["mhnrg", bad, "--out", out]);
    expect([unreadable.code, oneLine(unreadable.err).length]).toEqual([1, 1]);
    const kept = join(dir, "kept.csv");
    writeFileSync(kept, "mine");
    expect((await runCli(["mhnrg", TRUST, "--out", kept])).code).toBe(2);
    expect(readFileSync(kept, "utf8")).toBe("mine");
    expect(existsSync(out)).toBe(false);
  });

  it("a file not in UTF-8 is exit 1 saying which encoding to give, and reads with it", async () => {
    const latin = join(dir, "latin1.csv");
    writeFileSync(latin, Buffer.from("Kind,Team type,Notes\ncontact,A05,caf\xe9\n", "latin1"));
    const out = join(dir, "latin1-out.csv");
    const wrong = await runCli(["mhnrg", latin, "--out", out]);
    expect([wrong.code, oneLine(wrong.err)]).toEqual([
      1,
      [expect.stringMatching(/not UTF-8 \(line 2\); .*--encoding latin-1$/)],
    ]);
    expect(existsSync(out)).toBe(false);
    expect((await runCli(["mhnrg", latin, "--out", out, "--encoding", "latin-1"])).code).toBe(0);
    expect(readCsv(out)[1].slice(0, 4)).toEqual(["contact", "A05", "café", "MBU96A"]);
  });

  it("through the real bin: exit codes and one line, no stack trace", () => {
    const bin = join(ROOT, "bin", "pbr-toolkit.cjs");
    const r = spawnSync(
      process.execPath,
      [bin, "mhnrg", join(dir, "nope.csv"), "--out", join(dir, "x.csv")],
      {
        encoding: "utf8",
      }
    );
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toMatch(/^pbr-toolkit mhnrg: .*no such file$/m);
    const sql = execFileSync(process.execPath, [bin, "sql", "mhnrg", "--dialect", "spark"], {
      encoding: "utf8",
    });
    expect(sql).toBe(readFileSync(join(ROOT, "sql", "mhnrg", "spark", "query.sql"), "utf8"));
  });
});

describe("pbr-toolkit sql", () => {
  it.each(["duckdb", "postgres", "tsql", "spark", "snowflake"])(
    "prints the checked-in %s query, and the seeds before it with --seeds",
    async (dialect) => {
      const file = (f: string) => readFileSync(join(ROOT, "sql", "mhnrg", dialect, f), "utf8");
      const q = await runCli(["sql", "mhnrg", "--dialect", dialect]);
      expect([q.code, q.out]).toEqual([0, file("query.sql")]);
      const s = await runCli(["sql", "mhnrg", "--dialect", dialect, "--seeds"]);
      expect([s.code, s.out]).toEqual([0, file("seeds.sql") + file("query.sql")]);
    }
  );

  it("an unknown dialect is exit 2", async () => {
    const r = await runCli(["sql", "mhnrg", "--dialect", "oracle"]);
    expect([r.code, r.out]).toEqual([2, ""]);
  });
});
