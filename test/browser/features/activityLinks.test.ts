/**
 * Resource groups findings people can click to (issue 28), in the playground: the pre-flight names
 * the activity rows it is about as links ("Activity row 10") that select the row's cell, the
 * outcome names the first rows left out the same way, and on the written Resource groups sheet
 * the Status of a row left out is a HYPERLINK that the grid follows to the source row. Every
 * landing is checked on the name box and the selected cell.
 */
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { goTo, openFeature, usePlayground, valueWhen, values } from "../support/playground";

const FIXTURE = join(__dirname, "..", "..", "fixtures", "activity", "mixed.csv");

/** Click a link (in the pane or on the grid) from another sheet, and wait until `sheet!address` is selected. */
async function landsOn(page: Page, link: Locator, sheet: string, address: string) {
  await link.click();
  await page.getByRole("grid", { name: `Sheet ${sheet}`, exact: true }).waitFor();
  await page.locator(`[data-cell="${address}"][aria-selected="true"]`).waitFor();
  const box = page.getByLabel("Name box (cell address)");
  await expect(valueWhen(box, (v) => v === address)).resolves.toBe(address);
}

describe("Resource groups findings link to their rows", () => {
  const pg = usePlayground();

  it("links the pre-flight's, the outcome's and the sheet's rows to the activity rows", async () => {
    const { page } = pg();
    const panel = await openFeature(page, "Resource groups");
    await panel.getByLabel("Open an activity extract (CSV or Excel)").setInputFiles(FIXTURE);
    await panel.getByText(/Read 14 rows of mixed.csv into table Activity/).waitFor();
    await panel.getByLabel("Each row is").selectOption({ label: "Given by a column" });
    await panel.getByRole("button", { name: "Group and price activity" }).click();

    // The pre-flight: rows in error, the duplicate and the blank units, each a link to its row.
    const problems = panel.getByRole("alert").filter({ hasText: "cannot be grouped or priced" });
    await problems
      .getByText(
        /2 of 14 rows cannot be grouped or priced: Activity row 10: units "-2" is not a whole number/
      )
      .waitFor({ timeout: 30_000 });
    await goTo(page, "Summary!C3");
    await landsOn(
      page,
      problems.getByRole("button", { name: "Activity row 11" }),
      "Activity",
      "A11"
    );
    await goTo(page, "Summary!C3");
    // The duplicate's earlier row, and its repeat.
    const duplicates = problems.getByRole("radiogroup", { name: "Duplicate rows" });
    await duplicates
      .getByText(/1 row repeats an earlier row exactly \(Activity row 8 = Activity row 7\)/)
      .waitFor();
    await landsOn(
      page,
      duplicates.getByRole("button", { name: "Activity row 7" }),
      "Activity",
      "A7"
    );
    await goTo(page, "Summary!C3");
    const blanks = problems.getByRole("radiogroup", { name: "Blank units" });
    await landsOn(page, blanks.getByRole("button", { name: "Activity row 9" }), "Activity", "A9");

    // The outcome names the first rows left out as links.
    await panel.getByRole("button", { name: "Leave 4 rows out and write" }).click();
    const done = panel.getByRole("status").filter({ hasText: "Wrote sheet Resource groups" });
    await done.waitFor({ timeout: 30_000 });
    await expect(done.textContent()).resolves.toContain(
      "Left out: 4 rows (Status says why and links to the row: Activity row 8, Activity row 9, Activity row 10 and 1 more)."
    );
    await goTo(page, "Summary!C3");
    await landsOn(page, done.getByRole("button", { name: "Activity row 10" }), "Activity", "A10");

    // On the sheet, the Status (column K) of the row from Activity row 10 links to it.
    const grid = await values(page, "Resource groups", 0, 0, 60, 11);
    const at = grid.findIndex((row) => row[0] === 10 && String(row[10]).startsWith("Left out"));
    expect(at).toBeGreaterThan(0);
    expect(grid[at][10]).toBe('Left out: units "-2" is not a whole number of contacts or bed days');
    const status = await goTo(page, `'Resource groups'!K${at + 1}`);
    await expect(status.getAttribute("class")).resolves.toContain("pbr-link");
    await landsOn(page, status, "Activity", "A10");
    // A row kept is not a link.
    const kept = grid.findIndex((row) => row[0] === 2);
    const ok = await goTo(page, `'Resource groups'!K${kept + 1}`);
    await expect(ok.getAttribute("class")).resolves.not.toContain("pbr-link");
  }, 120_000);
});
