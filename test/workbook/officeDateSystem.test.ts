/* Reading the workbook's date system through Office.js (office-addin-mock): the PBR_DATE_SYSTEM
   name first, then Workbook.use1904DateSystem where Excel has it, else 1900; once per workbook,
   with one full calculation when functions answered under the wrong system. */
import { OfficeMockObject } from "office-addin-mock";
import { getDateSystem, setDateSystem, workbookDateOffset } from "../../src/core/dates";
import {
  DATE_SYSTEM_NAME,
  applyDateSystem,
  readDateSystem,
  startDateSystem,
} from "../../src/workbook/office/dateSystem";

interface Book {
  /** The PBR_DATE_SYSTEM name: a constant, or a reference to a cell holding `cell`. */
  name?: { type: string; value: unknown; cell?: unknown };
  /** Workbook.use1904DateSystem; absent = an Excel without the property. */
  use1904?: boolean;
}

/** An Excel whose objects are OfficeMockObjects: a property read before load + sync throws. */
function fakeExcel(book: Book) {
  const log: string[] = [];
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const mocks: OfficeMockObject[] = [];
    const mk = (data: Record<string, unknown>) => {
      const m = new OfficeMockObject(data);
      mocks.push(m);
      return m;
    };
    const workbookData: Record<string, unknown> = {
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
    };
    if (book.use1904 !== undefined) workbookData.use1904DateSystem = book.use1904;
    const workbook = mk(workbookData);
    if (book.use1904 === undefined) {
      // Like an Excel without the property: loading it fails the request.
      (workbook as unknown as { load: (p: string) => void }).load = (p: string) => {
        if (p.includes("use1904DateSystem")) throw new Error("PropertyNotFound");
      };
    }
    const application = mk({
      calculate: (type: string) => log.push(`calculate ${type}`),
    });
    const context = {
      workbook,
      application,
      sync: async () => {
        for (const m of mocks) await m.sync();
      },
    };
    return batch(context as unknown as Excel.RequestContext);
  };
  return { run, log } as unknown as Pick<typeof Excel, "run"> & { log: string[] };
}

const officeReady = (host: string | null) => ({
  onReady: (callback?: (info: { host?: unknown }) => unknown) => callback?.({ host }),
});

afterEach(() => setDateSystem(1900));

describe("reading the date system from Excel", () => {
  it("believes Workbook.use1904DateSystem where Excel has it", async () => {
    expect(await readDateSystem(fakeExcel({ use1904: true }))).toEqual({ system: 1904, source: "workbook" });
    expect(await readDateSystem(fakeExcel({ use1904: false }))).toEqual({ system: 1900, source: "workbook" });
  });

  it("falls back to 1900 where Excel cannot tell", async () => {
    expect(await readDateSystem(fakeExcel({}))).toEqual({ system: 1900, source: "default" });
  });

  it("the PBR_DATE_SYSTEM name states it, as a constant or a cell, and wins over the property", async () => {
    expect(await readDateSystem(fakeExcel({ name: { type: "Integer", value: 1904 } }))).toEqual({
      system: 1904,
      source: "name",
    });
    expect(
      await readDateSystem(fakeExcel({ name: { type: "Range", value: "Settings!$B$2", cell: "1904" } }))
    ).toEqual({ system: 1904, source: "name" });
    expect(await readDateSystem(fakeExcel({ name: { type: "Integer", value: 1900 }, use1904: true }))).toEqual({
      system: 1900,
      source: "name",
    });
  });

  it("a name holding anything but 1900 or 1904 is passed over", async () => {
    expect(await readDateSystem(fakeExcel({ name: { type: "String", value: "Mac" }, use1904: true }))).toEqual({
      system: 1904,
      source: "workbook",
    });
  });

  it("sets core's setting and says whether it changed", async () => {
    expect(await applyDateSystem(fakeExcel({ use1904: true }))).toEqual({
      system: 1904,
      source: "workbook",
      changed: true,
      stale: false,
    });
    expect(getDateSystem()).toBe(1904);
    expect(await applyDateSystem(fakeExcel({ use1904: true }))).toMatchObject({ changed: false });
    expect(await applyDateSystem(null)).toBeNull();
    expect(getDateSystem()).toBe(1904);
  });
});

describe("when the functions' runtime starts", () => {
  it("reads the system once Office is ready in Excel; no calculation when no date was read yet", async () => {
    const excel = fakeExcel({ use1904: true });
    setDateSystem(1900);
    expect(await startDateSystem(officeReady("Excel"), () => excel)).toMatchObject({
      system: 1904,
      source: "workbook",
      changed: true,
      stale: false,
    });
    expect(getDateSystem()).toBe(1904);
    expect(excel.log.filter((l) => l.startsWith("calculate"))).toEqual([]);
  });

  it("asks for one full calculation when functions already read dates as 1900", async () => {
    const excel = fakeExcel({ use1904: true });
    setDateSystem(1900);
    workbookDateOffset(); // a function read a date
    await startDateSystem(officeReady("Excel"), () => excel);
    expect(excel.log.filter((l) => l.startsWith("calculate"))).toEqual(["calculate Full"]);
  });

  it("no calculation when the workbook is 1900 as assumed", async () => {
    const excel = fakeExcel({ use1904: false });
    workbookDateOffset();
    await startDateSystem(officeReady("Excel"), () => excel);
    expect(excel.log.filter((l) => l.startsWith("calculate"))).toEqual([]);
  });

  it("outside Excel (a browser, the playground) nothing is read and 1900 stays", async () => {
    const excel = fakeExcel({ use1904: true });
    expect(await startDateSystem(officeReady(null), () => excel)).toBeNull();
    expect(await startDateSystem(undefined, () => excel)).toBeNull();
    expect(getDateSystem()).toBe(1900);
    expect(excel.log).toEqual([]);
  });
});
