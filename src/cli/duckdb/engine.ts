/**
 * The embedded engine: an in-memory DuckDB database that spills to a private temporary folder when
 * a large extract outgrows memory (DuckDB offloads in-memory tables there too; checked with a
 * 150 MB limit and 3 M rows), removed afterwards; and a progress reading while a long statement
 * runs. In memory rather than a database file: about a third faster on 210,000 rows, as nothing is
 * written unless memory runs short. Nothing is fetched: no extension is installed or loaded.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";

export interface Engine {
  con: DuckDBConnection;
  close: () => void;
}

/** `memoryLimit`: DuckDB's memory_limit ("4GB"); beyond it DuckDB spills to the folder. Default 80% of RAM. */
export async function openEngine(memoryLimit?: string): Promise<Engine> {
  const dir = mkdtempSync(join(tmpdir(), "pbr-toolkit-"));
  const instance = await DuckDBInstance.create(":memory:", {
    temp_directory: join(dir, "spill"),
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
    ...(memoryLimit ? { memory_limit: memoryLimit } : {}),
  });
  const con = await instance.connect();
  // Progress is tracked only with the progress bar on; DuckDB's own printing stays off.
  await con.run("SET enable_progress_bar = true; SET enable_progress_bar_print = false");
  return {
    con,
    close: () => {
      con.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Every value of a query's rows as text (null for NULL), fetched intact. The node-api's text
 * decoder drops a leading byte-order mark (U+FEFF) from every string it returns (values, list and
 * struct members, DESCRIBE's column names; checked with @duckdb/node-api 1.x), which would merge
 * two values the engine keeps apart, change a message that quotes one, or name a column the file
 * does not have. So each value comes back behind a one-character prefix, removed here. Read any
 * text that came from a user's file through this; the engine's own numbers, dates and messages
 * (summary.ts, the CSV reader's rejects) need not. (Column names from `columnNames()` and strings
 * sent in through an appender keep the mark.)
 */
export async function textRows(con: DuckDBConnection, sql: string): Promise<(string | null)[][]> {
  const shielded = await con.runAndReadAll(
    `SELECT '.' || CAST(COLUMNS(*) AS VARCHAR) FROM (${sql})`
  );
  return shielded
    .getRowsJS()
    .map((row) => row.map((v) => (v === null ? null : String(v).slice(1))));
}

/** A quoted identifier: "Team type" → "Team type", with " doubled. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** A quoted string literal. */
export const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * Every character JavaScript's String.prototype.trim removes, as DuckDB trim()'s character set:
 * the core trims with trim(), so the engine must trim the same set (derived here, not listed).
 */
export const JS_TRIM_SET: string = (() => {
  let s = "";
  for (let c = 0; c <= 0xffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (ch.trim() === "") s += ch;
  }
  return s;
})();

/**
 * SQL: whether a text value is blank as core's isBlank says (NULL, '' or white space only). Text
 * starting with a visible ASCII character is not blank, without trimming (trimming a set of 25
 * characters costs about 3 µs a value; most cells start with a letter or digit).
 */
export const blankSql = (expr: string) =>
  `(${expr} IS NULL OR ${expr} = '' OR (NOT (unicode(${expr}) BETWEEN 33 AND 126) AND trim(${expr}, ${literal(JS_TRIM_SET)}) = ''))`;

/**
 * Run `sql`, calling `onProgress` with DuckDB's percentage (0–100) about twice a second while it
 * runs (the query runs on DuckDB's threads, so the event loop is free to ask).
 */
export async function runWithProgress(
  con: DuckDBConnection,
  sql: string,
  onProgress?: (percent: number) => void
): Promise<void> {
  if (!onProgress) {
    await con.run(sql);
    return;
  }
  const timer = setInterval(() => {
    const p = con.progress.percentage;
    if (p >= 0) onProgress(Math.min(100, p));
  }, 500);
  try {
    await con.run(sql);
  } finally {
    clearInterval(timer);
  }
}
