/**
 * Cluster audit, end to end in the playground: the demo caseload (2,000 synthetic people with a
 * recorded cluster and 18 ratings) in; a sheet with one live spilled =PBR.CLUSTERCHECK for everyone, counts by
 * recorded cluster and team that add up to the number of people, and a bar chart drawn in the page.
 */
import {
  formulaOf,
  goTo,
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
import { seriesColour } from "../../../src/workbook/chartStyle";

const PEOPLE = 2000;
const SHEET = "Cluster audit";

describe("Cluster audit in the playground", () => {
  const pg = usePlayground();

  it("flags a red rule broken by a rating typed into the demo caseload", async () => {
    // SYN-0001 is recorded in cluster 3 (non-psychotic); rating item 6 (hallucinations and
    // delusions, column N) at 4 breaks that cluster's red rule.
    const { page } = pg();
    await expect(shown(page, "Caseload!D4")).resolves.toBe("3");
    await goTo(page, "Caseload!N4");
    await page.keyboard.type("4");
    await page.keyboard.press("Enter");
    await expect(shown(page, "Caseload!AB4")).resolves.toMatch(
      /^Broken: item 6 \(hallucinations and delusions\) rated 4; cluster 3 needs/
    );
  });

  it("finds the demo caseload's recorded cluster, team and all 18 rating columns", async () => {
    const panel = await openFeature(pg().page, "Cluster audit");
    await expect(
      valueWhen(panel.getByLabel("Caseload table"), (v) => v === "Caseload")
    ).resolves.toBe("Caseload");
    await expect(
      valueWhen(panel.getByLabel("Profile table"), (v) => v === "ProfileTable")
    ).resolves.toBe("ProfileTable");
    await expect(
      panel.getByLabel("Recorded cluster column").locator("option:checked").textContent()
    ).resolves.toBe("Recorded cluster");
    await expect(
      panel.getByLabel("Team column").locator("option:checked").textContent()
    ).resolves.toBe("Team");
    await panel.getByText("Rating columns: all 18 found (1–13 and A–E).").waitFor();
  });

  it("writes the audit sheet with a check per person", async () => {
    const { page } = pg();
    const panel = pane(page).getByRole("tabpanel", { name: "Cluster audit" });
    await panel.getByRole("button", { name: "Audit clusters" }).click();
    const done = panel.getByRole("status").filter({ hasText: `Wrote sheet ${SHEET}` });
    await done.waitFor({ timeout: 20_000 });
    await expect(seenInPane(done)).resolves.toBe(true);
    await expect(done.textContent()).resolves.toContain(
      "checks for 2,000 people from one live PBR.CLUSTERCHECK over the caseload, counts by recorded cluster and by team (live PBR.CHECKCOUNTS), and a bar chart"
    );
    await expect(paneOverflow(page)).resolves.toBe(0);
    expect(await sheetTabs(page)).toContain(SHEET);

    await expect(shown(page, `'${SHEET}'!X4`)).resolves.toBe("Check");
    await expect(shown(page, `'${SHEET}'!A5`)).resolves.toBe("SYN-0001");
    // One spilled call for all 2,000 people, not one per row.
    await expect(formulaOf(page, `'${SHEET}'!X5`)).resolves.toMatch(
      /^=IF\(\$V\$5:\$V\$2004<>"", ?\$V\$5:\$V\$2004, ?PBR\.CLUSTERCHECK\(\$D\$5:\$U\$2004, ?\$C\$5:\$C\$2004, ?Profile!\$A\$4:\$H\$\d+, ?SuperclassRules!\$A\$4:\$E\$\d+\)\)$/
    );
    await expect(shown(page, `'${SHEET}'!X5`)).resolves.toMatch(
      /^Broken: item 6 \(hallucinations and delusions\) rated 4; cluster 3 needs/
    );
    // The long reason runs on into the empty column Y and stops where the summary starts (Z), as in Excel.
    const runOn = await page.locator('[data-cell="X5"] .pbr-runon').boundingBox();
    const summaryStart = await page.locator('[data-cell="Z5"]').boundingBox();
    expect(runOn!.x + runOn!.width).toBeLessThanOrEqual(summaryStart!.x);
    await expect(shown(page, `'${SHEET}'!X6`)).resolves.toMatch(
      /^(OK$|Broken: |Unconfirmed: |Super class: |Variance: |Not clustered: )/
    );
  });

  it("gives every person OK or a reason, and counts that add up to the number of people", async () => {
    const { page } = pg();
    const checks = (await values(page, SHEET, 4, 23, PEOPLE, 1)).map((r) => String(r[0]));
    expect(
      checks.every((c) =>
        /^(OK$|Broken: |Unconfirmed: |Super class: |Variance: |Not clustered: |Too few ratings: )/.test(
          c
        )
      )
    ).toBe(true);
    const ok = checks.filter((c) => c === "OK").length;
    const broken = checks.filter((c) => c.startsWith("Broken:")).length;
    const unconfirmed = checks.filter((c) => c.startsWith("Unconfirmed:")).length;
    expect(ok).toBeGreaterThan(0);
    expect(broken).toBeGreaterThanOrEqual(1); // at least the rating typed above

    // The by-cluster summary: find its "All" row in column Z.
    const labels = (await values(page, SHEET, 0, 25, 40, 1)).map((r) => r[0]);
    const all = labels.indexOf("All") + 1; // Excel row
    expect(all).toBeGreaterThan(6);
    const counts = [];
    // OK, Broken, Unconfirmed, Super class, Variance, Not clustered, Too few ratings, Other, People
    // (one live PBR.CHECKCOUNTS).
    await expect(formulaOf(page, `'${SHEET}'!Z6`)).resolves.toMatch(/^=PBR\.CHECKCOUNTS\(/);
    for (const col of ["AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "AI"])
      counts.push(numberShown(await shown(page, `'${SHEET}'!${col}${all}`)));
    const people = counts[8];
    expect(people).toBe(PEOPLE);
    expect(counts.slice(0, 8).reduce((a, b) => a + b, 0)).toBe(PEOPLE);
    const [okCount, brokenCount, unconfirmedCount] = counts;
    expect([okCount, brokenCount, unconfirmedCount]).toEqual([ok, broken, unconfirmed]);
    const count = (prefix: string) => checks.filter((c) => c.startsWith(prefix)).length;
    expect(counts.slice(3, 7)).toEqual([
      count("Super class:"),
      count("Variance:"),
      count("Not clustered:"),
      count("Too few ratings:"),
    ]);
    // The demo's Summary sheet counts the same OKs with its own CLUSTERCHECK column.
    await expect(shown(page, "Summary!D57")).resolves.toBe(String(ok));
  });

  it("draws the bar chart of checks by recorded cluster in the page", async () => {
    const { page } = pg();
    await page
      .getByRole("navigation", { name: "Sheets" })
      .getByRole("tab", { name: SHEET })
      .click();
    const chart = page.getByRole("img", { name: "Bar chart: Cluster checks by recorded cluster" });
    await chart.waitFor();
    expect(await chart.locator(`rect[fill='${seriesColour(0)}']`).count()).toBeGreaterThan(10); // an OK bar per cluster
    // The chart sits two rows under the by-team summary (its second "All" row in column Z).
    const labels = (await values(page, SHEET, 0, 25, 80, 1)).map((r) => r[0]);
    const teamTotal = labels.lastIndexOf("All") + 1;
    await goTo(page, `'${SHEET}'!AG${teamTotal + 14}`); // scroll so the whole chart is in view
    await screenshot(page, "feature-audit");
  });

  it("makes no request to any host other than localhost, with no page errors", () => {
    expect(pg().session.outside).toEqual([]);
    expect(pg().session.errors).toEqual([]);
  });
});
