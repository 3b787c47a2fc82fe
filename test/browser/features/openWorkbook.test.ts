/**
 * Open workbook…: a local .xlsx replaces the playground's workbook (every sheet, value, formula,
 * format and name), after asking when there are unsaved changes; a file that cannot be read leaves
 * the workbook as it was. A workbook opened, edited, saved and opened again holds the same cells.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { goTo, sheetTabs, usePlayground, values } from "../support/playground";
import { handMadeXlsx } from "../../support/xlsxFixtures";

interface Snapshot {
  [sheet: string]: { cells: [string, unknown, unknown, string | null][]; formulas: number };
}

/** Every non-empty cell of every sheet: address, content as typed, value, number format. */
function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    const wb = (globalThis as unknown as { pbrPlayground: { workbook: any } }).pbrPlayground
      .workbook;
    const out: Record<
      string,
      { cells: [string, unknown, unknown, string | null][]; formulas: number }
    > = {};
    for (const sheet of wb.engine.getSheetNames() as string[]) {
      const { rows, cols } = wb.dimensions(sheet);
      const cells: [string, unknown, unknown, string | null][] = [];
      let formulas = 0;
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) {
          const content = wb.getContent(sheet, r, c);
          const v = wb.getValue(sheet, r, c);
          const value = v !== null && typeof v === "object" && "value" in v ? v.value : v;
          // Empty, or empty text (a file keeps no empty text: it opens as an empty cell).
          if ((content === null || content === "") && (value === null || value === "")) continue;
          if (typeof content === "string" && content.startsWith("=")) formulas++;
          cells.push([`${r},${c}`, content, value, wb.formatAt(sheet, r, c) ?? null]);
        }
      out[sheet] = { cells, formulas };
    }
    return out;
  });
}

/** The tables (name and header row) the task pane's pickers are offered. */
function tables(page: Page): Promise<{ name: string; header: string[] }[]> {
  return page.evaluate(() =>
    (globalThis as unknown as { pbrPlayground: { workbook: any } }).pbrPlayground.workbook.listTableHeaders()
  );
}

/** The workbook's charts (sheet and what the page draws). */
function charts(page: Page): Promise<unknown[]> {
  return page.evaluate(() =>
    (
      globalThis as unknown as { pbrPlayground: { workbook: any } }
    ).pbrPlayground.workbook.charts.map((c: any) => ({ sheet: c.sheet, spec: { ...c.spec } }))
  );
}

async function open(page: Page, name: string, buffer: Buffer): Promise<string> {
  await page.getByTestId("open-workbook").setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });
  const outcome = page.getByTestId("open-outcome");
  await outcome.filter({ hasNotText: /^Opening / }).waitFor();
  return (await outcome.textContent()) ?? "";
}

