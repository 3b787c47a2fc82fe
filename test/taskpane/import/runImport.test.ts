/** The import run against the in-memory WorkbookPort: chunk sizes, no overwrite, clean-up on failure and cancel. */
import { autoMap } from "../../../src/core/caseload/headers";
import { MAX_CHUNK_ROWS, rowBytes } from "../../../src/workbook/chunks";
import { csvSource } from "../../../src/taskpane/import/csvSource";
import { runImport, type ImportProgress } from "../../../src/taskpane/import/runImport";
import { gridSource, isAbortError } from "../../../src/taskpane/import/source";
import { MemoryWorkbook } from "../../support/memoryPort";
import { generateCaseload } from "../../fixtures/caseload/generate";

function source(rows = 1000, seed = 7) {
  return csvSource(generateCaseload(rows, seed).text, "test.csv")!;
}

async function snapshot(wb: MemoryWorkbook) {
  return { sheets: await wb.listSheets(), tables: await wb.listTables(), names: [...wb.names.keys()] };
}

describe("runImport through a WorkbookPort", () => {
  it("keeps every write request under the byte budget, sizing chunks from the largest row", async () => {
    const wb = new MemoryWorkbook();
    const src = source(2000);
    const budget = 50_000;
    const result = await runImport(wb, src, autoMap(src.header), { chunkBudget: budget });
    expect(result.chunkRows).toBeGreaterThan(1);
    // Re-read what was written and check each chunk's estimated JSON size against the budget.
    const table = await wb.readTable(result.table!);
    const caseloadChunks = wb.chunks.slice(0, Math.ceil(table.rows.length / result.chunkRows));
    let offset = 0;
    for (const n of caseloadChunks) {
      const bytes = table.rows.slice(offset, offset + n).reduce((sum, r) => sum + rowBytes(r), 0);
      expect(bytes).toBeLessThanOrEqual(budget);
      offset += n;
    }
    expect(offset).toBe(table.rows.length);
    expect(caseloadChunks.slice(0, -1).every((n) => n === result.chunkRows)).toBe(true);
  });

  it("uses the one chunking policy: 3 MB measured, at most 5,000 rows a request", async () => {
    const wb = new MemoryWorkbook();
    const src = source(12_000);
    const result = await runImport(wb, src, autoMap(src.header));
    // Largest row here is about 250 bytes of JSON, so ⌊3,000,000 ÷ 250⌋ rows would fit: the row cap decides.
    expect(result.chunkRows).toBe(MAX_CHUNK_ROWS);
    expect(wb.chunks.slice(0, 3)).toEqual([5_000, 5_000, result.counts.imported - 10_000]);
  });

  it("never overwrites: an existing Caseload sheet and table keep their contents", async () => {
    const wb = new MemoryWorkbook(["Sheet1", "Caseload", "Import rejects"]);
    await wb.writeTable("Caseload", "A1", "Caseload", ["Old"], [["keep me"]]);
    const src = source(200);
    const result = await runImport(wb, src, autoMap(src.header));
    expect(result.sheet).toBe("Caseload (2)");
    expect(result.table).toBe("Caseload_2");
    expect(result.rejectSheet).toBe("Import rejects (2)");
    expect(wb.get("Caseload", "A2")).toBe("keep me");
    expect(await wb.listSheets()).toEqual(["Sheet1", "Caseload", "Import rejects", "Caseload (2)", "Import rejects (2)"]);
  });

  it("formats IDs as text before writing and dates as dd/mm/yyyy", async () => {
    const wb = new MemoryWorkbook();
    const src = source(50);
    const result = await runImport(wb, src, autoMap(src.header));
    const n = result.counts.imported + 1;
    expect(wb.formats).toEqual([
      { sheet: "Caseload", address: `A2:A${n}`, format: "@" },
      { sheet: "Caseload", address: `C2:C${n}`, format: "dd/mm/yyyy" },
      { sheet: "Caseload", address: `D2:D${n}`, format: "dd/mm/yyyy" },
    ]);
    expect(wb.selection).toEqual({ sheet: "Caseload", address: "A1" });
  });

  it.each([0, 1, 3])("on a failure after %d chunks, deletes what it created and leaves the workbook as it was", async (after) => {
    const wb = new MemoryWorkbook(["Sheet1", "Prices"]);
    const before = await snapshot(wb);
    wb.failAfterChunks = after;
    const src = source(3000);
    await expect(runImport(wb, src, autoMap(src.header), { chunkBudget: 100_000 })).rejects.toThrow("simulated failure");
    expect(await snapshot(wb)).toEqual(before);
    expect(wb.calls.filter((c) => c.startsWith("deleteSheet"))).toEqual(["deleteSheet Caseload"]);
  });

  it("on a failure while writing the rejects, deletes both sheets", async () => {
    const wb = new MemoryWorkbook();
    const before = await snapshot(wb);
    const src = source(3000);
    // Let the Caseload table through, then fail the second table (the reject report).
    const realWrite = wb.writeTable.bind(wb);
    let calls = 0;
    wb.writeTable = (async (...args: Parameters<typeof realWrite>) => {
      if (++calls === 2) throw new Error("the reject sheet could not be written");
      return realWrite(...args);
    }) as typeof realWrite;
    await expect(runImport(wb, src, autoMap(src.header))).rejects.toThrow("the reject sheet could not be written");
    expect(await snapshot(wb)).toEqual(before);
    expect(wb.calls.filter((c) => c.startsWith("deleteSheet"))).toEqual(["deleteSheet Import rejects", "deleteSheet Caseload"]);
  });

  it("on Cancel while writing, stops and deletes what it created", async () => {
    const wb = new MemoryWorkbook();
    const before = await snapshot(wb);
    const controller = new AbortController();
    const src = source(3000);
    const seen: ImportProgress[] = [];
    const run = runImport(wb, src, autoMap(src.header), {
      signal: controller.signal,
      chunkBudget: 50_000,
      onProgress: (p) => {
        seen.push(p);
        if (p.phase === "writing" && p.fraction > 0.5) controller.abort();
      },
    });
    await expect(run.catch((e: unknown) => (isAbortError(e) ? "aborted" : e))).resolves.toBe("aborted");
    expect(await snapshot(wb)).toEqual(before);
    expect(seen.some((p) => p.phase === "reading")).toBe(true);
    expect(seen.at(-1)!.fraction).toBeLessThan(1);
  });

  it("on Cancel while reading, writes nothing at all", async () => {
    const wb = new MemoryWorkbook();
    const controller = new AbortController();
    const src = source(30_000); // more than one parser chunk, so Cancel is seen between chunks
    const run = runImport(wb, src, autoMap(src.header), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === "reading") controller.abort();
      },
    });
    await expect(run.catch((e: unknown) => (isAbortError(e) ? "aborted" : e))).resolves.toBe("aborted");
    expect(wb.calls).toEqual([]);
  });

  it("reports progress from 0 to 1 in order", async () => {
    const wb = new MemoryWorkbook();
    const src = source(3000);
    const fractions: number[] = [];
    await runImport(wb, src, autoMap(src.header), { chunkBudget: 50_000, onProgress: (p) => fractions.push(p.fraction) });
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
  });

  it("refuses a mapping without the required fields before touching the workbook", async () => {
    const wb = new MemoryWorkbook();
    const src = source(10);
    await expect(runImport(wb, src, { ...autoMap(src.header), cluster: null })).rejects.toThrow(
      "choose the column that holds the cluster (it is required)"
    );
    expect(wb.calls).toEqual([]);
  });

  it("refuses a file with a header but no data rows, creating nothing", async () => {
    const wb = new MemoryWorkbook();
    const src = csvSource("ID,Cluster,Start\r\n\r\n\r\n", "empty.csv")!;
    await expect(runImport(wb, src, autoMap(src.header))).rejects.toThrow("the file empty.csv has a header row but no data rows");
    expect(wb.calls).toEqual([]);
  });

  it("formats the reject report's Value column as text, so values show as they were in the file", async () => {
    const wb = new MemoryWorkbook();
    const src = csvSource("ID,Cluster,Start,End\r\nA,11,12/04/2024,11/04/2024\r\nB,0031,01/04/2024,\r\nC,4,01/04/2024,\r\n", "bad.csv")!;
    const result = await runImport(wb, src, autoMap(src.header));
    expect(result.counts).toMatchObject({ imported: 1, rejected: 2 });
    expect(wb.formats).toContainEqual({ sheet: "Import rejects", address: "F2:F3", format: "@" });
    expect(wb.values("Import rejects", "A1:F1")).toEqual([["ID", "Reason", "Problem", "Rows with this problem", "Field", "Value"]]);
    expect(wb.values("Import rejects", "F2:F3")).toEqual([["11/04/2024"], ["0031"]]);
  });

  it("when every row is rejected, writes only the reject sheet", async () => {
    const wb = new MemoryWorkbook();
    const src = gridSource([["ID", "Cluster", "Start"], ["A", "23", "01/04/2024"], ["B", "11", "31/02/2024"]], "bad.xlsx")!;
    const result = await runImport(wb, src, autoMap(src.header));
    expect(result).toMatchObject({ sheet: null, table: null, rejectSheet: "Import rejects", dataRows: 2 });
    expect(await wb.listSheets()).toEqual(["Sheet1", "Import rejects"]);
  });

  it("finds no header in an empty file", () => {
    expect(csvSource("", "empty.csv")).toBeNull();
    expect(csvSource("\uFEFF\r\n\r\n", "empty.csv")).toBeNull();
    expect(gridSource([[null, ""], []], "empty.xlsx")).toBeNull();
  });
});

