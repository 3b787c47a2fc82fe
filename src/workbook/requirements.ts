/**
 * The Office requirement sets the add-in uses, declared in manifest.xml and checked by the task
 * pane before it touches the workbook, so older Excel gets a plain message instead of a failure
 * half-way through a write.
 *
 *   ExcelApi 1.7: chart categories (categoryAxis.setCategoryNames); defined names (names.add) are
 *     1.4; ranges, tables, charts and used ranges are 1.1–1.2.
 *   CustomFunctionsRuntime 1.2: error values with messages (CustomFunctions.Error).
 *   SharedRuntime 1.1: the task pane and the functions share one runtime.
 * Newer calls are used only where supported: mergeUndoGroup (ExcelApi 1.20, one undo step per
 * write), delayForCellEdit (ExcelApi 1.11; older Excel fails the batch in cell-edit mode and the
 * date system reader tries again).
 */
export const REQUIRED_SETS: readonly (readonly [string, string])[] = [
  ["ExcelApi", "1.7"],
  ["CustomFunctionsRuntime", "1.2"],
  ["SharedRuntime", "1.1"],
];

/** The required sets this Excel does not support ("ExcelApi 1.4"), or [] when all are there. */
export function missingRequirements(
  isSetSupported: (name: string, version: string) => boolean
): string[] {
  return REQUIRED_SETS.filter(([name, version]) => {
    try {
      return !isSetSupported(name, version);
    } catch {
      return true;
    }
  }).map(([name, version]) => `${name} ${version}`);
}

/** The pane's sentence for an Excel too old for the add-in. */
export function unsupportedText(missing: readonly string[]): string {
  return `This version of Excel does not support what PbR Toolkit needs (${missing.join(", ")}), so the task pane cannot change the workbook here. Use Microsoft 365, Excel 2021 or later, or Excel on the web.`;
}
