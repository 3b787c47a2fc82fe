/** Run Set up model through a WorkbookPort and describe what was made, naming any renamed sheet. */
import type { CellInput, WorkbookPort } from "../../workbook/port";
import { runPlan, type RunOptions, type RunResult } from "../plan/run";
import { tableRef } from "../plan/refs";
import { builtInTables, setupPlan } from "./plan";

export interface SetupOutcome {
  result: RunResult;
  /** One sentence for the pane, e.g. "Added 7 sheets: … Prices (2) … (a sheet called Prices already existed)". */
  message: string;
}

/** A built-in table already in the workbook, unchanged, that the model can use instead of a copy. */
export interface Reusable {
  key: string;
  table: string;
  sheet: string;
  ref: string;
}

/** A cell read back against the value written: the sheet turns "1" into 1, so compare as shown. */
const same = (a: CellInput, b: CellInput) => {
  if (String(a ?? "") === String(b ?? "")) return true;
  const x = Number(a);
  const y = Number(b);
  return (
    a !== null && b !== null && a !== "" && b !== "" && Number.isFinite(x) && Math.abs(x - y) < 1e-9
  );
};

/**
 * The built-in tables (Prices, Profile, SuperclassRules, Steps, RiskBands) that the workbook
 * already holds exactly as Set up model would write them, e.g. from an earlier set-up or the
 * playground's demo. Only tables whose header and every row match are offered.
 */
export async function findReusable(port: WorkbookPort): Promise<Reusable[]> {
  const builtIns = builtInTables();
  const headers = await port.listTableHeaders();
  const found: Reusable[] = [];
  for (const [key, builtIn] of Object.entries(builtIns)) {
    for (const { name, header } of headers) {
      if (
        header.length !== builtIn.header.length ||
        !header.every((h, i) => h === builtIn.header[i])
      )
        continue;
      const table = await port.readTable(name);
      if (
        table.rows.length === builtIn.rows.length &&
        table.rows.every((row, r) => row.every((v, c) => same(v, builtIn.rows[r][c] ?? null)))
      ) {
        found.push({ key, table: name, sheet: table.sheet, ref: tableRef(table) });
        break;
      }
    }
  }
  return found;
}

export async function runSetup(
  port: WorkbookPort,
  fyStartYear: number,
  options: RunOptions = {},
  reuse: readonly Reusable[] = []
): Promise<SetupOutcome> {
  const plan = setupPlan(fyStartYear, Object.fromEntries(reuse.map((r) => [r.key, r.ref])));
  const result = await runPlan(port, plan, options);
  const renamed = plan.sheets.filter((s) => result.sheets[s.key] !== s.name);
  const names = plan.sheets.map((s) => result.sheets[s.key]);
  let message = `Added ${names.length} sheets: ${names.join(", ")}.`;
  if (reuse.length > 0) {
    message += ` Used the built-in tables already in the workbook instead of copies: ${reuse
      .map((r) => `${r.key} (table ${r.table} on sheet ${r.sheet})`)
      .join(", ")}.`;
  }
  if (renamed.length > 0) {
    message += ` ${renamed.map((s) => `"${s.name}"`).join(", ")} already existed, so the new ${renamed.length === 1 ? "sheet has" : "sheets have"} a new name; nothing was overwritten.`;
  }
  return { result, message };
}
