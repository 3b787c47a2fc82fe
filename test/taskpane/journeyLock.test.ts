/* One journey writes at a time (journeyLock.ts), and a journey held back by the playground's long
   paste says what it waits for (EmbeddedWorkbook.actionWaiting, RunStatus). */
import { renderToString } from "react-dom/server";
import { createElement } from "react";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import {
  JourneyBusyError,
  JourneyLock,
  busyText,
  runJourney,
} from "../../src/taskpane/ui/journeyLock";
import { RunStatus } from "../../src/taskpane/ui/RunStatus";
import { JourneyBusyNote } from "../../src/taskpane/ui/journey";

/** A promise and the function that resolves it. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => {};
  const wait = new Promise<void>((r) => (open = r));
  return { wait, open };
}

describe("one task pane journey writes at a time", () => {
  it("refuses a second journey while the first writes; the first's undo step holds only its writes", async () => {
    const { port } = createEmbeddedWorkbook();
    const sheet = await port.createSheet("Work");
    const lock = new JourneyLock();
    const seen: (string | null)[] = [];
    lock.subscribe(() => seen.push(lock.running));
    const held = gate();
    const first = runJourney(
      port,
      "Set up model",
      async () => {
        await port.writeRange(sheet, "A1", [["first"]]);
        await held.wait;
        await port.writeRange(sheet, "A2", [["first again"]]);
        return "set up";
      },
      lock
    );
    expect(lock.running).toBe("Set up model");
    let secondRan = false;
    const second = runJourney(
      port,
      "Budget planner",
      async () => {
        secondRan = true;
        await port.writeRange(sheet, "B1", [["second"]]);
      },
      lock
    );
    await expect(second).rejects.toThrow(JourneyBusyError);
    await expect(second).rejects.toThrow("Set up model is running: wait for it to finish.");
    held.open();
    await expect(first).resolves.toBe("set up");
    expect(secondRan).toBe(false);
    expect(lock.running).toBeNull();
    expect(seen).toEqual(["Set up model", null]);
    const used = await port.readUsedRange(sheet);
    expect(JSON.stringify(used)).not.toContain("second");

    // One step, the first journey's, and undoing it leaves the sheet as it was.
    expect(port.undoLabel).toBe("Set up model");
    expect(port.undo()).toBe(true);
    expect(await port.isEmpty(sheet, "A1:B2")).toBe(true);

    // Once the first has finished, the second runs and is its own step.
    await runJourney(
      port,
      "Budget planner",
      () => port.writeRange(sheet, "B1", [["second"]]),
      lock
    );
    expect(port.undoLabel).toBe("Budget planner");
    expect(await port.isEmpty(sheet, "A1:A2")).toBe(true);
    expect(await port.isEmpty(sheet, "B1")).toBe(false);
  });

  it("frees the lock when a journey fails, so the next one runs", async () => {
    const lock = new JourneyLock();
    const { port } = createEmbeddedWorkbook();
    await expect(
      runJourney(port, "Scenario run", () => Promise.reject(new Error("no caseload")), lock)
    ).rejects.toThrow("no caseload");
    expect(lock.running).toBeNull();
    await expect(runJourney(port, "Cluster audit", async () => 7, lock)).resolves.toBe(7);
  });

  it("the busy note names the journey writing, and says nothing when none is", () => {
    expect(busyText("Set up model")).toBe("Set up model is running: wait for it to finish.");
    expect(
      renderToString(createElement(JourneyBusyNote, { reason: busyText("Set up model") }))
    ).toContain("Set up model is running: wait for it to finish.");
    expect(renderToString(createElement(JourneyBusyNote, { reason: null }))).toBe("");
  });
});

describe("a journey waiting behind the playground's long paste says so", () => {
  it("reports what it waits for until its turn, then runs as its own undo step", async () => {
    const { port } = createEmbeddedWorkbook();
    const sheet = await port.createSheet("Paste");
    expect(port.actionWaiting).toBeNull();
    const rows = 3_000; // 30,000 cells: over SLICE_CELLS, written in slices
    const block = Array.from({ length: rows }, (_r, i) =>
      Array.from({ length: 10 }, (_c, j) => i * 10 + j)
    );
    const paste = port.pasteCells(sheet, 0, 0, block);
    expect(port.longEdit).not.toBeNull();
    const waits: (string | null)[] = [];
    const stop = port.subscribe(() => waits.push(port.actionWaiting));
    let wroteWhilePasting = false;
    const journey = runJourney(port, "Set up model", async () => {
      wroteWhilePasting = port.longEdit !== null;
      await port.writeRange(sheet, "L1", [["journey"]]);
    });
    expect(port.actionWaiting).toBe("the page's paste");
    await paste;
    await journey;
    stop();
    expect(wroteWhilePasting).toBe(false);
    expect(waits).toContain("the page's paste");
    expect(port.actionWaiting).toBeNull();
    // The journey is its own step: undoing it leaves the paste.
    expect(port.undoLabel).toBe("Set up model");
    port.undo();
    expect(await port.isEmpty(sheet, "L1")).toBe(true);
    expect(await port.isEmpty(sheet, `J${rows}`)).toBe(false);
  });

  it("RunStatus shows the wait in the journey's status, with Cancel", () => {
    const html = renderToString(
      createElement(RunStatus, {
        state: { status: "running", progress: null, waiting: "the page's paste" },
        onCancel: () => {},
      })
    );
    expect(html).toContain("Waiting for the page&#x27;s paste to finish");
    expect(html).toContain("Cancel");
  });
});
