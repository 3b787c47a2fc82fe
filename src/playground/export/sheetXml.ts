/**
 * A worksheet part (xl/worksheets/sheetN.xml) as Excel writes one, from a snapshot of its cells:
 * every formula with the value it last gave (`<v>`, typed by `t`: number, str, b, e), so a reader
 * that does not recalculate (LibreOffice, Excel before the add-in loads, a phone's viewer) shows
 * the playground's numbers; a formula whose result spills as a dynamic array formula: `t="array"`
 * with `ref` = the spill range and `cm="1"`, pointing at the XLDAPR cell metadata in
 * xl/metadata.xml ([MS-XLSX] 2.6.1 "dynamicArrayProperties",
 * https://learn.microsoft.com/en-us/openspecs/office_standards/ms-xlsx/); without it Excel opens
 * the formula as a legacy one with an implicit @ and shows only its first value (Microsoft's
 * "Implicit intersection operator: @"). The cells of a spill carry their cached values too.
 *
 * Text goes to the shared-string table (as Excel writes it); number formats to the style table.
 */
import { columnLetters, parseRange } from "../../workbook/address";
import type { CachedValue, SavedCell, SavedSheet } from "./snapshot";

/** Characters XML 1.0 cannot carry (tab, line feed and carriage return it can). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export const escXml = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    // XML 1.0 cannot carry most control characters: OOXML writes them as _xHHHH_ (and a literal
    // "_x" that looks like one as _x005F_x…). ECMA-376 Part 1, 22.9.2.19 ST_Xstring.
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
    // Lone surrogates are not XML characters either.
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

/** Text as a <t> element, keeping leading and trailing spaces and line breaks. */
export const textElement = (s: string) =>
  /^\s|\s$|\n/.test(s) ? `<t xml:space="preserve">${escXml(s)}</t>` : `<t>${escXml(s)}</t>`;

