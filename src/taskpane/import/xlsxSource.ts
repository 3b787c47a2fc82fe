/**
 * XLSX caseload files: the first worksheet, read with read-excel-file (its browser build in the
 * pane; tests pass its Node build or rows directly). Dates arrive as Date objects and numbers as
 * numbers; the validator converts both.
 */
import { caseloadErrors } from "../../core/errors";
import { gridSource, type CaseloadSource } from "./source";

/** Reads the first sheet of an .xlsx file as rows (row 1 first, blank rows kept). */
export type SheetReader = (input: Blob | ArrayBuffer) => Promise<unknown[][]>;

export async function openXlsxFile(
  file: Blob | ArrayBuffer,
  fileName: string,
  read: SheetReader
): Promise<CaseloadSource> {
  let rows: unknown[][];
  try {
    rows = await read(file);
  } catch (e) {
    const detail = e instanceof Error && e.message ? ` (${e.message})` : "";
    throw new Error(`${fileName} could not be read as an Excel workbook${detail}`);
  }
  const source = gridSource(rows, fileName, "xlsx");
  if (!source) throw new Error(caseloadErrors.noHeader().message);
  return source;
}
