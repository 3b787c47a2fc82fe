/**
 * Open, save, paste and undo in the real page (issue 30): the built playground (dist/, `npm run
 * build` first) in headless Chromium, as a person uses it: Save workbook as .xlsx (the download),
 * Open workbook… (the file picker), Ctrl+V of 100,000 rows × 10 columns of tab-separated text, and
 * Undo. The figure is the LONGEST TASK the page ran meanwhile (PerformanceObserver 'longtask'
 * entries; a 10 ms timer's longest gap beside it), the whole operation's time beside that.
 * Answers are checked (never times): the opened workbook holds the cells of the one saved (a digest
 * of every sheet's cells as typed, the same in Node and in the page), the pasted block is every
 * pasted value, and Undo leaves the block empty and the cells around it as they were.
 * Without dist/playground.html or a Chromium-based browser these are skipped, with a line saying so.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Server } from "node:http";
import type { Page } from "playwright-core";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { openBook } from "../../src/playground/open/openBook";
import { readXlsxBook } from "../../src/playground/open/readXlsx";
import { xlsxBytes } from "../../src/playground/export/saveXlsx";
import { takeSnapshot } from "../../src/playground/export/snapshot";
import { findBrowser } from "../browser/support/chromium";
import { openPage, serveDist, type Session } from "../browser/support/harness";
import { loadPbrFunctions } from "../support/pbrFunctions";
import type { Bench } from "./harness";

const DIST = join(__dirname, "..", "..", "dist", "playground.html");
const BIG_ROWS = 30_000;
const BIG_COLS = 10;
const PASTE_ROWS = 100_000;
const PASTE_COLS = 10;

interface Measured {
  longestTaskMs: number;
  longestGapMs: number;
  totalMs: number;
  problem?: string;
}

let page: Promise<{ page: Page; session: Session; server: Server }> | undefined;
function playground() {
  page ??= (async () => {
    const { server, origin } = await serveDist();
    const session = await openPage(`${origin}/playground.html`);
    await session.page
      .getByTestId("playground-status")
      .filter({ hasText: "ready" })
      .waitFor({ timeout: 300_000 });
    session.page.setDefaultTimeout(600_000);
    return { page: session.page, session, server };
  })();
  return page;
}

/**
 * Every sheet's cells as typed, as one string ("N cells, hash"): the same JavaScript text runs in
 * Node and in the page (a string, so no compiler helper can slip into what the page runs).
 */
const DIGEST = `(wb) => {
  let h = 2166136261;
  const add = (s) => { for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0; };
  let cells = 0;
  for (const name of wb.engine.getSheetNames()) {
    add("#" + name);
    wb.engine.getSheetSerialized(wb.engine.getSheetId(name)).forEach((line, r) =>
      line.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        cells++;
        add(r + "," + c + "=" + (typeof v === "object" ? JSON.stringify(v) : String(v)) + ";");
      })
    );
  }
  return cells + " cells, " + h.toString(16);
}`;
const digestIn = new Function(`return ${DIGEST}`)() as (wb: unknown) => string;

async function pageDigest(p: Page): Promise<string> {
  return p.evaluate(`(${DIGEST})(globalThis.pbrPlayground.workbook)`) as Promise<string>;
}

/** Run `work` in the page's view, noting the longest task and the longest gap of a 10 ms timer. */
async function measured(p: Page, work: () => Promise<string | undefined>): Promise<Measured> {
  await p.evaluate(() => {
    const w = window as unknown as {
      __tasks: number[];
      __gap: number;
      __beat?: number;
      __obs?: PerformanceObserver;
    };
    w.__tasks = [];
    w.__gap = 0;
    w.__obs?.disconnect();
    w.__obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__tasks.push(e.duration);
    });
    w.__obs.observe({ type: "longtask" });
    let last = performance.now();
    if (w.__beat) clearInterval(w.__beat);
    w.__beat = window.setInterval(() => {
      const now = performance.now();
      w.__gap = Math.max(w.__gap, now - last);
      last = now;
    }, 10);
  });
  const t0 = Date.now();
  const problem = await work();
  const totalMs = Date.now() - t0;
  // Let the observer deliver the last entries.
  await p.waitForTimeout(200);
  const { tasks, gap } = await p.evaluate(() => {
    const w = window as unknown as { __tasks: number[]; __gap: number; __beat?: number };
    if (w.__beat) clearInterval(w.__beat);
    return { tasks: w.__tasks, gap: w.__gap };
  });
  return { longestTaskMs: Math.max(0, ...tasks), longestGapMs: gap, totalMs, problem };
}

