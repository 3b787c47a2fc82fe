/**
 * Writing a large block of typed or pasted cells (or undoing one) in slices, so the page never
 * freezes (issue 30: pasting 100,000 rows × 10 columns held the page for minutes; no task may be
 * over 1 s). Each slice reads what its cells held, writes them in one engine call
 * (EmbeddedDocument.applyCells) and then lets the page paint and take clicks before the next.
 * The block as a whole is still one undo step (history.ts records it once, at the end).
 */
import type { CellInput } from "../port";
import type { EmbeddedDocument } from "./document";
import { typedContent } from "./engine";
import { yieldToEventLoop } from "./tableWriter";

/** Blocks up to this many cells are written in one go (a few tens of milliseconds). */
export const SLICE_CELLS = 20_000;

/** A large block's first slice, in cells; later slices are sized to take about SLICE_TARGET_MS. */
const FIRST_SLICE_CELLS = 5_000;
const SLICE_TARGET_MS = 100;

/** How many cells a block holds. */
export function cellCount(inputs: readonly (readonly CellInput[])[]): number {
  let n = 0;
  for (const line of inputs) n += line.length;
  return n;
}

/** A long edit under way, for the page's progress line. */
export interface LongEdit {
  /** "Writing" (a paste, or clearing a large range), "Undoing", "Redoing", "Opening Plan.xlsx:". */
  label: string;
  /** Cells written so far, of `total`. */
  done: number;
  total: number;
  /** Whether Cancel can stop it (a paste: yes, what it wrote is taken back; undo and redo: no). */
  cancellable: boolean;
  cancelled: boolean;
  /** Edits made meanwhile are not kept (a file is being opened in place of this workbook). */
  dropsEdits?: boolean;
}

/** A long edit in words: "writing 1,000,000 cells, 40% done". */
export function describeLongEdit(edit: Readonly<LongEdit>): string {
  const percent = edit.total > 0 ? Math.floor((100 * edit.done) / edit.total) : 0;
  const label = edit.label.charAt(0).toLowerCase() + edit.label.slice(1);
  return `${label} ${edit.total.toLocaleString("en-GB")} cells, ${percent}% done`;
}

/** What the cells of a block hold now, as typed (same shape as `inputs`). */
export function contentsOf(
  doc: EmbeddedDocument,
  sheet: string,
  row: number,
  col: number,
  inputs: readonly (readonly CellInput[])[]
): CellInput[][] {
  const width = inputs.reduce((w, line) => Math.max(w, line.length), 0);
  if (inputs.length === 0 || width === 0) return inputs.map(() => []);
  const id = doc.sheetId(sheet);
  const raw = doc.engine.getRangeSerialized({
    start: { sheet: id, row, col },
    end: { sheet: id, row: row + inputs.length - 1, col: col + width - 1 },
  });
  return inputs.map((line, r) => line.map((_, c) => typedContent(raw[r]?.[c])));
}

/**
 * Write `inputs` from (row, col) slice by slice, yielding between slices and telling `edit` how far
 * it got. Returns how many rows it wrote and, when `readBefore`, what those rows held before. Stops
 * early, after a whole slice, when `edit.cancelled` is set or the sheet is gone.
 */
export async function writeInSlices(
  doc: EmbeddedDocument,
  sheet: string,
  row: number,
  col: number,
  inputs: readonly (readonly CellInput[])[],
  edit: LongEdit,
  readBefore = true
): Promise<{ rows: number; before: CellInput[][] }> {
  const width = Math.max(
    1,
    inputs.reduce((w, line) => Math.max(w, line.length), 0)
  );
  // Slices start small and grow or shrink to take about SLICE_TARGET_MS each on this machine.
  let rowsPerSlice = Math.max(1, Math.floor(FIRST_SLICE_CELLS / width));
  const before: CellInput[][] = [];
  let r = 0;
  while (r < inputs.length) {
    if (edit.cancelled || !doc.engine.doesSheetExist(sheet)) break;
    const started = performance.now();
    const part = inputs.slice(r, r + rowsPerSlice);
    if (readBefore) before.push(...contentsOf(doc, sheet, row + r, col, part));
    doc.applyCells(sheet, row + r, col, part);
    r += part.length;
    edit.done += cellCount(part);
    doc.bump();
    const took = Math.max(1, performance.now() - started);
    const scale = Math.min(2, Math.max(0.25, SLICE_TARGET_MS / took));
    rowsPerSlice = Math.max(1, Math.floor(rowsPerSlice * scale));
    await yieldToEventLoop();
  }
  return { rows: r, before };
}
