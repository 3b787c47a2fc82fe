/**
 * The hostile import corpus (test/fixtures/hostile/, written by make.ts): stray and never-closed
 * quotes, Windows-1252 and UTF-16 exports, an over-long cell, more rows than a sheet holds and
 * duplicate headers. Every file is accounted for line by line: lines read = lines in imported
 * rows + lines in rejected rows + blank lines, and data rows = imported + rejected, with the text
 * intact and a specific message.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { join } from "node:path";
import { autoMap } from "../../../src/core/caseload/headers";
import { csvSource, csvSourceFromBytes } from "../../../src/taskpane/import/csvSource";
import {
  anomalyText,
  encodingLines,
  mappingWarnings,
  summaryLines,
} from "../../../src/taskpane/import/importView";
import {
  QuoteAnomalyError,
  TooManyRowsError,
  runImport,
  type ImportOptions,
  type ImportResult,
} from "../../../src/taskpane/import/runImport";
import { gridSource, type CaseloadSource } from "../../../src/taskpane/import/source";
import { MemoryWorkbook } from "../../support/memoryPort";
import { rejectsInFileOrder } from "./rejectSheet";
import { ACCENTED, LONG_CELL, bigCaseload } from "../../fixtures/hostile/make";

const DIR = join(__dirname, "../../fixtures/hostile");

function open(name: string): CaseloadSource {
  const source = csvSourceFromBytes(new Uint8Array(readFileSync(join(DIR, name))), name);
  if (!source) throw new Error(`${name} has no header`);
  return source;
}

async function run(source: CaseloadSource, options: ImportOptions = {}) {
  const wb = new MemoryWorkbook();
  const result = await runImport(wb, source, autoMap(source.header), options);
  const table = result.table ? (await wb.readTable(result.table)).rows : [];
  const rejects = rejectsInFileOrder(wb, result);
  return { wb, result, table, rejects };
}

/** The two sums every import must satisfy. */
function expectAddsUp(result: ImportResult) {
  expect(result.counts.imported + result.counts.rejected).toBe(result.dataRows);
  expect(result.lines.imported + result.lines.rejected + result.lines.blank).toBe(result.linesRead);
}

describe("stray quote in the middle of a file", () => {
  it("stops before writing and names the row, both lines and the record-like text", async () => {
    const source = open("stray-quote-mid.csv");
    const wb = new MemoryWorkbook();
    const error = await runImport(wb, source, autoMap(source.header)).catch((e) => e);
    expect(error).toBeInstanceOf(QuoteAnomalyError);
    expect(wb.calls).toEqual([]); // nothing written
    const [a] = (error as QuoteAnomalyError).anomalies;
    expect(a).toEqual({
      row: 3,
      line: 3,
      recordLine: 4,
      column: 3,
      preview: "P3,13,03/04/2024,Team B,ICB",
    });
    expect(anomalyText(source, a)).toBe(
      "Row 3 (line 3): the quoted Team value that starts here runs on to line 4, which looks like a row of its own: “P3,13,03/04/2024,Team B,ICB”."
    );
  });

  it("split: the line with the stray quote is rejected, the swallowed lines become rows again", async () => {
    const { result, table, rejects } = await run(open("stray-quote-mid.csv"), {
      strayQuotes: "split",
    });
    expectAddsUp(result);
    expect(result.linesRead).toBe(5);
    expect(result.counts).toMatchObject({ imported: 4, rejected: 1 });
    expect(result.lines).toEqual({ imported: 4, rejected: 1, blank: 0 });
    expect(table.map((r) => [r[0], r[5]])).toEqual([
      ["P1", "North"],
      ["P3", "Team B"],
      ["P4", 'Team C"'],
      ["P5", "South"],
    ]);
    expect(rejects.map((r) => [r[0], r[4], r[3]])).toEqual([
      [
        3,
        3,
        "row 3 (line 3): a quote opened on this line is not closed before line 4, which is a record of its own (a stray quote); this line was rejected and the lines after it read again",
      ],
    ]);
    expect(summaryLines(result)).toContain(
      "1 stray quote was split off, as you chose: the line where each quote opened is rejected and the lines after it were read again as rows."
    );
  });

  it("keep: the value stays as written, and the lines still add up", async () => {
    const { result, table } = await run(open("stray-quote-mid.csv"), { strayQuotes: "keep" });
    expectAddsUp(result);
    expect(result.dataRows).toBe(3);
    expect(result.linesRead).toBe(5);
    expect(result.lines).toEqual({ imported: 5, rejected: 0, blank: 0 });
    expect(table[1][5]).toBe(
      "Team A,North,ICB\nP3,13,03/04/2024,Team B,ICB\nP4,14,04/04/2024,Team C"
    );
    expect(summaryLines(result)[1]).toBe(
      "Some rows span several lines: 5 lines of the file after the header were read, 5 in imported rows and 0 in rejected rows."
    );
  });

  it("a quoted value with ordinary line breaks is not an anomaly", async () => {
    const source = csvSource(
      'ID,Cluster,Start,Team\nQ1,11,01/04/2024,"two\nlines"\nQ2,12,02/04/2024,x\n',
      "ok.csv"
    )!;
    const { result } = await run(source);
    expect(result.quoteAnomalies).toEqual([]);
    expect(result.linesRead).toBe(3);
    expect(result.lines).toEqual({ imported: 3, rejected: 0, blank: 0 });
  });
});

