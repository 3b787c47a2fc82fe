/** The optional step table argument: omitted → the built-in ILLUSTRATIVE five steps; a range → parsed and cached. */
import { rasErrors, type PbrError } from "../core/errors";
import { illustrativeSteps, parseStepTable, type StepTable } from "../core/ras/stepTable";
import { isOmitted, type Grid } from "../core/values";
import { tableCache } from "./tableCache";

const parse = tableCache((grid: Grid) => parseStepTable(grid));

export function stepArg(arg: unknown): StepTable | PbrError {
  if (isOmitted(arg)) return illustrativeSteps();
  if (!Array.isArray(arg)) return rasErrors.stepsNotRange(arg);
  return parse(arg as Grid);
}
