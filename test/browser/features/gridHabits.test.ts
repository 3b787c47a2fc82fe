/**
 * Spreadsheet habits in the playground grid: Shift+arrows select a range, Ctrl+C puts it on the
 * clipboard as tab-separated text (what Excel and Google Sheets paste), Ctrl+V pastes such text
 * typed cell by cell, Delete clears the range, Ctrl+Home/Ctrl+End jump to the ends.
 */
import {
  clip,
  formulaOf,
  goTo,
  settled,
  shown,
  textWhen,
  usePlayground,
  values,
  valueWhen,
} from "../support/playground";

describe("playground grid: ranges, copy, paste", () => {
  const pg = usePlayground();

  it("selects a range with Shift+arrows and copies it as tab-separated text, as the grid shows it", async () => {
    const { page } = pg();
    await goTo(page, "Caseload!A3");
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("Shift+ArrowDown");
    await expect(
      settled(
        () => page.locator('[aria-selected="true"][data-cell]').count(),
        (n) => n === 4
      )
    ).resolves.toBe(4);
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
    await expect(valueWhen(page.getByLabel("Formula bar"), (v) => v === "=L3*2")).resolves.toBe(
      "=L3*2"
    );
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
    await expect(
      settled(
        () => page.getByTestId("frozen-header").count(),
        (n) => n === 0
      )
    ).resolves.toBe(0);
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

describe("playground grid: typing a PBR formula", () => {
  const pg = usePlayground();

  /** Where the grid and its first cell are on screen. */
  const gridPlace = (page: import("playwright-core").Page) =>
    page.evaluate(() => {
      const box = (el: Element | null) => el?.getBoundingClientRect().toJSON() as DOMRect;
      return {
        scroller: box(document.querySelector(".pbr-scroller")),
        a1: box(document.querySelector('[data-cell="A1"]')),
      };
    });

  it("accepts the highlighted suggestion with Tab, and Enter, instead of committing a part name", async () => {
    const { page } = pg();
    await goTo(page, "Summary!K8");
    await page.keyboard.type("=PBR.TA");
    const editor = page.getByLabel("Edit K8");
    await page.keyboard.press("Tab");
    // Still editing, with the full name and an opening bracket to go on with.
    await expect(valueWhen(editor, (v) => v === "=PBR.TARIFF(")).resolves.toBe("=PBR.TARIFF(");
    await page.keyboard.type('"11",30)');
    await page.keyboard.press("Enter");
    await expect(formulaOf(page, "Summary!K8")).resolves.toBe('=PBR.TARIFF("11",30)');
    await expect(shown(page, "Summary!K8")).resolves.not.toMatch(/#NAME\?/);

    // ArrowDown chooses the second suggestion; Enter accepts it.
    await goTo(page, "Summary!K9");
    await page.keyboard.type("=pbr.fy");
    const help = page.getByTestId("formula-help");
    await expect(
      textWhen(help.locator('[aria-current="true"]'), (t) => t.startsWith("PBR.FYDAYS"))
    ).resolves.toMatch(/^PBR\.FYDAYS /);
    await page.keyboard.press("ArrowDown");
    await expect(
      textWhen(help.locator('[aria-current="true"]'), (t) => t.startsWith("PBR.FYCOST"))
    ).resolves.toMatch(/^PBR\.FYCOST /);
    await page.keyboard.press("Enter");
    await expect(valueWhen(page.getByLabel("Edit K9"), (v) => v === "=PBR.FYCOST(")).resolves.toBe(
      "=PBR.FYCOST("
    );
    await page.keyboard.press("Escape");

    // The formula bar does the same.
    await goTo(page, "Summary!K10");
    const bar = page.getByLabel("Formula bar");
    await bar.click();
    await bar.pressSequentially("=PBR.MHNRGN");
    await bar.press("Tab");
    await expect(valueWhen(bar, (v) => v === "=PBR.MHNRGNAME(")).resolves.toBe("=PBR.MHNRGNAME(");
    await expect(
      page.evaluate(() => document.activeElement?.getAttribute("aria-label"))
    ).resolves.toBe("Formula bar");
  });

  it("shows the help over the grid without moving it, beside the text being typed", async () => {
    const { page } = pg();
    await goTo(page, "Summary!B3");
    const before = await gridPlace(page);
    await page.keyboard.type("=PBR.");
    const help = page.getByTestId("formula-help");
    await textWhen(help, (t) => t.startsWith("PBR.CLUSTER"));
    await expect(gridPlace(page)).resolves.toEqual(before);
    await page.keyboard.type("TARIFF(11, ");
    await textWhen(help, (t) => t.includes("days: "));
    await expect(gridPlace(page)).resolves.toEqual(before);
    // The panel sits just below the cell being edited, not over it.
    const editor = (await page.getByLabel("Edit B3").boundingBox())!;
    const panel = (await help.boundingBox())!;
    expect(panel.y).toBeGreaterThanOrEqual(editor.y + editor.height);
    expect(panel.y).toBeLessThan(editor.y + editor.height + 10);
    await page.keyboard.press("Escape");
    await expect(gridPlace(page)).resolves.toEqual(before);
  });
});

describe("playground grid: pasting dates, HTML tables and nothing usable", () => {
  const pg = usePlayground();

  /** Fire a paste on the grid whose clipboard holds exactly these types. */
  const pasteTypes = (page: import("playwright-core").Page, types: Record<string, string>) =>
    page.evaluate((types) => {
      const data = new DataTransfer();
      for (const [type, value] of Object.entries(types)) data.setData(type, value);
      document.activeElement!.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true })
      );
    }, types);
  const cellValue = async (
    page: import("playwright-core").Page,
    sheet: string,
    row: number,
    col: number
  ) => (await values(page, sheet, row, col, 1, 1))[0][0];

  it("pastes dd/mm/yyyy, d/m/yy and ISO dates as dates; impossible dates and text stay text", async () => {
    const { page } = pg();
    await goTo(page, "Summary!N2");
    await clip(
      page,
      "paste",
      "31/01/2026\tP1\r\n1/2/26\t007\r\n2026-03-31\tx\r\n31/02/2026\ty\r\n"
    );
    await expect(shown(page, "Summary!N2")).resolves.toBe("31/01/2026");
    await expect(shown(page, "Summary!N3")).resolves.toBe("01/02/2026");
    await expect(shown(page, "Summary!N4")).resolves.toBe("31/03/2026");
    await expect(shown(page, "Summary!N5")).resolves.toBe("31/02/2026");
    // Dates are serials a formula can count with; the impossible one is text.
    await expect(cellValue(page, "Summary", 1, 13)).resolves.toBe(46053);
    await expect(cellValue(page, "Summary", 4, 13)).resolves.toBe("31/02/2026");
    await goTo(page, "Summary!P2");
    await page.keyboard.type("=N3-N2");
    await page.keyboard.press("Enter");
    await expect(shown(page, "Summary!P2")).resolves.toBe("1");
    // Typing a date in a cell gives a date too.
    await goTo(page, "Summary!P3");
    await page.keyboard.type("1/4/2026");
    await page.keyboard.press("Enter");
    await expect(shown(page, "Summary!P3")).resolves.toBe("01/04/2026");
  });

  it("pastes a table from an HTML-only clipboard, cell texts typed as usual", async () => {
    const { page } = pg();
    await goTo(page, "Summary!N10");
    await pasteTypes(page, {
      "text/html":
        "<html><body><p>Copied from a web page</p><table><tr><th>Team</th><th>Cost</th><th>From</th></tr>" +
        "<tr><td>North&nbsp;East</td><td>£1,234.50</td><td>01/04/2025</td></tr><tr><td colspan=2>Total</td><td>x</td></tr></table>" +
        '<img src="https://example.invalid/pixel.png"><script>window.__ran = true</script></body></html>',
    });
    await expect(shown(page, "Summary!N10")).resolves.toBe("Team");
    await expect(shown(page, "Summary!N11")).resolves.toBe("North East");
    await expect(cellValue(page, "Summary", 10, 14)).resolves.toBe(1234.5);
    await expect(shown(page, "Summary!P11")).resolves.toBe("01/04/2025");
    await expect(shown(page, "Summary!N12")).resolves.toBe("Total");
    await expect(shown(page, "Summary!P12")).resolves.toBe("x");
    await expect(
      page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)
    ).resolves.toBeUndefined();
  });

  it("says in the status line when the clipboard holds nothing it can paste", async () => {
    const { page } = pg();
    await goTo(page, "Summary!N20");
    await pasteTypes(page, { "text/html": "<p>Just words</p>" });
    const status = page.getByTestId("cell-status");
    await expect(textWhen(status, (t) => t.startsWith("Nothing pasted"))).resolves.toMatch(
      /no table of cells/
    );
    await expect(shown(page, "Summary!N20")).resolves.toBe("");
    await goTo(page, "Summary!N21");
    await expect(textWhen(status, (t) => t === "")).resolves.toBe("");
    await pasteTypes(page, {});
    await expect(textWhen(status, (t) => t.startsWith("Nothing pasted"))).resolves.toMatch(
      /no text or table/
    );
  });

  it("makes no request to any host other than localhost, with no page errors", () => {
    expect(pg().session.outside).toEqual([]);
    expect(pg().session.errors).toEqual([]);
  });
});
