/**
 * One owner of the workbook's date system for the whole shared runtime.
 *
 * The task pane (taskpane.js) and the custom functions (functions.js) are two bundles loaded into
 * one shared runtime, so each has its own copy of core and its own date setting. Before, each read
 * the system on its own; whichever answered first won, only the functions' side recalculated, and a
 * read made while the user was editing a cell failed and silently became 1900. Now the first bundle
 * to start creates the owner on `globalThis` (one object per runtime, whichever bundle loads first),
 * the other registers its copy of core with it, and the owner:
 * - reads the system once (dateSystem.ts: the PBR_DATE_SYSTEM name, else Excel's DATE(1904,1,1)),
 *   trying again with a growing wait while the user is editing a cell, never taking that for 1900;
 * - sets it in every registered copy of core;
 * - when a copy had already read dates under the other system (a function answered first), asks
 *   Excel once to calculate this workbook again (Worksheet.calculate(true), not other workbooks).
 * `refreshDateSystem` reads it again (the pane calls it when it is shown: the user may have added
 * the name since) and does the same if it changed.
 */
import { datesWereRead, getDateSystem, setDateSystem, type DateSystem } from "../../core/dates";
import {
  isCellEditFailure,
  readDateSystem,
  recalculateWorkbook,
  type DateSystemReading,
  type ExcelRunner,
} from "./dateSystem";

/** One bundle's copy of core's date setting. */
export interface DateCore {
  set(system: DateSystem): void;
  get(): DateSystem;
  /** Whether a date was read under the current setting (core/dates datesWereRead). */
  read(): boolean;
}

export interface AppliedDateSystem extends DateSystemReading {
  /** Some copy of core's setting changed. */
  changed: boolean;
  /** A copy had read dates under the old setting: this workbook was calculated again. */
  recalculated: boolean;
}

export interface OwnerEnv {
  excel?: () => ExcelRunner | null;
  /** Waits between tries while the user is editing a cell, in ms (then it gives up until the next refresh). */
  retries?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  core?: DateCore;
}

interface Owner {
  cores: DateCore[];
  reading: DateSystemReading | null;
  pending: Promise<AppliedDateSystem | null> | null;
}

const KEY = Symbol.for("pbr-toolkit.dateSystemOwner");
const RETRIES = [500, 1000, 2000, 4000, 8000, 15000, 30000];

/** This bundle's copy of core. */
const THIS_CORE: DateCore = { set: setDateSystem, get: getDateSystem, read: datesWereRead };

function owner(): Owner {
  const g = globalThis as { [KEY]?: Owner };
  return (g[KEY] ??= { cores: [], reading: null, pending: null });
}

/** Forget the owner (tests; a new runtime starts with none). */
export function forgetDateSystemOwner(): void {
  delete (globalThis as { [KEY]?: Owner })[KEY];
}

function officeExcel(): ExcelRunner | null {
  const api = (globalThis as { Excel?: ExcelRunner }).Excel;
  return api && typeof api.run === "function" ? api : null;
}

const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Read, waiting out cell-edit mode; null when the user was still editing after every wait. */
async function readPatiently(excel: ExcelRunner, env: OwnerEnv): Promise<DateSystemReading | null> {
  const waits = env.retries ?? RETRIES;
  for (let attempt = 0; ; attempt++) {
    try {
      return await readDateSystem(excel);
    } catch (e) {
      if (!isCellEditFailure(e) || attempt >= waits.length) return null;
      await (env.sleep ?? sleepMs)(waits[attempt]);
    }
  }
}

/** Set the reading in every registered core; calculate the workbook again if one answered under another. */
async function apply(
  o: Owner,
  reading: DateSystemReading,
  excel: ExcelRunner
): Promise<AppliedDateSystem> {
  const differ = o.cores.filter((c) => c.get() !== reading.system);
  const stale = differ.some((c) => c.read());
  for (const c of differ) c.set(reading.system);
  o.reading = reading;
  let recalculated = false;
  if (stale) {
    try {
      await recalculateWorkbook(excel);
      recalculated = true;
    } catch {
      // The results stay as they are until Excel next calculates them; nothing else to do.
    }
  }
  return { ...reading, changed: differ.length > 0, recalculated };
}

/**
 * Read the workbook's date system again and apply it to every registered copy of core. Calls made
 * while a read is under way share it. Resolves to null outside Excel or when the user stayed in
 * cell-edit mode through every wait (cores keep their setting; the next refresh tries again).
 */
export function refreshDateSystem(env: OwnerEnv = {}): Promise<AppliedDateSystem | null> {
  const o = owner();
  const core = env.core ?? THIS_CORE;
  if (!o.cores.includes(core)) o.cores.push(core);
  if (o.pending) return o.pending;
  const excel = (env.excel ?? officeExcel)();
  if (!excel) return Promise.resolve(null);
  o.pending = (async () => {
    const reading = await readPatiently(excel, env);
    return reading ? apply(o, reading, excel) : null;
  })().finally(() => {
    o.pending = null;
  });
  return o.pending;
}

interface OfficeLike {
  onReady?: (callback?: (info: { host?: unknown }) => unknown) => unknown;
}

/**
 * For each bundle at start: once Office is ready in Excel, register this bundle's core with the
 * owner and make sure the system has been read (once for the runtime: a bundle starting after the
 * read gets the known system without asking Excel again). Never rejects; null outside Excel.
 */
export async function startDateSystem(
  office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office,
  env: OwnerEnv = {}
): Promise<AppliedDateSystem | null> {
  if (!office || typeof office.onReady !== "function") return null;
  try {
    const host = await new Promise<unknown>((resolve) => {
      office.onReady!((info) => resolve(info?.host));
    });
    if (String(host) !== "Excel") return null;
    const o = owner();
    const core = env.core ?? THIS_CORE;
    if (o.reading && !o.pending) {
      if (!o.cores.includes(core)) o.cores.push(core);
      if (core.get() !== o.reading.system) core.set(o.reading.system);
      return { ...o.reading, changed: false, recalculated: false };
    }
    return await refreshDateSystem(env);
  } catch {
    return null;
  }
}
