/** Re-render when the embedded workbook changes (values, sheets, charts, selection). */
import { useSyncExternalStore } from "react";
import type { EmbeddedWorkbook } from "../workbook/embeddedPort";

export function useWorkbookVersion(workbook: EmbeddedWorkbook): number {
  return useSyncExternalStore(
    (listener) => workbook.subscribe(listener),
    () => workbook.version
  );
}
