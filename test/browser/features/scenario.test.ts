/**
 * Scenario runner, end to end in the playground: a typed plan value and the demo's RiskBands table
 * (the illustrative corridor: 0–3% of plan shared at rate 0, 3–10% at 0.5, beyond 10% at 1), run,
 * then the Scenario sheet's payments checked against sums worked out here by hand, and the line
 * chart drawn in the page.
 */
import {
  formulaOf,
  goTo,
  openFeature,
  pane,
  paneOverflow,
  screenshot,
  seenInPane,
  settled,
  sheetTabs,
  shown,
  usePlayground,
  valueWhen,
} from "../support/playground";

const PLAN = 1_000_000;

describe("Scenario runner in the playground", () => {
  const pg = usePlayground();

  it("says what is missing next to the plan value field", async () => {
    const panel = await openFeature(pg().page, "Scenario runner");
    await panel.getByRole("button", { name: "Write scenarios" }).click();
    await panel.getByText("Enter the planned contract value in pounds, above £0.").waitFor();
    expect(await sheetTabs(pg().page)).not.toContain("Scenario");
  });

  it("writes the Scenario sheet from a typed plan value and the chosen band table", async () => {
    const { page } = pg();
    const panel = pane(page).getByRole("tabpanel", { name: "Scenario runner" });
    await panel.getByRole("radio", { name: "Type the planned contract value" }).check();
    await panel.getByLabel("Planned contract value (£)").fill("1,000,000");
    await panel.getByLabel("Band table").selectOption("RiskBandsTable");
    await panel.getByLabel("Bands for under-performance").selectOption({ label: "Same as above" });
    await expect(valueWhen(panel.getByLabel("From (%)"), (v) => v === "-15")).resolves.toBe("-15");
    await expect(valueWhen(panel.getByLabel("To (%)"), (v) => v === "15")).resolves.toBe("15");
    await expect(valueWhen(panel.getByLabel("Step (%)"), (v) => v === "2.5")).resolves.toBe("2.5");
    await panel.getByRole("button", { name: "Write scenarios" }).click();
    const done = panel.getByRole("status").filter({ hasText: "Wrote sheet Scenario" });
    await done.waitFor();
    await expect(seenInPane(done)).resolves.toBe(true); // the outcome under the button is brought into view
    await expect(done.textContent()).resolves.toContain(
      "13 scenarios from -15% to 15% with a plan value of £1,000,000.00"
    );
    await expect(paneOverflow(page)).resolves.toBe(0);
    expect(await sheetTabs(page)).toContain("Scenario");
  });

  it("pays what the band table says, worked out by hand", async () => {
    const { page } = pg();
    await expect(shown(page, "Scenario!B5")).resolves.toBe("£1,000,000.00");
    await expect(formulaOf(page, "Scenario!C10")).resolves.toMatch(
      /^=PBR\.SCENARIOS\(\$B\$5, ?\$A\$11:\$A\$23, ?RiskBands!\$A\$4:\$C\$7,/
    );
    expect([
      await shown(page, "Scenario!C10"),
      await shown(page, "Scenario!E10"),
      await shown(page, "Scenario!F10"),
    ]).toEqual(["Variance", "Payment", "Provider gain"]);

    // +15%: activity £1,150,000, Δ = £150,000. Bands: first £30,000 (3%) at 0 = £0; next £70,000
    // (3–10%) at 0.5 = £35,000; last £50,000 (beyond 10%) at 1 = £50,000. Payment = P + £85,000.
    const over = PLAN + 0 * 30_000 + 0.5 * 70_000 + 1 * 50_000;
    expect(over).toBe(1_085_000);
    await expect(shown(page, "Scenario!C23")).resolves.toBe("15.0%");
    await expect(shown(page, "Scenario!D23")).resolves.toBe("£1,150,000.00");
    await expect(shown(page, "Scenario!E23")).resolves.toBe("£1,085,000.00");
    await expect(shown(page, "Scenario!F23")).resolves.toBe("-£65,000.00"); // provider gain = payment − activity
    await expect(shown(page, "Scenario!G23")).resolves.toBe("£85,000.00"); // change against plan

    // −5%: activity £950,000, Δ = −£50,000: first £30,000 at 0, next £20,000 at 0.5 = £10,000 refunded.
    const under = PLAN - (0 * 30_000 + 0.5 * 20_000);
    expect(under).toBe(990_000);
    await expect(shown(page, "Scenario!C15")).resolves.toBe("-5.0%");
    await expect(shown(page, "Scenario!E15")).resolves.toBe("£990,000.00");
    await expect(shown(page, "Scenario!F15")).resolves.toBe("£40,000.00");

    // +2.5% is inside the 3% dead band: the plan is paid unchanged.
    await expect(shown(page, "Scenario!C18")).resolves.toBe("2.5%");
    await expect(shown(page, "Scenario!E18")).resolves.toBe("£1,000,000.00");
  });

  it("draws the line chart of payment and provider gain in the page", async () => {
    const { page } = pg();
    await goTo(page, "Scenario!T20"); // bring the chart anchored at M4 into view
    const chart = page.getByRole("img", {
      name: "Line chart: Payment and provider gain against variance",
    });
    await chart.waitFor();
    await expect(
      settled(
        () => chart.locator("polyline").count(),
        (n) => n === 2
      )
    ).resolves.toBe(2);
    const labels = await chart.locator("text").allTextContents();
    expect(labels).toEqual(
      expect.arrayContaining(["-15.0%", "0.0%", "15.0%", "Payment", "Provider gain"])
    );
    await goTo(page, "Scenario!A1");
    await goTo(page, "Scenario!V17"); // the table's payments on the left, the whole chart on the right
    await screenshot(page, "feature-scenario");
  });

  it("can cost the demo caseload with the price table for the plan value instead", async () => {
    const { page } = pg();
    const panel = pane(page).getByRole("tabpanel", { name: "Scenario runner" });
    await panel
      .getByRole("radio", { name: "Cost a caseload with a price table (live formulas)" })
      .check();
    await expect(
      valueWhen(panel.getByLabel(/^Caseload table/), (v) => v === "Caseload")
    ).resolves.toBe("Caseload");
    await panel.getByLabel("Price table", { exact: true }).selectOption("PricesTable");
    await expect(
      panel
        .getByLabel(/^Start date column/)
        .locator("option:checked")
        .textContent()
    ).resolves.toBe("Start date");
    await panel.getByLabel("Financial year (year it starts)").fill("2024");
    await panel.getByRole("button", { name: "Write scenarios" }).click();
    await panel.getByRole("status").filter({ hasText: "Wrote sheet Scenario (2)" }).waitFor();
    await expect(formulaOf(page, "'Scenario (2)'!B5")).resolves.toMatch(
      /^=SUM\(PBR\.FYCOST\(Caseload!\$D\$4:\$D\$2003,/
    );
    // The same cost the demo's Summary sheet works out for 2024/25 with the same prices.
    const summaryCost = await shown(page, "Summary!H57");
    await expect(shown(page, "'Scenario (2)'!B5")).resolves.toBe(summaryCost);
  });

  it("makes no request to any host other than localhost, with no page errors", () => {
    expect(pg().session.outside).toEqual([]);
    expect(pg().session.errors).toEqual([]);
  });
});