/** Click Save and take the downloaded file's bytes. */
async function save(p: Page): Promise<Buffer> {
  const download = p.waitForEvent("download");
  await p.getByRole("button", { name: "Save workbook as .xlsx", exact: true }).click();
  const file = await (await download).path();
  if (!file) throw new Error("no download");
  return readFileSync(file);
}

/** Open `bytes` through the file picker; the outcome line's text. */
async function open(p: Page, name: string, bytes: Buffer): Promise<string> {
  await p.getByTestId("open-workbook").setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: bytes,
  });
  const outcome = p.getByTestId("open-outcome");
  await outcome.filter({ hasNotText: /^Opening / }).waitFor();
  return (await outcome.textContent()) ?? "";
}

/** The digest a Node workbook gives after opening `bytes`, for the page to equal. */
async function nodeDigest(bytes: Uint8Array): Promise<string> {
  const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
  openBook(port, readXlsxBook(bytes, port.functionIds).book);
  return digestIn(port);
}

let demoBytes: Buffer | undefined;
/** Pastes made by the paste bench and not undone. */
let pastes = 0;
let bigBytes: Buffer | undefined;

function bigWorkbookBytes(): Uint8Array {
  const { port } = createEmbeddedWorkbook();
  const rows = Array.from({ length: BIG_ROWS }, (_r, i) =>
    Array.from({ length: BIG_COLS }, (_c, j) => (j % 2 ? `T${i}-${j}` : i * 10 + j))
  );
  port.applyCells("Sheet1", 0, 0, rows);
  return xlsxBytes(takeSnapshot(port));
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-GB");

function pageBench(name: string, items: number, unit: string, run: () => Promise<Measured>): Bench {
  return {
    name,
    run,
    check: (o) => (o as Measured).problem,
    items,
    unit,
    target: { kind: "time", maxMs: 1_000 },
    runs: 1,
    measure: (o) => (o as Measured).longestTaskMs,
    detail: (o) => {
      const m = o as Measured;
      return `longest 10 ms timer gap ${fmt(m.longestGapMs)} ms, whole operation ${fmt(m.totalMs)} ms`;
    },
  };
}

const pasteText = () =>
  Array.from({ length: PASTE_ROWS }, (_r, i) =>
    Array.from({ length: PASTE_COLS }, (_c, j) => (j % 2 ? `P${i}-${j}` : String(i * 10 + j))).join(
      "\t"
    )
  ).join("\n");

/** Whether the block pasted at L1 holds every pasted value (or what differs). */
function pastedProblem(p: Page, expectEmpty: boolean): Promise<string | undefined> {
  return p.evaluate(
    ({ rows, cols, empty }) => {
      const wb = (
        globalThis as unknown as {
          pbrPlayground: {
            workbook: {
              engine: {
                getSheetId(n: string): number;
                getRangeSerialized(r: unknown): unknown[][];
              };
            };
          };
        }
      ).pbrPlayground.workbook;
      const id = wb.engine.getSheetId("Sheet1");
      const got = wb.engine.getRangeSerialized({
        start: { sheet: id, row: 0, col: 11 },
        end: { sheet: id, row: rows - 1, col: 11 + cols - 1 },
      });
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) {
          const want = empty ? null : j % 2 ? `P${i}-${j}` : i * 10 + j;
          const v = got[i]?.[j] ?? null;
          if (v !== want)
            return `row ${i + 1}, column ${j + 12}: ${String(v)}, expected ${String(want)}`;
        }
      return undefined;
    },
    { rows: PASTE_ROWS, cols: PASTE_COLS, empty: expectEmpty }
  );
}

async function whenWritten(p: Page): Promise<void> {
  await p.waitForFunction(
    () =>
      (globalThis as unknown as { pbrPlayground: { workbook: { longEdit: unknown } } })
        .pbrPlayground.workbook.longEdit === null,
    undefined,
    { timeout: 600_000, polling: 200 }
  );
}

