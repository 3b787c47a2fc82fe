/**
 * Every journey on a real-looking trust export, in the playground, as a new user would run them:
 * import the file (its own headers, coded clusters, date style and bad rows), audit the recorded
 * clusters, cost a scenario from the imported caseload and plan budgets for it. The pre-flight
 * names the rows that cannot be priced or budgeted and the user leaves them out; no result the
 * pane wrote may be an error cell, and every message says what was left out.
 * One playground per export (test/fixtures/trusts/, made by make-corpus.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { goTo, openFeature, pane, settled, sheetTabs, usePlayground, values, valueWhen } from "../support/playground";

const DIR = join(__dirname, "..", "..", "fixtures", "trusts");
const EXPECTED = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf8")) as Record<
  string,
  { dataRows: number; imported: number; rejected: number; notClustered: number; clusterNine: number; badStep: number }
>;

/** Every error cell of a sheet, read straight from the page's workbook ("B5 #N/A"). */
function errorCells(page: Page, sheet: string): Promise<string[]> {
  return page.evaluate((sheet) => {
    const wb = (
      globalThis as unknown as {
        pbrPlayground: { workbook: { readUsedRange(s: string): Promise<unknown> }; engine: unknown };
      }
    ).pbrPlayground;
    const engine = wb.engine as {
      getSheetId(name: string): number | undefined;
      getSheetValues(id: number): unknown[][];
    };
    const id = engine.getSheetId(sheet);
    if (id === undefined) return [`no sheet ${sheet}`];
    const out: string[] = [];
    engine.getSheetValues(id).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && typeof v === "object" && "value" in v)
          out.push(`${String.fromCharCode(65 + (c % 26))}${r + 1} ${(v as { value: string }).value}`);
      })
    );
    return out;
  }, sheet);
}

