/**
 * Import caseload benchmark: a generated 100,000-row CSV (2% planted faults, some blank lines)
 * parsed, validated and written through a WorkbookPort. Target ≤ 3 s.
 *
 * The port comes from `createPort` below: the in-memory test port for now; switch it to the
 * embedded (HyperFormula) adapter, `createEmbeddedWorkbook()` from src/workbook/embeddedPort.ts,
 * when that lands, so the figure is measured through the engine the playground uses.
 */
import type { WorkbookPort } from "../../src/workbook/port";
import { MemoryWorkbook } from "../support/memoryPort";
import { autoMap } from "../../src/core/caseload/headers";
import { csvSource } from "../../src/taskpane/import/csvSource";
import { runImport, type ImportResult } from "../../src/taskpane/import/runImport";
import { generateCaseload, type GeneratedCaseload } from "../fixtures/caseload/generate";
import type { Bench } from "./harness";

/** The workbook the import writes into (one fresh workbook per timed run). */
function createPort(): WorkbookPort {
  return new MemoryWorkbook();
}

const ROWS = 100_000;
let generated: GeneratedCaseload;

async function importOnce(): Promise<ImportResult> {
  const source = csvSource(generated.text, "caseload-100k.csv");
  if (!source) throw new Error("generated file has no header");
  return runImport(createPort(), source, autoMap(source.header));
}

export const benches: Bench[] = [
  {
    name: "Import caseload, 100,000-row CSV (parse + validate + write through WorkbookPort)",
    setup: () => {
      generated = generateCaseload(ROWS, 20240401);
    },
    run: importOnce,
    check: (output) => {
      const r = output as ImportResult;
      if (r.dataRows !== ROWS) return `read ${r.dataRows} data rows, expected ${ROWS}`;
      if (r.counts.imported + r.counts.rejected !== ROWS) return "imported + rejected is not the number of rows";
      const e = generated.expected;
      if (r.counts.imported !== e.imported || r.counts.rejected !== e.rejected) {
        return `imported ${r.counts.imported} / rejected ${r.counts.rejected}, expected ${e.imported} / ${e.rejected}`;
      }
      if (r.counts.blankSkipped !== e.blankSkipped || r.counts.notClustered !== e.notClustered) {
        return "blank-line or cluster-99 counts are wrong";
      }
      if (r.address !== `A1:Z${e.imported + 1}`) return `Caseload table at ${r.address}`;
    },
    items: ROWS,
    unit: "rows",
    target: { kind: "time", maxMs: 3000 },
    runs: 3,
  },
];
