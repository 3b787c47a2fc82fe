/**
 * Driving the playground as a user would, for the feature tests: open it on the demo workbook,
 * pick a task pane feature, jump to a cell with the name box, read what the grid shows, and
 * save a screenshot. One page load per test file.
 */
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { TEST_OUTPUT, openPage, serveDist, type Session } from "./harness";

/** The demo workbook's sheet tabs, in order (src/playground/demo/demoWorkbook.ts). */
export const DEMO_SHEETS = [
  "Caseload",
  "Summary",
  "Prices",
  "Steps",
  "RiskBands",
  "Profile",
  "SuperclassRules",
];

export interface Playground {
  server: Server;
  session: Session;
  page: Page;
  close(): Promise<void>;
}

export async function openPlayground(): Promise<Playground> {
  const { server, origin } = await serveDist();
  const session = await openPage(`${origin}/playground.html`);
  await session.page
    .getByTestId("playground-status")
    .filter({ hasText: "ready" })
    .waitFor({ timeout: 45_000 });
  // Fail a step with playwright's own message (what it waited for) well before jest's test timeout.
  session.page.setDefaultTimeout(10_000);
  return {
    server,
    session,
    page: session.page,
    close: async () => {
      await session.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/** The task pane beside the grid. */
export function pane(page: Page): Locator {
  return page.getByRole("complementary", { name: "PbR Toolkit task pane" });
}

/** Click a feature's tab in the task pane and return its panel. */
export async function openFeature(page: Page, label: string): Promise<Locator> {
  await pane(page)
    .getByRole("navigation", { name: "Features" })
    .getByRole("tab", { name: label, exact: true })
    .click();
  const panel = pane(page).getByRole("tabpanel", { name: label, exact: true });
  await panel.waitFor();
  return panel;
}

/** The sheet tabs under the grid, in order. */
export function sheetTabs(page: Page): Promise<string[]> {
  return page
    .getByRole("navigation", { name: "Sheets" })
    .getByRole("tab")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-sheet") ?? ""));
}

/** Select a cell with the name box ("Sheet!B5" or "B5" on the current sheet); the grid scrolls it into view. */
export async function goTo(page: Page, address: string): Promise<Locator> {
  const box = page.getByLabel("Name box (cell address)");
  await box.fill(address);
  await box.press("Enter");
  const local = address.split("!").pop()!.toUpperCase();
  const sheet = address.includes("!")
    ? address.slice(0, address.lastIndexOf("!")).replace(/^'|'$/g, "")
    : null;
  if (sheet) await page.getByRole("grid", { name: `Sheet ${sheet}`, exact: true }).waitFor();
  const cell = page.locator(`[data-cell="${local}"]`);
  await page.locator(`[data-cell="${local}"][aria-selected="true"]`).waitFor();
  return cell;
}

/**
 * What `read` gives once it passes `accept`, or its last answer after `ms` (for the assertion's
 * message). For what React redraws after keystrokes: `keyboard.type` returns before the redraw,
 * so a single read can see the state before the last key.
 */
export async function settled<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  ms = 5000
): Promise<T> {
  const end = Date.now() + ms;
  let value = await read();
  while (!accept(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/** A locator's text once it passes `accept` (see `settled`). */
export function textWhen(
  locator: Locator,
  accept: (text: string) => boolean,
  ms = 5000
): Promise<string> {
  return settled(async () => (await locator.textContent()) ?? "", accept, ms);
}

/** An input's value once it passes `accept` (see `settled`). */
export function valueWhen(
  locator: Locator,
  accept: (value: string) => boolean,
  ms = 5000
): Promise<string> {
  return settled(() => locator.inputValue(), accept, ms);
}

/** Fire a copy or paste event on the grid with a clipboard the test can read and fill. */
export function clip(page: Page, kind: "copy" | "paste", text = ""): Promise<string> {
  return page.evaluate(
    ({ kind, text }) => {
      const grid = document.activeElement as HTMLElement;
      const data = new DataTransfer();
      if (kind === "paste") data.setData("text/plain", text);
      grid.dispatchEvent(
        new ClipboardEvent(kind, { clipboardData: data, bubbles: true, cancelable: true })
      );
      return data.getData("text/plain");
    },
    { kind, text }
  );
}

/** What the grid shows in a cell (as formatted for the user), after selecting it with the name box. */
export async function shown(page: Page, address: string): Promise<string> {
  return (await (await goTo(page, address)).textContent()) ?? "";
}

/** What the formula bar shows for a cell (its formula or typed value). */
export async function formulaOf(page: Page, address: string): Promise<string> {
  await goTo(page, address);
  return page.getByLabel("Formula bar").inputValue();
}

/**
 * A block of computed values straight from the page's workbook (window.pbrPlayground), for checks
 * over thousands of rows that would take minutes to scroll through. Errors come back as their
 * code, e.g. "#VALUE!".
 */
export function values(
  page: Page,
  sheet: string,
  top: number,
  left: number,
  rows: number,
  cols: number
): Promise<unknown[][]> {
  return page.evaluate(
    ({ sheet, top, left, rows, cols }) => {
      const wb = (
        globalThis as unknown as {
          pbrPlayground: { workbook: { getValue(s: string, r: number, c: number): unknown } };
        }
      ).pbrPlayground.workbook;
      const out: unknown[][] = [];
      for (let r = 0; r < rows; r++) {
        const line: unknown[] = [];
        for (let c = 0; c < cols; c++) {
          const v = wb.getValue(sheet, top + r, left + c);
          line.push(
            v !== null && typeof v === "object" && "value" in v
              ? (v as { value: unknown }).value
              : v
          );
        }
        out.push(line);
      }
      return out;
    },
    { sheet, top, left, rows, cols }
  );
}

/** Save a screenshot under test-output/ (the feature name, e.g. "feature-setup"). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(TEST_OUTPUT, { recursive: true });
  await page.screenshot({ path: join(TEST_OUTPUT, `${name}.png`) });
}

/** Parse a number the grid shows ("£1,234.50", "12.5%", "-3") back to a number. */
export function numberShown(text: string): number {
  const t = text.trim();
  const n = Number(t.replace(/[£,%]/g, ""));
  return t.endsWith("%") ? n / 100 : n;
}

/**
 * How far the task pane's content sticks out sideways (0 when everything fits in the pane's
 * width, as it must: a 380 px pane in the playground, 350 px in Excel on the web).
 */
export function paneOverflow(page: Page): Promise<number> {
  return pane(page).evaluate((aside) => {
    let worst = aside.scrollWidth - aside.clientWidth;
    const right = aside.getBoundingClientRect().right;
    for (const el of Array.from(aside.querySelectorAll<HTMLElement>("*"))) {
      if (el.offsetParent === null) continue; // not shown
      const r = el.getBoundingClientRect();
      if (r.width > 0) worst = Math.max(worst, Math.round(r.right - right));
      // Text too long for its box (e.g. a formula with no spaces) spills out of an unclipped element.
      if (getComputedStyle(el).overflowX === "visible" && el.clientWidth > 0)
        worst = Math.max(worst, el.scrollWidth - el.clientWidth - 1);
    }
    return Math.max(0, worst);
  });
}

/**
 * Whether an element (e.g. a run's outcome under its button) is wholly visible in the task pane
 * without scrolling, waiting up to two seconds for the pane to bring it into view.
 */
export function seenInPane(element: Locator): Promise<boolean> {
  return element.evaluate(
    (el) =>
      new Promise<boolean>((resolve) => {
        const started = performance.now();
        const check = () => {
          const r = el.getBoundingClientRect();
          const box = (el.closest("aside") ?? document.documentElement).getBoundingClientRect();
          const seen =
            r.height > 0 &&
            r.top >= box.top - 1 &&
            r.bottom <= Math.min(box.bottom, window.innerHeight) + 1;
          if (seen || performance.now() - started > 2000) resolve(seen);
          else requestAnimationFrame(check);
        };
        check();
      })
  );
}

/**
 * After every test in the file: no request left localhost and the page threw no error (so a
 * failure names the step that caused it).
 */
export function expectOfflineAndErrorFree(get: () => Playground | undefined): void {
  afterEach(() => {
    const pg = get();
    if (!pg) return;
    expect(pg.session.outside).toEqual([]);
    expect(pg.session.errors).toEqual([]);
  });
}

/**
 * Open the playground once for a describe block and close it afterwards, checking after every
 * test that no request left localhost and the page threw no error. Returns the open playground.
 */
export function usePlayground(): () => Playground {
  let pg: Playground | undefined;
  beforeAll(async () => {
    pg = await openPlayground();
  }, 60_000);
  expectOfflineAndErrorFree(() => pg);
  afterAll(async () => {
    await pg?.close();
  });
  return () => {
    if (!pg) throw new Error("the playground page did not open");
    return pg;
  };
}
