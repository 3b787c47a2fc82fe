/**
 * Table filters in the playground (issue 28: "the audit sheet gets filters"): after the Cluster
 * audit journey, the Check column's filter button (Check is spilled beside table ClusterAudit and
 * filters with it) opens a list of its values with counts; keeping only "OK" hides the other rows
 * in the view (row numbers stay the sheet's), the status line says how many show, the arrow keys
 * skip hidden rows, and "Clear filter" shows them all again. From the keyboard, Alt+Down opens the
 * filter and a search for "Broken" then Enter keeps the people whose check found a broken rule.
 */
import type { Page } from "playwright-core";
import { violations } from "../support/axe";
import {
  goTo,
  openFeature,
  screenshot,
  textWhen,
  usePlayground,
  valueWhen,
  values,
} from "../support/playground";

const SHEET = "Cluster audit";

/** The rows drawn for column X (Check) below the header: [sheet row number, text]. */
function drawnChecks(page: Page): Promise<[number, string][]> {
  return page
    .getByRole("grid", { name: `Sheet ${SHEET}`, exact: true })
    .locator('[role="row"]')
    .evaluateAll((rows) =>
      rows
        .map((row) => {
          const head = row.querySelector('[role="rowheader"]')?.textContent ?? "";
          const check = row.querySelector('[data-cell^="X"]')?.textContent ?? "";
          return [Number(head), check] as [number, string];
        })
        .filter(([n]) => n > 4)
    );
}

/** The address of table ClusterAudit, from the page's workbook. */
function tableAddress(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      (
        globalThis as unknown as {
          pbrPlayground: { workbook: { tables: { name: string; address: string }[] } };
        }
      ).pbrPlayground.workbook.tables.find((t) => t.name === "ClusterAudit")!.address
  );
}

