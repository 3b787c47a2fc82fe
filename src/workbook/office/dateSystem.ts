/**
 * The workbook's date system (1900 or 1904), read from Excel once per workbook and handed to core
 * (`setDateSystem`), which converts every date it reads from or writes to a cell.
 *
 * Where it comes from, first that answers:
 * 1. A workbook-level defined name `PBR_DATE_SYSTEM` holding 1900 or 1904 (a constant, `=1904`, or
 *    a reference to a cell holding it): the documented way to state the system where Excel cannot
 *    tell the add-in. Names are ExcelApi 1.1–1.4, inside the add-in's required ExcelApi 1.7.
 * 2. `Workbook.use1904DateSystem`. The Office.js references we could check list it only as a
 *    preview API ("ExcelApi BETA"), and @types/office-js does not declare it, so it is read through
 *    a narrow cast, in its own Excel.run, and only a true/false answer is believed: on an Excel
 *    without it the read fails or comes back empty and step 3 applies.
 * 3. Neither: the 1900 system (Excel's default on Windows, the web and new Mac workbooks).
 *
 * The playground's engine is always 1900: nothing here runs there.
 */
import {
  datesWereRead,
  getDateSystem,
  parseDateSystem,
  setDateSystem,
  type DateSystem,
} from "../../core/dates";

/** The defined name a user adds to state the workbook's date system (1900 or 1904). */
export const DATE_SYSTEM_NAME = "PBR_DATE_SYSTEM";

export type DateSystemSource = "name" | "workbook" | "default";

export interface DateSystemReading {
  system: DateSystem;
  source: DateSystemSource;
}

type ExcelLike = Pick<typeof Excel, "run">;

/** The PBR_DATE_SYSTEM name's 1900/1904, or null when there is no such name or it holds neither. */
async function readStatedSystem(excel: ExcelLike): Promise<DateSystem | null> {
  return excel.run(async (context) => {
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

/** `Workbook.use1904DateSystem` where this Excel has it; null where it does not. */
async function readWorkbookProperty(excel: ExcelLike): Promise<DateSystem | null> {
  return excel.run(async (context) => {
    const workbook = context.workbook as unknown as {
      load(properties: string): unknown;
      use1904DateSystem?: unknown;
    };
    workbook.load("use1904DateSystem");
    await context.sync();
    const flag = workbook.use1904DateSystem;
    return flag === true ? 1904 : flag === false ? 1900 : null;
  });
}

/** Which date system the open workbook uses, and how we know. Never rejects. */
export async function readDateSystem(excel: ExcelLike): Promise<DateSystemReading> {
  try {
    const stated = await readStatedSystem(excel);
    if (stated !== null) return { system: stated, source: "name" };
  } catch {
    // no names API or a failed read: fall through to the workbook's own setting
  }
  try {
    const flag = await readWorkbookProperty(excel);
    if (flag !== null) return { system: flag, source: "workbook" };
  } catch {
    // this Excel does not have use1904DateSystem
  }
  return { system: 1900, source: "default" };
}

function officeExcel(): ExcelLike | null {
  const api = (globalThis as { Excel?: ExcelLike }).Excel;
  return api && typeof api.run === "function" ? api : null;
}

export interface AppliedDateSystem extends DateSystemReading {
  /** Core's setting changed. */
  changed: boolean;
  /** It changed after dates had already been read under the old one: formulas must calculate again. */
  stale: boolean;
}

/**
 * Read the open workbook's date system and set it in core. Resolves to the reading and whether
 * core's setting changed (null when Excel.run is not available: core stays as it is).
 */
export async function applyDateSystem(
  excel: ExcelLike | null = officeExcel()
): Promise<AppliedDateSystem | null> {
  if (!excel) return null;
  const reading = await readDateSystem(excel);
  const changed = reading.system !== getDateSystem();
  const stale = changed && datesWereRead();
  setDateSystem(reading.system);
  return { ...reading, changed, stale };
}

/**
 * Ask Excel to calculate every formula again (the functions answered before the date system was
 * known). A full calculation (Application.calculate, ExcelApi 1.1): the PBR functions' inputs have
 * not changed, so a normal recalculation would skip them.
 */
export async function recalculateAll(excel: ExcelLike | null = officeExcel()): Promise<void> {
  if (!excel) return;
  await excel.run(async (context) => {
    const app = (context as { application?: Partial<Excel.Application> }).application;
    if (typeof app?.calculate !== "function") return;
    app.calculate("Full" as Excel.CalculationType);
    await context.sync();
  });
}

interface OfficeLike {
  onReady?: (callback?: (info: { host?: unknown }) => unknown) => unknown;
}

/**
 * For the custom functions' side of the shared runtime: once Office is ready in Excel, read the
 * workbook's date system into core; if it is not the 1900 system assumed so far and a function
 * already read a date, ask Excel once to calculate again. Never rejects.
 */
export async function startDateSystem(
  office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office,
  excel: () => ExcelLike | null = officeExcel
): Promise<AppliedDateSystem | null> {
  if (!office || typeof office.onReady !== "function") return null;
  try {
    const host = await new Promise<unknown>((resolve) => {
      office.onReady!((info) => resolve(info?.host));
    });
    if (host !== "Excel" && String(host) !== "Excel") return null;
    const reading = await applyDateSystem(excel());
    if (reading?.stale) await recalculateAll(excel());
    return reading;
  } catch {
    return null;
  }
}
