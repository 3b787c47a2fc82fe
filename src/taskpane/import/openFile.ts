/** Open a chosen file as a caseload source, by its extension: .csv/.txt as CSV, .xlsx as Excel. */
import { caseloadErrors } from "../../core/errors";
import { openCsvFile } from "./csvSource";
import { openXlsxFile, type SheetReader } from "./xlsxSource";
import type { CaseloadSource } from "./source";

export type FileKind = "csv" | "xlsx";

export function fileKind(fileName: string): FileKind | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "csv" || ext === "txt") return "csv";
  if (ext === "xlsx" || ext === "xlsm") return "xlsx";
  return null;
}

/** Accept attribute for the file input. */
export const ACCEPT =
  ".csv,.txt,.xlsx,.xlsm,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function openCaseloadFile(
  file: Blob & { name: string },
  readXlsx: SheetReader
): Promise<CaseloadSource> {
  const kind = fileKind(file.name);
  if (kind === "csv") return openCsvFile(file, file.name);
  if (kind === "xlsx") return openXlsxFile(file, file.name, readXlsx);
  throw new Error(caseloadErrors.notCaseload(file.name).message);
}
