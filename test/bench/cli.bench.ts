/* pbr-toolkit mhnrg (DuckDB, the generated query, the pane's rules) on a generated trust extract,
   Parquet to Parquet, beside the core (the pane's pre-flight: groupRow + priceActivity) on the same
   rows. Rows: 1,000,000 by default; PBR_BENCH_CLI_ROWS=10000000 for the 10 M figure. The extract is
   made by DuckDB in a temporary folder (deterministic: every value picked by a hash of the row).
   Answers: a sample of the command's output rows (every k-th, 20,000) is compared row for row with
   the pane's pre-flight of the same rows; a wrong code, price, value or note fails the bench. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { isBlankRow } from "../../src/core/values";
import { preflightActivity, type ActivityRow } from "../../src/taskpane/activity/preflight";
import { expectedNote } from "../cli/compare";
import { runCli } from "../cli/support";
import type { Bench } from "./harness";

const ROWS = Number(process.env.PBR_BENCH_CLI_ROWS ?? 1_000_000);
const SAMPLE = 20_000;
const COLS = [
  "Ref",
  "Kind",
  "Age",
  "Diagnosis",
  "Team type",
  "Bed type",
  "Referral reason",
  "Crisis referral",
  "Attendance",
  "Units",
];
const PICKS: Record<string, string[]> = {
  Kind: ["contact", "contact", "contact", "spell", " Contact", "bed day", "SPELL", "", "visit"],
  Age: ["40", "35", "17", "12", "80", "", " 52 ", "forty", "150", "0"],
  Diagnosis: [
    "F20",
    "F20.0",
    "f32.1",
    "F41",
    " F60 ",
    "",
    "",
    "F10",
    "F50.0",
    "F84",
    "Z99",
    "F2",
    "F03",
  ],
  "Team type": ["A05", "A06", "C10", "F01", "a14", " A02 ", "E03", "", "X99", "A10", "D01"],
  "Bed type": ["200", "206", "213", "10", "", "301", "999", "204"],
  "Referral reason": ["", "", "01", "8", "18", "28", "31", "99", "04"],
  "Crisis referral": ["", "", "", "TRUE", "no", "Y", "maybe"],
  Attendance: ["", "", "5", "6", "3", "dna", "cancelled", "x"],
  Units: ["1", "1", "2", "12", "30", "", "-1", "2.5", "4"],
};

let dir = "";
let input = "";
let con: DuckDBConnection | undefined;

async function prepare(): Promise<DuckDBConnection> {
  if (con) return con;
  dir = mkdtempSync(join(tmpdir(), "pbr-bench-cli-"));
  input = join(dir, "extract.parquet");
  const db = await DuckDBInstance.create(":memory:");
  con = await db.connect();
  const pick = (c: string, k: number) =>
    `[${PICKS[c].map((v) => `'${v}'`).join(", ")}][1 + (hash(i, ${k}) % ${PICKS[c].length})::INTEGER] AS "${c}"`;
  const spellOnly = (c: string, k: number, spell: boolean) =>
    `CASE WHEN (hash(i, 1) % ${PICKS.Kind.length}) IN (3, 5, 6) = ${spell} THEN ${pick(c, k).replace(/ AS ".*"$/, "")} ELSE '' END AS "${c}"`;
  await con.run(`COPY (SELECT 'R' || i AS "Ref", ${pick("Kind", 1)}, ${pick("Age", 2)}, ${pick("Diagnosis", 3)},
      ${spellOnly("Team type", 4, false)}, ${spellOnly("Bed type", 5, true)}, ${pick("Referral reason", 6)},
      ${pick("Crisis referral", 7)}, ${pick("Attendance", 8)}, ${pick("Units", 9)}
    FROM range(${ROWS}) t(i)) TO '${input}' (FORMAT parquet)`);
  return con;
}

/** Every k-th row of a Parquet file with its file row number (header = row 1). */
async function sample(
  c: DuckDBConnection,
  path: string,
  cols: string[]
): Promise<{ row: number; cells: string[] }[]> {
  const every = Math.max(1, Math.floor(ROWS / SAMPLE));
  const r = await c.runAndReadAll(
    `SELECT file_row_number + 2, ${cols.map((x) => `COALESCE(CAST("${x}" AS VARCHAR), '')`).join(", ")}
     FROM read_parquet('${path}', file_row_number = true) WHERE file_row_number % ${every} = 0 ORDER BY 1`
  );
  return r.getRowsJS().map(([n, ...cells]) => ({ row: Number(n), cells: cells.map(String) }));
}

