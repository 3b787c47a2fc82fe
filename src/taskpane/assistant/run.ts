/** Insert the assistant's ratings and formula at the selection, only into empty cells. */
import type { WorkbookPort } from "../../workbook/port";
import { insertPlan, type RatingInput } from "./plan";

export type InsertOutcome = { ok: true; message: string } | { ok: false; message: string };

export async function insertAtSelection(
  port: WorkbookPort,
  ratings: readonly RatingInput[],
  superclass: "A" | "B" | "C" | null,
  profileRef: string | null,
  rulesRef: string | null = null
): Promise<InsertOutcome> {
  let selection;
  try {
    selection = await port.getSelection();
  } catch (e) {
    // The port says in words why the selection cannot be used (several areas, a chart selected).
    return {
      ok: false,
      message: `Nothing was inserted. ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  const plan = insertPlan(selection, ratings, superclass, profileRef, rulesRef);
  if (!(await port.isEmpty(plan.sheet, plan.address))) {
    return {
      ok: false,
      message: `Nothing was inserted: cells ${plan.address} on ${plan.sheet} are not empty. Select a cell where it and the 18 cells to its right are empty (room for 18 ratings and the formula) and try again.`,
    };
  }
  await port.writeRange(plan.sheet, plan.address, plan.values);
  await port.select(plan.sheet, plan.formulaCell);
  return {
    ok: true,
    message: `Inserted the ratings and ${String(plan.values[0][18])} in ${plan.sheet} ${plan.address}.`,
  };
}
