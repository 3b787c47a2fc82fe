import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { autoMap } from "../../../src/core/caseload/headers";
import { columnChoices, mappingRows, matchedCount, summaryLines, unmatchedRatings, withChoice, NOT_PRESENT } from "../../../src/taskpane/import/importView";
import { ImportCaseload } from "../../../src/taskpane/import/ImportCaseload";
import type { ImportResult } from "../../../src/taskpane/import/runImport";
import { gridSource } from "../../../src/taskpane/import/source";
import { MemoryWorkbook } from "../../support/memoryPort";

const source = gridSource(
  [
    ["Referral ID", "Care Cluster", "Cluster Start Date", "Notes"],
    ["P1", 11, "01/04/2024", "a very long free-text note that goes on and on"],
  ],
  "export.xlsx"
)!;

describe("mapping step", () => {
  it("offers 'not in this file' and each column with its letter and an example", () => {
    expect(columnChoices(source)).toEqual([
      { value: NOT_PRESENT, text: "Not in this file" },
      { value: "0", text: "A · Referral ID (e.g. P1)" },
      { value: "1", text: "B · Care Cluster (e.g. 11)" },
      { value: "2", text: "C · Cluster Start Date (e.g. 01/04/2024)" },
      { value: "3", text: "D · Notes (e.g. a very long free-text n…)" },
    ]);
  });

  it("shows each field's choice and a plain-English error next to the one that needs fixing", () => {
    const auto = autoMap(source.header);
    expect(matchedCount(auto)).toBe(3);
    const rows = mappingRows(source, withChoice(auto, "cluster", NOT_PRESENT));
    expect(rows.find((r) => r.field.key === "id")).toMatchObject({ value: "0", error: null });
    expect(rows.find((r) => r.field.key === "cluster")?.error).toBe("Choose the column that holds the cluster (it is required).");
    const twice = mappingRows(source, withChoice(auto, "team", "0"));
    expect(twice.find((r) => r.field.key === "team")?.error).toBe(
      'Column "Referral ID" is already used for the ID; each column can feed one field.'
    );
  });
});

describe("summary", () => {
  const result: ImportResult = {
    fileName: "caseload.csv",
    dataRows: 8400,
    counts: {
      imported: 8363,
      rejected: 37,
      blankSkipped: 2,
      notClustered: 5,
      clusterNine: 0,
      flagged: 0,
    },
    linesRead: 8402,
    lines: { imported: 8363, rejected: 37, blank: 2 },
    quoteAnomalies: [],
    strayQuotes: null,
    rowsLeftOut: 0,
    rejectLinesLeftOut: 0,
    moreSheets: [],
    rejectLines: 40,
    sheet: "Caseload",
    table: "Caseload",
    address: "A1:Z8364",
    rejectSheet: "Import rejects",
    rejectAddress: "A1:D41",
    chunkRows: 16000,
  };

  it("says what was imported, what was rejected and where to look", () => {
    expect(summaryLines(result)).toEqual([
      "8,400 data rows in caseload.csv: 8,363 imported, 37 rejected.",
      'Imported rows are on the sheet "Caseload" (table Caseload).',
      'The 40 problems found in the rejected rows are listed on the sheet "Import rejects", with the row number in the file.',
      "5 imported rows have cluster 99 (not clustered): kept as 99 and flagged in the Note column; pricing journeys leave them out.",
      "2 blank lines were skipped (not counted as data rows).",
    ]);
  });

  it("says plainly when nothing could be imported", () => {
    const none = { ...result, counts: { imported: 0, rejected: 1, blankSkipped: 0, notClustered: 0, clusterNine: 0, flagged: 0 }, dataRows: 1, linesRead: 1, lines: { imported: 0, rejected: 1, blank: 0 }, rejectLines: 1, sheet: null, table: null };
    expect(summaryLines(none)).toEqual([
      "1 data row in caseload.csv: 0 imported, 1 rejected.",
      "No row could be imported, so no Caseload sheet was made.",
      'The problem found in the rejected row is listed on the sheet "Import rejects", with the row number in the file.',
    ]);
  });
});

describe("ImportCaseload component (server render)", () => {
  const render = (port: MemoryWorkbook | null) =>
    renderToString(createElement(FluentProvider, { theme: webLightTheme }, createElement(ImportCaseload, { port })));

  it("starts at the file step with a labelled file input", () => {
    const html = render(new MemoryWorkbook());
    expect(html).toContain("Import caseload");
    expect(html).toMatch(/<label[^>]*for="([^"]+)"[^>]*>Caseload file \(CSV or XLSX\)/);
    const id = /<label[^>]*for="([^"]+)"/.exec(html)![1];
    expect(html).toMatch(new RegExp(`<input[^>]*id="${id}"[^>]*type="file"|<input[^>]*type="file"[^>]*id="${id}"`));
    expect(html).not.toContain("Open the pane in Excel");
  });

  it("explains, and disables the file input, without a workbook", () => {
    const html = render(null);
    expect(html).toContain("Open the pane in Excel or the playground to import a caseload into a workbook.");
    expect(html).toMatch(/<input[^>]*type="file"[^>]*disabled=""/);
  });
});

describe("ratings not matched (issue 12)", () => {
  it("warns before import, naming the ratings that have no column", () => {
    const honos = Array.from({ length: 12 }, (_, i) => `HoNOS Item ${i + 1}`);
    const header = ["Pseudo ID", "Care Cluster", "Cluster Start Date", ...honos, "MHCT Item 13"];
    expect(unmatchedRatings(autoMap(header))).toBe(
      '5 of 18 MHCT ratings have no column: A, B, C, D and E. The cluster audit needs all 18, so choose their columns below if the file has them; rows imported without them are audited as "too few ratings".'
    );
    const all = [...header, "SARN A", "SARN B", "SARN C", "SARN D", "SARN E"];
    expect(unmatchedRatings(autoMap(all))).toBeNull();
    expect(unmatchedRatings(autoMap(["ID", "Cluster", "Start"]))).toMatch(/^No MHCT rating columns were matched/);
  });
});
