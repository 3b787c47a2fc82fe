/**
 * The malformed-caseload corpus (test/fixtures/caseload/), each file imported end to end into the
 * in-memory workbook. For every file: imported + rejected = data rows, and the reject sheet names
 * exactly the rejected rows.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readSheet } from "read-excel-file/node";
import { autoMap } from "../../../src/core/caseload/headers";
import { csvSource } from "../../../src/taskpane/import/csvSource";
import { openXlsxFile } from "../../../src/taskpane/import/xlsxSource";
import { runImport, type ImportResult } from "../../../src/taskpane/import/runImport";
import type { CaseloadSource } from "../../../src/taskpane/import/source";
import { MemoryWorkbook } from "../../support/memoryPort";
import { rejectsInFileOrder } from "./rejectSheet";
import { generateCaseload } from "../../fixtures/caseload/generate";

const DIR = join(__dirname, "../../fixtures/caseload");

function openCsv(name: string): CaseloadSource {
  // Read as bytes and decode as the pane does (Blob.text() is UTF-8 and drops a BOM; csvSource drops one too).
  const source = csvSource(readFileSync(join(DIR, name)).toString("utf8"), name);
  if (!source) throw new Error(`${name} has no header`);
  return source;
}

async function importInto(wb: MemoryWorkbook, source: CaseloadSource): Promise<ImportResult> {
  // "keep" reads a quoted value that swallowed record-shaped lines as one value, as before
  // (test/taskpane/import/hostile.test.ts covers the choice).
  return runImport(wb, source, autoMap(source.header), { strayQuotes: "keep" });
}

function rejectRows(wb: MemoryWorkbook, result: ImportResult): (string | number | boolean | null)[][] {
  return rejectsInFileOrder(wb, result);
}

interface Expected {
  dataRows: number;
  imported: number;
  rejected: number;
  blankSkipped?: number;
  notClustered?: number;
  /** Rejected rows (file row numbers). */
  rejectedRows?: number[];
}

const CSV_CORPUS: Record<string, Expected> = {
  "bom-crlf.csv": { dataRows: 4, imported: 4, rejected: 0 },
  "semicolon.csv": { dataRows: 5, imported: 3, rejected: 2, rejectedRows: [4, 5] },
  "quoted-newlines.csv": { dataRows: 4, imported: 3, rejected: 1, rejectedRows: [5] },
  "blank-lines.csv": { dataRows: 4, imported: 3, rejected: 1, blankSkipped: 3, rejectedRows: [10] },
  "missing-columns.csv": { dataRows: 5, imported: 3, rejected: 2, rejectedRows: [4, 5] },
  "bad-dates.csv": { dataRows: 18, imported: 9, rejected: 9, rejectedRows: [11, 12, 13, 14, 15, 16, 17, 18, 19] },
  "ratings.csv": { dataRows: 8, imported: 4, rejected: 4, rejectedRows: [5, 6, 7, 8] },
  "duplicate-ids.csv": { dataRows: 9, imported: 5, rejected: 4, rejectedRows: [5, 6, 7, 9] },
  "clusters.csv": { dataRows: 11, imported: 7, rejected: 4, notClustered: 1, rejectedRows: [5, 8, 11, 12] },
  "unclosed-quote.csv": { dataRows: 4, imported: 2, rejected: 2, rejectedRows: [3, 5] },
  "admitted-days.csv": { dataRows: 5, imported: 2, rejected: 3, rejectedRows: [3, 4, 5] },
};

