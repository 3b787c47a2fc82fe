/**
 * Spreadsheet habits in the playground grid: Shift+arrows select a range, Ctrl+C puts it on the
 * clipboard as tab-separated text (what Excel and Google Sheets paste), Ctrl+V pastes such text
 * typed cell by cell, Delete clears the range, Ctrl+Home/Ctrl+End jump to the ends.
 */
import { clip, goTo, shown, usePlayground } from "../support/playground";

describe("playground grid: ranges, copy, paste", () => {
  const pg = usePlayground();

  it("selects a range with Shift+arrows and copies it as tab-separated text, as the grid shows it", async () => {
    const { page } = pg();
    await goTo(page, "Caseload!A3");
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("Shift+ArrowDown");
    await expect(page.locator('[aria-selected="true"][data-cell]').count()).resolves.toBe(4);
    const text = await clip(page, "copy");
    const lines = text.split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0].split("\t")).toEqual([
      await shown(page, "Caseload!A3"),
      await shown(page, "Caseload!B3"),
    ]);
    expect(lines[1].split("\t")[0]).toBe("SYN-0001");
  });

  it("pastes tab-separated text from Excel at the active cell, typing numbers and formulas", async () => {
    const { page } = pg();
    await goTo(page, "Summary!K2");
    await clip(page, "paste", "Team\tPeople\r\nNorth\t12\r\nSouth\t=L3*2\r\n");
    await expect(shown(page, "Summary!K2")).resolves.toBe("Team");
    await expect(shown(page, "Summary!L3")).resolves.toBe("12");
    await expect(shown(page, "Summary!L4")).resolves.toBe("24");
    await expect(page.getByLabel("Formula bar").inputValue()).resolves.toBe("=L3*2");
  });

  it("clears the selected range with Delete, and Ctrl+Home goes to A1", async () => {
    const { page } = pg();
    await goTo(page, "Summary!K2");
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("Delete");
    await expect(shown(page, "Summary!L4")).resolves.toBe("");
    await goTo(page, "Summary!K2");
    await expect(shown(page, "Summary!K2")).resolves.toBe("");
    await page.keyboard.press("Control+Home");
    await page.locator('[data-cell="A1"][aria-selected="true"]').waitFor();
  });

  it("undoes and redoes typed edits with Ctrl+Z and Ctrl+Y", async () => {
    const { page } = pg();
    await goTo(page, "Summary!K6");
    await page.keyboard.type("first");
    await page.keyboard.press("Enter");
    await goTo(page, "Summary!K6");
    await page.keyboard.type("second");
    await page.keyboard.press("Enter");
    await expect(shown(page, "Summary!K6")).resolves.toBe("second");
    await page.keyboard.press("Control+z");
    await expect(shown(page, "Summary!K6")).resolves.toBe("first");
    await page.keyboard.press("Control+z");
    await expect(shown(page, "Summary!K6")).resolves.toBe("");
    await page.keyboard.press("Control+y");
    await expect(shown(page, "Summary!K6")).resolves.toBe("first");
    await expect(page.getByRole("button", { name: "Redo" }).isEnabled()).resolves.toBe(true);
  });

  it("keeps a table's header row on show when it scrolls out of view", async () => {
    const { page } = pg();
    await goTo(page, "Caseload!A4");
    await expect(page.getByTestId("frozen-header").count()).resolves.toBe(0);
    await goTo(page, "Caseload!A400");
    const first = page.getByTestId("frozen-header").locator(".pbr-frozen-head").first();
    await first.waitFor();
    await expect(first.textContent()).resolves.toBe("Id");
  });

  it("resizes a column by dragging its head's edge", async () => {
    const { page } = pg();
    await goTo(page, "Caseload!B4");
    const cell = page.locator('[data-cell="B4"]');
    const before = (await cell.boundingBox())!.width;
    const edge = (await page.locator('[data-resize="B"]').boundingBox())!;
    await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
    await page.mouse.down();
    await page.mouse.move(edge.x + 60, edge.y + edge.height / 2, { steps: 4 });
    await page.mouse.up();
    const after = (await cell.boundingBox())!.width;
    expect(after).toBeGreaterThan(before + 40);
  });

  it("makes no request to any host other than localhost, with no page errors", () => {
    expect(pg().session.outside).toEqual([]);
    expect(pg().session.errors).toEqual([]);
  });
});