describe("a quote never closed", () => {
  it("keep: one row holding the rest of the file, rejected, and every line counted", async () => {
    const { result, rejects } = await run(open("never-closed-quote.csv"), { strayQuotes: "keep" });
    expectAddsUp(result);
    expect(result.dataRows).toBe(1);
    expect(result.linesRead).toBe(3);
    expect(result.lines).toEqual({ imported: 0, rejected: 3, blank: 0 });
    expect(rejects[0][3]).toBe(
      "row 2 (line 2): a quoted value is never closed, so lines 2–4 (the rest of the file) were read as one value"
    );
  });

  it("split: the rows after the quote are read again", async () => {
    const { result, table } = await run(open("never-closed-quote.csv"), { strayQuotes: "split" });
    expectAddsUp(result);
    expect(result.linesRead).toBe(3);
    expect(result.counts).toMatchObject({ imported: 2, rejected: 1 });
    expect(table.map((r) => [r[0], r[5]])).toEqual([
      ["N2", "South"],
      ["N3", "East"],
    ]);
  });
});

describe("encodings", () => {
  const expectAccented = (table: unknown[][]) =>
    expect(table.map((r) => [r[0], r[5], r[6]])).toEqual(ACCENTED.map((r) => [r[0], r[3], r[4]]));

  it("reads a Windows-1252 export as Windows-1252 and says so", async () => {
    const source = open("windows-1252.csv");
    expect(source.encoding).toMatchObject({
      encoding: "windows-1252",
      detected: true,
      replacements: 0,
    });
    expect(encodingLines(source)?.note).toBe(
      "Read as Windows-1252 (Western European): line 2 is not valid UTF-8, so the file was saved in Windows' own encoding (Excel's plain “CSV”)."
    );
    const { result, table } = await run(source);
    expectAddsUp(result);
    expect(result.counts).toMatchObject({ imported: 3, rejected: 0 });
    expectAccented(table);
  });

  it("read as UTF-8 instead, every row with an unreadable character is rejected, never imported", async () => {
    const source = open("windows-1252.csv").reopen!("utf-8")!;
    expect(source.encoding).toMatchObject({ encoding: "utf-8", detected: false, replacements: 5 });
    expect(encodingLines(source)?.warning).toBe(
      "5 characters could not be read as UTF-8 (shown as \u{FFFD}); the rows holding them will be rejected. Try another encoding."
    );
    const { result, rejects } = await run(source);
    expectAddsUp(result);
    expect(result.counts).toMatchObject({ imported: 1, rejected: 2 });
    expect(rejects.map((r) => r[3])).toEqual([
      "row 2: holds a character that could not be read as UTF-8 (shown as \u{FFFD}); choose the file's encoding in the mapping step and import again",
      "row 3: holds a character that could not be read as UTF-8 (shown as \u{FFFD}); choose the file's encoding in the mapping step and import again",
    ]);
  });

  it.each([
    ["utf16le-bom.txt", "utf-16le", "tab"],
    ["utf16be-bom.csv", "utf-16be", "comma"],
  ])("reads %s (a byte-order mark) as %s", async (name, encoding, delimiter) => {
    const source = open(name);
    expect(source.encoding?.encoding).toBe(encoding);
    expect(source.delimiter).toBe(delimiter);
    expect(source.header[0]).toBe("ID");
    const { result, table } = await run(source);
    expectAddsUp(result);
    expect(result.dataRows).toBe(3); // no phantom row
    expect(result.counts).toMatchObject({ imported: 3, rejected: 0 });
    expectAccented(table);
  });

  it("XLSX too: a cell holding U+FFFD rejects its row rather than importing it", async () => {
    const source = gridSource(
      [
        ["ID", "Cluster", "Start", "Team"],
        ["X1", 11, "01/04/2024", "Caf\u{FFFD}"],
        ["X2", 12, "02/04/2024", "Café"],
      ],
      "x.xlsx"
    )!;
    const { result, rejects, table } = await run(source);
    expectAddsUp(result);
    expect(table.map((r) => r[5])).toEqual(["Café"]);
    expect(rejects[0][3]).toBe(
      "row 2: holds the replacement character \u{FFFD}, a sign the text was damaged before it reached this file"
    );
  });

  it("reads UTF-16 without a byte-order mark from its zero bytes", () => {
    const bytes = new Uint8Array(
      Buffer.from("ID\tCluster\tStart\r\nA1\t11\t01/04/2024\r\n", "utf16le")
    );
    expect(csvSourceFromBytes(bytes, "x.txt")?.encoding?.encoding).toBe("utf-16le");
  });
});