function paneRows(rows: { row: number; cells: string[] }[]): ActivityRow[] {
  return rows
    .filter((r) => !isBlankRow(r.cells))
    .map(({ row, cells }) => ({
      sheetRow: row,
      kind: cells[1],
      age: cells[2],
      diagnosis: cells[3],
      team: cells[4],
      bed: cells[5],
      reason: cells[6],
      crisis: cells[7],
      attendance: cells[8],
      units: cells[9],
      unitsMapped: true,
      key: JSON.stringify(cells),
    }));
}

interface CliRun {
  ms: number;
  peakRssMb: number;
  problem: string | undefined;
}

export const benches: Bench[] = [
  {
    name: `pbr-toolkit mhnrg on DuckDB, Parquet to Parquet, ${ROWS.toLocaleString("en-GB")} generated trust rows (the whole command)`,
    runs: 1,
    run: async (): Promise<CliRun> => {
      const c = await prepare();
      const out = join(dir, "out.parquet");
      let peak = process.memoryUsage().rss;
      const beat = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
      const t0 = performance.now();
      const ran = await runCli(["mhnrg", input, "--out", out, "--force"]);
      const ms = performance.now() - t0;
      clearInterval(beat);
      if (ran.code !== 0) return { ms, peakRssMb: 0, problem: ran.err };
      // The sample, compared row for row with the pane's pre-flight of the same rows.
      const got = await sample(c, out, [...COLS, "MHNRG", "Price", "Value", "Note"]);
      const pre = preflightActivity(
        paneRows(got.map((g) => ({ row: g.row, cells: g.cells.slice(0, 10) })))
      );
      const byRow = new Map(pre.rows.map((r) => [r.sheetRow, r]));
      let wrong = 0;
      let first = "";
      for (const g of got) {
        const p = byRow.get(g.row);
        const [code, price, value, note] = g.cells.slice(10);
        const want = p
          ? [
              p.code ?? "",
              p.status === "ok" ? p.price : p.status === "not attended" ? 0 : "",
              p.status === "left out" ? "" : Math.round(p.value * 100) / 100,
              expectedNote(p),
            ]
          : ["", "", "", "Blank row: skipped"];
        const have = [
          code,
          price === "" ? "" : Number(price),
          value === "" ? "" : Number(value),
          note,
        ];
        if (JSON.stringify(want) !== JSON.stringify(have)) {
          wrong++;
          first ||= `row ${g.row}: expected ${JSON.stringify(want)}, got ${JSON.stringify(have)}`;
        }
      }
      const problem =
        got.length < Math.min(ROWS, SAMPLE)
          ? "sample too small"
          : wrong
            ? `${wrong} sampled rows differ from the pane; first ${first}`
            : undefined;
      return { ms, peakRssMb: peak / 2 ** 20, problem };
    },
    measure: (out, ms) => (out as CliRun).ms ?? ms,
    detail: (out) =>
      `peak RSS ${Math.round((out as CliRun).peakRssMb).toLocaleString("en-GB")} MB (Node and DuckDB, one process)`,
    check: (out) => (out as CliRun).problem,
    items: ROWS,
    unit: "rows",
    target: { kind: "rate", min: 200_000 },
  },
  {
    name: `pbr-toolkit beside core (the pane's pre-flight: groupRow + priceActivity), the same ${ROWS.toLocaleString("en-GB")} rows in chunks of 100,000`,
    runs: 1,
    run: async () => {
      const c = await prepare();
      const result = await c.stream(
        `SELECT ${COLS.map((x) => `COALESCE("${x}", '')`).join(", ")} FROM read_parquet('${input}')`
      );
      let ms = 0;
      let rows = 0;
      let counted = 0;
      let batch: string[][] = [];
      const flush = () => {
        const t0 = performance.now();
        const pre = preflightActivity(
          paneRows(batch.map((cells, i) => ({ row: rows + i + 2, cells })))
        );
        ms += performance.now() - t0;
        counted += pre.rows.length;
        rows += batch.length;
        batch = [];
      };
      for (
        let chunk = await result.fetchChunk();
        chunk && chunk.rowCount > 0;
        chunk = await result.fetchChunk()
      ) {
        for (const r of chunk.getRows()) batch.push(r.map(String));
        if (batch.length >= 100_000) flush();
      }
      if (batch.length) flush();
      return { ms, rows, counted };
    },
    measure: (out, ms) => (out as { ms: number }).ms ?? ms,
    check: (out) => {
      const o = out as { rows: number; counted: number };
      if (o.rows !== ROWS || o.counted !== ROWS) return `read ${o.rows} rows, checked ${o.counted}`;
    },
    items: ROWS,
    unit: "rows",
    target: { kind: "rate", min: 200_000 },
  },
];

process.on("exit", () => dir && rmSync(dir, { recursive: true, force: true }));