/** The shared-string table the sheets fill as they are written. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;
  of(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(s, i);
      this.list.push(s);
    }
    return i;
  }
  xml(): string {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.list.length}">${this.list.map((s) => `<si>${textElement(s)}</si>`).join("")}</sst>`;
  }
}

/** Number formats as style indexes (cellXfs), 0 for none. */
export class NumberFormats {
  private readonly index = new Map<string, number>();
  readonly codes: string[] = [];
  styleOf(format: string | undefined): number {
    if (!format) return 0;
    let i = this.index.get(format);
    if (i === undefined) {
      this.codes.push(format);
      i = this.codes.length; // cellXfs[0] is the default style
      this.index.set(format, i);
    }
    return i;
  }
  /** The style part: custom number formats from id 164, as Excel numbers its own. */
  xml(): string {
    const numFmts = this.codes
      .map((code, k) => `<numFmt numFmtId="${164 + k}" formatCode="${escXml(code)}"/>`)
      .join("");
    const xfs = this.codes
      .map(
        (_code, k) =>
          `<xf numFmtId="${164 + k}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`
      )
      .join("");
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      (this.codes.length ? `<numFmts count="${this.codes.length}">${numFmts}</numFmts>` : "") +
      `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.codes.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${xfs}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `</styleSheet>`
    );
  }
}

/** `t` and `<v>` of a value in a formula cell (text results are "str", not shared). */
function formulaValue(v: CachedValue): { t: string; v: string } {
  if (v === null) return { t: "", v: "" };
  if (typeof v === "number") return { t: "", v: `<v>${v}</v>` };
  if (typeof v === "boolean") return { t: ' t="b"', v: `<v>${v ? 1 : 0}</v>` };
  if (typeof v === "string") return { t: ' t="str"', v: `<v>${escXml(v)}</v>` };
  return { t: ' t="e"', v: `<v>${escXml(v.error)}</v>` };
}

function valueCell(v: CachedValue, strings: SharedStrings): { t: string; v: string } {
  if (typeof v === "string") return { t: ' t="s"', v: `<v>${strings.of(v)}</v>` };
  return formulaValue(v);
}

export interface SheetWriteContext {
  strings: SharedStrings;
  formats: NumberFormats;
  /** Relationship ids of this sheet's table parts, in the order of `sheet.tables`. */
  tableRels: string[];
}

/** Whether a cell is inside one of the sheet's tables. */
function inTable(sheet: SavedSheet, cell: SavedCell): boolean {
  return sheet.tables.some((t) => {
    const r = parseRange(t.ref);
    return cell.row >= r.top && cell.row <= r.bottom && cell.col >= r.left && cell.col <= r.right;
  });
}

/** The worksheet part's XML and whether it holds a dynamic array formula. */
export function sheetXml(
  sheet: SavedSheet,
  ctx: SheetWriteContext
): { xml: string; dynamic: boolean } {
  const parts: string[] = [];
  let dynamic = false;
  const hidden = new Set(sheet.hiddenRows);
  let row = -1;
  let maxRow = 0;
  let maxCol = 0;
  for (const cell of sheet.cells) {
    if (cell.row !== row) {
      if (row >= 0) parts.push("</row>");
      row = cell.row;
      parts.push(`<row r="${row + 1}"${hidden.has(row) ? ` hidden="1"` : ""}>`);
    }
    maxRow = Math.max(maxRow, cell.row);
    maxCol = Math.max(maxCol, cell.col);
    const ref = `${columnLetters(cell.col)}${cell.row + 1}`;
    const style = ctx.formats.styleOf(cell.format);
    const s = style ? ` s="${style}"` : "";
    if (cell.formula !== undefined) {
      const { t, v } = formulaValue(cell.value);
      // Only a result over more than one cell is a dynamic array formula. A one-cell result stays
      // an ordinary formula: LibreOffice recalculates every array formula on opening (so a PBR one
      // shows #NAME? there, whatever value it carries) but shows an ordinary formula's saved value.
      if (cell.spill !== undefined && !inTable(sheet, cell)) {
        dynamic = true;
        const area = cell.spill ?? ref;
        parts.push(
          `<c r="${ref}"${s}${t} cm="1"><f t="array" ref="${area}">${escXml(cell.formula)}</f>${v}</c>`
        );
      } else parts.push(`<c r="${ref}"${s}${t}><f>${escXml(cell.formula)}</f>${v}</c>`);
      continue;
    }
    const { t, v } = valueCell(cell.value, ctx.strings);
    parts.push(`<c r="${ref}"${s}${t}>${v}</c>`);
  }
  if (row >= 0) parts.push("</row>");
  const dimension = sheet.cells.length === 0 ? "A1" : `A1:${columnLetters(maxCol)}${maxRow + 1}`;
  const tableParts = ctx.tableRels.length
    ? `<tableParts count="${ctx.tableRels.length}">${ctx.tableRels.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`
    : "";
  const views = sheet.frozen ? frozenView(sheet.frozen) : "";
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<dimension ref="${dimension}"/>${views}<sheetData>${parts.join("")}</sheetData>${tableParts}</worksheet>`;
  return { xml, dynamic };
}

/**
 * The sheet view with frozen rows and columns (ECMA-376 §18.3.1.66 pane): xSplit columns and
 * ySplit rows frozen, the scrolling pane starting at the first cell below and right of them.
 */
export function frozenView(frozen: { rows: number; columns: number }): string {
  const { rows, columns } = frozen;
  if (rows <= 0 && columns <= 0) return "";
  const active = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const split = `${columns > 0 ? ` xSplit="${columns}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""}`;
  const topLeft = `${columnLetters(columns)}${rows + 1}`;
  return (
    `<sheetViews><sheetView workbookViewId="0">` +
    `<pane${split} topLeftCell="${topLeft}" activePane="${active}" state="frozen"/>` +
    `<selection pane="${active}" activeCell="${topLeft}" sqref="${topLeft}"/>` +
    `</sheetView></sheetViews>`
  );
}
