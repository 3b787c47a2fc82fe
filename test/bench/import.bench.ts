/**
 * Import caseload benchmark: a generated 100,000-row CSV (2% planted faults, some blank lines)
 * parsed, validated and written through the embedded (HyperFormula) adapter, the engine the
 * playground uses, into a fresh workbook each run. Target ≤ 3 s.
 *
 * The check reads the workbook back: row counts, a sample of imported values, and a formula on
 * another sheet over the imported table (so the cells are really in the engine, not just counted).
 */
import { createEmbeddedWorkbook, type EmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { autoMap } from "../../src/core/caseload/headers";
import { csvSource } from "../../src/taskpane/import/csvSource";
import { runImport, type ImportResult } from "../../src/taskpane/import/runImport";
import { generateCaseload, type GeneratedCaseload } from "../fixtures/caseload/generate";
import type { Bench } from "./harness";

/** The workbook the import writes into (one fresh workbook per timed run). */
function createPort(): EmbeddedWorkbook {
  return createEmbeddedWorkbook().port;
}

const ROWS = 100_000;
let generated: GeneratedCaseload;

interface Output {
  result: ImportResult;
  port: EmbeddedWorkbook;
}

async function importOnce(): Promise<Output> {
  const source = csvSource(generated.text, "caseload-100k.csv");
  if (!source) throw new Error("generated file has no header");
  const port = createPort();
  return { result: await runImport(port, source, autoMap(source.header)), port };
}

/** Read the imported workbook back (not timed: runs in `check`). */
function checkWorkbook(port: EmbeddedWorkbook, r: ImportResult): string | void {
  const sheet = r.sheet ?? "";
  const { rows, cols } = port.dimensions(sheet);
  if (rows !== r.counts.imported + 1 || cols !== 27) return `Caseload sheet is ${rows}×${cols}`;
  const first = generated.text.replace(/^\uFEFF/, "").split(/\r?\n/)[1].split(",");
  if (port.getValue(sheet, 1, 0) !== first[0]) return `first ID is ${String(port.getValue(sheet, 1, 0))}, expected ${first[0]}`;
  for (let row = 1; row <= r.counts.imported; row += 997) {
    if (typeof port.getValue(sheet, row, 2) !== "number") return `start date in row ${row + 1} is not a number`;
  }
  // Formulas on another sheet over the imported cells and over the table's name.
  port.setCell("Sheet1", 0, 0, `=COUNTA(Caseload!A2:A${r.counts.imported + 1})`);
  port.setCell("Sheet1", 0, 1, `=ROWS(${r.table})`);
  const counted = port.getValue("Sheet1", 0, 0);
  const tableRows = port.getValue("Sheet1", 0, 1);
  if (counted !== r.counts.imported || tableRows !== r.counts.imported) return `formulas over the table give ${String(counted)} and ${String(tableRows)}`;
}

export const benches: Bench[] = [
  {
    name: "Import caseload, 100,000-row CSV (parse + validate + write through the embedded HyperFormula WorkbookPort)",
    setup: () => {
      generated = generateCaseload(ROWS, 20240401);
    },
    run: importOnce,
    check: (output) => {
      const { result: r, port } = output as Output;
      if (r.dataRows !== ROWS) return `read ${r.dataRows} data rows, expected ${ROWS}`;
      if (r.counts.imported + r.counts.rejected !== ROWS) return "imported + rejected is not the number of rows";
      const e = generated.expected;
      if (r.counts.imported !== e.imported || r.counts.rejected !== e.rejected) {
        return `imported ${r.counts.imported} / rejected ${r.counts.rejected}, expected ${e.imported} / ${e.rejected}`;
      }
      if (r.counts.blankSkipped !== e.blankSkipped || r.counts.notClustered !== e.notClustered) {
        return "blank-line or cluster-99 counts are wrong";
      }
      if (r.address !== `A1:AA${e.imported + 1}`) return `Caseload table at ${r.address}`;
      return checkWorkbook(port, r);
    },
    items: ROWS,
    unit: "rows",
    target: { kind: "time", maxMs: 3000 },
    runs: 3,
  },
];
