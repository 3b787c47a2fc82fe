/**
 * Whether formulas in the engine already use a workbook name that does not exist yet (they show
 * #NAME? and HyperFormula keeps a placeholder for the name, to recalculate them when it is added).
 * Reads HyperFormula internals (marked @internal); when they are not as expected it answers true,
 * so the caller adds the name, which is always correct, only slower for a large table.
 */
import type { HyperFormula } from "hyperformula";

interface Store {
  has(name: string): boolean;
}

export function isNameAwaited(engine: HyperFormula, name: string): boolean {
  const store = (engine as unknown as { _namedExpressions?: { workbookStore?: Partial<Store> } })
    ._namedExpressions?.workbookStore;
  if (typeof store?.has !== "function") return true;
  try {
    return store.has(name);
  } catch {
    return true;
  }
}
