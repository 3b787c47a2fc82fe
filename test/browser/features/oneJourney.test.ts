/**
 * One task pane journey writes at a time (src/taskpane/ui/journeyLock.ts): Set up model clicked
 * while a large paste is being written says what it waits for in its own status ("Waiting for the
 * page's paste to finish"); while it waits and writes, the other tabs' run buttons are disabled
 * with "Set up model is running: wait for it to finish." beside them; once it has finished they are
 * enabled again, and its undo step holds its own writes only (the paste stays).
 */
import type { Page } from "playwright-core";
import {
  goTo,
  openFeature,
  sheetTabs,
  textWhen,
  usePlayground,
  values,
} from "../support/playground";

const ROWS = 5_000;
const COLS = 10; // 50,000 cells: written in slices (over SLICE_CELLS)

/** Open Set up model for 2025 up to its last question, so one click starts the journey. */
async function readySetup(page: Page) {
  const panel = await openFeature(page, "Set up model");
  await panel.getByLabel(/Financial year to cost the caseload in/).fill("2025");
  await panel.getByRole("button", { name: "Set up model" }).click();
  await panel.getByRole("button", { name: "Use the tables already here" }).waitFor();
  return panel;
}

interface Seen {
  /** Every text the journeys' run announcements showed, in order. */
  announced: string[];
  /** Every busy note's text, with whether Audit clusters' run button was disabled then. */
  busy: { text: string; auditDisabled: boolean }[];
}

describe("playground: one task pane journey writes at a time", () => {
  const pg = usePlayground();

  it("a journey behind a paste says it waits; meanwhile the other journeys cannot start", async () => {
    const { page } = pg();
    const before = await sheetTabs(page);
    await goTo(page, "RiskBands!AD1");
    const panel = await readySetup(page);
    // Record what the pane shows from now on (the hidden tabs' panels are in the page too).
    await page.evaluate(() => {
      const seen: Seen = { announced: [], busy: [] };
      (globalThis as unknown as { seenPane: Seen }).seenPane = seen;
      const note = () => {
        for (const el of document.querySelectorAll('[data-testid="run-announcement"]')) {
          const t = el.textContent ?? "";
          if (t && seen.announced[seen.announced.length - 1] !== t) seen.announced.push(t);
        }
        const audit = Array.from(document.querySelectorAll("button")).find(
          (b) => b.textContent === "Audit clusters"
        );
        for (const el of document.querySelectorAll('[data-testid="journey-busy"]')) {
          const entry = { text: el.textContent ?? "", auditDisabled: audit?.disabled === true };
          const last = seen.busy[seen.busy.length - 1];
          if (!last || last.text !== entry.text || last.auditDisabled !== entry.auditDisabled)
            seen.busy.push(entry);
        }
      };
      new MutationObserver(note).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
        attributeFilter: ["disabled"],
      });
    });
    // The paste and the click in one task of the page: the journey starts while the paste is written.
    const started = await page.evaluate(
      ({ rows, cols }) => {
        const wb = (globalThis as unknown as { pbrPlayground: { workbook: { longEdit: unknown } } })
          .pbrPlayground.workbook;
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
        return { longEdit: wb.longEdit !== null, clicked: go !== undefined };
      },
      { rows: ROWS, cols: COLS }
    );
    expect(started).toEqual({ longEdit: true, clicked: true });

    // Another journey's tab, opened meanwhile: its run button is disabled, with the reason.
    // (What it showed is in the record, whenever the journey finishes.) Then back to Set up model.
    await openFeature(page, "Cluster audit");
    await openFeature(page, "Set up model");
    await panel
      .getByRole("status")
      .filter({ hasText: "Added 3 sheets" })
      .waitFor({ timeout: 90_000 });
    const seen = await page.evaluate(() => (globalThis as unknown as { seenPane: Seen }).seenPane);
    expect(seen.announced).toContain("Waiting for the page's paste to finish");
    expect(seen.busy).toContainEqual({
      text: "Set up model is running: wait for it to finish.",
      auditDisabled: true,
    });

    // Finished: the note is gone and the other journeys can run again.
    const audit = await openFeature(page, "Cluster audit");
    await audit.getByTestId("journey-busy").waitFor({ state: "detached" });
    await expect(
      textWhen(audit.getByRole("button", { name: "Audit clusters" }), (t) => t !== "")
    ).resolves.toBe("Audit clusters");
    await expect(audit.getByRole("button", { name: "Audit clusters" }).isEnabled()).resolves.toBe(
      true
    );

    // The journey's undo step holds only its own writes: undoing it leaves the paste.
    const undo = page.getByRole("button", { name: "Undo", exact: true });
    await page.locator('button[title="Undo Set up model"]').waitFor();
    await undo.click();
    await page.locator('button[title="Undo typing"]').waitFor();
    expect(await sheetTabs(page)).toEqual(before);
    await expect(values(page, "RiskBands", ROWS - 1, 29, 1, 1)).resolves.toEqual([
      [(ROWS - 1) * COLS],
    ]);
  }, 150_000);
});
