/**
 * The real size of each PBR.* formula's spilled result, per engine. HyperFormula fixes an array's
 * size when the formula is entered; when the result turns out bigger or smaller, the plugin notes
 * it here and the workbook re-enters the formula (EmbeddedWorkbook.settle), so the next
 * reservation fits exactly, as Excel's dynamic arrays do.
 */

export interface CellAddress {
  sheet: number;
  row: number;
  col: number;
}

export interface Size {
  width: number;
  height: number;
}

const key = (a: CellAddress, fn: string) => `${a.sheet}:${a.row}:${a.col}:${fn}`;

export class SizeBook {
  private readonly sizes = new Map<string, Size>();
  private readonly pending = new Map<string, CellAddress>();
  /** Formulas entered with a guessed (not yet learned) multi-cell reservation. */
  private readonly guesses = new Map<string, CellAddress & { fn: string }>();

  learned(address: CellAddress, fn: string): Size | undefined {
    return this.sizes.get(key(address, fn));
  }

  noteSize(address: CellAddress, fn: string, size: Size): void {
    const k = key(address, fn);
    this.sizes.set(k, size);
    this.pending.set(k, { sheet: address.sheet, row: address.row, col: address.col });
  }

  noteGuess(address: CellAddress, fn: string): void {
    this.guesses.set(key(address, fn), {
      sheet: address.sheet,
      row: address.row,
      col: address.col,
      fn,
    });
  }

  /**
   * A guessed reservation that overlaps other cells gives #SPILL! without the function ever
   * running, so its real size is never learned (e.g. a one-value PBR.RASCALIBRATE over 2,000 rows
   * with a label below it). Try each such formula again at one cell: the function then runs and
   * the real size is learned, as Excel would spill only what the result really needs.
   */
  retrySpilled(isSpilled: (address: CellAddress) => boolean): void {
    for (const [k, guess] of this.guesses) {
      this.guesses.delete(k);
      if (!this.sizes.has(k) && isSpilled(guess))
        this.noteSize(guess, guess.fn, { width: 1, height: 1 });
    }
  }

  /** Formulas whose reservation no longer fits their result (and forget them). */
  takePending(): CellAddress[] {
    const out = [...this.pending.values()];
    this.pending.clear();
    return out;
  }

  get hasPending(): boolean {
    return this.pending.size > 0;
  }
}

const books = new WeakMap<object, SizeBook>();

/** The book for one engine (keyed by its dependency graph, which the plugin instances share). */
export function sizeBookFor(graph: object): SizeBook {
  let book = books.get(graph);
  if (!book) {
    book = new SizeBook();
    books.set(graph, book);
  }
  return book;
}