describe("table filters in the playground", () => {
  const pg = usePlayground();

  it("filters the audit's Check column to OK, shows the count, skips hidden rows and clears", async () => {
    const { page } = pg();
    const panel = await openFeature(page, "Cluster audit");
    await panel.getByRole("button", { name: "Audit clusters" }).click();
    await panel
      .getByRole("status")
      .filter({ hasText: `Wrote sheet ${SHEET}` })
      .waitFor({ timeout: 60_000 });
    await goTo(page, `'${SHEET}'!X4`);

    // The header cell's button, named for the column and table, opens the column's values.
    const button = page.getByRole("button", { name: "Filter Check column of table ClusterAudit" });
    // Every column of the table has one, and so has Check beside it; the blank column W between has none.
    await page
      .getByRole("button", { name: "Filter Not assessed because column of table ClusterAudit" })
      .waitFor();
    await expect(page.locator('[data-filter="W4"]').count()).resolves.toBe(0);
    await button.click();
    const popup = page.getByRole("dialog", { name: "Filter Check column of table ClusterAudit" });
    await popup.waitFor();
    await expect(violations(page)).resolves.toEqual([]);
    const ok = popup.getByRole("checkbox", { name: /^OK \([\d,]+\)$/ });
    const label = (await popup.getByText(/^OK \(/).textContent()) ?? "";
    const count = Number(/\(([\d,]+)\)/.exec(label)![1].replace(/,/g, ""));
    // The audit's table (A4:V…) and its checks (X5 down), computed in the page: the same count.
    const [, bottom] = /^A4:V(\d+)$/.exec(await tableAddress(page))!.map(Number);
    const checks = (await values(page, SHEET, 4, 23, bottom - 4, 1)).map((r) => String(r[0]));
    expect(count).toBe(checks.filter((c) => c === "OK").length);
    expect(count).toBeGreaterThan(0);
    await popup.getByRole("checkbox", { name: "Select all" }).click();
    await expect(popup.getByRole("button", { name: "OK" }).isDisabled()).resolves.toBe(true);
    await ok.click();
    await popup.getByRole("button", { name: "OK" }).click();
    await popup.waitFor({ state: "detached" });

    const status = page.getByTestId("filter-status");
    const people = (n: number) =>
      `Showing ${n.toLocaleString("en-GB")} of ${checks.length.toLocaleString("en-GB")} rows of table ClusterAudit`;
    await expect(textWhen(status, (t) => t.startsWith("Showing"))).resolves.toContain(
      people(count)
    );

    await expect(violations(page)).resolves.toEqual([]);
    await screenshot(page, "table-filter");

    // Only OK rows are drawn below the header, numbered as on the sheet (with gaps).
    const drawn = await drawnChecks(page);
    const inTable = drawn.filter(([n]) => n <= bottom);
    expect(inTable.length).toBeGreaterThan(0);
    expect(inTable.every(([, t]) => t === "OK")).toBe(true);
    const numbers = inTable.map(([n]) => n);
    expect(numbers.some((n, i) => i > 0 && n - numbers[i - 1] > 1)).toBe(true);
    expect(numbers[0]).toBe(5 + checks.indexOf("OK"));

    // The filter button shows the column is filtered; the arrow key skips the hidden rows.
    await expect(page.locator('[data-filter="X4"]').getAttribute("class")).resolves.toContain(
      "pbr-filter-on"
    );
    await page.locator('[data-cell="X4"]').click();
    const nameBox = page.getByLabel("Name box (cell address)");
    await expect(valueWhen(nameBox, (v) => v === "X4")).resolves.toBe("X4");
    await page.keyboard.press("ArrowDown");
    await expect(valueWhen(nameBox, (v) => v !== "X4")).resolves.toBe(`X${numbers[0]}`);
    await page.keyboard.press("ArrowDown");
    await expect(valueWhen(nameBox, (v) => v !== `X${numbers[0]}`)).resolves.toBe(`X${numbers[1]}`);

    // Scrolled down, the frozen header row keeps the filter buttons (out of the Tab order there).
    await goTo(page, `'${SHEET}'!X${5 + checks.lastIndexOf("OK")}`);
    await expect(page.locator('[data-frozen="X4"]').textContent()).resolves.toBe("Check");
    await page.locator('[data-frozen="X4"] button.pbr-filter-on').waitFor();
    await expect(violations(page)).resolves.toEqual([]);
    await goTo(page, `'${SHEET}'!X4`);

    // Clear filter: every row is back, numbered one after another.
    await status.getByRole("button", { name: /^Clear filter/ }).click();
    await expect(textWhen(status, (t) => t === "")).resolves.toBe("");
    await page.locator('[data-filter="X4"]:not(.pbr-filter-on)').waitFor();
    const all = (await drawnChecks(page)).map(([n]) => n);
    expect(all.every((n, i) => i === 0 || n === all[i - 1] + 1)).toBe(true);

    // From the keyboard: Alt+Down on the header opens the filter; a search ticks what it finds and
    // Enter keeps those rows (every check that found a broken rule).
    await goTo(page, `'${SHEET}'!X4`);
    await page.keyboard.press("Alt+ArrowDown");
    await popup.waitFor();
    await page.keyboard.type("Broken");
    await page.keyboard.press("Enter");
    await popup.waitFor({ state: "detached" });
    const broken = checks.filter((c) => c.toLowerCase().includes("broken")).length;
    expect(broken).toBeGreaterThan(0);
    await expect(textWhen(status, (t) => t.startsWith("Showing"))).resolves.toContain(
      people(broken)
    );
    const shownNow = (await drawnChecks(page)).filter(([n]) => n <= bottom);
    expect(shownNow.every(([, t]) => t.toLowerCase().includes("broken"))).toBe(true);
    // Escape closes an open filter unchanged.
    await page.keyboard.press("Alt+ArrowDown");
    await popup.waitFor();
    await page.keyboard.press("Escape");
    await popup.waitFor({ state: "detached" });
    await expect(textWhen(status, (t) => t.startsWith("Showing"))).resolves.toContain(
      people(broken)
    );
    await status.getByRole("button", { name: /^Clear filter/ }).click();
    await expect(textWhen(status, (t) => t === "")).resolves.toBe("");
  });
});
