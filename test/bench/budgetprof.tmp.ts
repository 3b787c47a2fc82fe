import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { CASELOAD_HEADER, syntheticCaseload } from "../../src/playground/demo/syntheticCaseload";
import { runBudget } from "../../src/taskpane/budget/run";
import { loadPbrFunctions } from "../support/pbrFunctions";
import { longestHold } from "./harness";
const rows = syntheticCaseload(20240401, 100000);
(async () => {
  const functions = await loadPbrFunctions();
  const wb = createEmbeddedWorkbook({ functions, sheets: { Caseload: [CASELOAD_HEADER, ...rows] } }).port;
  for (const m of ["writeRange", "writeTable"]) {
    const orig = (wb as any)[m].bind(wb);
    (wb as any)[m] = async (...a: unknown[]) => { const t = performance.now(); const r = await orig(...a); const d = performance.now() - t; if (d > 100) console.log("  ", m, String(a[1]).slice(0, 30), Math.round(d)); return r; };
  }
  for (let k = 0; k < 3; k++) {
    for (const s of await wb.listSheets()) if (s.startsWith("Budgets")) await wb.deleteSheet(s);
    const t0 = performance.now();
    const { holdMs } = await longestHold(() => runBudget(wb, { people: rows.map((r) => ({ id: r[0], code: r[3], step: r[7] })), envelope: 250_000_000, contingency: 0.1, prices: null, steps: null, roundTo: 0.01 }));
    console.log("budget ms", Math.round(performance.now() - t0), "longest hold", Math.round(holdMs));
  }
})();
