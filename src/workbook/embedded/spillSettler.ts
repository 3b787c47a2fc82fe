/**
 * Keeping spilled PBR.* results the size they turned out to be. HyperFormula reserves a spilled
 * result's cells when the formula is entered; when the result is bigger or smaller, the plugin
 * notes the real size in the engine's SizeBook (sizeBook.ts) and this re-enters the formula, so
 * the reservation fits, as Excel's dynamic arrays do. Runs after every write, and on its own (in a
 * microtask) when a recalculation learned a new size.
 */
import type { HyperFormula } from "hyperformula";
import { isSpill } from "./engine";
import { sizeBookFor, type SizeBook } from "./sizeBook";

export class SpillSettler {
  private readonly book: SizeBook;
  private settling = false;
  private settleQueued = false;

  /** `changed` is told of every recalculation the engine reports. */
  constructor(
    private readonly engine: HyperFormula,
    changed: () => void
  ) {
    this.book = sizeBookFor(engine.dependencyGraph as unknown as object);
    engine.on("valuesUpdated", () => {
      changed();
      if (this.book.hasPending && !this.settling && !this.settleQueued) {
        this.settleQueued = true;
        queueMicrotask(() => {
          this.settleQueued = false;
          this.settle();
        });
      }
    });
  }

  /** Re-enter PBR.* formulas whose spilled result no longer fits the cells reserved for it. */
  settle(): void {
    if (this.settling) return;
    this.settling = true;
    const engine = this.engine;
    try {
      this.book.retrySpilled(
        (cell) =>
          engine.getSheetName(cell.sheet) !== undefined && isSpill(engine.getCellValue(cell))
      );
      for (let round = 0; round < 5 && this.book.hasPending; round++) {
        const cells = this.book.takePending();
        engine.batch(() => {
          for (const cell of cells) {
            if (!engine.doesSheetExist(engine.getSheetName(cell.sheet) ?? "")) continue;
            const formula = engine.getCellFormula(cell);
            if (formula) engine.setCellContents(cell, formula);
          }
        });
      }
    } finally {
      this.settling = false;
    }
  }
}