describe.each(Object.keys(EXPECTED))("every journey on the trust export %s", (file) => {
  const pg = usePlayground();
  const expected = EXPECTED[file];
  let caseload = "";

  it("imports it: all 18 ratings, the step and bed days matched; bad rows rejected with reasons", async () => {
    const { page } = pg();
    const panel = await openFeature(page, "Import caseload");
    await panel.getByLabel("Caseload file (CSV or XLSX)").setInputFiles(join(DIR, file));
    await panel.getByText(file).first().waitFor();
    await expect(settled(() => panel.getByTestId("ratings-warning").count(), (n) => n === 0)).resolves.toBe(0);
    await expect(panel.getByLabel("Step", { exact: true }).locator("option:checked").textContent()).resolves.not.toBe(
      "Not in this file"
    );
    await panel.getByRole("button", { name: "Import" }).click();
    await panel.getByText(`Imported ${expected.imported}, rejected ${expected.rejected}.`).waitFor({ timeout: 20_000 });
    const summary = (await panel.getByRole("list", { name: "Import summary" }).textContent()) ?? "";
    expect(summary).toContain(`${expected.dataRows} data rows in ${file}: ${expected.imported} imported, ${expected.rejected} rejected.`);
    expect(summary).toContain("1 imported row has cluster 99 (not clustered)");
    expect(summary).toContain("1 imported row has cluster 9");
    caseload = /table ([^)]+)\)/.exec(summary)![1];
    expect(await sheetTabs(page)).toContain("Import rejects");
  });

  it("audits the imported caseload (chosen by the user: the picker starts at the largest, never the newest) with no error cell", async () => {
    const { page } = pg();
    const panel = await openFeature(page, "Cluster audit");
    await expect(valueWhen(panel.getByLabel("Caseload table"), (v) => v === "Caseload")).resolves.toBe("Caseload");
    const options = await panel.getByLabel("Caseload table").locator("option").allTextContents();
    expect(options.filter((o) => /^(PricesTable|ImportRejects)\b/.test(o))).toEqual([]);
    expect(options).toContain(`${caseload} — Caseload (2) · ${expected.imported} rows × ${/× (\d+) cols/.exec(options.find((o) => o.startsWith(`${caseload} `))!)![1]} cols`);
    await panel.getByLabel("Caseload table").selectOption(caseload);
    await panel.getByText("Rating columns: all 18 found (1–13 and A–E).").waitFor();
    await panel.getByRole("button", { name: "Audit clusters" }).click();
    const done = panel.getByRole("status").filter({ hasText: "Wrote sheet Cluster audit" });
    await done.waitFor({ timeout: 30_000 });
    const sheet = /Wrote sheet (Cluster audit(?: \(\d+\))?)/.exec((await done.textContent()) ?? "")![1];
    await expect(errorCells(page, sheet)).resolves.toEqual([]);
  });

  it("costs a scenario from it: the pre-flight names the two flagged rows, which are left out and listed", async () => {
    const { page } = pg();
    const panel = await openFeature(page, "Scenario runner");
    await panel.getByRole("radio", { name: "Cost a caseload with a price table (live formulas)" }).check();
    await panel.getByLabel("Caseload table").selectOption(caseload);
    await expect(valueWhen(panel.getByLabel("Caseload table"), (v) => v === caseload)).resolves.toBe(caseload);
    await panel.getByLabel("Financial year (year it starts)").fill("2023");
    await panel.getByRole("button", { name: "Write scenarios" }).click();
    const notice = panel.getByRole("alert").filter({ hasText: "cannot be priced" });
    await notice.waitFor({ timeout: 20_000 });
    const text = (await notice.textContent()) ?? "";
    expect(text).toContain(`2 of ${expected.imported} rows of ${caseload} cannot be priced:`);
    // The row is cited by its sheet (issue 28), and is a link to it.
    expect(text).toMatch(
      /like Caseload(?: \(\d+\))? row \d+ \([A-Z0-9-]+\): code (99|9) is not in the (built-in illustrative )?price table/
    );
    await expect(
      notice.getByRole("button", { name: /^Caseload(?: \(\d+\))? row \d+$/ }).count()
    ).resolves.toBeGreaterThan(0);
    await notice.getByRole("button", { name: "Leave them out and write" }).click();
    const done = panel.getByRole("status").filter({ hasText: "Wrote sheet Scenario" });
    await done.waitFor({ timeout: 30_000 });
    expect(await done.textContent()).toContain("2 caseload rows that cannot be priced were left out of the plan value");
    const sheet = /Wrote sheet (Scenario(?: \(\d+\))?)/.exec((await done.textContent()) ?? "")![1];
    await expect(errorCells(page, sheet)).resolves.toEqual([]);
    // The left-out list's sheet row is a link to the caseload row (issue 28).
    const column = (await values(page, sheet, 0, 0, 80, 1)).map((r) => r[0]);
    const head = column.indexOf("Sheet row");
    expect(head).toBeGreaterThan(0);
    const first = await goTo(page, `'${sheet}'!A${head + 2}`);
    await expect(first.getAttribute("class")).resolves.toContain("pbr-link");
    const row = Number(await first.textContent());
    await first.click();
    await page.locator(`[data-cell="A${row}"][aria-selected="true"]`).waitFor();
  });

  it("plans budgets for it: the flagged clusters and the unknown step are left out, the rest add up to the penny", async () => {
    const { page } = pg();
    const panel = await openFeature(page, "Budget planner");
    await panel.getByLabel("Caseload table").selectOption(caseload);
    await expect(valueWhen(panel.getByLabel("Caseload table"), (v) => v === caseload)).resolves.toBe(caseload);
    await expect(panel.getByLabel("Step column").locator("option:checked").textContent()).resolves.toBe("Step");
    await panel.getByLabel("Budget envelope (£)").fill("3,000,000");
    await panel.getByLabel("Contingency held back (%)").fill("5");
    await panel.getByRole("button", { name: "Write budgets" }).click();
    const notice = panel.getByRole("alert").filter({ hasText: "cannot be budgeted" });
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.textContent()).toContain(`3 of ${expected.imported} rows of ${caseload} cannot be budgeted:`);
    await notice.getByRole("button", { name: "Leave them out and write" }).click();
    const done = panel.getByRole("status").filter({ hasText: "Wrote sheet Budgets" });
    await done.waitFor({ timeout: 30_000 });
    const message = (await done.textContent()) ?? "";
    expect(message).toContain(`${expected.imported - 3} indicative budgets`);
    expect(message).toContain("3 people were left out (listed on the sheet from J11)");
    const sheet = /Wrote sheet (Budgets(?: \(\d+\))?)/.exec(message)![1];
    await expect(errorCells(page, sheet)).resolves.toEqual([]);
    await expect(settled(() => pane(page).getByRole("alert").count(), (n) => n === 0)).resolves.toBe(0);
  });

  it("makes no request to any host other than localhost, with no page errors", () => {
    expect(pg().session.outside).toEqual([]);
    expect(pg().session.errors).toEqual([]);
  });
});
