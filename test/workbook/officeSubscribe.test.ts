/* The Office.js port's change subscription against office-addin-mock: the events it registers for
   each requirement set, one call to listeners per burst of events, the handlers removed (in their
   own context) with the last listener, and a failed registration that never throws. */
import { OfficeMockObject } from "office-addin-mock";
import { workbookEvents } from "../../src/workbook/office/subscribe";
import { createOfficePort } from "../../src/workbook/officePort";

type Fire = () => Promise<void>;

/** An Excel whose collections record the handlers added and removed; `fire(name)` raises an event. */
function fakeExcel(options: { failRun?: boolean } = {}) {
  const live = new Map<string, Set<() => Promise<unknown>>>();
  const added: string[] = [];
  const removed: string[] = [];
  const runs: unknown[] = [];
  let syncs = 0;
  const event = (name: string) => ({
    add(handler: () => Promise<unknown>) {
      added.push(name);
      if (!live.has(name)) live.set(name, new Set());
      live.get(name)!.add(handler);
      return {
        context: { owner: "handlers' context" },
        remove() {
          removed.push(name);
          live.get(name)!.delete(handler);
        },
      };
    },
  });
  const api = {
    run: async (a: unknown, b?: (context: unknown) => Promise<unknown>) => {
      runs.push(typeof a === "function" ? "new context" : a);
      if (options.failRun)
        throw Object.assign(new Error("GeneralException"), { code: "GeneralException" });
      const batch = (typeof a === "function" ? a : b) as (context: unknown) => Promise<unknown>;
      const context = new OfficeMockObject({
        workbook: {
          worksheets: {
            onAdded: event("worksheets.onAdded"),
            onDeleted: event("worksheets.onDeleted"),
            onChanged: event("worksheets.onChanged"),
          },
          tables: {
            onAdded: event("tables.onAdded"),
            onDeleted: event("tables.onDeleted"),
            onChanged: event("tables.onChanged"),
          },
        },
      });
      const sync = context.sync.bind(context);
      (context as unknown as { sync: () => Promise<void> }).sync = async () => {
        syncs++;
        await sync();
      };
      return batch(context);
    },
  } as unknown as typeof Excel;
  const fire =
    (name: string): Fire =>
    async () => {
      for (const h of [...(live.get(name) ?? [])]) await h();
    };
  return { api, added, removed, runs, fire, live, syncs: () => syncs };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("officePort subscribe (Excel events)", () => {
  it("listens for sheets and tables added or deleted and for any change, where ExcelApi 1.9 has those events", async () => {
    const excel = fakeExcel();
    const subscribe = workbookEvents({ excel: () => excel.api, supports: () => true, delayMs: 0 });
    const heard: string[] = [];
    const stop = subscribe(() => heard.push("changed"));
    await settle();
    expect(excel.added.sort()).toEqual([
      "tables.onAdded",
      "tables.onDeleted",
      "worksheets.onAdded",
      "worksheets.onChanged",
      "worksheets.onDeleted",
    ]);
    expect(excel.syncs()).toBe(1); // registered in one request
    await excel.fire("tables.onAdded")();
    await settle();
    expect(heard).toEqual(["changed"]);
    await excel.fire("worksheets.onDeleted")(); // e.g. Undo of a pane action took its sheet away
    await settle();
    expect(heard).toEqual(["changed", "changed"]);
    stop();
  });

  it("uses only ExcelApi 1.7's events on older Excel", async () => {
    const excel = fakeExcel();
    const stop = workbookEvents({
      excel: () => excel.api,
      supports: (v) => v === "1.7",
      delayMs: 0,
    })(() => undefined);
    await settle();
    expect(excel.added.sort()).toEqual([
      "tables.onChanged",
      "worksheets.onAdded",
      "worksheets.onDeleted",
    ]);
    stop();
  });

  it("tells listeners once after a burst of events (a chunked write), not once per event", async () => {
    const excel = fakeExcel();
    const subscribe = workbookEvents({ excel: () => excel.api, supports: () => true, delayMs: 5 });
    let calls = 0;
    const stop = subscribe(() => calls++);
    await settle();
    const change = excel.fire("worksheets.onChanged");
    await Promise.all([change(), change(), change(), change(), change()]);
    await settle();
    expect(calls).toBe(1);
    stop();
  });

  it("shares one set of handlers between listeners and removes it, in its own context, with the last", async () => {
    const excel = fakeExcel();
    const subscribe = workbookEvents({ excel: () => excel.api, supports: () => true, delayMs: 0 });
    const a: number[] = [];
    const b: number[] = [];
    const stopA = subscribe(() => a.push(1));
    const stopB = subscribe(() => b.push(1));
    await settle();
    expect(excel.added).toHaveLength(5);
    stopA();
    stopA(); // twice is harmless
    await excel.fire("tables.onDeleted")();
    await settle();
    expect([a.length, b.length]).toEqual([0, 1]);
    expect(excel.removed).toEqual([]);
    stopB();
    await settle();
    expect(excel.removed.sort()).toEqual([...excel.added].sort());
    expect(excel.runs.at(-1)).toEqual({ owner: "handlers' context" });
    await excel.fire("tables.onDeleted")();
    await settle();
    expect(b.length).toBe(1);
    expect([...excel.live.values()].every((set) => set.size === 0)).toBe(true);
  });

  it("keeps calling the other listeners when one throws, and drops a call pending at unsubscribe", async () => {
    const excel = fakeExcel();
    const subscribe = workbookEvents({ excel: () => excel.api, supports: () => true, delayMs: 5 });
    let heard = 0;
    const stopBad = subscribe(() => {
      throw new Error("listener bug");
    });
    const stopGood = subscribe(() => heard++);
    await settle();
    await excel.fire("worksheets.onAdded")();
    await settle();
    expect(heard).toBe(1);
    await excel.fire("worksheets.onAdded")();
    stopBad();
    stopGood(); // before the quiet time is over: nobody is called after unsubscribing
    await settle();
    expect(heard).toBe(1);
  });

  it("never throws when Excel refuses the registration: the pane falls back to reading on tab show", async () => {
    const excel = fakeExcel({ failRun: true });
    const subscribe = workbookEvents({ excel: () => excel.api, supports: () => true });
    const stop = subscribe(() => undefined);
    await settle();
    expect(() => stop()).not.toThrow();
    await settle();
    const noExcel = workbookEvents({
      excel: () => {
        throw new Error("Excel is not available: open the add-in inside Excel.");
      },
      supports: () => false,
    });
    expect(() => noExcel(() => undefined)()).not.toThrow();
    await settle();
  });

  it("is the Office.js port's subscribe", async () => {
    const excel = fakeExcel();
    (globalThis as { Excel?: unknown }).Excel = excel.api;
    try {
      const port = createOfficePort();
      expect(typeof port.subscribe).toBe("function");
      const stop = port.subscribe!(() => undefined);
      await settle();
      // Outside Office there is no requirement set answer: the ExcelApi 1.7 events.
      expect(excel.added.sort()).toEqual([
        "tables.onChanged",
        "worksheets.onAdded",
        "worksheets.onDeleted",
      ]);
      stop();
      await settle();
      expect(excel.removed).toHaveLength(3);
    } finally {
      delete (globalThis as { Excel?: unknown }).Excel;
    }
  });
});

describe("officePort subscribe during a pane action", () => {
  it("holds the call while an action writes, and calls once when it is done", async () => {
    const excel = fakeExcel();
    let writing = true;
    const subscribe = workbookEvents({
      excel: () => excel.api,
      supports: () => true,
      delayMs: 2,
      paused: () => writing,
    });
    let calls = 0;
    const stop = subscribe(() => calls++);
    await settle();
    await excel.fire("worksheets.onChanged")();
    await settle();
    expect(calls).toBe(0);
    writing = false;
    await settle();
    expect(calls).toBe(1);
    stop();
  });
});

describe("the Office.js port's subscribe and its actions", () => {
  it("tells listeners of the action's changes after the action, not mid-write in its context", async () => {
    const excel = fakeExcel();
    (globalThis as { Excel?: unknown }).Excel = excel.api;
    (globalThis as { Office?: unknown }).Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, v: string) =>
            name === "ExcelApi" && Number(v.split(".")[1]) <= 20,
        },
      },
    };
    try {
      const port = createOfficePort();
      expect(port.action).toBeDefined(); // ExcelApi 1.20: one merged undo group
      let calls = 0;
      const stop = port.subscribe!(() => calls++);
      await settle();
      await port.action!("Set up model", async () => {
        await excel.fire("worksheets.onAdded")();
        await new Promise((resolve) => setTimeout(resolve, 400)); // past the quiet time, still writing
        expect(calls).toBe(0);
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(calls).toBe(1);
      stop();
    } finally {
      delete (globalThis as { Excel?: unknown }).Excel;
      delete (globalThis as { Office?: unknown }).Office;
    }
  });
});
