/**
 * Budget planner, end to end in the playground: the demo caseload (2,000 synthetic people with a
 * recorded cluster and a budget step), an envelope and a contingency in; the Budgets sheet with
 * k (=PBR.RASCALIBRATE) and one spilled =PBR.RASBUILDUP giving every person's budget, in whole
 * pennies adding up to the envelope less contingency to the penny.
 */
import {
  formulaOf,
  numberShown,
  openFeature,
  pane,
  paneOverflow,
  screenshot,
  seenInPane,
  sheetTabs,
  shown,
  usePlayground,
  values,
  valueWhen,
} from "../support/playground";

const ENVELOPE = 6_000_000;
const CONTINGENCY = 0.1;
const PEOPLE = 2000;

describe("Budget planner in the playground", () => {
  const pg = usePlayground();

  it("finds the demo caseload and its columns, and asks for the envelope next to its field", async () => {
    const panel = await openFeature(pg().page, "Budget planner");
    await expect(
      valueWhen(panel.getByLabel("Caseload table"), (v) => v === "Caseload")
    ).resolves.toBe("Caseload");
    await expect(
      panel.getByLabel("Cluster code column").locator("option:checked").textContent()
    ).resolves.toBe("Recorded cluster");
    await expect(
      panel.getByLabel("Step column").locator("option:checked").textContent()
    ).resolves.toBe("Budget step");
    await expect(
      panel.getByLabel("Id column").locator("option:checked").textContent()
    ).resolves.toBe("Id");
    await panel.getByRole("button", { name: "Write budgets" }).click();
    await panel.getByText("Enter the budget envelope in pounds, above £0.").waitFor();
  });

  it("writes the Budgets sheet for the chosen caseload, envelope and contingency", async () => {
    const { page } = pg();
    const panel = pane(page).getByRole("tabpanel", { name: "Budget planner" });
    await panel.getByLabel("Price table").selectOption("PricesTable");
    await panel.getByLabel("Step table").selectOption("StepsTable");
    await panel.getByLabel("Budget envelope (£)").fill("6,000,000");
    await panel.getByLabel("Contingency held back (%)").fill("10");
    await panel.getByRole("button", { name: "Write budgets" }).click();
    const done = panel.getByRole("status").filter({ hasText: "Wrote sheet Budgets" });
    await done.waitFor({ timeout: 20_000 });
    await expect(seenInPane(done)).resolves.toBe(true);
    await expect(done.textContent()).resolves.toContain(
      "2,000 indicative budgets calibrated to £6,000,000.00 less 10% contingency"
    );
    await expect(paneOverflow(page)).resolves.toBe(0);
    expect(await sheetTabs(page)).toContain("Budgets");
  });

  it("shows k and each person's budget built from cluster average × step percent × k", async () => {
    const { page } = pg();
    await expect(formulaOf(page, "Budgets!B7")).resolves.toMatch(
      /^=PBR\.RASCALIBRATE\(\$B\$12:\$B\$2011, ?\$C\$12:\$C\$2011, ?\$B\$5, ?\$B\$6, ?Prices!/
    );
    const kText = await shown(page, "Budgets!B7");
    expect(kText).toMatch(/^\d+\.\d{4}$/);
    const k = numberShown(kText);
    expect(k).toBeGreaterThan(0);
    await expect(shown(page, "Budgets!B9")).resolves.toBe("£5,400,000.00"); // £6,000,000 × (1 − 10%)

    // The first person: same id, cluster and step as the demo caseload's first row.
    await expect(shown(page, "Budgets!A12")).resolves.toBe("SYN-0001");
    const [code, step] = [await shown(page, "Caseload!D4"), await shown(page, "Caseload!H4")];
    await expect(shown(page, "Budgets!B12")).resolves.toBe(code);
    await expect(shown(page, "Budgets!C12")).resolves.toBe(step);
    await expect(formulaOf(page, "Budgets!E12")).resolves.toMatch(
      /^=PBR\.RASBUILDUP\(\$B\$12:\$B\$2011, ?\$C\$12:\$C\$2011, ?Prices!.*, ?0\.01\)$/
    );
    const average = numberShown(await shown(page, "Budgets!E12"));
    const stepPercent = numberShown(await shown(page, "Budgets!F12"));
    const budget = numberShown(await shown(page, "Budgets!H12"));
    expect(average).toBeGreaterThan(0);
    expect(budget).toBeCloseTo(average * stepPercent * k, -1); // k is shown to 4 places, so within a few pounds
  });

  it("writes budgets in whole pennies that add up to the envelope less contingency to the penny", async () => {
    const { page } = pg();
    const budgets = (await values(page, "Budgets", 11, 7, PEOPLE, 1)).map((r) => r[0]);
    expect(budgets.every((b) => typeof b === "number" && b >= 0)).toBe(true);
    const pennies = (budgets as number[]).map((b) => b * 100);
    expect(pennies.every((p) => Math.abs(p - Math.round(p)) < 1e-6)).toBe(true);
    expect(pennies.reduce((s, p) => s + Math.round(p), 0)).toBe(ENVELOPE * (1 - CONTINGENCY) * 100);
    const total = (budgets as number[]).reduce((s, b) => s + b, 0);
    expect(Math.abs(numberShown(await shown(page, "Budgets!B10")))).toBeLessThan(0.005); // nothing left unallocated
    expect(numberShown(await shown(page, "Budgets!B8"))).toBeCloseTo(total, 2);
    await shown(page, "Budgets!A1");
    await screenshot(page, "feature-budget");
  });

  it("makes no request to any host other than localhost, with no page errors", () => {
    expect(pg().session.outside).toEqual([]);
    expect(pg().session.errors).toEqual([]);
  });
});
