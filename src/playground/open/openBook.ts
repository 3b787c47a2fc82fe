/**
 * Opening a whole workbook (an .xlsx file read by readXlsx.ts) in the playground's embedded
 * workbook, in place of everything it holds: sheets, cells, names, tables, formats, charts and the
 * undo history. Checked first, so a book that cannot be opened leaves the workbook as it was.
 * The other way, saving, is ../export/saveXlsx.ts.
 */
import { parseRange } from "../../workbook/address";
import { EXCEL_MAX_COLUMNS, type EmbeddedWorkbook } from "../../workbook/embeddedPort";
import type { BookContent, BookNotes } from "../../workbook/embedded/bookContent";
import { keepingBookOnFailure } from "./keepBook";
import {
  tableShapeOf,
  translateStructuredRefs,
  type TableShape,
} from "../../workbook/embedded/structuredRefs";

/**
 * Replace what `workbook` holds with `book`, then recalculate. Returns what could not be kept
 * (names the engine refuses). Throws BookRefused, before anything is replaced, for a book it cannot
 * hold; when the engine fails part way, puts the workbook back as it was and throws BookNotOpened
 * (keepBook.ts).
 */
export function openBook(workbook: EmbeddedWorkbook, book: BookContent): BookNotes {
  checkBook(book, workbook.maxRows);
  const sheets = withTableRefsAsRanges(book);
  return keepingBookOnFailure(workbook, () => workbook.replaceBook({ ...book, sheets }));
}

/** A book the playground cannot hold, found before anything was replaced; the message is for people. */
export class BookRefused extends Error {}

/**
 * The book as the engine takes it (table references as ranges), after the checks `openBook`
 * makes; throws, with nothing replaced, for a book it cannot hold. For opening in slices:
 * `workbook.replaceBookInSlices(prepareBook(workbook, book), "Opening …")` gives what `openBook`
 * gives, with the page free between slices (embedded/loadBook.ts).
 */
export function prepareBook(workbook: EmbeddedWorkbook, book: BookContent): BookContent {
  checkBook(book, workbook.maxRows);
  return { ...book, sheets: withTableRefsAsRanges(book) };
}

/** Refuse a book the engine cannot hold, before anything is replaced. */
function checkBook(book: BookContent, maxRows: number): void {
  if (book.sheets.length === 0) throw new BookRefused("the workbook has no sheets.");
  const seen = new Set<string>();
  for (const s of book.sheets) {
    const key = s.name.toLowerCase();
    if (s.name.trim() === "" || seen.has(key))
      throw new BookRefused(`sheet name "${s.name}" is empty or used twice.`);
    seen.add(key);
    if (s.cells.length > maxRows)
      throw new BookRefused(
        `sheet ${s.name} has ${s.cells.length.toLocaleString("en-GB")} rows, more than ${maxRows.toLocaleString("en-GB")}.`
      );
    if (s.cells.some((line) => line.length > EXCEL_MAX_COLUMNS))
      throw new BookRefused(`sheet ${s.name} is wider than Excel's ${EXCEL_MAX_COLUMNS} columns.`);
  }
}

/** The book's sheets with table references ("Prices[Code]") as ranges, as when the pane writes them. */
function withTableRefsAsRanges(book: BookContent): BookContent["sheets"] {
  const shapes = new Map<string, TableShape>();
  for (const t of book.tables) {
    const r = parseRange(t.address);
    const sheet = book.sheets.find((s) => s.name === t.sheet);
    const header: string[] = [];
    for (let c = r.left; c <= r.right; c++) {
      const v = sheet?.cells[r.top]?.[c];
      header.push(typeof v === "string" ? v.replace(/^'/, "") : String(v ?? ""));
    }
    shapes.set(t.name.toLowerCase(), tableShapeOf(t, header));
  }
  const tableAt = (sheet: string, row: number, col: number) =>
    [...shapes.values()].find(
      (t) =>
        t.sheet === sheet &&
        row > t.top &&
        row <= t.top + t.bodyRows &&
        col >= t.left &&
        col < t.left + t.header.length
    );
  return book.sheets.map((s) => ({
    ...s,
    cells: s.cells.map((line, row) =>
      line.map((v, col) =>
        typeof v === "string" && v.startsWith("=") && v.includes("[")
          ? translateStructuredRefs(
              v,
              s.name,
              (n) => shapes.get(n.toLowerCase()),
              tableAt(s.name, row, col),
              row
            )
          : v
      )
    ),
  }));
}
