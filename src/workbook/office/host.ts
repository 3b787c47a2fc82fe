/**
 * What the Office.js adapter (officePort.ts) asks of the Excel it runs in: the Excel API itself,
 * whether this Excel merges an Excel.run into one undo step, and the words for a selection Excel
 * cannot hand over.
 */
export function excel(): typeof Excel {
  const api = (globalThis as { Excel?: typeof Excel }).Excel;
  if (!api || typeof api.run !== "function")
    throw new Error("Excel is not available: open the add-in inside Excel.");
  return api;
}

/** What the pane says when Excel cannot hand over the selection as one range. */
export const SELECTION_PROBLEM =
  "Select one block of cells: Excel cannot give the add-in this selection (several areas selected with Ctrl, or a chart or shape selected).";

/** Whether this Excel merges an Excel.run's syncs into one undo step (ExcelApi 1.20). */
export function mergesUndo(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    return office?.context?.requirements?.isSetSupported?.("ExcelApi", "1.20") === true;
  } catch {
    return false;
  }
}

/** Whether this Excel supports ExcelApi `version` (false outside Office or when it cannot say). */
export function supportsExcelApi(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    return office?.context?.requirements?.isSetSupported?.("ExcelApi", version) === true;
  } catch {
    return false;
  }
}
