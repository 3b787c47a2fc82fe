/**
 * An activity extract into DuckDB as the relation `pbr_src`: every column of the file plus
 * `__pbr_row`, the row number a spreadsheet would show (the header is row 1), for messages.
 * - CSV: DuckDB's own reader, every column as text (a code 08 stays 08), delimiter detected;
 *   lines it cannot read (more cells than the header, broken quoting) are set aside and listed;
 *   UTF-8 unless told (--encoding latin-1 for a Windows export), and a wrong encoding fails.
 * - Parquet: DuckDB's own reader, columns as they are typed (the grouping reads them as text).
 * - .xlsx: checked by the pane's guards, then read-excel-file's Node build (DuckDB's excel
 *   extension would need a download), rows appended as text: numbers as JavaScript writes them,
 *   TRUE/FALSE, dates as yyyy-mm-dd (xlsxInput.ts).
 */
import { existsSync, statSync } from "node:fs";
import { extname } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { CliError, failure, oneLine, usageError } from "../io";
import { literal, runWithProgress } from "./engine";
import { checkXlsx, readXlsx, type CheckedXlsx, type Unnamed } from "./xlsxInput";

export const ROW = "__pbr_row";

export interface Input {
  /** The columns of the file, in order (as DuckDB names them: duplicates get a suffix). */
  columns: string[];
  rows: number;
  /** Lines of a CSV that could not be read, with DuckDB's reason (at most the first 20). */
  rejected: { line: number; reason: string }[];
  rejectedCount: number;
  /** .xlsx: the columns with no header that held cells (kept as "Column N"). */
  unnamed: Unnamed[];
}

export type InputFormat = "csv" | "parquet" | "xlsx";

export function formatOf(path: string): InputFormat {
  const ext = extname(path).toLowerCase();
  if (ext === ".csv" || ext === ".txt" || ext === ".tsv") return "csv";
  if (ext === ".parquet") return "parquet";
  if (ext === ".xlsx") return "xlsx";
  throw usageError(`${path}: read .csv, .parquet or .xlsx files (got "${ext || "no extension"}")`);
}

export const ENCODINGS = ["utf-8", "latin-1", "utf-16"] as const;

export async function readInput(
  con: DuckDBConnection,
  path: string,
  onProgress?: (percent: number) => void,
  encoding: (typeof ENCODINGS)[number] = "utf-8",
  /** An .xlsx already checked by checkXlsx (else it is checked here). */
  xlsx?: CheckedXlsx
): Promise<Input> {
  const format = formatOf(path);
  const checked = format === "xlsx" ? (xlsx ?? checkXlsx(path)) : undefined;
  if (!existsSync(path) || !statSync(path).isFile()) throw failure(`${path}: no such file`);
  let unnamed: Unnamed[] = [];
  try {
    if (checked) unnamed = await readXlsx(con, path, checked, "pbr_src", ROW, uniqueNames);
    else if (format === "parquet")
      await con.run(
        `CREATE VIEW pbr_src AS SELECT file_row_number + 2 AS ${ROW}, * EXCLUDE (file_row_number) FROM read_parquet(${literal(path)}, file_row_number = true)`
      );
    else {
      await runWithProgress(
        con,
        `CREATE TABLE pbr_file AS SELECT * FROM read_csv(${literal(path)}, header = true, all_varchar = true, encoding = ${literal(encoding)}, store_rejects = true, rejects_table = 'pbr_rejects', rejects_scan = 'pbr_reject_scans')`,
        onProgress
      );
      // A new table keeps the file's order, so rowid is the row's place in the file.
      await con.run(`CREATE VIEW pbr_src AS SELECT rowid + 2 AS ${ROW}, * FROM pbr_file`);
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw failure(`${path} could not be read: ${oneLine(e)}`);
  }
  const cols = await con.runAndReadAll("SELECT * FROM pbr_src LIMIT 0");
  const columns = cols.columnNames().filter((c) => c !== ROW);
  const count = await con.runAndReadAll("SELECT count(*) FROM pbr_src");
  const input: Input = {
    columns,
    rows: Number(count.getRowsJS()[0][0]),
    rejected: [],
    rejectedCount: 0,
    unnamed,
  };
  if (format === "csv") {
    const r = await con.runAndReadAll(
      "SELECT line, error_message, count(*) OVER () FROM pbr_rejects ORDER BY line LIMIT 20"
    );
    for (const [line, reason, total] of r.getRowsJS()) {
      input.rejected.push({ line: Number(line), reason: oneLine(String(reason)) });
      input.rejectedCount = Number(total);
    }
    // A file in another encoding fails line by line; say so once rather than leave lines out.
    if (input.rejected.some((r) => /not utf-8 encoded/i.test(r.reason)))
      throw failure(
        `${path} is not UTF-8 (line ${input.rejected[0].line}); a Windows export is usually --encoding latin-1`
      );
  }
  return input;
}

/** Names made unique case-insensitively ("Age", "Age" → "Age", "Age_1"), as DuckDB does for CSV. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((n) => {
    let name = n;
    for (let k = 1; seen.has(name.toLowerCase()); k++) name = `${n}_${k}`;
    seen.add(name.toLowerCase());
    return name;
  });
}
