/**
 * An .xlsx extract: checked by the same guards as the playground's Open workbook and the task
 * pane's Import caseload (core/files/xlsxGuard.ts: what the bytes are, the zip's directory against
 * FILE_LIMITS, each part's CRC-32, no DTD, the sheet's used range) before read-excel-file unpacks
 * it, then its first sheet appended to DuckDB as text.
 *
 * The guard moved from workbook/ to core/files/ for this: the command sits on core only (the
 * lint rule for src/cli), and the guard is pure (fflate and TextDecoder), so core is the one layer
 * the command, the pane and the playground may all import.
 *
 * Cells under no header (beyond the header row's last name, or under a blank header cell) are
 * kept, in columns named "Column N" as a blank header cell is named, and counted for the summary:
 * an .xlsx cell has an address, so unlike a CSV line with a cell too many nothing is ambiguous,
 * and dropping a cell the analyst typed would lose it from the output without a word.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import {
  FileRefused,
  UsedRangeBudget,
  refuseDtd,
  sheetExtent,
  sheetNamesByPath,
  unzipGuarded,
} from "../../core/files/xlsxGuard";
import { isBlank } from "../../core/values";
import { failure, oneLine, refused } from "../io";
import { ident } from "./engine";

/** The parts read-excel-file unpacks (its filterZipArchiveEntry): every XML part, so all are checked. */
const isXmlPart = (name: string) => name.endsWith(".xml") || name.endsWith(".xml.rels");

/** An .xlsx that passed the guards: its bytes and the sheet to read (the workbook's first). */
export interface CheckedXlsx {
  bytes: Buffer;
  sheet: string;
}

/**
 * The guards, before anything is unpacked for reading. A refused file is a CliError of exit code 2
 * saying why in one line (the guard's words, "this page" being this command); a missing file is
 * exit 1, as for CSV and Parquet.
 */
export function checkXlsx(path: string): CheckedXlsx {
  if (!existsSync(path) || !statSync(path).isFile()) throw failure(`${path}: no such file`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw failure(`${path} could not be read: ${oneLine(e)}`);
  }
  try {
    const files = unzipGuarded(bytes, isXmlPart);
    const decode = (b: Uint8Array) => new TextDecoder().decode(b);
    const xml = new Map(Object.entries(files).map(([name, b]) => [name, decode(b)]));
    for (const [name, text] of xml) refuseDtd(name, text);
    const workbook = [...xml.keys()].find((f) => /^xl\/workbook\d*\.xml$/i.test(f));
    if (!workbook) throw new FileRefused("this file has no Excel workbook inside.");
    const rels = [...xml.keys()].find((f) => /^xl\/_rels\/workbook\d*\.xml\.rels$/i.test(f));
    const [first] = sheetNamesByPath(xml.get(workbook)!, rels ? xml.get(rels) : undefined);
    if (!first || !xml.has(first[0])) throw new FileRefused("this workbook has no sheet to read.");
    const [sheetPath, sheet] = first;
    new UsedRangeBudget().add(sheet, sheetExtent(sheet, xml.get(sheetPath)!));
    return { bytes, sheet };
  } catch (e) {
    if (!(e instanceof FileRefused)) throw e;
    throw refused(
      `${path} was not read: ${e.message.replace(/\bthis page\b/g, "pbr-toolkit")}` +
        (/cells|unpacks to/.test(e.message)
          ? " A sheet this large reads faster as CSV (in Excel, Save As > CSV UTF-8)."
          : "")
    );
  }
}

/** A cell of read-excel-file as the text a CSV of the same sheet would hold. */
function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** "A", "Z", "AA": a column's letters from its 0-based index. */
export function columnLetters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Cells under no header, by column: its letters, the name it is kept under, how many cells. */
export interface Unnamed {
  letters: string;
  name: string;
  cells: number;
}

/**
 * The checked sheet into DuckDB as `table` (row number column `rowColumn`, then every column as
 * text); resolves to the columns that had no header but held cells.
 */
export async function readXlsx(
  con: DuckDBConnection,
  path: string,
  checked: CheckedXlsx,
  table: string,
  rowColumn: string,
  uniqueNames: (names: readonly string[]) => string[]
): Promise<Unnamed[]> {
  const { readSheet } = await import("read-excel-file/node");
  const rows = (await readSheet(checked.bytes, checked.sheet)) as unknown[][];
  if (rows.length === 0) throw failure(`${path}: the first sheet is empty`);
  // read-excel-file pads every row to the sheet's width; the widest row decides regardless.
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const given = Array.from({ length: width }, (_, i) => cellText(rows[0][i])?.trim() || null);
  const header = uniqueNames(given.map((h, i) => h ?? `Column ${i + 1}`));
  await con.run(
    `CREATE TABLE ${table} (${rowColumn} BIGINT, ${header.map((h) => `${ident(h)} VARCHAR`).join(", ")})`
  );
  const filled = new Array<number>(width).fill(0);
  const app = await con.createAppender(table);
  for (let i = 1; i < rows.length; i++) {
    app.appendBigInt(BigInt(i + 1));
    for (let c = 0; c < width; c++) {
      const t = cellText(rows[i][c]);
      if (t === null) app.appendNull();
      else {
        app.appendVarchar(t);
        if (given[c] === null && !isBlank(t)) filled[c]++;
      }
    }
    app.endRow();
  }
  app.closeSync();
  return filled.flatMap((cells, c) =>
    cells > 0 ? [{ letters: columnLetters(c), name: header[c], cells }] : []
  );
}

/** The summary's line about cells under no header, or none. */
export function unnamedText(path: string, unnamed: readonly Unnamed[]): string[] {
  if (unnamed.length === 0) return [];
  const total = unnamed.reduce((t, u) => t + u.cells, 0);
  const each = unnamed
    .map(
      (u) => `column ${u.letters}: ${u.cells.toLocaleString("en-GB")} as ${JSON.stringify(u.name)}`
    )
    .join("; ");
  return [
    `Cells under no header in ${path}: ${total.toLocaleString("en-GB")} (${each}), kept in the output under those names.`,
  ];
}
