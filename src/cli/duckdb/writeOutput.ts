/**
 * The output file: every input column as read, then MHNRG, Price, Unit, Value, Note and Error,
 * in the input's row order; CSV or Parquet by the output's extension. Written to a temporary file
 * beside the output and renamed when complete, so a failed run leaves no half-written file and an
 * earlier output stays as it was.
 */
import { renameSync, rmSync } from "node:fs";
import { extname } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { usageError } from "../io";
import { ident, literal, runWithProgress } from "./engine";
import { RESULT } from "./pipeline";
import { uniqueNames } from "./readInput";

export const ADDED = ["MHNRG", "Price", "Unit", "Value", "Note", "Error"] as const;

export function outputFormat(path: string): "csv" | "parquet" {
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".parquet") return "parquet";
  throw usageError(`--out ${path}: write a .csv or .parquet file (got "${ext || "no extension"}")`);
}

/** The added columns' names, with a suffix where the input already has one of them. */
export function addedNames(inputColumns: readonly string[]): string[] {
  return uniqueNames([...inputColumns, ...ADDED]).slice(inputColumns.length);
}

export async function writeOutput(
  con: DuckDBConnection,
  relation: string,
  rowColumn: string,
  inputColumns: readonly string[],
  path: string,
  onProgress?: (percent: number) => void
): Promise<void> {
  const format = outputFormat(path);
  const [code, price, unit, value, note, error] = addedNames(inputColumns).map(ident);
  const select = `SELECT ${inputColumns.map((c) => `s.${ident(c)}`).join(", ")}${inputColumns.length ? "," : ""}
      r.code AS ${code}, r.price AS ${price}, r.unit AS ${unit}, round(r.value, 2) AS ${value},
      CASE r.status
        WHEN 'ok' THEN CASE WHEN r.reason <> '' THEN 'OK: ' || r.reason ELSE 'OK' END
        WHEN 'specialised' THEN 'OK: specialised (out of scope), not priced'
        WHEN 'not attended' THEN 'Not attended: £0'
        WHEN 'blank' THEN 'Blank row: skipped'
        ELSE 'Left out: ' || r.reason
      END AS ${note},
      CASE WHEN r.status = 'invalid' THEN CASE WHEN r.error_kind <> '' THEN r.error_kind || ' ' || r.reason ELSE r.reason END END AS ${error}
    FROM ${relation} s JOIN ${RESULT} r ON r.row_id = s.${ident(rowColumn)}
    ORDER BY s.${ident(rowColumn)}`;
  const partial = `${path}.partial${extname(path)}`;
  try {
    await runWithProgress(
      con,
      `COPY (${select}) TO ${literal(partial)} (FORMAT ${format}${format === "csv" ? ", HEADER true" : ""})`,
      onProgress
    );
    renameSync(partial, path);
  } finally {
    rmSync(partial, { force: true });
  }
}
