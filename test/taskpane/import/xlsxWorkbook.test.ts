/* An XLSX workbook with a cover sheet and title rows: the import finds the caseload sheet and its header row, and both can be changed. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import readWorkbook from "read-excel-file/node";
import { autoMap } from "../../../src/core/caseload/headers";
import { guessHeaderRow, openXlsxFile } from "../../../src/taskpane/import/xlsxSource";
import { runImport } from "../../../src/taskpane/import/runImport";
import { MemoryWorkbook } from "../../support/memoryPort";

const FILE = join(__dirname, "../../fixtures/caseload/cover-sheet.xlsx");
const open = () => {
  const buffer = readFileSync(FILE);
  return openXlsxFile(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength), "cover-sheet.xlsx", async (input) =>
    (await readWorkbook(Buffer.from(input as ArrayBuffer))) as { sheet: string; data: unknown[][] }[]
  );
};

describe("XLSX workbooks with several sheets", () => {
  it("finds the header row below titles by the headers it recognises", () => {
    expect(guessHeaderRow([["Caseload extract"], [], ["ID", "Cluster", "Start"], ["P1", 11, "01/04/2024"]])).toEqual({ index: 2, score: 3 });
    expect(guessHeaderRow([[], ["Trust", "Month"], ["Northshire"]])).toEqual({ index: 1, score: 0 });
  });

  it("starts on the sheet that holds the caseload, not the cover, and imports it", async () => {
    const source = await open();
    expect(source.workbook).toMatchObject({ sheets: ["Cover", "Notes", "Caseload extract"], sheet: "Caseload extract" });
    expect(source.headerRow).toBe(4);
    expect(source.header).toEqual(["Referral Number", "Current Cluster", "Cluster Start Date", "Cluster End Date", "Team Name"]);
    const result = await runImport(new MemoryWorkbook(), source, autoMap(source.header));
    expect([result.dataRows, result.counts.imported, result.counts.rejected]).toEqual([4, 3, 1]);
  });

  it("reads another sheet or another header row on request", async () => {
    const source = await open();
    const cover = source.workbook!.reopen("Cover");
    expect(cover.workbook!.sheet).toBe("Cover");
    expect(cover.headerRow).toBe(1);
    const lower = source.workbook!.reopen("Caseload extract", 5);
    expect(lower.headerRow).toBe(5);
    expect(lower.header[0]).toBe("R-001");
  });
});
