/**
 * The grid's long work and a task pane journey never write at the same time (issue 30): Set up
 * model clicked while a large paste is being written waits for it, and each is then its own undo
 * step; while the journey writes, Ctrl+Z is refused with a sentence in the status line and a date
 * pasted meanwhile waits (the progress line says so), is written after the journey, and its undo
 * takes the date format back with it.
 */
import type { Page } from "playwright-core";
import {
  goTo,
  openFeature,
  sheetTabs,
  shown,
  textWhen,
  usePlayground,
  values,
} from "../support/playground";

const ROWS = 5_000;
const COLS = 10; // 50,000 cells: written in slices (over SLICE_CELLS)

interface Seen {
  longEdit: boolean;
  busy: boolean;
  content: unknown;
}

/** Open Set up model for 2025 up to its last question, so one click starts the journey. */
async function readySetup(page: Page) {
  const panel = await openFeature(page, "Set up model");
  await panel.getByLabel(/Financial year to cost the caseload in/).fill("2025");
  await panel.getByRole("button", { name: "Set up model" }).click();
  const go = panel.getByRole("button", { name: "Use the tables already here" });
  await go.waitFor();
  return panel;
}

describe("playground: a pane journey and long grid work take turns", () => {
  const pg = usePlayground();

  it("a journey started during a large paste waits for it; each is one undo step", async () => {
    const { page } = pg();
    const before = await sheetTabs(page);
    await goTo(page, "RiskBands!AD1");
    const panel = await readySetup(page);
    // The paste and the click in one task of the page: the journey starts while the paste is written.
    const seen = await page.evaluate(
      ({ rows, cols }) => {
        const wb = (
          globalThis as unknown as {
            pbrPlayground: { workbook: { longEdit: unknown; busy: boolean } };
          }
        ).pbrPlayground.workbook;
        const lines = Array.from({ length: rows }, (_r, i) =>
          Array.from({ length: cols }, (_c, j) => String(i * cols + j)).join("\t")
        );
        const data = new DataTransfer();
        data.setData("text/plain", lines.join("\r\n"));
        const grid = document.querySelector(
          '[role="grid"][aria-label="Sheet RiskBands"]'
        ) as HTMLElement;
        grid.dispatchEvent(
          new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true })
        );
        const go = Array.from(document.querySelectorAll("button")).find((b) =>
          b.textContent?.includes("Use the tables already here")
        );
        go?.click();
        return { longEdit: wb.longEdit !== null, busy: wb.busy, clicked: go !== undefined };
      },
      { rows: ROWS, cols: COLS }
    );
    expect(seen).toEqual({ longEdit: true, busy: false, clicked: true });
    await panel
      .getByRole("status")
      .filter({ hasText: "Added 3 sheets" })
      .waitFor({ timeout: 90_000 });
    // The whole paste is in, and the journey was recorded after it.
    await expect(values(page, "RiskBands", ROWS - 1, 29, 1, COLS)).resolves.toEqual([
      Array.from({ length: COLS }, (_c, j) => (ROWS - 1) * COLS + j),
    ]);
    const after = await sheetTabs(page);
    expect(after.length).toBe(before.length + 3);
    const undo = page.getByRole("button", { name: "Undo", exact: true });
    await expect(undo.getAttribute("title")).resolves.toBe("Undo Set up model");

    // Undo takes back the journey only: the pasted cells stay.
    await undo.click();
    await page.locator('button[title="Undo typing"]').waitFor();
    expect(await sheetTabs(page)).toEqual(before);
    await expect(values(page, "RiskBands", ROWS - 1, 29, 1, 1)).resolves.toEqual([
      [(ROWS - 1) * COLS],
    ]);
    // Then the paste (in slices, with the progress line).
    await undo.click();
    await page.getByTestId("long-work").waitFor({ state: "detached", timeout: 60_000 });
    await expect(values(page, "RiskBands", ROWS - 1, 29, 1, 1)).resolves.toEqual([[null]]);
  });

  it("while a journey writes, Ctrl+Z is refused with a message and a pasted date waits for it", async () => {
    const { page } = pg();
    await goTo(page, "RiskBands!AD1");
    const panel = await readySetup(page);
    // Record every text the status line and the progress line show (the journey's end moves the
    // selection, which clears the status line's message).
    await page.evaluate(() => {
      const texts: string[] = [];
      (globalThis as unknown as { seenTexts: string[] }).seenTexts = texts;
      const note = () => {
        for (const id of ["cell-status", "long-work"]) {
          const t = document.querySelector(`[data-testid="${id}"]`)?.textContent ?? "";
          if (t && texts[texts.length - 1] !== t) texts.push(t);
        }
      };
      new MutationObserver(note).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    const seen: Seen = await page.evaluate(async () => {
      const wb = (
        globalThis as unknown as {
          pbrPlayground: {
            workbook: {
              longEdit: unknown;
              busy: boolean;
              getContent(s: string, r: number, c: number): unknown;
            };
          };
        }
      ).pbrPlayground.workbook;
      const go = Array.from(document.querySelectorAll("button")).find((b) =>
        b.textContent?.includes("Use the tables already here")
      );
      go?.click();
      for (let i = 0; i < 500 && !wb.busy; i++) await new Promise((r) => setTimeout(r, 10));
      const grid = document.querySelector(
        '[role="grid"][aria-label="Sheet RiskBands"]'
      ) as HTMLElement;
      const data = new DataTransfer();
      data.setData("text/plain", "01/04/2026");
      grid.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true })
      );
      grid.dispatchEvent(
        new KeyboardEvent("keydown", { key: "z", ctrlKey: true, bubbles: true, cancelable: true })
      );
      return {
        longEdit: wb.longEdit !== null,
        busy: wb.busy,
        content: wb.getContent("RiskBands", 0, 29),
      };
    });
    // The journey was writing when the paste and Ctrl+Z came, and the paste was not written yet.
    expect(seen).toEqual({ longEdit: false, busy: true, content: null });
    await panel
      .getByRole("status")
      .filter({ hasText: "Added 3 sheets" })
      .waitFor({ timeout: 90_000 });
    const texts = await page.evaluate(
      () => (globalThis as unknown as { seenTexts: string[] }).seenTexts
    );
    expect(texts.find((t) => t.startsWith("Undo and redo wait"))).toMatch(
      /task pane's “Set up model” is writing/
    );
    expect(texts.find((t) => t.startsWith("Waiting for the task pane"))).toMatch(
      /“Set up model” to finish: your edit is written then/
    );

    // Written after the journey, as a date, and the last undo step.
    await expect(shown(page, "RiskBands!AD1")).resolves.toBe("01/04/2026");
    const undo = page.getByRole("button", { name: "Undo", exact: true });
    await page.locator('button[title="Undo typing"]').waitFor();
    await undo.click();
    // Undo takes the date's format back: a number typed there now shows as a number.
    await page.locator('button[title="Undo Set up model"]').waitFor();
    await expect(values(page, "RiskBands", 0, 29, 1, 1)).resolves.toEqual([[null]]);
    await goTo(page, "RiskBands!AD1");
    await page.keyboard.type("46113");
    await page.keyboard.press("Enter");
    const cell = page.locator('[data-cell="AD1"]');
    await expect(textWhen(cell, (t) => t !== "")).resolves.toBe("46113");
  });
});
