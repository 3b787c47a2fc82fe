/**
 * Read an .xlsx file (its bytes, in the page: nothing is uploaded) into a BookContent the embedded
 * workbook opens: every worksheet with values and formulas, number formats, defined names and
 * tables. read-excel-file, which the caseload import uses, hands out values only, so this reads
 * the file's parts itself: the zip with fflate (read-excel-file's one dependency), after the checks
 * of core/files/xlsxGuard.ts, and the XML with fast-xml-parser.
 *
 * Kept: values (shared and inline strings, numbers, booleans, errors), formulas (shared formulas
 * filled out to each cell; an array or spilled formula on its first cell only, as the playground
 * saves it), number formats, workbook and sheet names, tables (as tables over the same cells),
 * line and column charts over a block of their sheet's cells (readCharts.ts, which names the others),
 * frozen rows and columns.
 * Not kept: other charts and chart sheets, styles other than number formats, comments, merged cells,
 * data validation, conditional formats, pivot tables, links to other workbooks.
 */
import { strFromU8 } from "fflate";
import { parseCell, parseRange, rangeAddress } from "../../workbook/address";
import { textCell } from "../../workbook/cellText";
import { EXCEL_MAX_ROWS } from "../../workbook/excelRules";
import type { CellInput } from "../../workbook/port";
import type {
  BookChart,
  BookContent,
  BookName,
  BookNotes,
  BookSheet,
  BookTable,
} from "../../workbook/embedded/bookContent";
import {
  EXCEL_MAX_COLUMNS,
  FILE_LIMITS,
  FileRefused,
  UsedRangeBudget,
  countSheets,
  refuseDtd,
  sheetExtent,
  unzipGuarded,
} from "../../core/files/xlsxGuard";
import { fromFileFormula, shiftFormula } from "./fileFormulas";
import { BUILT_IN_FORMATS, formatRanges, isDateFormat, serialOf } from "./numberFormats";
import { parser, relsOf, stringItem, text, unescapeText, type Node } from "./xlsxXml";
import { checkFormula, renameSheets } from "./openChecks";
import { ChartParts, readSheetCharts } from "./readCharts";

/** A formula that is only an error value. */
const ERROR = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/i;

/** A file that cannot be opened as a workbook, with a message for the page. */
export class XlsxReadError extends Error {}

interface SheetPart {
  name: string;
  path: string;
}

function readSheet(
  part: SheetPart,
  xml: string,
  strings: string[],
  formats: (string | undefined)[],
  functionIds: readonly string[] | undefined,
  date1904: boolean,
  notes: BookNotes
): BookSheet {
  const doc = parser.parse(xml);
  // What could not be kept as the file has it, counted and said once per sheet.
  let badStrings = 0;
  let orphanShared = 0;
  const rows: Node[] = doc.worksheet?.sheetData?.row ?? [];
  const cells: CellInput[][] = [];
  const formatted = new Map<number, Map<number, string>>();
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  const arrays: {
    top: number;
    left: number;
    bottom: number;
    right: number;
    row: number;
    col: number;
  }[] = [];
  let rowAt = -1;
  for (const r of rows) {
    rowAt = r.r !== undefined ? Number(r.r) - 1 : rowAt + 1;
    let colAt = -1;
    for (const c of r.c ?? []) {
      const at = c.r !== undefined ? parseCell(String(c.r)) : { row: rowAt, col: colAt + 1 };
      colAt = at.col;
      const { row, col } = at;
      const type = String(c.t ?? "n");
      const raw = c.v === undefined ? undefined : text(c.v);
      const format = c.s !== undefined ? formats[Number(c.s)] : undefined;
      let content: CellInput = null;
      const f = c.f;
      const fText = f === undefined ? "" : text(f);
      const fType = f !== undefined && typeof f === "object" ? String(f.t ?? "normal") : "normal";
      if (f !== undefined && fType === "shared" && fText === "") {
        const master = masters.get(String(f.si));
        if (master)
          content = `=${shiftFormula(master.formula, row - master.row, col - master.col)}`;
        else orphanShared++; // its cached value is kept below
      } else if (f !== undefined && ERROR.test(fText.trim())) {
        content = fText.trim().toUpperCase(); // =#N/A: how the playground saves an error typed as a value
      } else if (f !== undefined && fText !== "" && fType !== "dataTable") {
        checkFormula(part.name, row, col, fText);
        const formula = fromFileFormula(fText, functionIds);
        content = `=${formula}`;
        if (fType === "shared" && f.si !== undefined)
          masters.set(String(f.si), { formula, row, col });
        if (fType === "array" && f.ref) arrays.push({ ...parseRange(String(f.ref)), row, col });
      }
      if (content === null) {
        if (
          arrays.some(
            (a) =>
              row >= a.top &&
              row <= a.bottom &&
              col >= a.left &&
              col <= a.right &&
              (row !== a.row || col !== a.col)
          )
        ) {
          // A cell a spilled or array result fills: the formula fills it again; its format is kept.
          if (format) {
            if (!formatted.has(col)) formatted.set(col, new Map());
            formatted.get(col)!.set(row, format);
          }
          continue;
        }
        if (type === "s") {
          const s = raw === undefined ? undefined : strings[Number(raw)];
          if (raw !== undefined && s === undefined) badStrings++;
          content = s === undefined ? null : textCell(s);
        } else if (type === "str") content = raw === undefined ? null : textCell(unescapeText(raw));
        else if (type === "inlineStr") content = textCell(stringItem(c.is));
        else if (type === "b") content = raw === "1" || raw === "true";
        else if (type === "e") content = raw ?? null;
        else if (type === "d") content = raw === undefined ? null : serialOf(raw);
        else if (raw !== undefined && raw !== "") {
          const n = Number(raw);
          content = Number.isFinite(n)
            ? date1904 && format && isDateFormat(format)
              ? n + 1462
              : n
            : textCell(raw);
        }
      }
      if (format) {
        if (!formatted.has(col)) formatted.set(col, new Map());
        formatted.get(col)!.set(row, format);
      }
      if (content === null) continue;
      while (cells.length <= row) cells.push([]);
      const line = cells[row];
      while (line.length < col) line.push(null);
      line[col] = content;
    }
  }
  if (badStrings > 0)
    notes.push(
      `${part.name}: ${badStrings.toLocaleString("en-GB")} ${badStrings === 1 ? "cell refers" : "cells refer"} to text missing from the file, opened empty`
    );
  if (orphanShared > 0)
    notes.push(
      `${part.name}: ${orphanShared.toLocaleString("en-GB")} ${orphanShared === 1 ? "cell shares a formula" : "cells share a formula"} the file does not hold, opened as ${orphanShared === 1 ? "its value" : "their values"}`
    );
  const frozen = frozenPanes(doc.worksheet?.sheetViews?.sheetView);
  return {
    name: part.name,
    cells,
    formats: formatRanges(formatted),
    ...(frozen ? { frozen } : {}),
  };
}

