/**
 * Replacing the whole workbook with an opened file's book in slices, with the page free between
 * them (issue 30: opening the saved demo held the page 2.8 s, a 300,000-cell workbook 15.8 s). The
 * same result as replaceContents (bookStates.ts), in three passes:
 * 1. plain values, loaded as HyperFormula's own bulk loader loads a workbook (bulkLoad.ts), while
 *    no formula, name or table exists yet (so nothing can depend on them and nothing recalculates);
 * 2. tables and names;
 * 3. formulas (and the few values the engine must parse as typed: errors, "TRUE" kept as text…),
 *    a slice of rows at a time, each slice evaluated as it is written.
 * Where the bulk loader is not available (HyperFormula's internals changed), values go through the
 * public API, also in slices.
 */
import { excelWouldChange } from "../cellText";
import type { CellInput } from "../port";
import type { BookContent } from "./bookContent";
import type { EmbeddedDocument } from "./document";
import { yieldToEventLoop } from "./tableWriter";

/**
 * First slices, in cells, of values and of formulas (which cost far more each); later slices are
 * sized to take about SLICE_TARGET_MS on this machine.
 */
const VALUE_SLICE = 5_000;
const FORMULA_SLICE = 1_000;
const SLICE_TARGET_MS = 100;

/** The next slice's size from how long the last one took (between a quarter and double). */
function resized(size: number, started: number): number {
  const took = Math.max(1, performance.now() - started);
  return Math.max(1, Math.floor(size * Math.min(2, Math.max(0.25, SLICE_TARGET_MS / took))));
}

type Cell = string | number | boolean | null;

/** Whether the bulk loader can take this cell as the public API would (else it goes with formulas). */
const plainValue = (v: CellInput): boolean =>
  typeof v !== "string" || v.charCodeAt(0) === 0x27 || (!v.startsWith("=") && !excelWouldChange(v));

/**
 * Replace everything with `book` (formulas as the engine takes them), telling `progress` how far it
 * got (0 to 1). Returns what could not be kept (names the engine refuses), as replaceContents does.
 */
export async function replaceContentsInSlices(
  doc: EmbeddedDocument,
  book: BookContent,
  progress: (fraction: number) => void = () => undefined
): Promise<string[]> {
  const { engine } = doc;
  engine.batch(() => {
    for (const name of engine.getSheetNames()) engine.removeSheet(doc.sheetId(name));
    for (const n of engine.listNamedExpressions()) engine.removeNamedExpression(n);
  });
  doc.tableNames.clear();
  doc.charts.length = 0;
  doc.cellFormats.clear();
  doc.clearFrozen(); // the old book's frozen panes must not carry over to a sheet of the same name
  doc.forgetLoader();
  for (const s of book.sheets) engine.addSheet(s.name);
  doc.moveSelection(book.sheets[0].name, "A1");

  let total = 0;
  for (const s of book.sheets) for (const line of s.cells) total += line.length;
  let done = 0;
  const step = async (cells: number) => {
    done += cells;
    progress(total === 0 ? 1 : Math.min(1, done / total));
    await yieldToEventLoop();
  };

  // 1. Plain values; what the engine must parse waits for pass 3 with the formulas.
  const later: { sheet: number; row: number; line: CellInput[] }[] = [];
  const loader = doc.bulkLoader();
  for (const s of book.sheets) {
    const id = doc.sheetId(s.name);
    const width = s.cells.reduce((w, line) => Math.max(w, line.length), 1);
    let rowsPerSlice = Math.max(1, Math.floor(VALUE_SLICE / width));
    for (let top = 0; top < s.cells.length;) {
      const started = performance.now();
      const part = s.cells.slice(top, top + rowsPerSlice);
      let cells = 0;
      const values = part.map((line, i) => {
        cells += line.length;
        let rest: CellInput[] | null = null;
        const out = line.map((v, c) => {
          if (v === null || v === undefined || plainValue(v)) return v ?? null;
          rest ??= [];
          rest[c] = v;
          return null;
        });
        if (rest) later.push({ sheet: id, row: top + i, line: rest });
        return out;
      });
      if (loader?.canLoad(id, top, 0, part.length, width)) loader.load(id, top, 0, values);
      else engine.setCellContents({ sheet: id, row: top, col: 0 }, values as Cell[][]);
      top += part.length;
      rowsPerSlice = resized(rowsPerSlice, started);
      await step(cells * 0.5); // values are the cheap half of the work
    }
  }

  // 2. Tables and names (they may refer to any cell, so they come after the values).
  for (const t of book.tables)
    doc.tableNames.addTable({ name: t.name, sheet: t.sheet, address: t.address }, true);
  const notes = doc.tableNames.openNames(book.names);

  // 3. Formulas and parsed values, a slice of rows at a time, each as one evaluation.
  const remaining = total - done;
  const laterCells = later.reduce((n, l) => n + l.line.filter((v) => v !== undefined).length, 0);
  let formulaSlice = FORMULA_SLICE;
  for (let i = 0; i < later.length;) {
    const started = performance.now();
    let cells = 0;
    const start = i;
    while (i < later.length && (cells < formulaSlice || i === start)) {
      for (const v of later[i].line) if (v !== undefined) cells++;
      i++;
    }
    // One call per run of neighbouring cells: in a batch, each call costs HyperFormula a walk
    // over the batch so far (see EmbeddedDocument.applyCells).
    engine.batch(() => {
      for (const { sheet, row, line } of later.slice(start, i))
        for (let col = 0; col < line.length; col++) {
          if (line[col] === undefined) continue;
          const run: Cell[] = [];
          while (col + run.length < line.length && line[col + run.length] !== undefined)
            run.push(line[col + run.length] as Cell);
          engine.setCellContents({ sheet, row, col }, [run]);
          col += run.length - 1;
        }
    });
    formulaSlice = resized(formulaSlice, started);
    await step(laterCells === 0 ? 0 : (remaining * cells) / laterCells);
  }

  for (const s of book.sheets)
    for (const f of s.formats) doc.cellFormats.add(s.name, f.address, f.format);
  for (const c of book.charts ?? []) doc.charts.push({ sheet: c.sheet, spec: { ...c.spec } });
  for (const s of book.sheets) if (s.frozen) doc.setFrozen(s.name, s.frozen);
  doc.settle();
  doc.bump();
  progress(1);
  return notes;
}
