/* Reading the workbook's date system through Office.js, against a model of what Microsoft documents:
   the PBR_DATE_SYSTEM name first, then Excel's DATE(1904,1,1) (WorkbookFunctions, ExcelApi 1.2: 0 in
   the 1904 system, 1462 in the 1900 one), else 1900; Workbook.use1904DateSystem (preview only) is
   never asked; a batch made while the user edits a cell fails unless Excel honours
   delayForCellEdit (ExcelApi 1.11); one owner for the pane's and the functions' copies of core. */
import { OfficeMockObject } from "office-addin-mock";
import { getDateSystem, setDateSystem, workbookDateOffset, type DateSystem } from "../../src/core/dates";
import { DATE_SYSTEM_NAME, readDateSystem, type ExcelRunner } from "../../src/workbook/office/dateSystem";
import {
  forgetDateSystemOwner,
  refreshDateSystem,
  startDateSystem,
  type DateCore,
} from "../../src/workbook/office/dateSystemOwner";

interface Book {
  /** The PBR_DATE_SYSTEM name: a constant, or a reference to a cell holding `cell`. */
  name?: { type: string; value: unknown; cell?: unknown };
  /** The workbook's real system (what DATE(1904,1,1) shows). Default 1900. */
  system?: DateSystem;
  /** Batches that arrive while the user is editing a cell. */
  editing?: number;
  /** Whether this Excel honours delayForCellEdit (ExcelApi 1.11+): then it waits instead of failing. */
  delays?: boolean;
  /** Excel's answer to DATE() is an error (FunctionResult.error set). */
  dateError?: string;
}

/** An Excel whose objects are OfficeMockObjects: a property read before load + sync throws. */
function fakeExcel(book: Book) {
  const log: string[] = [];
  let editing = book.editing ?? 0;
  const run = async <T>(
    options: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>),
    maybeBatch?: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T> => {
    const batch = typeof options === "function" ? options : maybeBatch!;
    const opts = typeof options === "function" ? {} : options;
    log.push(`run${opts.delayForCellEdit ? " delayForCellEdit" : ""}`);
    if (editing > 0) {
      editing--;
      if (!(book.delays && opts.delayForCellEdit))
        throw Object.assign(new Error("The operation is not allowed while in cell edit mode."), {
          code: "InvalidOperationInCellEditMode",
        });
      log.push("waited for cell edit");
    }
    const mocks: OfficeMockObject[] = [];
    const mk = (data: Record<string, unknown>) => {
      const m = new OfficeMockObject(data);
      mocks.push(m);
      return m;
    };
    const system = book.system ?? 1900;
    const workbook = mk({
      names: {
        getItemOrNullObject: (key: string) => {
          log.push(`names.getItemOrNullObject ${key}`);
          // isNullObject is readable after a sync without being loaded, as in Office.js.
          const orNull = (m: OfficeMockObject, isNull: boolean) =>
            Object.assign(m, { isNullObject: isNull }) as OfficeMockObject;
          if (!book.name || key !== DATE_SYSTEM_NAME) return orNull(mk({ type: "", value: null }), true);
          const { type, value, cell } = book.name;
          return orNull(mk({ type, value, getRange: () => mk({ values: [[cell]] }) }), false);
        },
      },
      functions: {
        date: (y: number, m: number, d: number) => {
          log.push(`functions.date ${y},${m},${d}`);
          const serial = Date.UTC(y, m - 1, d) / 86400000 + 25569; // 1900 system, after March 1900
          // FunctionResult: `error` is set only when the function failed, and then `value` means nothing
          // (0 here, which would read as 1904 if it were believed). The mock cannot hold undefined: "".
          return mk(book.dateError ? { error: book.dateError, value: 0 } : { error: "", value: system === 1904 ? serial - 1462 : serial });
        },
      },
      worksheets: {
        items: [{ name: "Sheet1" }, { name: "Budgets" }].map((s) => ({
          name: s.name,
          calculate: (all: boolean) => log.push(`worksheet.calculate ${s.name} ${all}`),
        })),
        load(this: OfficeMockObject) {
          return OfficeMockObject.prototype.load.call(this, ["items"]);
        },
      },
      // Only in the beta office.js: reading it is a test failure.
      load(props: unknown) {
        if (String(props).includes("use1904DateSystem")) throw new Error("preview API used");
      },
    });
    const application = mk({ calculate: (type: string) => log.push(`application.calculate ${type}`) });
    const context = {
      workbook,
      application,
      sync: async () => {
        for (const m of mocks) await m.sync();
      },
    };
    return batch(context as unknown as Excel.RequestContext);
  };
  return { run, log } as unknown as ExcelRunner & { log: string[] };
}

