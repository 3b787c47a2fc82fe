/**
 * A task pane action is one step for Undo and Redo in the playground: Set up model adds three
 * sheets (and their names, tables, formats and charts); one Undo removes them all, one Redo puts
 * them back with the same formulas and numbers.
 */
import { openFeature, sheetTabs, usePlayground, values } from "../support/playground";

describe("playground: undo a task pane action as one step", () => {
  const pg = usePlayground();

  it("undoes and redoes Set up model in one step each", async () => {
    const { page } = pg();
    const before = await sheetTabs(page);
    const panel = await openFeature(page, "Set up model");
    await panel.getByLabel(/Financial year to cost the caseload in/).fill("2025");
    await panel.getByRole("button", { name: "Set up model" }).click();
    await panel.getByRole("button", { name: "Use the tables already here" }).click();
    await panel.getByRole("status").filter({ hasText: "Added 3 sheets" }).waitFor();
    const after = await sheetTabs(page);
    expect(after.length).toBe(before.length + 3);
    const added = after.filter((s) => !before.includes(s));
    const last = added[added.length - 1];
    const computed = await values(page, last, 0, 0, 12, 6);

    const undo = page.getByRole("button", { name: "Undo", exact: true });
    await expect(undo.getAttribute("title")).resolves.toBe("Undo Set up model");
    await undo.click();
    expect(await sheetTabs(page)).toEqual(before);
    await page.getByRole("button", { name: "Redo", exact: true }).click();
    expect(await sheetTabs(page)).toEqual(after);
    await expect(values(page, last, 0, 0, 12, 6)).resolves.toEqual(computed);
  });
});