describe("import and flag (issue 28)", () => {
  const csv = [
    "ID,Cluster,Start date,End date,Admitted days",
    "P1,11,01/04/2024,13/04/2024,30",
    "P2,4,01/04/2024,,",
    "P3,23,01/04/2024,,",
  ].join("\n");

  it("counts the flagged person, names the problem in the Note, and lists the row as imported", async () => {
    const wb = new MemoryWorkbook();
    const src = csvSource(csv, "flag.csv")!;
    const result = await runImport(wb, src, autoMap(src.header), { flagRecoverable: true });
    expect(result.counts).toMatchObject({ imported: 2, rejected: 1, flagged: 1 });
    expect(result.flaggedLines).toBe(1);
    const caseload = await wb.readTable(result.table!);
    const note = caseload.header.indexOf("Note");
    expect(caseload.rows[0][0]).toBe("P1");
    expect(caseload.rows[0][4]).toBe(30);
    expect(caseload.rows[0][note]).toMatch(/^Flagged: admitted days: 30 is more than the 13 days/);
    const rejects = await wb.readUsedRange(result.rejectSheet!);
    expect(rejects.header[8]).toBe("Outcome");
    const outcome = new Map(rejects.rows.map((r) => [r[0], r[8]]));
    expect(outcome.get("P1")).toBe("Imported and flagged");
    expect(outcome.get("P3")).toBe("Left out");
  });

  it("leaves the person out when not chosen", async () => {
    const wb = new MemoryWorkbook();
    const src = csvSource(csv, "flag.csv")!;
    const result = await runImport(wb, src, autoMap(src.header));
    expect(result.counts).toMatchObject({ imported: 1, rejected: 2, flagged: 0 });
  });
});