const officeReady = (host: string | null) => ({
  onReady: (callback?: (info: { host?: unknown }) => unknown) => callback?.({ host }),
});

/** A second bundle's copy of core (the pane's, beside this file's, the functions'). */
function otherCore(): DateCore & { system: DateSystem; datesRead: boolean } {
  const c = {
    system: 1900 as DateSystem,
    datesRead: false,
    set(s: DateSystem) {
      c.system = s;
      c.datesRead = false;
    },
    get: () => c.system,
    read: () => c.datesRead,
  };
  return c;
}

const noWait = { sleep: async () => undefined };

beforeEach(() => forgetDateSystemOwner());
afterEach(() => setDateSystem(1900));

describe("reading the date system from Excel", () => {
  it("probes Excel's DATE(1904,1,1): 0 is the 1904 system, 1462 the 1900 one", async () => {
    const excel = fakeExcel({ system: 1904 });
    expect(await readDateSystem(excel)).toEqual({ system: 1904, source: "workbook" });
    expect(excel.log).toContain("functions.date 1904,1,1");
    expect(await readDateSystem(fakeExcel({ system: 1900 }))).toEqual({ system: 1900, source: "workbook" });
  });

  it("falls back to 1900 where Excel cannot tell (DATE answers an error)", async () => {
    expect(await readDateSystem(fakeExcel({ system: 1904, dateError: "#VALUE!" }))).toEqual({
      system: 1900,
      source: "default",
    });
  });

  it("the PBR_DATE_SYSTEM name states it, as a constant or a cell, and wins over the probe", async () => {
    expect(await readDateSystem(fakeExcel({ name: { type: "Integer", value: 1904 } }))).toEqual({
      system: 1904,
      source: "name",
    });
    expect(
      await readDateSystem(fakeExcel({ name: { type: "Range", value: "Settings!$B$2", cell: "1904" } }))
    ).toEqual({ system: 1904, source: "name" });
    expect(await readDateSystem(fakeExcel({ name: { type: "Integer", value: 1900 }, system: 1904 }))).toEqual({
      system: 1900,
      source: "name",
    });
  });

  it("a name holding anything but 1900 or 1904 is passed over", async () => {
    expect(await readDateSystem(fakeExcel({ name: { type: "String", value: "Mac" }, system: 1904 }))).toEqual({
      system: 1904,
      source: "workbook",
    });
  });

  it("every read asks Excel to wait for cell edit; without it a read in cell-edit mode rejects, never becomes 1900", async () => {
    const waits = fakeExcel({ system: 1904, editing: 1, delays: true });
    expect(await readDateSystem(waits)).toEqual({ system: 1904, source: "workbook" });
    expect(waits.log.filter((l) => l.startsWith("run"))).toEqual(["run delayForCellEdit", "run delayForCellEdit"]);
    await expect(readDateSystem(fakeExcel({ system: 1904, editing: 1, delays: false }))).rejects.toMatchObject({
      code: "InvalidOperationInCellEditMode",
    });
  });
});

