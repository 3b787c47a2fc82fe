/** Run the Scenario runner's plan through a WorkbookPort. */
import type { WorkbookPort } from "../../workbook/port";
import { runPlan, type RunOptions, type RunResult } from "../plan/run";
import { scenarioPlan, type ScenarioInputs } from "./plan";

export async function runScenario(
  port: WorkbookPort,
  inputs: ScenarioInputs,
  options: RunOptions = {}
): Promise<RunResult> {
  return runPlan(port, scenarioPlan(inputs), options);
}
