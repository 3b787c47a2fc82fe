/**
 * Accessibility: axe-core (the engine behind Lighthouse's and Edge's checks) over the playground
 * and every task pane tab, with no serious or critical violation. axe runs in the page; nothing
 * leaves the machine.
 */
import { join } from "node:path";
import { FEATURES } from "../../../src/taskpane/App";
import { violations } from "../support/axe";
import {
  goTo,
  openFeature,
  pane,
  paneOverflow,
  settled,
  textWhen,
  usePlayground,
} from "../support/playground";

const TRUSTS = join(__dirname, "..", "..", "fixtures", "trusts");
describe("accessibility (axe-core)", () => {
  const pg = usePlayground();

  it("finds no serious or critical violation on the playground page", async () => {
    const { page } = pg();
    await expect(violations(page)).resolves.toEqual([]);
  });

  it("builds the sheet grid as ARIA's grid pattern: rows holding a row header and cells, column headers in a row", async () => {
    const { page } = pg();
    const grid = page.getByRole("grid", { name: "Sheet Summary", exact: true });
    const shape = await grid.evaluate((g) => ({
      children: [
        ...new Set(
          [...g.children].map(
            (c) =>
              c.getAttribute("role") ??
              (c.getAttribute("aria-hidden") === "true" ? "hidden" : "none")
          )
        ),
      ],
      strayCells: g.querySelectorAll('[role="gridcell"]:not([role="row"] > [role="gridcell"])')
        .length,
      cells: g.querySelectorAll('[role="row"] > [role="gridcell"]').length,
      rowsWithoutHeader: [...g.querySelectorAll('[role="row"]')].filter(
        (r) => !r.querySelector('[role="rowheader"], [role="columnheader"]')
      ).length,
      firstRowHeader: g.querySelector('[role="row"][aria-rowindex="2"] > [role="rowheader"]')
        ?.textContent,
    }));
    expect(shape.children.sort()).toEqual(["row"]);
    expect(shape.strayCells).toBe(0);
    expect(shape.cells).toBeGreaterThan(50);
    expect(shape.rowsWithoutHeader).toBe(0);
    expect(shape.firstRowHeader).toBe("1");
    // A chart's table open over the grid is no part of it, and breaks nothing.
    await page
      .getByRole("figure", { name: /^Bar chart: People by cluster/ })
      .getByText("Show data", { exact: true })
      .click();
    await expect(violations(page)).resolves.toEqual([]);
    await page
      .getByRole("figure", { name: /^Bar chart: People by cluster/ })
      .getByText("Show data", { exact: true })
      .click();
  });

  it("labels a table's held header row with its own row number, not the number of the row under it", async () => {
    const { page } = pg();
    await goTo(page, "Caseload!A400");
    const held = page.getByTestId("frozen-row-number");
    await held.waitFor();
    await expect(held.textContent()).resolves.toBe("3"); // the Caseload table's header is row 3
    const rowHead = await held.boundingBox();
    const heldCell = await page
      .getByTestId("frozen-header")
      .locator(".pbr-frozen-head")
      .first()
      .boundingBox();
    expect(Math.abs(rowHead!.y - heldCell!.y)).toBeLessThan(1);
    await expect(violations(page)).resolves.toEqual([]);
    await goTo(page, "Summary!A1");
  });

  it.each(FEATURES.map((f) => f.label))("finds none in the task pane tab %s", async (label) => {
    const { page } = pg();
    await openFeature(page, label);
    await expect(
      settled(
        () => pane(page).count(),
        (n) => n === 1
      )
    ).resolves.toBe(1);
    await expect(violations(page, '[aria-label="PbR Toolkit task pane"]')).resolves.toEqual([]);
  });

  it("keeps the import's mapping dropdowns and header-row box inside a 350 px pane on a 1366 px screen", async () => {
    const { page } = pg();
    await page.setViewportSize({ width: 1366, height: 768 });
    // Excel on the web's task pane is about 350 px wide; the playground's is 380.
    const narrow = await page.addStyleTag({
      content: ".pbr-page { grid-template-columns: minmax(0, 1fr) 350px !important; }",
    });
    const panel = await openFeature(page, "Import caseload");
    await expect(
      pane(page).evaluate((p) => Math.round(p.getBoundingClientRect().width))
    ).resolves.toBe(350);
    for (const file of ["paris-export.xlsx", "rio-export.csv"]) {
      await panel.getByLabel("Caseload file (CSV or XLSX)").setInputFiles(join(TRUSTS, file));
      await panel.getByText(file).waitFor();
      await panel.getByLabel("ID (required)").waitFor();
      if (file.endsWith(".xlsx")) await panel.getByTestId("xlsx-header-row").waitFor();
      await expect(paneOverflow(page)).resolves.toBe(0);
      await panel.getByRole("button", { name: "Choose another file" }).click();
    }
    await narrow.evaluate((tag) => (tag as Element).remove());
  });

  it("announces a short line while a formula is typed, not the whole list of functions", async () => {
    const { page } = pg();
    await goTo(page, "Summary!K20");
    await page.keyboard.type("=PBR.");
    const help = page.getByTestId("formula-help");
    const said = page.getByTestId("formula-help-announcement");
    // The count, and which function Tab or Enter would insert (it changes with the arrow keys).
    await expect(textWhen(said, (t) => /PBR functions match/.test(t))).resolves.toMatch(
      /^\d+ PBR functions match; Tab or Enter inserts PBR\.[A-Z]+$/
    );
    await expect(help.getAttribute("aria-live")).resolves.toBeNull();
    await expect(help.getAttribute("role")).resolves.toBeNull();
    expect((await help.textContent())!.length).toBeGreaterThan(500); // what was re-announced at each key
    await page.keyboard.type("TARIFF(11, ");
    await expect(textWhen(said, (t) => t.includes("argument 2"))).resolves.toBe(
      "PBR.TARIFF, argument 2 of 5: days"
    );
    await page.keyboard.press("Escape");
  });
});
