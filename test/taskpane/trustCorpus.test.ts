/**
 * The trust-export corpus (test/fixtures/trusts/), each file end to end on the embedded workbook as
 * the pane runs it: import (counts as expected), cluster audit, scenario from the caseload and
 * budgets, with the pre-flight leaving out the rows that cannot be priced or budgeted. No written
 * result may be an error cell; every left-out row is one the import flagged.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readSheet } from "read-excel-file/node";
import { autoMap } from "../../src/core/caseload/headers";
import { csvSource } from "../../src/taskpane/import/csvSource";
import { openXlsxFile } from "../../src/taskpane/import/xlsxSource";
import { runImport } from "../../src/taskpane/import/runImport";
import type { CaseloadSource } from "../../src/taskpane/import/source";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { guessColumn, guessRatingColumns } from "../../src/taskpane/plan/columns";
import { auditRowsFrom, runAudit } from "../../src/taskpane/audit/run";
import { preflightBudgets, preflightFyCost } from "../../src/taskpane/plan/preflight";
import { leftOutCountFormula, planFromCaseload } from "../../src/taskpane/scenario/plan";
import { runScenario } from "../../src/taskpane/scenario/run";
import { cohortRows, peopleFrom, runBudget } from "../../src/taskpane/budget/run";
import { readBackErrors } from "../../src/taskpane/plan/outcome";
import { columnRef } from "../../src/taskpane/plan/refs";
import { unmatchedRatings } from "../../src/taskpane/import/importView";
import { loadPbrFunctions } from "../support/pbrFunctions";
import type { PbrFunctionEntry } from "../../src/workbook/embedded/registry";

const DIR = join(__dirname, "../fixtures/trusts");
const EXPECTED = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf8")) as Record<
  string,
  { dataRows: number; imported: number; rejected: number; notClustered: number; clusterNine: number; badStep: number }
>;

async function open(name: string): Promise<CaseloadSource> {
  const bytes = readFileSync(join(DIR, name));
  if (name.endsWith(".xlsx"))
    return openXlsxFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), name, (input) =>
      readSheet(Buffer.from(input as ArrayBuffer)) as Promise<unknown[][]>
    );
  const source = csvSource(bytes.toString("utf8"), name);
  if (!source) throw new Error(`${name} has no header`);
  return source;
}

let functions: PbrFunctionEntry[];
beforeAll(async () => {
  functions = await loadPbrFunctions();
}, 60_000);

describe.each(Object.keys(EXPECTED))("trust export %s, end to end", (name) => {
  const expected = EXPECTED[name];

  it("imports every row or reports it, audits, prices and budgets without an error cell", async () => {
    const source = await open(name);
    const mapping = autoMap(source.header);
    // All 18 ratings, the step and the admitted days are recognised under the trust's own headers.
    expect(unmatchedRatings(mapping)).toBeNull();
    expect(mapping.step).not.toBeNull();
    expect(mapping.admittedDays).not.toBeNull();

    const { port } = createEmbeddedWorkbook({ functions });
    const imported = await runImport(port, source, mapping);
    expect({
      dataRows: imported.dataRows,
      imported: imported.counts.imported,
      rejected: imported.counts.rejected,
      notClustered: imported.counts.notClustered,
      clusterNine: imported.counts.clusterNine,
    }).toEqual({
      dataRows: expected.dataRows,
      imported: expected.imported,
      rejected: expected.rejected,
      notClustered: expected.notClustered,
      clusterNine: expected.clusterNine,
    });
    const caseload = await port.readTable(imported.table!);
    const col = (field: Parameters<typeof guessColumn>[1]) => guessColumn(caseload.header, field);

    // Cluster audit over every imported person.
    const rows = auditRowsFrom(caseload, { id: col("id"), team: col("team"), recorded: col("cluster"), ratings: guessRatingColumns(caseload.header) });
    expect(rows).toHaveLength(expected.imported);
    const audit = await runAudit(port, { rows, profile: null, byTeam: true });
    expect(await readBackErrors(port, [audit.sheets.audit])).toEqual([]);

    // Scenario from the caseload: the pre-flight finds exactly the flagged rows (99 and 9).
    const fy = 2023;
    const cols = { id: col("id"), code: col("cluster"), start: col("start"), end: col("end"), admitted: col("admitted") };
    const check = preflightFyCost(caseload, cols, fy, null);
    if (!("leftOut" in check)) throw new Error(check.message);
    expect(check.rows).toBe(expected.imported);
    expect(check.leftOut).toHaveLength(expected.notClustered + expected.clusterNine);
    const refs = {
      codes: columnRef(caseload, cols.code),
      starts: columnRef(caseload, cols.start),
      ends: columnRef(caseload, cols.end),
      admitted: columnRef(caseload, cols.admitted),
      fyStartYear: fy,
    };
    const scenario = await runScenario(port, {
      plan: planFromCaseload(refs, true),
      bands: null,
      from: -0.1,
      to: 0.1,
      step: 0.05,
      leftOut: check.leftOut,
      leftOutCount: leftOutCountFormula(refs),
      source: imported.table!,
    });
    expect(await readBackErrors(port, [scenario.sheets.scenario])).toEqual([]);
    const plan = port.getValue(scenario.sheets.scenario, 4, 1) as number;
    expect(plan).toBeGreaterThan(100_000); // a year of ~235 people's care, not £0
    expect(port.getValue(scenario.sheets.scenario, 7, 1)).toBe(check.leftOut.length);

    // Budgets: the pre-flight leaves out the flagged clusters and the unknown step.
    const bcols = { id: col("id"), code: col("cluster"), step: col("step") };
    const bcheck = preflightBudgets(cohortRows(caseload, bcols), caseload, bcols.id, null, null);
    if (!("leftOut" in bcheck)) throw new Error(bcheck.message);
    expect(bcheck.leftOut).toHaveLength(expected.notClustered + expected.clusterNine + expected.badStep);
    const people = peopleFrom(caseload, bcols, new Set(bcheck.leftOut.map((r) => r.index)));
    const budget = await runBudget(port, {
      people,
      envelope: 3_000_000,
      contingency: 0.05,
      prices: null,
      steps: null,
      roundTo: 0.01,
      leftOut: bcheck.leftOut,
      source: imported.table!,
    });
    expect(await readBackErrors(port, [budget.sheets.budgets])).toEqual([]);
    const budgets = people.map((_, i) => port.getValue(budget.sheets.budgets, 11 + i, 7) as number);
    expect(Math.round(budgets.reduce((a, b) => a + b * 100, 0))).toBe(285_000_000); // £2,850,000.00 to the penny
  }, 60_000);
});