describe("malformed-caseload corpus", () => {
  it.each(Object.entries(CSV_CORPUS))("%s: imported + rejected = data rows", async (name, expected) => {
    const wb = new MemoryWorkbook();
    const result = await importInto(wb, openCsv(name));
    expect(result.counts.imported + result.counts.rejected).toBe(result.dataRows);
    expect(result.lines.imported + result.lines.rejected + result.lines.blank).toBe(result.linesRead);
    expect(result.dataRows).toBe(expected.dataRows);
    expect(result.counts.imported).toBe(expected.imported);
    expect(result.counts.rejected).toBe(expected.rejected);
    expect(result.counts.blankSkipped).toBe(expected.blankSkipped ?? 0);
    expect(result.counts.notClustered).toBe(expected.notClustered ?? 0);
    // The Caseload table holds exactly the imported rows; the reject sheet names exactly the rejected rows.
    if (result.table) expect((await wb.readTable(result.table)).rows).toHaveLength(expected.imported);
    const rows = new Set(rejectRows(wb, result).map((r) => r[0]));
    expect(rows.size).toBe(expected.rejected);
    if (expected.rejectedRows) expect([...rows]).toEqual(expected.rejectedRows);
  });

  it("reads a BOM, CRLF file with its header intact", async () => {
    const source = openCsv("bom-crlf.csv");
    expect(source.header[0]).toBe("Referral ID");
    expect(source.delimiter).toBe("comma");
    const wb = new MemoryWorkbook();
    const result = await importInto(wb, source);
    const table = await wb.readTable(result.table!);
    // 1/7/2024 (d/m/yyyy) = 45474; 2024-06-20 = 45463.
    expect(table.rows.map((r) => r.slice(0, 5))).toEqual([
      ["R0001", 11, 45383, 45747, 0],
      ["R0002", 3, 45427, null, 2],
      ["R0003", 14, 45444, 45463, 19],
      ["R0004", 0, 45474, 45565, null],
    ]);
  });

  it("detects semicolons and keeps commas inside values", async () => {
    const source = openCsv("semicolon.csv");
    expect(source.delimiter).toBe("semicolon");
    const wb = new MemoryWorkbook();
    const result = await importInto(wb, source);
    const table = await wb.readTable(result.table!);
    expect(table.rows[0][5]).toBe("Early Intervention, West");
    expect(rejectRows(wb, result).map((r) => r[3])).toEqual([
      "row 4: 7 values but the header has 6 columns (is there a separator inside an unquoted value?)",
      "row 5, end date: 11/04/2024 is before the start date 12/04/2024",
    ]);
  });

  it("keeps newlines, separators and quotes inside quoted values, numbering rows as a spreadsheet does", async () => {
    const wb = new MemoryWorkbook();
    const result = await importInto(wb, openCsv("quoted-newlines.csv"));
    const table = await wb.readTable(result.table!);
    expect(table.rows.map((r) => [r[5], r[6]])).toEqual([
      ["Team with\ntwo lines", 'CCG "North"'],
      ["Comma, inside", "ICB\n(new)"],
      ['Quote " inside\nand a newline\nand another', "ICB"],
    ]);
    expect(rejectRows(wb, result)[0].slice(0, 3)).toEqual([5, "cluster", "31"]);
  });

  it("gives each bad date its own reason", async () => {
    const wb = new MemoryWorkbook();
    const result = await importInto(wb, openCsv("bad-dates.csv"));
    expect(rejectRows(wb, result).map((r) => r[3])).toEqual([
      'row 11, start date: "31/02/2024" is not a real day in the calendar',
      'row 12, start date: "12/31/2024" looks month-first (US style); dates must be day-first, dd/mm/yyyy',
      'row 13, start date: "01/04/24" has a two-digit year; use four digits (dd/mm/yyyy)',
      'row 14, start date: "2024-13-01" is not a real day in the calendar',
      'row 15, start date: "tomorrow" is not a date (use dd/mm/yyyy, yyyy-mm-dd or an Excel date)',
      'row 16, start date: "29/02/2023" is not a real day in the calendar',
      "row 17, end date: 28/02/2024 is before the start date 29/02/2024",
      'row 18, end date: "31/04/2024" is not a real day in the calendar',
      "row 19, start date: blank, but this field is required",
    ]);
    const table = await wb.readTable(result.table!);
    expect(new Set(table.rows.map((r) => r[2]))).toEqual(new Set([45383])); // all nine good spellings of 1 April 2024
  });

  it("lists two bad ratings in one row as two lines, one rejected row", async () => {
    const wb = new MemoryWorkbook();
    const result = await importInto(wb, openCsv("ratings.csv"));
    const lines = rejectRows(wb, result);
    expect(lines.filter((r) => r[0] === 8).map((r) => r[3])).toEqual([
      'row 8, item 1: rating "x" is not 0–4 or 9',
      'row 8, item E: rating "7" is not 0–4 or 9',
    ]);
    expect(lines.find((r) => r[0] === 6)?.[3]).toBe('row 6, item B: rating "-1" is not 0–4 or 9');
    expect(result.rejectLines).toBe(5);
  });

  it("writes formula-looking text as text", async () => {
    const wb = new MemoryWorkbook();
    const result = await importInto(wb, openCsv("admitted-days.csv"));
    const table = await wb.readTable(result.table!);
    expect(table.rows[0][5]).toBe(`'=HYPERLINK("x")`);
  });

  it("imports the XLSX export (read with read-excel-file's Node build)", async () => {
    const buffer = readFileSync(join(DIR, "export.xlsx"));
    const source = await openXlsxFile(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength), "export.xlsx", (input) =>
      readSheet(Buffer.from(input as ArrayBuffer)) as Promise<unknown[][]>
    );
    expect(source.headerRow).toBe(2);
    const wb = new MemoryWorkbook();
    const result = await importInto(wb, source);
    expect(result.counts).toEqual({ imported: 3, rejected: 3, blankSkipped: 1, notClustered: 0, clusterNine: 0, flagged: 0 });
    expect(result.dataRows).toBe(6);
    const table = await wb.readTable(result.table!);
    // Dates become serials: 01/04/2024 = 45383, 31/03/2025 = 45747, 15/05/2024 = 45427, serial 45474 kept.
    expect(table.rows.map((r) => r.slice(0, 5))).toEqual([
      ["X-001", 11, 45383, 45747, 0],
      ["1002", 13, 45427, null, 12],
      ["X-003", 14, 45474, null, null],
    ]);
    expect(rejectRows(wb, result).map((r) => r.slice(0, 3))).toEqual([
      [7, "start date", "31/02/2024"],
      [8, "end date", "01/05/2024"],
      [9, "MHCT item 1", 6],
    ]);
  });

  it("imports a generated 200,000-row file: imported + rejected = 200,000, with the planted faults", async () => {
    const generated = generateCaseload(200_000, 20240401);
    const source = csvSource(generated.text, "generated.csv")!;
    const wb = new MemoryWorkbook();
    const result = await importInto(wb, source);
    expect(result.dataRows).toBe(200_000);
    expect(result.counts.imported + result.counts.rejected).toBe(200_000);
    expect(result.counts).toEqual(generated.expected);
    expect(new Set(rejectRows(wb, result).map((r) => r[0])).size).toBe(generated.expected.rejected);
    expect(wb.chunks.reduce((a, b) => a + b, 0)).toBe(result.counts.imported + result.rejectLines);
  }, 120_000);
});
