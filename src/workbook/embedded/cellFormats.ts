/**
 * Number formats over ranges of the embedded workbook. The engine holds plain numbers; formats are
 * recorded here for display (`formatAt`) and for one effect on what a cell holds: a range formatted
 * as text ("@") keeps strings as written, as Excel does ("007" stays "007", "11/04/2024" is not a
 * date).
 */
import { parseRange } from "../address";
import type { BookState } from "./paneStep";

type TextRange = BookState["textRanges"][number];
type FormatEntry = BookState["formats"][number];

/** A format an edit applied (its entry, and its text range for "@"), to take back on undo. */
export interface AddedFormat {
  entry: FormatEntry;
  text?: TextRange;
}

export class CellFormats {
  /** Every format applied, in order: a later one over the same cell wins. */
  readonly formats: { sheet: string; address: string; format: string }[] = [];
  /** Ranges formatted as text ("@"), where strings are kept as written. */
  private readonly textRanges: TextRange[] = [];

  add(sheet: string, address: string, format: string): AddedFormat {
    const entry = { sheet, address, format };
    this.formats.push(entry);
    if (format !== "@") return { entry };
    const text = { sheet, ...parseRange(address) };
    this.textRanges.push(text);
    return { entry, text };
  }

  /** Apply formats over ranges of one sheet (an edit's dates), in order; returns what was added. */
  addAll(sheet: string, formats: readonly { address: string; format: string }[]): AddedFormat[] {
    return formats.map((f) => this.add(sheet, f.address, f.format));
  }

  /**
   * Take back formats an edit added (undo): the cells show what they showed before it. Edits are
   * undone newest first, so these are the last entries of the lists; they are found by identity.
   */
  takeBack(added: readonly AddedFormat[]): void {
    for (let i = added.length - 1; i >= 0; i--) {
      const { entry, text } = added[i];
      const at = this.formats.lastIndexOf(entry);
      if (at >= 0) this.formats.splice(at, 1);
      const t = text ? this.textRanges.lastIndexOf(text) : -1;
      if (t >= 0) this.textRanges.splice(t, 1);
    }
  }

  /** Apply again formats an edit added (redo), after whatever is there now, as when it was made. */
  putBack(added: readonly AddedFormat[]): void {
    for (const { entry, text } of added) {
      this.formats.push(entry);
      if (text) this.textRanges.push(text);
    }
  }

  /** The last number format applied over a cell, if any. */
  formatAt(sheet: string, row: number, col: number): string | undefined {
    for (let i = this.formats.length - 1; i >= 0; i--) {
      const f = this.formats[i];
      if (f.sheet !== sheet) continue;
      const r = parseRange(f.address);
      if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return f.format;
    }
    return undefined;
  }

  /** Whether any range is formatted as text (if not, no cell needs the check). */
  get anyText(): boolean {
    return this.textRanges.length > 0;
  }

  /** Whether a cell lies in a range formatted as text. */
  isText(sheet: string, row: number, col: number): boolean {
    return this.textRanges.some(
      (t) => t.sheet === sheet && row >= t.top && row <= t.bottom && col >= t.left && col <= t.right
    );
  }

  /**
   * Columns (by offset from `left`) whose `height` cells from row `top` are formatted as text
   * ("@"): strings written there stay text ("00123" is not the number 123), as in Excel.
   */
  textColumns(sheet: string, top: number, left: number, height: number, width: number): boolean[] {
    const text: boolean[] = [];
    for (let j = 0; j < width; j++) {
      text.push(
        height > 0 &&
          this.formatAt(sheet, top, left + j) === "@" &&
          this.formatAt(sheet, top + height - 1, left + j) === "@"
      );
    }
    return text;
  }

  /** Forget the formats of a sheet being deleted. */
  dropSheet(sheet: string): void {
    const same = (s: string) => s.toLowerCase() === sheet.toLowerCase();
    for (let i = this.formats.length - 1; i >= 0; i--)
      if (same(this.formats[i].sheet)) this.formats.splice(i, 1);
    for (let i = this.textRanges.length - 1; i >= 0; i--)
      if (same(this.textRanges[i].sheet)) this.textRanges.splice(i, 1);
  }

  clear(): void {
    this.formats.length = 0;
    this.textRanges.length = 0;
  }

  /** Copies of the lists, for an undo step. */
  state(): Pick<BookState, "formats" | "textRanges"> {
    return { formats: [...this.formats], textRanges: [...this.textRanges] };
  }

  restore(state: Pick<BookState, "formats" | "textRanges">): void {
    this.formats.splice(0, this.formats.length, ...state.formats);
    this.textRanges.splice(0, this.textRanges.length, ...state.textRanges);
  }
}
