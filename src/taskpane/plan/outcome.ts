/**
 * Honest outcomes, shared by every journey: after a journey writes, read its cells back and say
 * in words if any ended in an error, instead of reporting success over #VALUE! cells.
 */
import { cellAddress, parseRange } from "../../workbook/address";
import type { CellInput, TableData, WorkbookPort } from "../../workbook/port";
import type { CellLink } from "./rowRefs";

const ERROR_TEXT =
  /^#(?:VALUE!|N\/A|NUM!|DIV\/0!|REF!|NAME\?|NULL!|SPILL!|CALC!|ERROR!|CYCLE!|GETTING_DATA)$/;

/** Whether a value read back from a workbook is an Excel error ("#VALUE!", "#N/A", …). */
export function isErrorValue(value: CellInput): boolean {
  return typeof value === "string" && ERROR_TEXT.test(value);
}

export interface ErrorCell {
  /** A1 address on the sheet, as the user sees it ("C11"). */
  address: string;
  value: string;
}

/** Every error cell in a range read back from a sheet (header row included), in reading order. */
export function errorCells(data: Pick<TableData, "address" | "header" | "rows">): ErrorCell[] {
  const { top, left } = parseRange(data.address);
  const out: ErrorCell[] = [];
  [data.header as CellInput[], ...data.rows].forEach((row, r) =>
    row.forEach((v, c) => {
      if (isErrorValue(v)) out.push({ address: cellAddress(top + r, left + c), value: String(v) });
    })
  );
  return out;
}

/** Read back the sheets a journey wrote and list their error cells. */
export async function readBackErrors(
  port: WorkbookPort,
  sheets: readonly string[]
): Promise<{ sheet: string; cells: ErrorCell[] }[]> {
  const found = [];
  for (const sheet of sheets) {
    const cells = errorCells(await port.readUsedRange(sheet));
    if (cells.length > 0) found.push({ sheet, cells });
  }
  return found;
}

export interface Outcome {
  message: string;
  /** Row and cell references in the message that lead to their cells (rowRefs.ts). */
  links?: readonly CellLink[];
  /** True when something the journey wrote shows an error: the pane shows a warning, not success. */
  hasErrors: boolean;
}

const SHOWN = 3;

/**
 * The pane's closing message. With no error cells it is `success` as given; otherwise it never
 * says "Wrote": it says which sheet, how many cells, the first few addresses, and what to do.
 */
export function outcome(
  success: string,
  errors: readonly { sheet: string; cells: readonly ErrorCell[] }[],
  hint = "Check the inputs those cells depend on (hover an error cell to read its message)."
): Outcome {
  if (errors.length === 0) return { message: success, hasErrors: false };
  const links: CellLink[] = [];
  const parts = errors.map(({ sheet, cells }) => {
    const shown = cells.slice(0, SHOWN);
    links.push(...shown.map((c) => ({ text: c.address, sheet, address: c.address })));
    const first = shown.map((c) => `${c.address} ${c.value}`).join(", ");
    const more = cells.length > SHOWN ? `, and ${cells.length - SHOWN} more` : "";
    const n = cells.length === 1 ? "1 cell shows" : `${cells.length} cells show`;
    return `On sheet ${sheet}, ${n} an error (${first}${more}).`;
  });
  return {
    message: `The results are not usable yet. ${parts.join(" ")} ${hint}`,
    links,
    hasErrors: true,
  };
}
