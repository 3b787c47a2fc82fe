/**
 * XLSX caseload files, read with read-excel-file (its browser build in the pane; tests pass its
 * Node build or rows directly). Every worksheet is read, so a workbook whose first sheet is a cover
 * page still imports: the sheet and the header row are chosen for the user (the sheet and row whose
 * headers match the most caseload fields) and can be changed in the mapping step. Dates arrive as
 * Date objects and numbers as numbers; the validator converts both.
 */
import { fieldForHeader } from "../../core/caseload/headers";
import { caseloadErrors } from "../../core/errors";
import { isBlankRow } from "../../core/values";
import {
  FILE_LIMITS,
  FileRefused,
  UsedRangeBudget,
  countSheets,
  refuseDtd,
  sheetExtent,
  sheetNamesByPath,
  unzipGuarded,
} from "../../core/files/xlsxGuard";
import { gridSource, type CaseloadSource } from "./source";
import { bytesOf } from "./fileBytes";

/**
 * The guards of core/files/xlsxGuard.ts, before read-excel-file sees the file: what the file is,
 * the zip's central directory, then each sheet's used range counted from its XML (read-excel-file
 * lays every sheet out as rows × columns, so a stray cell at XFD1048576 would ask for 17 billion).
 * Only the workbook part and the sheets are unpacked here.
 */
export function checkXlsxBytes(bytes: Uint8Array): void {
  const files = unzipGuarded(bytes, (name) =>
    /^xl\/(workbook\d*\.xml|_rels\/workbook\d*\.xml\.rels|worksheets\/[^/]+\.xml)$/i.test(name)
  );
  const workbook = Object.keys(files).find((f) => /^xl\/workbook\d*\.xml$/i.test(f));
  if (!workbook) throw new FileRefused("this file has no Excel workbook inside.");
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  const wbXml = decode(files[workbook]);
  refuseDtd(workbook, wbXml);
  const sheets = countSheets(wbXml);
  if (sheets > FILE_LIMITS.sheets)
    throw new FileRefused(
      `this workbook has ${sheets.toLocaleString("en-GB")} sheets, more than the ${FILE_LIMITS.sheets.toLocaleString("en-GB")} this import reads.`
    );
  const rels = Object.keys(files).find((f) => /^xl\/_rels\/workbook\d*\.xml\.rels$/i.test(f));
  const names = sheetNamesByPath(wbXml, rels ? decode(files[rels]) : undefined);
  const budget = new UsedRangeBudget();
  for (const path of Object.keys(files)
    .filter((f) => f.startsWith("xl/worksheets/"))
    .sort()) {
    const name = names.get(path) ?? path.replace(/^xl\/worksheets\//, "").replace(/\.xml$/i, "");
    budget.add(name, sheetExtent(name, decode(files[path])));
  }
}

/**
 * Reads an .xlsx file: every sheet as `{ sheet, data }` (read-excel-file's default export), or just
 * the first sheet's rows (row 1 first, blank rows kept).
 */
export type SheetReader = (
  input: Blob | ArrayBuffer
) => Promise<unknown[][] | { sheet: string; data: unknown[][] }[]>;

/** How far down a sheet to look for the header row (titles and notes above it are common). */
const HEADER_SEARCH_ROWS = 50;

/** How many cells of a row are headers the import recognises. */
function recognised(row: readonly unknown[]): number {
  let n = 0;
  for (const cell of row) if (typeof cell === "string" && fieldForHeader(cell) !== null) n++;
  return n;
}

/**
 * The header row of a sheet (0-based): the row among the first 50 with the most recognised
 * headers (the first such), or the first non-blank row when none is recognised; -1 when blank.
 */
export function guessHeaderRow(rows: readonly (readonly unknown[])[]): {
  index: number;
  score: number;
} {
  let best = -1;
  let score = 0;
  let firstFilled = -1;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    if (isBlankRow(rows[i])) continue;
    if (firstFilled < 0) firstFilled = i;
    const n = recognised(rows[i]);
    if (n > score) {
      score = n;
      best = i;
    }
  }
  return { index: best >= 0 ? best : firstFilled, score };
}

interface Sheet {
  sheet: string;
  data: unknown[][];
}

function sourceFor(
  sheets: Sheet[],
  fileName: string,
  which: number,
  headerIndex?: number
): CaseloadSource {
  const { data, sheet } = sheets[which];
  const index = headerIndex ?? guessHeaderRow(data).index;
  const source = gridSource(data, fileName, "xlsx", index);
  if (!source) {
    throw new Error(
      sheets.length > 1
        ? `Sheet "${sheet}" of ${fileName} is empty: choose another sheet.`
        : caseloadErrors.noHeader().message
    );
  }
  return {
    ...source,
    workbook: {
      sheets: sheets.map((s) => s.sheet),
      sheet,
      rows: data.length,
      reopen: (name, headerRow) => {
        const k = sheets.findIndex((s) => s.sheet === name);
        return sourceFor(
          sheets,
          fileName,
          k < 0 ? which : k,
          headerRow === undefined ? undefined : headerRow - 1
        );
      },
    },
  };
}

export async function openXlsxFile(
  file: Blob | ArrayBuffer,
  fileName: string,
  read: SheetReader
): Promise<CaseloadSource> {
  let result: Awaited<ReturnType<SheetReader>>;
  try {
    const bytes = file instanceof ArrayBuffer ? new Uint8Array(file) : await bytesOf(file);
    checkXlsxBytes(bytes);
  } catch (e) {
    // What the file is or which limit it passed; never an internal error text.
    throw new Error(
      `${fileName} was not imported: ${e instanceof FileRefused ? e.message : "it could not be read."}`
    );
  }
  try {
    result = await read(file);
  } catch {
    throw new Error(
      `${fileName} could not be read as an Excel workbook: it may be damaged. Open it in Excel, save it as an Excel Workbook (.xlsx) and import that.`
    );
  }
  const multi =
    result.length > 0 &&
    result.every((s) => !Array.isArray(s) && typeof (s as Sheet).sheet === "string");
  const sheets: Sheet[] = multi
    ? (result as Sheet[])
    : [{ sheet: "Sheet1", data: result as unknown[][] }];
  // Start on the sheet whose header row matches the most fields (a cover sheet scores 0).
  let which = 0;
  let best = -1;
  sheets.forEach((s, k) => {
    const { score } = guessHeaderRow(s.data);
    if (score > best) {
      best = score;
      which = k;
    }
  });
  if (sheets.every((s) => s.data.every((r) => isBlankRow(r))))
    throw new Error(caseloadErrors.noHeader().message);
  if (sheets[which].data.every((r) => isBlankRow(r)))
    which = sheets.findIndex((s) => s.data.some((r) => !isBlankRow(r)));
  return sourceFor(sheets, fileName, which);
}
