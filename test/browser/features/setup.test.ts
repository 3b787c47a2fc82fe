/**
 * Set up model, end to end in the playground: the demo workbook already has Prices, Steps,
 * RiskBands, Profile, Caseload and Summary, so the new sheets get unique names and nothing of the
 * demo is overwritten; the PBR formulas on the new sheets evaluate.
 */
import {
  DEMO_SHEETS,
  formulaOf,
  numberShown,
  openFeature,
  paneOverflow,
  screenshot,
  seenInPane,
  sheetTabs,
  shown,
  usePlayground,
} from "../support/playground";

describe("Set up model in the playground", () => {
  const pg = usePlayground();

  it("offers the demo's built-in tables instead of copies, and adds only the model's own sheets", async () => {
    const { page } = pg();
    const panel = await openFeature(page, "Set up model");
    await panel.getByLabel(/Financial year to cost the caseload in/).fill("2025");
    await panel.getByRole("button", { name: "Set up model" }).click();
    const offer = panel.getByRole("alert").filter({ hasText: "already has the built-in" });
    await offer.waitFor();
    const text = (await offer.textContent()) ?? "";
    for (const key of ["Prices", "Profile", "SuperclassRules", "Steps", "RiskBands"]) expect(text).toContain(`${key} (sheet ${key})`);
    await offer.getByRole("button", { name: "Use the tables already here" }).click();
    const outcome = panel.getByRole("status").filter({ hasText: "Added 3 sheets" });
    await outcome.waitFor();
    await expect(outcome.textContent()).resolves.toContain("Used the built-in tables already in the workbook instead of copies");
    await expect(outcome.textContent()).resolves.toContain("nothing was overwritten");
    await expect(seenInPane(outcome)).resolves.toBe(true);
    // The long outcome wraps inside the pane instead of widening it past the window's edge.
    await expect(paneOverflow(page)).resolves.toBe(0);

    expect(await sheetTabs(page)).toEqual([
      ...DEMO_SHEETS,
      "Caseload (2)",
      "Scenario",
      "Summary (2)",
    ]);
  });

  it("shows the new Summary sheet: its tab scrolled into view, column A not hidden", async () => {
    const { page } = pg();
    await page.getByRole("grid", { name: "Sheet Summary (2)", exact: true }).waitFor(); // the pane selects it when done
    const bar = await page.getByRole("navigation", { name: "Sheets" }).boundingBox();
    const tab = await page.getByRole("tab", { name: "Summary (2)" }).boundingBox();
    expect(tab!.x).toBeGreaterThanOrEqual(bar!.x);
    expect(tab!.x + tab!.width).toBeLessThanOrEqual(bar!.x + bar!.width + 1);
    // Coming from far right on another sheet, a sheet opens at its own top-left corner.
    await shown(page, "'Caseload (2)'!Z5");
    await shown(page, "Scenario!B5");
    const rowHeads = await page.locator('[role="rowheader"]').first().boundingBox();
    const a1 = await page.locator('[data-cell="A1"]').boundingBox();
    expect(a1!.x).toBeGreaterThanOrEqual(rowHeads!.x + rowHeads!.width - 1);
  });

  it("leaves the demo's sheets as they were", async () => {
    const { page } = pg();
    await expect(shown(page, "Caseload!A4")).resolves.toBe("SYN-0001");
    await expect(shown(page, "Prices!A5")).resolves.toBe("0");
  });

  it("fills the new sheets so the PBR formulas work at once", async () => {
    const { page } = pg();
    // The example caseload's cost column: =PBR.FYCOST(...) against the demo's price table and FYStart.
    await expect(shown(page, "'Caseload (2)'!A5")).resolves.toBe("EX001");
    await expect(formulaOf(page, "'Caseload (2)'!Z5")).resolves.toMatch(/^=PBR\.FYCOST\(.*Prices!\$A\$\d+:\$D\$\d+\)$/);
    const cost = await shown(page, "'Caseload (2)'!Z5");
    expect(cost).toMatch(/^£[\d,]+\.\d\d$/);

    // The summary adds the costs up and counts the six people.
    await expect(shown(page, "'Summary (2)'!B5")).resolves.toBe("2025");
    await expect(shown(page, "'Summary (2)'!B6")).resolves.toBe("6");
    const total = numberShown(await shown(page, "'Summary (2)'!B7"));
    expect(total).toBeGreaterThan(0);

    // The Scenario sheet is driven by PBR.SCENARIOS on the plan value (the summary's cost).
    await expect(formulaOf(page, "Scenario!B5")).resolves.toMatch(/^=PlanValue$/);
    expect(numberShown(await shown(page, "Scenario!B5"))).toBeCloseTo(total, 2);
    await expect(formulaOf(page, "Scenario!C10")).resolves.toMatch(/^=PBR\.SCENARIOS\(/);
    await expect(shown(page, "Scenario!C11")).resolves.toBe("-15.0%");
    expect(await shown(page, "Scenario!D11")).toMatch(/^£[\d,]+\.\d\d$/); // payment at -15%
    await screenshot(page, "feature-setup");
  });

  it("makes no request to any host other than localhost, with no page errors", () => {
    expect(pg().session.outside).toEqual([]);
    expect(pg().session.errors).toEqual([]);
  });
});
