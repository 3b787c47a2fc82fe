/**
 * The spreadsheet engine under the embedded workbook: HyperFormula (GPL-3.0, licence key
 * "gpl-v3", never part of the add-in bundles) configured as Excel behaves, and its cell values as
 * the port hands them out.
 */
import { HyperFormula, DetailedCellError } from "hyperformula";
import type { CellInput } from "../port";

/** Excel's sheet width. */
export const EXCEL_MAX_COLUMNS = 16_384;

/** A HyperFormula engine over `sheets`, with Excel's size, en-GB dates and full doubles. */
export function createEngine(sheets: Record<string, CellInput[][]>, maxRows: number): HyperFormula {
  return HyperFormula.buildFromSheets(
    sheets as Record<string, (string | number | boolean | null)[][]>,
    {
      licenseKey: "gpl-v3",
      maxRows,
      maxColumns: EXCEL_MAX_COLUMNS,
      dateFormats: ["DD/MM/YYYY", "DD/MM/YY", "YYYY-MM-DD"],
      language: "enGB",
      undoLimit: 0, // no undo in the playground; keeping it costs ~12% on large writes
      useArrayArithmetic: true,
      smartRounding: false, // keep full doubles, as Excel stores them (pennies must tie)
    }
  );
}

/** An engine cell value as the port hands it out: errors as their code ("#N/A"), empty as null. */
export function portValue(v: unknown): CellInput {
  if (v === null || v === undefined) return null;
  if (v instanceof DetailedCellError) return v.value;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** What a cell holds as typed, from the engine's serialized content: null when empty. */
export function typedContent(v: unknown): CellInput {
  if (v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** Whether a cell shows #SPILL! (its spilled result has no room). */
export function isSpill(value: unknown): boolean {
  return value instanceof DetailedCellError && value.type === "SPILL";
}

/** Text kept as text: HyperFormula's text prefix, an apostrophe (not part of the value). */
export const asText = (v: string) => (v.charCodeAt(0) === 0x27 ? v : `'${v}`);