describe("Excel's limits", () => {
  it("rejects a row with a 32,768-character cell, saying why", async () => {
    const { result, rejects, table } = await run(open("long-cell.csv"));
    expectAddsUp(result);
    expect(result.counts).toMatchObject({ imported: 2, rejected: 1 });
    expect(table.map((r) => r[0])).toEqual(["L1", "L3"]);
    expect(rejects[0][0]).toBe(3);
    expect(rejects[0][3]).toBe(
      "row 3, team: 32,768 characters, but an Excel cell holds at most 32,767"
    );
    expect(String(rejects[0][2])).toBe(`${LONG_CELL.slice(0, 200)}… (32,768 characters)`);
  });

  it("refuses 1,048,577 rows before writing anything, with the count, and imports the first 1,048,575 when asked", async () => {
    const source = csvSource(bigCaseload(1_048_577), "big.csv")!;
    const wb = new MemoryWorkbook();
    const error = await runImport(wb, source, autoMap(source.header)).catch((e) => e);
    expect(error).toBeInstanceOf(TooManyRowsError);
    expect(error.message).toBe(
      "1,048,577 rows to write, but an Excel sheet has room for 1,048,575 below the header; import the first 1,048,575 rows or split them across sheets"
    );
    expect(wb.calls).toEqual([]);
  }, 120_000);

  it("imports the first rows that fit when the user agrees (a small sheet stands in for Excel's)", async () => {
    const source = csvSource(bigCaseload(12), "big.csv")!;
    const { result, table } = await run(source, { firstRowsOnly: true, sheetRows: 11 });
    expectAddsUp(result);
    expect(table).toHaveLength(10);
    expect(result.rowsLeftOut).toBe(2);
    expect(summaryLines(result)).toContain(
      "2 valid rows were left out, as you chose: an Excel sheet holds 1,048,575 rows below the header."
    );
  });
});