describe("one owner for the shared runtime", () => {
  it("reads once for both bundles and sets both copies of core; no calculation when no date was read", async () => {
    const excel = fakeExcel({ system: 1904 });
    const pane = otherCore();
    const [functions, paneResult] = await Promise.all([
      startDateSystem(officeReady("Excel"), { excel: () => excel }),
      startDateSystem(officeReady("Excel"), { excel: () => excel, core: pane }),
    ]);
    expect(functions).toMatchObject({ system: 1904, source: "workbook", changed: true, recalculated: false });
    expect(paneResult).toBe(functions);
    expect(getDateSystem()).toBe(1904);
    expect(pane.system).toBe(1904);
    expect(excel.log.filter((l) => l.startsWith("functions.date"))).toHaveLength(1);
    expect(excel.log.filter((l) => l.includes("calculate"))).toEqual([]);
  });

  it("a bundle starting after the read gets the system without asking Excel again", async () => {
    const excel = fakeExcel({ system: 1904 });
    await startDateSystem(officeReady("Excel"), { excel: () => excel });
    const runs = excel.log.length;
    const pane = otherCore();
    expect(await startDateSystem(officeReady("Excel"), { excel: () => excel, core: pane })).toMatchObject({
      system: 1904,
    });
    expect(pane.system).toBe(1904);
    expect(excel.log.length).toBe(runs);
  });

  it("calculates this workbook's sheets again (not every open workbook) when a function read a date as 1900", async () => {
    const excel = fakeExcel({ system: 1904 });
    setDateSystem(1900);
    workbookDateOffset(); // a function read a date
    const result = await startDateSystem(officeReady("Excel"), { excel: () => excel });
    expect(result).toMatchObject({ recalculated: true });
    expect(excel.log.filter((l) => l.includes("calculate"))).toEqual([
      "worksheet.calculate Sheet1 true",
      "worksheet.calculate Budgets true",
    ]);
  });

  it("no calculation when the workbook is 1900 as assumed", async () => {
    const excel = fakeExcel({ system: 1900 });
    workbookDateOffset();
    expect(await startDateSystem(officeReady("Excel"), { excel: () => excel })).toMatchObject({
      changed: false,
      recalculated: false,
    });
    expect(excel.log.filter((l) => l.includes("calculate"))).toEqual([]);
  });

  it("on an Excel without delayForCellEdit, tries again while the user edits a cell, then applies 1904", async () => {
    const excel = fakeExcel({ system: 1904, editing: 3, delays: false });
    const slept: number[] = [];
    const result = await startDateSystem(officeReady("Excel"), {
      excel: () => excel,
      sleep: async (ms) => void slept.push(ms),
    });
    expect(result).toMatchObject({ system: 1904 });
    expect(slept).toEqual([500, 1000, 2000]);
    expect(getDateSystem()).toBe(1904);
  });

  it("if the user is still editing after every wait, core keeps its setting and a later refresh applies the system", async () => {
    const excel = fakeExcel({ system: 1904, editing: 3, delays: false });
    expect(
      await startDateSystem(officeReady("Excel"), { excel: () => excel, retries: [1], ...noWait })
    ).toBeNull();
    expect(getDateSystem()).toBe(1900);
    workbookDateOffset(); // functions answered meanwhile
    expect(await refreshDateSystem({ excel: () => excel, retries: [1], ...noWait })).toMatchObject({
      system: 1904,
      recalculated: true,
    });
    expect(getDateSystem()).toBe(1904);
  });

  it("a refresh after the user adds PBR_DATE_SYSTEM = 1904 changes both cores and recalculates once", async () => {
    const book: Book = { system: 1900 };
    const excel = fakeExcel(book);
    const pane = otherCore();
    await startDateSystem(officeReady("Excel"), { excel: () => excel });
    await startDateSystem(officeReady("Excel"), { excel: () => excel, core: pane });
    workbookDateOffset();
    book.name = { type: "Integer", value: 1904 };
    const again = fakeExcel(book);
    expect(await refreshDateSystem({ excel: () => again })).toMatchObject({
      system: 1904,
      source: "name",
      changed: true,
      recalculated: true,
    });
    expect([getDateSystem(), pane.system]).toEqual([1904, 1904]);
    expect(again.log.filter((l) => l.includes("calculate"))).toHaveLength(2);
  });

  it("outside Excel (a browser, the playground) nothing is read and 1900 stays", async () => {
    const excel = fakeExcel({ system: 1904 });
    expect(await startDateSystem(officeReady(null), { excel: () => excel })).toBeNull();
    expect(await startDateSystem(undefined, { excel: () => excel })).toBeNull();
    expect(getDateSystem()).toBe(1900);
    expect(excel.log).toEqual([]);
  });
});
