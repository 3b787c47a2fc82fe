/**
 * Read an .xlsx file (its bytes, in the page: nothing is uploaded) into a BookContent the embedded
 * workbook opens: every worksheet with values and formulas, number formats, defined names and
 * tables. read-excel-file, which the caseload import uses, hands out values only, so this reads
 * the file's parts itself: the zip with fflate (read-excel-file's one dependency), after the checks
 * of workbook/xlsxGuard.ts, and the XML with fast-xml-parser.
 *
 * Kept: values (shared and inline strings, numbers, booleans, errors), formulas (shared formulas
 * filled out to each cell; an array or spilled formula on its first cell only, as the playground
 * saves it), number formats, workbook and sheet names, tables (as tables over the same cells).
 * Not kept: charts and chart sheets, styles other than number formats, comments, merged cells,
 * data validation, conditional formats, pivot tables, links to other workbooks.
 */
import { strFromU8 } from "fflate";
import { XMLParser } from "fast-xml-parser";
import { parseCell, parseRange, rangeAddress } from "../../workbook/address";
import { textCell } from "../../workbook/cellText";
import type { CellInput } from "../../workbook/port";
import type {
  BookContent,
  BookName,
  BookNotes,
  BookSheet,
  BookTable,
} from "../../workbook/embedded/bookContent";
import {
  FILE_LIMITS,
  FileRefused,
  UsedRangeBudget,
  countSheets,
  refuseDtd,
  sheetExtent,
  unzipGuarded,
} from "../../workbook/xlsxGuard";
import { fromFileFormula, shiftFormula } from "./fileFormulas";
import { checkFormula, renameSheets } from "./openChecks";

/** Number formats Excel knows by id without writing them in the file (as an en-GB Excel shows them). */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  14: "dd/mm/yyyy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "dd/mm/yyyy hh:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** A formula that is only an error value. */
const ERROR = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/i;

const ARRAYS = new Set([
  "sheet",
  "row",
  "c",
  "si",
  "r",
  "definedName",
  "numFmt",
  "xf",
  "Relationship",
  "tableColumn",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => ARRAYS.has(name),
});

type Node = any;

/** A file that cannot be opened as a workbook, with a message for the page. */
export class XlsxReadError extends Error {}

/** The text of an element that may carry attributes ({ "#text": … }) or be empty. */
function text(node: Node): string {
  if (node === undefined || node === null) return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (typeof node === "object" && "#text" in node) return String(node["#text"]);
  return "";
}

/** OOXML escapes control characters as _xHHHH_. */
const unescapeText = (s: string) =>
  s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

/** A string item: plain <t>, or rich text runs <r><t>; phonetic runs (<rPh>) are not part of it. */
function stringItem(si: Node): string {
  if (si === undefined || si === null || typeof si !== "object") return unescapeText(text(si));
  if (si.t !== undefined) return unescapeText(text(si.t));
  return unescapeText((si.r ?? []).map((r: Node) => text(r.t)).join(""));
}

/** Where a relationship target lives in the zip, from the part that refers to it. */
function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const step of target.split("/")) {
    if (step === "..") parts.pop();
    else if (step !== ".") parts.push(step);
  }
  return parts.join("/");
}

function relsOf(
  files: Record<string, Uint8Array>,
  part: string
): { id: string; type: string; target: string }[] {
  const at = part.lastIndexOf("/");
  const path = `${part.slice(0, at)}/_rels/${part.slice(at + 1)}.rels`;
  const xml = files[path];
  if (!xml) return [];
  const textXml = strFromU8(xml);
  refuseDtd(path, textXml);
  const doc = parser.parse(textXml);
  return (doc.Relationships?.Relationship ?? []).map((r: Node) => ({
    id: String(r.Id),
    type: String(r.Type ?? ""),
    target: resolve(part, String(r.Target ?? "")),
  }));
}

/** A date-like number format: has day, month or year letters outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dmy]/i.test(bare) && !/^[#0.,%\s;()E+-]*$/.test(bare);
}

/** Excel serial of an ISO date (cells of type "d", rare). */
function serialOf(iso: string): number {
  const ms = Date.parse(iso.endsWith("Z") || /[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
  return ms / 86_400_000 + 25_569;
}

/** Runs of the same format down each column, as ranges. */
function formatRanges(
  byCell: Map<number, Map<number, string>>
): { address: string; format: string }[] {
  const out: { address: string; format: string }[] = [];
  for (const [col, rows] of byCell) {
    const sorted = [...rows.keys()].sort((a, b) => a - b);
    let start = sorted[0];
    let prev = start;
    const flush = (end: number) =>
      out.push({ address: rangeAddress(start, col, end - start + 1, 1), format: rows.get(start)! });
    for (const row of sorted.slice(1)) {
      if (row === prev + 1 && rows.get(row) === rows.get(start)) {
        prev = row;
        continue;
      }
      flush(prev);
      start = prev = row;
    }
    if (sorted.length > 0) flush(prev);
  }
  return out;
}

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
  return { name: part.name, cells, formats: formatRanges(formatted) };
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
  const sheetNames: string[] = [];
  const budget = new UsedRangeBudget();
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
  return { book: { sheets, names, tables }, notes };
}
