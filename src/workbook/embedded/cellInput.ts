/**
 * What a cell typed into the grid or written through the port becomes in the engine, as Excel
 * would hold it: structured references translated to ranges (structuredRefs.ts), a table's engine
 * name added when a formula uses its bare name (tableNames.ts), a string in a text-formatted range
 * kept as text, text written through the port that Excel would not reread kept as text, and TRUE
 * and FALSE and doubled quote marks ("say ""hi""") in a formula read as Excel reads them.
 */
import { excelWouldChange, isFormula } from "../cellText";
import { booleanLiterals, engineQuotes } from "../formulaText";
import type { CellInput } from "../port";
import type { CellFormats } from "./cellFormats";
import { asText } from "./engine";
import { translateStructuredRefs, type TableLookup, type TableShape } from "./structuredRefs";
import type { TableNames } from "./tableNames";

export interface InputContext {
  tableNames: TableNames;
  cellFormats: CellFormats;
  /** A table's shape (its header read from the engine), for structured references. */
  tableShape: TableLookup;
}

/**
 * A cell as the engine should store it. A cell `written` through the port also keeps text the
 * engine would read as a number, date, boolean or error (text prefix), so it stays text as it does
 * in Excel (workbook/cellText.ts); typing into the grid (`setCell`) is parsed as Excel parses
 * typing. `current` is the table the cell is in, for [@Column] references.
 */
export function prepareInput(
  context: InputContext,
  input: CellInput,
  sheet: string,
  current?: TableShape,
  row?: number,
  col?: number,
  written = false
): CellInput {
  if (
    written &&
    typeof input === "string" &&
    !isFormula(input) &&
    input.charCodeAt(0) !== 0x27 &&
    excelWouldChange(input)
  )
    return `'${input}`;
  // TRUE and FALSE typed as values in a formula (VLOOKUP(…,FALSE)) work as in Excel (formulaText.ts).
  if (typeof input === "string" && input.startsWith("=")) {
    input = engineQuotes(booleanLiterals(input));
    context.tableNames.nameTablesIn(input);
  }
  if (typeof input === "string" && input.startsWith("=") && input.includes("[")) {
    return translateStructuredRefs(input, sheet, context.tableShape, current, row);
  }
  // A text-formatted ("@") cell keeps a string as written, as Excel does: "007" stays "007" and
  // "11/04/2024" is not read as a date. HyperFormula keeps a string after a leading apostrophe.
  if (
    typeof input === "string" &&
    context.cellFormats.anyText &&
    row !== undefined &&
    col !== undefined &&
    context.cellFormats.isText(sheet, row, col)
  ) {
    return asText(input);
  }
  return input === undefined ? null : input;
}
