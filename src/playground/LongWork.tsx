/**
 * The progress line for long work on the workbook (issue 30: nothing freezes the page): a large
 * paste, its undo or redo (the workbook's `longEdit`), or opening or saving a file (`work`, told by
 * the page). Says what is happening and how far it got; Cancel where the work can be stopped. While
 * a task pane journey is writing, edits typed or pasted meanwhile wait for it, and the line says so.
 */
import { Button, Text } from "@fluentui/react-components";
import type { EmbeddedWorkbook } from "../workbook/embeddedPort";

/** Long work the page runs itself (opening or saving a file). */
export interface PageWork {
  label: string;
  /** 0 to 1, or null when how far is not known. */
  fraction: number | null;
  cancel?: () => void;
}

const percent = (f: number) => `${Math.floor(Math.min(1, Math.max(0, f)) * 100)}%`;

export function LongWork({ workbook, work }: { workbook: EmbeddedWorkbook; work: PageWork | null }) {
  const edit = workbook.longEdit;
  const waiting = workbook.waitingForPane;
  const shown: PageWork | null = edit
    ? {
        label: `${edit.label} ${edit.total.toLocaleString("en-GB")} cells`,
        fraction: edit.total > 0 ? edit.done / edit.total : null,
        cancel: edit.cancellable && !edit.cancelled ? () => workbook.cancelLongEdit() : undefined,
      }
    : (work ??
      (waiting && {
        label: `Waiting for the task pane's “${waiting.label}” to finish: ${waiting.edits === 1 ? "your edit is" : `${waiting.edits} edits are`} written then`,
        fraction: null,
      }));
  if (!shown) return null;
  return (
    <>
      <Text role="status" size={200} data-testid="long-work">
        {shown.label}… {shown.fraction === null ? "" : percent(shown.fraction)}
      </Text>
      {shown.cancel && (
        <Button size="small" onClick={shown.cancel} data-testid="long-work-cancel">
          Cancel
        </Button>
      )}
    </>
  );
}
