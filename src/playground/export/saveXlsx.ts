/**
 * Save the playground's workbook as an .xlsx that Excel opens with the add-in: every sheet with its
 * values, its formulas (so PBR.* recalculate in Excel; a PBR call is stored as Excel stores one,
 * `_xldudf_PBR_FYCOST(…)`), its number formats, and every defined name
 * and table name as a workbook name over the same cells, so formulas such as =PBR.FYCOST(…,FYStart,
 * …,Prices) keep working. Written with write-excel-file (the writer from the author of the
 * read-excel-file the import uses; one dependency, fflate).
 *
 * An error typed as a value (#N/A) is saved as the formula =#N/A, which Excel shows the same; the
 * playground's reader (open/readXlsx.ts) opens it as the value again.
 *
 * Not saved: charts, and tables as Excel tables (their names become ordinary names over their
 * data rows, which is what a table name means in a formula). Spilled results are not written as
 * values: Excel spills them again from the formula.
 */
import type { EmbeddedWorkbook } from "../../workbook/embeddedPort";
import { quoteSheet } from "../../workbook/address";
import { toFileFormula } from "../open/fileFormulas";

export interface XlsxCell {
  type?: "Formula" | StringConstructor | NumberConstructor | BooleanConstructor;
  /** null only for a spilled cell that keeps its number format (Excel fills the value). */
  value: string | number | boolean | null;
  format?: string;
}

export interface XlsxSheet {
  sheet: string;
  data: (XlsxCell | null)[][];
}

/** A workbook name and what it refers to, e.g. { name: "Prices", ref: "'Prices'!$A$5:$D$25" }. */
export interface XlsxName {
  name: string;
  ref: string;
  /** For a name of one sheet only: that sheet's position (0 first), Excel's localSheetId. */
  localSheetId?: number;
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The sheets, cells and names of an embedded workbook, ready for the writer. */
export function workbookContent(wb: EmbeddedWorkbook): { sheets: XlsxSheet[]; names: XlsxName[] } {
  const sheets: XlsxSheet[] = [];
  for (const sheet of wb.engine.getSheetNames()) {
    const { rows, cols } = wb.dimensions(sheet);
    const id = wb.engine.getSheetId(sheet)!;
    const data: (XlsxCell | null)[][] = [];
    for (let r = 0; r < rows; r++) {
      const line: (XlsxCell | null)[] = [];
      for (let c = 0; c < cols; c++) {
        const at = { sheet: id, row: r, col: c };
        // A spilled result's cells (not its anchor) are left empty: Excel spills them again.
        const spilled = wb.engine.isCellPartOfArray(at) && !wb.engine.doesCellHaveFormula(at);
        const content = spilled ? null : wb.getContent(sheet, r, c);
        const format = wb.formatAt(sheet, r, c);
        if (content === null) {
          // Empty, or part of a spilled result (Excel spills it again), with its number format if any.
          line.push(spilled && format ? { type: Number, value: null, format } : null);
          continue;
        }
        if (typeof content === "string" && content.startsWith("=")) {
          // The file format stores a formula without its "=" (the writer keeps whatever it is
          // given), and a PBR call as Excel writes one (_xldudf_PBR_…).
          line.push({
            type: "Formula",
            value: toFileFormula(content.slice(1), wb.functionIds),
            ...(format ? { format } : {}),
          });
          continue;
        }
        // The value as the user sees it (text written with Excel's text prefix comes back without it).
        const value = wb.getValue(sheet, r, c);
        if (typeof value === "number")
          line.push({ type: Number, value, ...(format ? { format } : {}) });
        else if (typeof value === "boolean") line.push({ type: Boolean, value });
        else if (typeof value === "string")
          line.push({ type: String, value, ...(format === "@" ? { format } : {}) });
        else if (value !== null && typeof value === "object" && typeof value.value === "string")
          // An error typed as a value (#N/A): the file format keeps one as a formula, =#N/A.
          line.push({ type: "Formula", value: value.value });
        else line.push(null);
      }
      data.push(line);
    }
    sheets.push({ sheet, data });
  }
  const names: XlsxName[] = [];
  for (const name of wb.engine.listNamedExpressions()) {
    const formula = wb.engine.getNamedExpressionFormula(name);
    if (typeof formula === "string" && formula.startsWith("="))
      names.push({ name, ref: formula.slice(1) });
  }
  // Names of one sheet only (an opened workbook can have them).
  wb.engine.getSheetNames().forEach((sheet, index) => {
    const id = wb.engine.getSheetId(sheet)!;
    for (const name of wb.engine.listNamedExpressions(id)) {
      const formula = wb.engine.getNamedExpressionFormula(name, id);
      if (typeof formula === "string" && formula.startsWith("="))
        names.push({ name, ref: formula.slice(1), localSheetId: index });
    }
  });
  // Names the engine holds with sheet names unquoted: quote them as Excel requires.
  for (const n of names)
    n.ref = n.ref.replace(
      /^(.+)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/,
      (_m, s: string, a: string) =>
        `${quoteSheet(s.replace(/^'|'$/g, "").replace(/''/g, "'"))}!${a}`
    );
  return { sheets, names };
}

/** The workbook.xml <definedNames> element for the names (after <sheets>, as the format orders it). */
export function definedNamesXml(names: readonly XlsxName[]): string {
  if (names.length === 0) return "";
  return `<definedNames>${names.map((n) => `<definedName name="${esc(n.name)}"${n.localSheetId === undefined ? "" : ` localSheetId="${n.localSheetId}"`}>${esc(n.ref)}</definedName>`).join("")}</definedNames>`;
}

/** A write-excel-file "feature" that adds the defined names to xl/workbook.xml. */
export function definedNamesFeature(names: readonly XlsxName[]) {
  const xml = definedNamesXml(names);
  return {
    files: {
      transform: {
        "xl/workbook.xml": {
          transform: (content: string) =>
            xml === ""
              ? content
              : content.includes("<definedNames/>")
                ? content.replace("<definedNames/>", xml)
                : content.replace("</sheets>", `</sheets>${xml}`),
        },
      },
    },
  };
}

type Writer = (
  sheets: { data: (XlsxCell | null)[][]; sheet: string }[],
  options: { features: unknown[] }
) => { toBlob(): Promise<Blob> };

/** The workbook as an .xlsx Blob, written with the browser build of write-excel-file (loaded on use). */
export async function saveWorkbookXlsx(wb: EmbeddedWorkbook): Promise<Blob> {
  const { sheets, names } = workbookContent(wb);
  const { default: write } = (await import("write-excel-file/browser")) as unknown as {
    default: Writer;
  };
  return write(sheets, { features: [definedNamesFeature(names)] }).toBlob();
}
