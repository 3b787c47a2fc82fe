/** Run Set up model through a WorkbookPort and describe what was made, naming any renamed sheet. */
import type { WorkbookPort } from "../../workbook/port";
import { runPlan, type RunOptions, type RunResult } from "../plan/run";
import { setupPlan } from "./plan";

export interface SetupOutcome {
  result: RunResult;
  /** One sentence for the pane, e.g. "Added 7 sheets: … Prices (2) … (a sheet called Prices already existed)". */
  message: string;
}

export async function runSetup(
  port: WorkbookPort,
  fyStartYear: number,
  options: RunOptions = {}
): Promise<SetupOutcome> {
  const plan = setupPlan(fyStartYear);
  const result = await runPlan(port, plan, options);
  const renamed = plan.sheets.filter((s) => result.sheets[s.key] !== s.name);
  const names = plan.sheets.map((s) => result.sheets[s.key]);
  let message = `Added ${names.length} sheets: ${names.join(", ")}.`;
  if (renamed.length > 0) {
    message += ` ${renamed.map((s) => `"${s.name}"`).join(", ")} already existed, so the new ${renamed.length === 1 ? "sheet has" : "sheets have"} a new name; nothing was overwritten.`;
  }
  return { result, message };
}
