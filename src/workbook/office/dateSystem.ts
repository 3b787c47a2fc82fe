/**
 * Reading the workbook's date system (1900 or 1904) from Excel. Who reads it, when, and what
 * happens when it changes is dateSystemOwner.ts; this file only asks Excel.
 *
 * Where it comes from, first that answers:
 * 1. A workbook-level defined name `PBR_DATE_SYSTEM` holding 1900 or 1904 (a constant, `=1904`, or
 *    a reference to a cell holding it): a user's statement wins. Names are ExcelApi 1.1–1.4.
 * 2. A probe: Excel's own DATE(1904, 1, 1) through `workbook.functions.date` (WorkbookFunctions,
 *    ExcelApi 1.2), which is the workbook's serial for 1 January 1904: 0 in the 1904 date system,
 *    1462 in the 1900 one. Any other answer, or an error, tells us nothing.
 *    https://learn.microsoft.com/javascript/api/excel/excel.functions#excel-excel-functions-date-member(1)
 *    https://learn.microsoft.com/javascript/api/excel/excel.functionresult (value, or error when it failed)
 *    `Workbook.use1904DateSystem` is not used: it is "ExcelApi BETA (PREVIEW ONLY)", present only in
 *    the beta office.js, and the pane loads the production one.
 * 3. Neither: the 1900 system (Excel's default on Windows, the web and new Mac workbooks).
 *
 * Every read asks Excel to wait while the user is editing a cell (`delayForCellEdit`, ExcelApi
 * 1.11); on an older Excel the batch fails in cell-edit mode and `isCellEditFailure` says so, so
 * the owner tries again instead of taking the failure for "1900".
 * https://learn.microsoft.com/javascript/api/excel/excel.runoptions
 */
import { DAYS_1904_TO_1900, parseDateSystem, type DateSystem } from "../../core/dates";

/** The defined name a user adds to state the workbook's date system (1900 or 1904). */
export const DATE_SYSTEM_NAME = "PBR_DATE_SYSTEM";

export type DateSystemSource = "name" | "workbook" | "default";

export interface DateSystemReading {
  system: DateSystem;
  source: DateSystemSource;
}

/** Excel.run with run options (delayForCellEdit, mergeUndoGroup) as well as without. */
export interface ExcelRunner {
  run<T>(
    options: Excel.RunOptions,
    batch: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T>;
}

/** Run a batch that waits for the user to leave cell-edit mode rather than failing. */
function runWaiting<T>(
  excel: ExcelRunner,
  batch: (context: Excel.RequestContext) => Promise<T>
): Promise<T> {
  return excel.run({ delayForCellEdit: true }, batch);
}

/**
 * Whether a batch failed because the user was editing a cell (Excel's error code
 * InvalidOperationInCellEditMode: an Excel without delayForCellEdit, or one that ignored it).
 * https://learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes
 */
export function isCellEditFailure(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: unknown; message?: unknown };
  return e.code === "InvalidOperationInCellEditMode" || /cell.?edit/i.test(String(e.message ?? ""));
}

/** The PBR_DATE_SYSTEM name's 1900/1904, or null when there is no such name or it holds neither. */
async function readStatedSystem(excel: ExcelRunner): Promise<DateSystem | null> {
  return runWaiting(excel, async (context) => {
    const item = context.workbook.names.getItemOrNullObject(DATE_SYSTEM_NAME);
    item.load(["type", "value"]);
    await context.sync();
    if (item.isNullObject) return null;
    if (item.type !== "Range") return parseDateSystem(item.value);
    const range = item.getRange();
    range.load("values");
    await context.sync();
    return parseDateSystem(range.values?.[0]?.[0]);
  });
}

/** The system Excel's DATE(1904,1,1) shows (0 → 1904, 1462 → 1900); null when it says neither. */
async function probeSystem(excel: ExcelRunner): Promise<DateSystem | null> {
  return runWaiting(excel, async (context) => {
    const result = context.workbook.functions.date(1904, 1, 1);
    result.load(["value", "error"]);
    await context.sync();
    if (result.error) return null;
    return result.value === 0 ? 1904 : result.value === DAYS_1904_TO_1900 ? 1900 : null;
  });
}

/**
 * Which date system the open workbook uses, and how we know. Rejects only when the user was
 * editing a cell (`isCellEditFailure`): that is "not read yet", not "1900".
 */
export async function readDateSystem(excel: ExcelRunner): Promise<DateSystemReading> {
  try {
    const stated = await readStatedSystem(excel);
    if (stated !== null) return { system: stated, source: "name" };
  } catch (e) {
    if (isCellEditFailure(e)) throw e;
    // no names API or a failed read: fall through to the probe
  }
  try {
    const probed = await probeSystem(excel);
    if (probed !== null) return { system: probed, source: "workbook" };
  } catch (e) {
    if (isCellEditFailure(e)) throw e;
  }
  return { system: 1900, source: "default" };
}

/**
 * Calculate every formula of this workbook again, and only this one: Worksheet.calculate(true)
 * (markAllDirty, ExcelApi 1.6, inside the required 1.7) on each sheet. Application.calculate would
 * recalculate every open workbook, even when the user has chosen Manual calculation.
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-calculate-member(1)
 * https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-calculate-member(1)
 */
export async function recalculateWorkbook(excel: ExcelRunner): Promise<void> {
  await runWaiting(excel, async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    for (const sheet of sheets.items) sheet.calculate(true);
    await context.sync();
  });
}
