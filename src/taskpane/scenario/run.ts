/** Run the Scenario runner's plan through a WorkbookPort. */
import { planRunner } from "../plan/run";
import { scenarioPlan } from "./plan";

export const runScenario = planRunner(scenarioPlan);