describe("more rows than a sheet holds, split across sheets", () => {
  it("fills each Caseload sheet to the last row and puts the rest on the next (a small sheet stands in for Excel's)", async () => {
    const source = csvSource(bigCaseload(25), "big.csv")!;
    const { wb, result, table } = await run(source, { splitAcrossSheets: true, sheetRows: 11 });
    expectAddsUp(result);
    expect(result.rowsLeftOut).toBe(0);
    expect(table).toHaveLength(10);
    expect(result.moreSheets.map((p) => [p.sheet, p.table, p.address])).toEqual([
      ["Caseload (2)", "Caseload_2", "A1:I11"],
      ["Caseload (3)", "Caseload_3", "A1:I6"],
    ]);
    const last = await wb.readTable("Caseload_3");
    expect(last.rows.map((r) => r[0])).toEqual(["B21", "B22", "B23", "B24", "B25"]);
    expect(summaryLines(result)).toContain(
      'Imported rows are split across 3 sheets, as you chose: "Caseload" (table Caseload), "Caseload (2)" (table Caseload_2), "Caseload (3)" (table Caseload_3).'
    );
  });
});

describe("duplicate headers", () => {
  it("warns, naming both columns of each field and the one used", () => {
    const source = open("duplicate-headers.csv");
    expect(mappingWarnings(source, autoMap(source.header))).toEqual([
      "Columns A (“ID”) and D (“Patient ID”) both look like the ID; column A is used. Check that it is the right one.",
      "Columns B (“Cluster”) and E (“Care Cluster”) both look like the cluster; column B is used. Check that it is the right one.",
    ]);
  });
});

describe("lines always add up (property)", () => {
  const cell = fc.constantFrom(
    "",
    "P1",
    "P2",
    "11",
    "12",
    "01/04/2024",
    "x,y",
    "two\nlines",
    'say "hi"',
    "a\r\nb"
  );
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  /** Physical lines of a text, as an editor counts them (a final line break ends the last line). */
  const physical = (t: string) =>
    t === "" ? 0 : t.split(/\r\n|\n|\r/).length - (/[\r\n]$/.test(t) ? 1 : 0);

  it("lines read = the lines after the header, and imported + rejected = rows, stray quotes or not", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        fc.option(fc.nat(), { nil: undefined }),
        fc.constantFrom("\n", "\r\n"),
        fc.constantFrom<"split" | "keep">("split", "keep"),
        async (rows, strayAt, eol, strayQuotes) => {
          const lines = rows.map((r) => ["P0", "11", "01/04/2024", ...r].map(quote).join(","));
          // A stray quote: an opening quote in one row's last value that nothing closes properly.
          if (strayAt !== undefined) {
            const i = strayAt % lines.length;
            lines[i] = lines[i].replace(/,([^,]*)$/, ',"$1');
          }
          const text = ["ID,Cluster,Start,Team,Note", ...lines].join(eol) + eol;
          const source = csvSource(text, "p.csv")!;
          const wb = new MemoryWorkbook();
          let result: ImportResult;
          try {
            result = await runImport(wb, source, autoMap(source.header), { strayQuotes });
          } catch (e) {
            // Every data row blank or unreadable leaves nothing to import: the only allowed failure.
            expect(String(e)).toMatch(/empty|no data|has no rows/i);
            return;
          }
          expectAddsUp(result);
          // Every line after the header is in a row (no row here is blank, so none is trailing).
          expect(result.linesRead).toBe(physical(text) - 1);
          const rejectRows = new Set(
            rejectsInFileOrder(wb, result).map((r) => r[0])
          );
          expect(rejectRows.size).toBe(result.counts.rejected);
        }
      ),
      { numRuns: 300 }
    );
  });
});
