/**
 * Row references a user can click to (issue 28), in the playground: the audit's outcome names the
 * caseload row of a person who cannot be assessed as a link that selects that row's cell, and the
 * audit sheet's sentence is a HYPERLINK that the grid follows on a click. The audit sheet freezes its
 * header rows and Id column. The argument messages name the arguments.
 */
import {
  goTo,
  openFeature,
  shown,
  textWhen,
  usePlayground,
  valueWhen,
} from "../support/playground";

const SHEET = "Cluster audit";

describe("row links in the playground", () => {
  const pg = usePlayground();

  it("links the audit's not-assessed person to their caseload row, in the pane and on the sheet", async () => {
    const { page } = pg();
    // SYN-0003 stands on Caseload row 6; blank 9 of their 18 ratings (items 1–9, columns I–Q).
    await expect(shown(page, "Caseload!A6")).resolves.toBe("SYN-0003");
    await page.evaluate(() => {
      const wb = (
        globalThis as unknown as {
          pbrPlayground: {
            workbook: { setCells(s: string, r: number, c: number, v: null[][]): void };
          };
        }
      ).pbrPlayground.workbook;
      wb.setCells("Caseload", 5, 8, [Array(9).fill(null)]);
    });
    const panel = await openFeature(page, "Cluster audit");
    await panel.getByRole("button", { name: "Audit clusters" }).click();
    const done = panel.getByRole("status").filter({ hasText: `Wrote sheet ${SHEET}` });
    await done.waitFor({ timeout: 30_000 });
    await expect(done.textContent()).resolves.toContain("1 person was not assessed");

    // The pane's link selects the caseload's cell, showing its sheet.
    await done.getByRole("button", { name: "Caseload row 6" }).click();
    await page.getByRole("grid", { name: "Sheet Caseload", exact: true }).waitFor();
    await page.locator('[data-cell="A6"][aria-selected="true"]').waitFor();
    await expect(
      valueWhen(page.getByLabel("Name box (cell address)"), (v) => v === "A6")
    ).resolves.toBe("A6");

    // On the audit sheet, the person's sentence (V7: the third person) is a link to the same row.
    await expect(shown(page, `'${SHEET}'!V7`)).resolves.toBe(
      "Too few ratings: Caseload row 6 has 9 of 18 ratings known (at least 12 are needed)"
    );
    const link = page.locator('[data-cell="V7"]');
    await expect(link.getAttribute("class")).resolves.toContain("pbr-link");
    // A click on the cell follows its link, as in Excel.
    await link.click();
    await page.getByRole("grid", { name: "Sheet Caseload", exact: true }).waitFor();
    await page.locator('[data-cell="A6"][aria-selected="true"]').waitFor();
  });

  it("freezes the audit sheet's header rows and Id column, and the grid keeps them in view", async () => {
    const { page } = pg();
    const frozen = await page.evaluate(
      (sheet) =>
        (
          globalThis as unknown as {
            pbrPlayground: { workbook: { frozenPanes(s: string): unknown } };
          }
        ).pbrPlayground.workbook.frozenPanes(sheet),
      SHEET
    );
    expect(frozen).toEqual({ rows: 4, columns: 1 });
    // Scrolled far down and right, the grid still shows the header row and the Id column.
    await goTo(page, `'${SHEET}'!X1500`);
    await expect(page.locator('[data-frozen="A4"]').textContent()).resolves.toBe("Id");
    await expect(page.locator('[data-frozen="X4"]').textContent()).resolves.toBe("Check");
    await expect(page.locator('[data-frozen="A1500"]').textContent()).resolves.toBe("SYN-1496");
    // A click on a frozen cell selects it.
    // (The selection goes through the workbook, so the name box follows a moment later.)
    await page.locator('[data-frozen="A1500"]').click();
    await expect(
      valueWhen(page.getByLabel("Name box (cell address)"), (v) => v === "A1500")
    ).resolves.toBe("A1500");
  });

  it("names the arguments in an argument-count message", async () => {
    const { page } = pg();
    // An empty cell of the Prices sheet, away from its table.
    const at = "K2";
    await goTo(page, `Prices!${at}`);
    await page.keyboard.type("=PBR.TARIFF(11)");
    await page.keyboard.press("Enter");
    const target = page.locator(`[data-cell="${at}"]`);
    // The cell shows the error once the engine has the formula; its title carries the message.
    await expect(textWhen(target, (t) => t === "#N/A")).resolves.toBe("#N/A");
    await expect(target.getAttribute("title")).resolves.toMatch(
      /^#N\/A PBR\.TARIFF needs at least 2 arguments \(code, days; also takes .*\); got 1$/
    );
  });

  it("makes no request to any host other than localhost, with no page errors", () => {
    expect(pg().session.outside).toEqual([]);
    expect(pg().session.errors).toEqual([]);
  });
});
