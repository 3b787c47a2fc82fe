/**
 * The embedded workbook as a whole, at once: what an undo step of a task pane action keeps and
 * puts back (paneStep.ts: the sheet list, names, tables, formats, charts, selection and the cells
 * of the sheets it wrote), and replacing everything with an opened file's book.
 */
import type { EmbeddedDocument } from "./document";
import type { BookContent } from "./bookContent";
import { typedContent } from "./engine";
import type { BookState, SheetCells } from "./paneStep";

/** A sheet's cells as typed; the cells a spilled result fills are left empty (it fills them again). */
export function sheetCells(doc: EmbeddedDocument, sheet: string): SheetCells {
  const id = doc.sheetId(sheet);
  const raw = doc.engine.getSheetSerialized(id);
  return raw.map((line, row) =>
    line.map((v, col) => {
      if (v === null || v === undefined) return null;
      const at = { sheet: id, row, col };
      if (doc.engine.isCellPartOfArray(at) && !doc.engine.doesCellHaveFormula(at)) return null;
      return typedContent(v);
    })
  );
}

/** Everything but cells, and the cells of `sheets`: what an undo step restores. */
export function takeState(doc: EmbeddedDocument, sheets: readonly string[]): BookState {
  return {
    sheets: doc.engine.getSheetNames(),
    cells: new Map(sheets.map((s) => [s, sheetCells(doc, s)])),
    names: doc.engine.listNamedExpressions().map((name) => ({
      name,
      formula: String(doc.engine.getNamedExpressionFormula(name) ?? ""),
    })),
    ...doc.tableNames.state(),
    charts: doc.charts.map((c) => ({ sheet: c.sheet, spec: { ...c.spec } })),
    ...doc.cellFormats.state(),
    selection: { ...doc.currentSelection },
    frozen: doc.allFrozenPanes,
  };
}

/** Put the workbook back to a recorded state: its sheets, their cells, names, tables, formats, charts. */
export function restoreState(doc: EmbeddedDocument, state: BookState): void {
  const wanted = new Set(state.sheets.map((n) => n.toLowerCase()));
  const current = doc.engine.getSheetNames();
  const present = new Set(current.map((n) => n.toLowerCase()));
  const names = new Map(state.names.map((n) => [n.name, n.formula]));
  doc.engine.batch(() => {
    for (const n of current)
      if (!wanted.has(n.toLowerCase())) doc.engine.removeSheet(doc.sheetId(n));
    for (const n of doc.engine.listNamedExpressions())
      if (names.get(n) !== doc.engine.getNamedExpressionFormula(n))
        doc.engine.removeNamedExpression(n);
    for (const n of state.sheets) if (!present.has(n.toLowerCase())) doc.engine.addSheet(n);
    for (const [sheet, cells] of state.cells)
      doc.engine.setSheetContent(
        doc.sheetId(sheet),
        cells as (string | number | boolean | null)[][]
      );
    for (const [n, formula] of names)
      if (
        !doc.engine.getNamedExpression(n) &&
        doc.engine.isItPossibleToAddNamedExpression(n, formula)
      )
        doc.engine.addNamedExpression(n, formula);
  });
  doc.tableNames.restore(state);
  doc.charts.splice(
    0,
    doc.charts.length,
    ...state.charts.map((c) => ({ sheet: c.sheet, spec: { ...c.spec } }))
  );
  doc.cellFormats.restore(state);
  doc.clearFrozen();
  for (const [sheet, panes] of state.frozen ?? []) doc.setFrozen(sheet, panes);
  doc.forgetLoader();
  const sheet = doc.engine.doesSheetExist(state.selection.sheet)
    ? state.selection.sheet
    : (doc.engine.getSheetNames()[0] ?? "");
  doc.moveSelection(sheet, sheet === state.selection.sheet ? state.selection.address : "A1");
  doc.settle();
  doc.bump();
}

/**
 * Replace everything (sheets, cells, names, tables, formats, charts) with `book`, whose formulas
 * are already as the engine takes them (table references as ranges), then recalculate. Returns
 * what could not be kept (names the engine refuses). The caller checks the book first
 * (playground/open/openBook.ts).
 */
export function replaceContents(doc: EmbeddedDocument, book: BookContent): string[] {
  // Sheets before names, in one batch: removing a name first makes the engine recalculate the
  // formulas that use it, which HyperFormula 3.x can fail on ("Unknown array").
  doc.engine.batch(() => {
    for (const name of doc.engine.getSheetNames()) doc.engine.removeSheet(doc.sheetId(name));
    for (const n of doc.engine.listNamedExpressions()) doc.engine.removeNamedExpression(n);
  });
  doc.tableNames.clear();
  doc.charts.length = 0;
  doc.cellFormats.clear();
  doc.clearFrozen();
  doc.forgetLoader();

  for (const s of book.sheets) doc.engine.addSheet(s.name);
  for (const t of book.tables)
    doc.tableNames.addTable({ name: t.name, sheet: t.sheet, address: t.address }, true);
  const notes = doc.tableNames.openNames(book.names);
  doc.engine.batch(() => {
    for (const s of book.sheets)
      doc.engine.setSheetContent(
        doc.sheetId(s.name),
        s.cells as (string | number | boolean | null)[][]
      );
  });
  for (const s of book.sheets)
    for (const f of s.formats) doc.cellFormats.add(s.name, f.address, f.format);
  for (const c of book.charts ?? []) doc.charts.push({ sheet: c.sheet, spec: { ...c.spec } });
  for (const s of book.sheets) if (s.frozen) doc.setFrozen(s.name, s.frozen);
  doc.moveSelection(book.sheets[0].name, "A1");
  doc.settle();
  doc.bump();
  return notes;
}
