/**
 * Opening a file replaces everything the workbook holds, and the engine can still fail part way
 * (a formula it cannot parse deep in the file, memory, a bug of ours). So the workbook is copied
 * first (every sheet's cells as typed, names, sheet names, tables, formats, charts, selection) and,
 * if the replacement throws, put back as it was: the same sheets in the same order with the same
 * cells and names, and the undo history untouched (EmbeddedWorkbook.replaceBook forgets it only
 * once the new book is in). The error that reaches the page is BookNotOpened, in plain words.
 */
import type { EmbeddedWorkbook } from "../../workbook/embeddedPort";
import { restoreState, takeState } from "../../workbook/embedded/bookStates";
import type { BookState } from "../../workbook/embedded/paneStep";

/** The engine failed while a book was being put in place; `restored` when the old one is back. */
export class BookNotOpened extends Error {
  constructor(
    readonly restored: boolean,
    readonly cause: unknown
  ) {
    super(
      restored
        ? "the spreadsheet engine could not hold this workbook."
        : "the spreadsheet engine could not hold this workbook, and the workbook open before could not be put back."
    );
  }
}

/** Everything the workbook holds, names defined for one sheet included. */
interface Kept {
  state: BookState;
  sheetNames: { sheet: string; name: string; formula: string }[];
}

function keep(workbook: EmbeddedWorkbook): Kept {
  const sheets = workbook.engine.getSheetNames();
  const sheetNames = sheets.flatMap((sheet) => {
    const id = workbook.sheetId(sheet);
    return workbook.engine.listNamedExpressions(id).map((name) => ({
      sheet,
      name,
      formula: String(workbook.engine.getNamedExpressionFormula(name, id) ?? ""),
    }));
  });
  return { state: takeState(workbook, sheets), sheetNames };
}

function putBack(workbook: EmbeddedWorkbook, kept: Kept): void {
  const { engine } = workbook;
  // Start from nothing, as opening does (sheets before names, in one batch: see replaceContents),
  // so that the sheets come back in their order, whatever the failed book had added.
  engine.batch(() => {
    for (const name of engine.getSheetNames()) engine.removeSheet(workbook.sheetId(name));
    for (const n of engine.listNamedExpressions()) engine.removeNamedExpression(n);
  });
  restoreState(workbook, kept.state);
  for (const n of kept.sheetNames) {
    const id = workbook.sheetId(n.sheet);
    if (engine.isItPossibleToAddNamedExpression(n.name, n.formula, id))
      engine.addNamedExpression(n.name, n.formula, id);
  }
  workbook.settle();
  workbook.bump();
}

/**
 * Run `replace` (which replaces the workbook's contents); if it throws, or its promise rejects, put
 * the workbook back exactly as it was and throw BookNotOpened.
 */
export function keepingBookOnFailure<T>(workbook: EmbeddedWorkbook, replace: () => T): T {
  const kept = keep(workbook);
  const failed = (cause: unknown): never => {
    let restored = true;
    try {
      putBack(workbook, kept);
    } catch {
      restored = false;
    }
    throw new BookNotOpened(restored, cause);
  };
  let result: T;
  try {
    result = replace();
  } catch (e) {
    return failed(e);
  }
  if (result instanceof Promise) return result.catch(failed) as T;
  return result;
}
