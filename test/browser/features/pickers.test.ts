/**
 * Pickers a commissioner can trust after two imports: each table is listed with its sheet and size,
 * the picker starts at the largest caseload (never the newest, smaller import), stays on the table
 * the user chose when another file is imported, and the pane follows the workbook: an Undo of a
 * pane action takes its "Wrote sheet" outcome away, and a table read by a journey appears in its
 * picker.
 */
import { join } from "node:path";
import { openFeature, usePlayground, valueWhen } from "../support/playground";

const TRUST = join(__dirname, "..", "..", "fixtures", "trusts", "carenotes-export.csv");
const SMALL = join(__dirname, "..", "..", "fixtures", "caseload", "semicolon.csv");
const ACTIVITY = join(__dirname, "..", "..", "fixtures", "activity", "contacts.csv");

describe("table pickers and pane state in the playground", () => {
  const pg = usePlayground();

  async function importFile(file: string, done: RegExp) {
    const { page } = pg();
    const panel = await openFeature(page, "Import caseload");
    const again = panel.getByRole("button", { name: "Import another file" });
    if ((await again.count()) > 0) await again.click();
    await panel.getByLabel("Caseload file (CSV or XLSX)").setInputFiles(file);
    await panel.getByRole("button", { name: "Import" }).click();
    await panel.getByText(done).waitFor({ timeout: 20_000 });
  }

  it("lists each table with its sheet and size, and starts at the largest, not the newest import", async () => {
    const { page } = pg();
    await importFile(TRUST, /Imported \d+, rejected \d+\./);
    await importFile(SMALL, /Imported 3, rejected 2\./);
    const panel = await openFeature(page, "Scenario runner");
    await panel
      .getByRole("radio", { name: "Cost a caseload with a price table (live formulas)" })
      .check();
    const picker = panel.getByLabel("Caseload table");
    const options = await picker.locator("option").allTextContents();
    expect(options).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Caseload_3 — Caseload \(3\) · 3 rows × \d+ cols$/),
        expect.stringMatching(/^Caseload_2 — Caseload \(2\) · \d{3} rows × \d+ cols$/),
        expect.stringMatching(/^Caseload — Caseload · 2,000 rows × \d+ cols$/),
      ])
    );
    // The demo's 2,000 people, not the 3-row file imported last.
    await expect(valueWhen(picker, (v) => v === "Caseload")).resolves.toBe("Caseload");
    await expect(picker.locator("option:checked").textContent()).resolves.toMatch(/2,000 rows/);
  });

  it("stays on the table the user chose when another file is imported", async () => {
    const { page } = pg();
    let panel = await openFeature(page, "Budget planner");
    await panel.getByLabel("Caseload table").selectOption("Caseload_2");
    await importFile(SMALL, /Imported 3, rejected 2\./);
    panel = await openFeature(page, "Budget planner");
    const options = await panel.getByLabel("Caseload table").locator("option").allTextContents();
    expect(options.some((o) => o.startsWith("Caseload_4 — Caseload (4) · 3 rows"))).toBe(true);
    await expect(
      valueWhen(panel.getByLabel("Caseload table"), (v) => v === "Caseload_2")
    ).resolves.toBe("Caseload_2");
  });

  it("takes the green outcome away when the action is undone", async () => {
    const { page } = pg();
    const panel = await openFeature(page, "Set up model");
    await panel.getByLabel(/Financial year to cost the caseload in/).fill("2027");
    await panel.getByRole("button", { name: "Set up model" }).click();
    await panel.getByRole("button", { name: "Use the tables already here" }).click();
    const outcome = panel.getByRole("status").filter({ hasText: "Added 3 sheets" });
    await outcome.waitFor();
    await page.getByRole("button", { name: "Undo", exact: true }).click();
    await outcome.waitFor({ state: "detached" });
  });

  it("starts the Scenario runner at the year given to Set up model", async () => {
    const { page } = pg();
    const panel = await openFeature(page, "Scenario runner");
    await panel
      .getByRole("radio", { name: "Cost a caseload with a price table (live formulas)" })
      .check();
    await expect(
      valueWhen(panel.getByLabel("Financial year (year it starts)"), (v) => v === "2027")
    ).resolves.toBe("2027");
    await panel
      .getByText(/The financial year Set up model costs the caseload in \(2027\/28\)/)
      .waitFor();
  });

  it("lists the table an activity extract was read into, chosen, in its picker", async () => {
    const { page } = pg();
    const panel = await openFeature(page, "Resource groups");
    await panel.getByLabel("Open an activity extract (CSV or Excel)").setInputFiles(ACTIVITY);
    await panel.getByText(/Read 7 rows of contacts.csv into table Activity/).waitFor();
    const picker = panel.getByLabel("Activity table");
    await expect(valueWhen(picker, (v) => v === "Activity")).resolves.toBe("Activity");
    await expect(picker.locator("option:checked").textContent()).resolves.toMatch(
      /^Activity — Activity · 7 rows × \d+ cols$/
    );
    // The same file again is read again (a second table), not ignored.
    await panel.getByLabel("Open an activity extract (CSV or Excel)").setInputFiles(ACTIVITY);
    await panel.getByText(/Read 7 rows of contacts.csv into table Activity_2/).waitFor();
    await expect(valueWhen(picker, (v) => v === "Activity_2")).resolves.toBe("Activity_2");
  });

  it("makes no request to any host other than localhost, with no page errors", () => {
    expect(pg().session.outside).toEqual([]);
    expect(pg().session.errors).toEqual([]);
  });
});