describe("playground: open a workbook (.xlsx)", () => {
  const pg = usePlayground();
  const asked: string[] = [];
  let answer = true;

  beforeAll(() => {
    pg().page.on("dialog", (d) => {
      asked.push(d.message());
      void (answer ? d.accept() : d.dismiss());
    });
  });

  it("asks before replacing unsaved changes, and keeps the workbook when told no", async () => {
    const { page } = pg();
    await goTo(page, "Summary!J2");
    await page.keyboard.type("my change");
    await page.keyboard.press("Enter");
    answer = false;
    await page.getByTestId("open-workbook").setInputFiles({
      name: "other.xlsx",
      mimeType: "application/octet-stream",
      buffer: Buffer.from(handMadeXlsx()),
    });
    await page.waitForFunction(() => true); // let the dialog event reach the handler
    for (let i = 0; i < 50 && asked.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(asked.length).toBe(1);
    expect(asked[0]).toMatch(
      /^Open other\.xlsx in place of this workbook\? Changes you have not saved/
    );
    await expect(values(page, "Summary", 1, 9, 1, 1)).resolves.toEqual([["my change"]]);
    expect(await sheetTabs(page)).toContain("Caseload");
  });

  it("says plainly when a file cannot be read, and the workbook stays as it was", async () => {
    const { page } = pg();
    const before = await sheetTabs(page);
    const text = await open(page, "caseload.xlsx", Buffer.from("NHS number,Cluster\n1,11\n"));
    expect(text).toBe(
      "Could not open caseload.xlsx: this is a text file (CSV or similar), not an Excel workbook. Import a CSV caseload with Import caseload, or open it in Excel and save it as an Excel Workbook (.xlsx). The workbook is as it was."
    );
    await expect(page.getByTestId("open-outcome").getAttribute("role")).resolves.toBe("alert");
    expect(await sheetTabs(page)).toEqual(before);
    await expect(values(page, "Summary", 1, 9, 1, 1)).resolves.toEqual([["my change"]]);
  });

  it("opens every sheet with values, formulas, formats and names, and they recalculate", async () => {
    const { page } = pg();
    answer = true;
    const text = await open(page, "model.xlsx", Buffer.from(handMadeXlsx()));
    expect(text).toMatch(
      /^Opened model\.xlsx: 3 sheets, \d+ cells, \d+ formulas\. Not opened as in the file: name Gone: refers to a deleted range/
    );
    expect(asked.length).toBe(2); // asked again: "my change" was never saved
    expect(await sheetTabs(page)).toEqual(["Inputs", "Model & Results", "Prices"]);
    await expect(values(page, "Model & Results", 0, 0, 4, 3)).resolves.toEqual([
      [50, expect.stringMatching(/psychosis/i), true],
      [10, 20, 30],
      [51, 60, "A1'x"],
      [expect.any(String), null, null],
    ]);
    // Edit an input: the model recalculates from it (Rate is a name over Inputs!B1).
    await goTo(page, "Inputs!B1");
    await page.keyboard.type("0.75");
    await page.keyboard.press("Enter");
    await expect(values(page, "Model & Results", 0, 0, 1, 1)).resolves.toEqual([[75]]);
    await expect(values(page, "Inputs", 3, 1, 1, 1)).resolves.toEqual([[2.25]]);
  });

  it("saves the edited workbook and opens the saved file to the same cells, formulas and numbers", async () => {
    const { page } = pg();
    const before = await snapshot(page);
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Save workbook as .xlsx" }).click(),
    ]);
    const saved = readFileSync((await file.path())!);
    const asks = asked.length;
    const text = await open(page, "PbR Toolkit workbook.xlsx", saved);
    expect(text).toMatch(/^Opened PbR Toolkit workbook\.xlsx: 3 sheets/);
    expect(asked.length).toBe(asks); // just saved: nothing to lose, so no question
    const after = await snapshot(page);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    let cells = 0;
    let formulas = 0;
    for (const sheet of Object.keys(before)) {
      expect([sheet, after[sheet].cells]).toEqual([sheet, before[sheet].cells]);
      cells += before[sheet].cells.length;
      formulas += before[sheet].formulas;
    }
    expect(cells).toBeGreaterThan(30);
    expect(formulas).toBeGreaterThan(10);
  });

  it("opens the demo model saved from the playground with every PBR formula recalculating the same", async () => {
    const { page } = pg();
    // The hand-made workbook has no PBR model: re-open the page's demo by saving a fresh set-up first.
    await page.reload();
    await page
      .getByTestId("playground-status")
      .filter({ hasText: "ready" })
      .waitFor({ timeout: 45_000 });
    const before = await snapshot(page);
    const tablesBefore = await tables(page);
    expect(tablesBefore.length).toBeGreaterThan(3);
    const chartsBefore = await charts(page);
    expect(chartsBefore).toHaveLength(2);
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Save workbook as .xlsx" }).click(),
    ]);
    const text = await open(page, "demo.xlsx", readFileSync((await file.path())!));
    // Every table is back as a table, so every journey's table picker offers the same tables.
    await expect(tables(page)).resolves.toEqual(tablesBefore);
    expect(text).toMatch(/^Opened demo\.xlsx: \d+ sheets/);
    // Both charts come back (read in the page's worker) at the same cells over the same ranges.
    await expect(charts(page)).resolves.toEqual(chartsBefore);
    expect(text).not.toMatch(/chart/i);
    const after = await snapshot(page);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    let formulas = 0;
    for (const sheet of Object.keys(before)) {
      expect([sheet, after[sheet].cells.length]).toEqual([sheet, before[sheet].cells.length]);
      expect([sheet, after[sheet].cells]).toEqual([sheet, before[sheet].cells]);
      formulas += before[sheet].formulas;
    }
    expect(formulas).toBeGreaterThan(100);
  }, 180_000); // reload, save and re-open the whole demo: slow on a shared machine
});
