/**
 * What the Save button does, apart from the download: refuse while a task pane journey is writing
 * (the file would hold a half-built sheet), take the workbook's content at the click, and say which
 * version of the workbook the file holds, so an edit typed while the file is being compressed is
 * still marked unsaved (leaving the page then still asks).
 */
import type { EmbeddedWorkbook } from "../../workbook/embeddedPort";
import { describeLongEdit } from "../../workbook/embedded/sliceEdit";
import { saveWorkbookXlsx } from "./saveXlsx";
import type { WorkbookSnapshot } from "./snapshot";

/** Save was refused; the message says why and what to do. */
export class SaveRefused extends Error {}

/** Whether a task pane action (`EmbeddedWorkbook.action`, which every journey's writes go through) is under way. */
export function journeyRunning(wb: EmbeddedWorkbook): boolean {
  return wb.busy;
}

export interface Saved {
  blob: Blob;
  /** The workbook's version the file holds: the page is saved while its version is still this. */
  version: number;
  notes: string[];
}

/**
 * Save the workbook as it is now. `write` turns the snapshot into the file's bytes after the click
 * (default in this thread and fflate's workers; the page passes its .xlsx worker, offThread.ts).
 */
export async function saveNow(
  wb: EmbeddedWorkbook,
  write?: (snapshot: WorkbookSnapshot) => Promise<Uint8Array>
): Promise<Saved> {
  if (journeyRunning(wb))
    throw new SaveRefused(
      "a task pane step is still writing to the workbook. Save again when it has finished (or cancel it), so the file does not hold a half-written sheet."
    );
  if (wb.longEdit)
    throw new SaveRefused(
      `the workbook is still being written (${describeLongEdit(wb.longEdit)}). Save again when it has finished, so the file does not hold half of it.`
    );
  wb.settle();
  const version = wb.version;
  const { blob, notes } = await saveWorkbookXlsx(wb, write); // takes the content before its first await
  return { blob, version, notes };
}