const browserBenches: Bench[] = [
  pageBench("Page: save the demo workbook (.xlsx download), longest task", 1, "files", async () => {
    const { page: p } = await playground();
    let bytes: Buffer | undefined;
    const m = await measured(p, async () => {
      bytes = await save(p);
      return undefined;
    });
    demoBytes = bytes;
    const want = await pageDigest(p);
    const got = await nodeDigest(bytes!);
    return {
      ...m,
      problem: got === want ? undefined : `the saved file holds ${got}, the page ${want}`,
    };
  }),
  pageBench("Page: open the saved demo workbook, longest task", 1, "files", async () => {
    const { page: p } = await playground();
    demoBytes ??= await save(p);
    const want = await nodeDigest(demoBytes);
    let outcome = "";
    const m = await measured(p, async () => {
      outcome = await open(p, "demo.xlsx", demoBytes!);
      return undefined;
    });
    const got = await pageDigest(p);
    return {
      ...m,
      problem: !outcome.startsWith("Opened")
        ? outcome
        : got === want
          ? undefined
          : `the page holds ${got}, the file ${want}`,
    };
  }),
  pageBench(
    `Page: open a ${fmt(BIG_ROWS * BIG_COLS)}-cell workbook, longest task`,
    BIG_ROWS * BIG_COLS,
    "cells",
    async () => {
      const { page: p } = await playground();
      bigBytes ??= Buffer.from(bigWorkbookBytes());
      const want = await nodeDigest(bigBytes);
      let outcome = "";
      const m = await measured(p, async () => {
        outcome = await open(p, "big.xlsx", bigBytes!);
        return undefined;
      });
      const got = await pageDigest(p);
      return {
        ...m,
        problem: !outcome.startsWith("Opened")
          ? outcome
          : got === want
            ? undefined
            : `the page holds ${got}, the file ${want}`,
      };
    }
  ),
  pageBench(
    `Page: save a ${fmt(BIG_ROWS * BIG_COLS)}-cell workbook, longest task`,
    BIG_ROWS * BIG_COLS,
    "cells",
    async () => {
      const { page: p } = await playground();
      bigBytes ??= Buffer.from(bigWorkbookBytes());
      if (!(await pageDigest(p)).startsWith(`${fmt(BIG_ROWS * BIG_COLS).replace(/,/g, "")} cells`))
        await open(p, "big.xlsx", bigBytes);
      let bytes: Buffer | undefined;
      const m = await measured(p, async () => {
        bytes = await save(p);
        return undefined;
      });
      const want = await pageDigest(p);
      const got = await nodeDigest(bytes!);
      return {
        ...m,
        problem: got === want ? undefined : `the saved file holds ${got}, the page ${want}`,
      };
    }
  ),
  pageBench(
    `Page: paste ${fmt(PASTE_ROWS)} rows × ${PASTE_COLS} columns, longest task`,
    PASTE_ROWS * PASTE_COLS,
    "cells",
    async () => {
      const { page: p } = await playground();
      if (pastes > 0) {
        // The run before's paste is undone first (not timed), so each run pastes into empty cells.
        await p.getByRole("button", { name: "Undo", exact: true }).click();
        await whenWritten(p);
        pastes--;
      }
      const text = pasteText();
      await p.getByLabel("Name box (cell address)").fill("L1");
      await p.getByLabel("Name box (cell address)").press("Enter");
      await p.waitForTimeout(300);
      const m = await measured(p, async () => {
        await p.evaluate((t) => {
          const grid = document.activeElement as HTMLElement;
          const data = new DataTransfer();
          data.setData("text/plain", t);
          grid.dispatchEvent(
            new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true })
          );
        }, text);
        await whenWritten(p);
        return pastedProblem(p, false);
      });
      pastes++;
      return m;
    }
  ),
  pageBench(
    `Page: undo the paste of ${fmt(PASTE_ROWS)} rows × ${PASTE_COLS} columns, longest task`,
    PASTE_ROWS * PASTE_COLS,
    "cells",
    async () => {
      const { page: p } = await playground();
      if (pastes === 0)
        return { longestTaskMs: NaN, longestGapMs: NaN, totalMs: NaN, problem: "no paste to undo" };
      const m = await measured(p, async () => {
        await p.getByRole("button", { name: "Undo", exact: true }).click();
        await whenWritten(p);
        return pastedProblem(p, true);
      });
      // Put the paste back (redo) so the next run has a paste to undo.
      await p.getByRole("button", { name: "Redo", exact: true }).click();
      await whenWritten(p);
      return m;
    }
  ),
];

const ready = existsSync(DIST) && findBrowser() !== undefined;
if (!ready)
  console.log(
    "Page benches skipped: they need dist/playground.html (npm run build) and a Chromium-based browser."
  );

export const benches: Bench[] = ready ? browserBenches : [];

/** Close the browser and the server once this file's benches are done (index.ts calls it). */
export async function teardown(): Promise<void> {
  if (!page) return;
  const { session, server } = await page;
  page = undefined;
  await session.close();
  await new Promise((r) => server.close(r));
}