/**
 * The rows and columns a sheet's first view freezes (ECMA-376 §18.3.1.66 pane: ySplit rows and
 * xSplit columns, state "frozen" or "frozenSplit"); a plain split or nonsense is no freeze.
 */
function frozenPanes(view: Node): { rows: number; columns: number } | undefined {
  const pane = (Array.isArray(view) ? view[0] : view)?.pane;
  if (!pane || !/^frozen(Split)?$/.test(String(pane.state ?? ""))) return undefined;
  const count = (v: unknown, max: number) => {
    const n = Number(v ?? 0);
    return Number.isInteger(n) && n > 0 && n < max ? n : 0;
  };
  const rows = count(pane.ySplit, EXCEL_MAX_ROWS);
  const columns = count(pane.xSplit, EXCEL_MAX_COLUMNS);
  return rows > 0 || columns > 0 ? { rows, columns } : undefined;
}

/**
 * The workbook in an .xlsx file's bytes. `functionIds` are the PBR function ids the playground
 * knows (to turn Excel's saved custom-function names back into them). Throws XlsxReadError with
 * a plain message when the bytes are not an .xlsx workbook.
 */
export function readXlsxBook(
  bytes: Uint8Array,
  functionIds?: readonly string[]
): { book: BookContent; notes: BookNotes } {
  // Whatever goes wrong, a person reads what the file is or which limit it passed, never an
  // internal message ("Cannot read properties of undefined", "Maximum call stack size exceeded").
  try {
    const { book, notes } = readBook(bytes, functionIds);
    return { book, notes: [...notes, ...renameSheets(book)] };
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    if (e instanceof FileRefused) throw new XlsxReadError(e.message);
    if (e instanceof RangeError)
      throw new XlsxReadError("this file is too large or too deeply nested to open here.");
    throw new XlsxReadError("this file is damaged: part of it could not be read as a workbook.");
  }
}

