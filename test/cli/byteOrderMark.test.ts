/**
 * A leading byte-order mark (U+FEFF), which DuckDB's node-api drops from every string it returns:
 * in a Parquet file's first column name (pandas keeps it from a CSV saved by Excel) and in cells.
 * The commands read every user text through engine.ts textRows, so both run as without the mark.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openEngine, literal, textRows } from "../../src/cli/duckdb/engine";
import { compareWithPane } from "./compare";
import { paneAnswer, readCsv, runCli, writeCsv } from "./support";

const BOM = "\ufeff";
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "pbr-cli-bom-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `csv` copied to Parquet with a byte-order mark before its first column's name. */
async function toParquetWithMark(csv: string, parquet: string): Promise<void> {
  const engine = await openEngine();
  try {
    const first = (
      await engine.con.runAndReadAll(
        `SELECT * FROM read_csv(${literal(csv)}, all_varchar = true) LIMIT 0`
      )
    ).columnNames()[0];
    await engine.con.run(
      `COPY (SELECT * RENAME ("${first}" AS "${BOM}${first}") FROM read_csv(${literal(csv)}, all_varchar = true)) TO ${literal(parquet)} (FORMAT parquet)`
    );
  } finally {
    engine.close();
  }
}

it("textRows returns text with its leading byte-order mark, and NULL as null", async () => {
  const engine = await openEngine();
  try {
    const rows = await textRows(
      engine.con,
      `SELECT '${BOM}a' AS x, NULL AS y, 12 AS z UNION ALL SELECT 'a', '${BOM}', 0`
    );
    expect(rows).toEqual([
      [`${BOM}a`, null, "12"],
      ["a", BOM, "0"],
    ]);
    // What the engine alone returns (the reason for textRows): the mark is gone.
    const plain = await engine.con.runAndReadAll(`SELECT '${BOM}a'`);
    expect(plain.getRowsJS()[0][0]).toBe("a");
  } finally {
    engine.close();
  }
});

it("mhsds reads an extract whose first column name starts with a byte-order mark", async () => {
  const fixtures = join(__dirname, "..", "fixtures", "mhsds");
  const marked = join(dir, "marked");
  cpSync(fixtures, marked, { recursive: true });
  await toParquetWithMark(
    join(fixtures, "MHS101Referral.csv"),
    join(marked, "MHS101Referral.parquet")
  );
  rmSync(join(marked, "MHS101Referral.csv"));
  const plain = await runCli(["mhsds", fixtures, "--out", join(dir, "plain.csv")]);
  const ran = await runCli(["mhsds", marked, "--out", join(dir, "marked.csv")]);
  expect([ran.code, ran.err]).toEqual([0, expect.not.stringMatching(/pbr-toolkit mhsds:/)]);
  expect(plain.code).toBe(0);
  expect(readCsv(join(dir, "marked.csv"))).toEqual(readCsv(join(dir, "plain.csv")));
});

it("mhnrg reads a marked first header and marked cells as the pane does", async () => {
  const grid = [
    ["Kind", "Age", "Team type", "Units", "Notes"],
    [`${BOM}contact`, "40", "A05", "2", `${BOM}x`],
    ["contact", `${BOM}40`, `${BOM}A05`, `${BOM}3`, "x"],
    [`${BOM}`, "", "", "", ""],
    ["contact", "40", "A05", "2", "x"],
    [`contact`, "40", "A05", "2", `${BOM}x`],
  ];
  const csv = join(dir, "marked.csv");
  writeCsv(csv, grid);
  const parquet = join(dir, "marked.parquet");
  await toParquetWithMark(csv, parquet);
  const out = join(dir, "marked-out.csv");
  const ran = await runCli(["mhnrg", parquet, "--out", out]);
  expect(ran.code).toBe(0);
  // The output keeps the name as the file has it (Papa Parse drops a file's leading mark on reading).
  expect(readFileSync(out, "utf8").startsWith(`${BOM}Kind,Age,`)).toBe(true);
  const output = readCsv(out);
  expect(compareWithPane(grid, output, paneAnswer(grid).pre)).toEqual([]);
  // Row 6 differs from row 5 by its mark alone: not a duplicate (the engine keeps them apart).
  expect(output[5][output[5].length - 2]).toBe("OK");
});