function readBook(
  bytes: Uint8Array,
  functionIds?: readonly string[]
): { book: BookContent; notes: BookNotes } {
  let files: Record<string, Uint8Array>;
  try {
    // Only the XML parts: pictures and other media are never unpacked.
    files = unzipGuarded(bytes, (name) => /\.(xml|rels)$/i.test(name));
  } catch (e) {
    throw new XlsxReadError(
      e instanceof FileRefused ? e.message : "this file could not be read as a workbook."
    );
  }
  const workbookPath = Object.keys(files).find((f) => /^xl\/workbook\d*\.xml$/i.test(f));
  if (!workbookPath) {
    const hint = files["word/document.xml"] ? " (it looks like a Word document)" : "";
    throw new XlsxReadError(`this file has no Excel workbook inside${hint}.`);
  }
  const notes: BookNotes = [];
  let wbDoc: Node;
  const xmlOf = (path: string) => {
    const xml = strFromU8(files[path]);
    refuseDtd(path, xml);
    return xml;
  };
  try {
    const xml = xmlOf(workbookPath);
    if (countSheets(xml) > FILE_LIMITS.sheets)
      throw new FileRefused(
        `this workbook has ${countSheets(xml).toLocaleString("en-GB")} sheets, more than the ${FILE_LIMITS.sheets.toLocaleString("en-GB")} this page opens.`
      );
    wbDoc = parser.parse(xml);
  } catch (e) {
    throw new XlsxReadError(
      e instanceof FileRefused
        ? e.message
        : "the workbook part of this file is damaged (its XML cannot be read)."
    );
  }
  const workbook = wbDoc.workbook ?? {};
  const date1904 = ["1", "true"].includes(String(workbook.workbookPr?.date1904 ?? ""));
  const rels = relsOf(files, workbookPath);
  const relById = new Map(rels.map((r) => [r.id, r]));

  const stringsRel = rels.find((r) => r.type.endsWith("/sharedStrings"));
  const stringsPath = stringsRel?.target ?? "xl/sharedStrings.xml";
  const strings: string[] = files[stringsPath]
    ? (parser.parse(xmlOf(stringsPath)).sst?.si ?? []).map(stringItem)
    : [];

  const stylesRel = rels.find((r) => r.type.endsWith("/styles"));
  const stylesPath = stylesRel?.target ?? "xl/styles.xml";
  const formats: (string | undefined)[] = [];
  if (files[stylesPath]) {
    const styles = parser.parse(xmlOf(stylesPath)).styleSheet ?? {};
    const custom = new Map<number, string>();
    for (const nf of styles.numFmts?.numFmt ?? [])
      custom.set(Number(nf.numFmtId), String(nf.formatCode ?? ""));
    for (const xf of styles.cellXfs?.xf ?? []) {
      const id = Number(xf.numFmtId ?? 0);
      const code = custom.get(id) ?? BUILT_IN_FORMATS[id];
      formats.push(code && code.toLowerCase() !== "general" ? code : undefined);
    }
  }

  const sheets: BookSheet[] = [];
  const tables: BookTable[] = [];
  const charts: BookChart[] = [];
  const sheetNames: string[] = [];
  const budget = new UsedRangeBudget();
  const chartParts = new ChartParts(files);
  for (const s of workbook.sheets?.sheet ?? []) {
    const name = String(s.name ?? "");
    sheetNames.push(name);
    const rel = relById.get(String(s.id ?? ""));
    if (!rel || !rel.type.endsWith("/worksheet") || !files[rel.target]) {
      notes.push(`${name}: not a worksheet (a chart or macro sheet), not opened`);
      continue;
    }
    let sheet: BookSheet;
    try {
      const xml = xmlOf(rel.target);
      // The used range is counted before any row is laid out.
      budget.add(name, sheetExtent(name, xml));
      sheet = readSheet(
        { name, path: rel.target },
        xml,
        strings,
        formats,
        functionIds,
        date1904,
        notes
      );
    } catch (e) {
      if (e instanceof FileRefused || e instanceof XlsxReadError) throw e;
      throw new XlsxReadError(`sheet ${name} of this file is damaged (its XML cannot be read).`);
    }
    sheets.push(sheet);
    // Line and column charts over the sheet's cells open as the page's charts (readCharts.ts);
    // the notes name the others and say why.
    const read = readSheetCharts(chartParts, name, rel.target);
    charts.push(...read.charts);
    notes.push(...read.notes);
    for (const t of relsOf(files, rel.target).filter((x) => x.type.endsWith("/table"))) {
      if (!files[t.target]) continue;
      const table = parser.parse(xmlOf(t.target)).table ?? {};
      const tableName = String(table.displayName ?? table.name ?? "");
      if (!tableName || !table.ref) {
        notes.push(`a table on ${name} has no name or range in the file, opened as plain cells`);
        continue;
      }
      if (String(table.headerRowCount ?? "1") === "0") {
        notes.push(`table ${tableName}: has no header row, opened as plain cells`);
        continue;
      }
      const r = parseRange(String(table.ref));
      const totals = Number(table.totalsRowCount ?? 0) > 0 ? 1 : 0;
      tables.push({
        name: tableName,
        sheet: name,
        address: rangeAddress(r.top, r.left, r.bottom - r.top + 1 - totals, r.right - r.left + 1),
      });
    }
  }
  if (sheets.length === 0) throw new XlsxReadError("this workbook has no worksheets to open.");

  const names: BookName[] = [];
  for (const d of workbook.definedNames?.definedName ?? []) {
    const name = String(d.name ?? "");
    const ref = text(d).trim();
    if (!name || name.toLowerCase().startsWith("_xlnm.")) continue; // print areas, filters: not formulas' names
    if (ref === "" || /#REF!/i.test(ref)) {
      notes.push(`name ${name}: refers to a deleted range (#REF!), not opened`);
      continue;
    }
    if (/\[\d+\]/.test(ref)) {
      notes.push(`name ${name}: refers to another workbook, not opened`);
      continue;
    }
    const scope = d.localSheetId !== undefined ? sheetNames[Number(d.localSheetId)] : undefined;
    names.push({
      name,
      formula: `=${fromFileFormula(ref, functionIds)}`,
      ...(scope ? { sheet: scope } : {}),
    });
  }
  return { book: { sheets, names, tables, charts }, notes };
}
