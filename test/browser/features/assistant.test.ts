/**
 * Cluster assistant, end to end in the playground: rate the 18 items, read the suggestion, its red
 * rules and the best candidates, then insert the ratings and a live =PBR.CLUSTER formula at an
 * empty cell chosen in the grid, and check the grid shows the same cluster.
 */
import { defaultProfile } from "../../../src/core/clusters/defaultProfile";
import { explainRatings, type RatingsExplanation } from "../../../src/core/clusters/explain";
import { defaultSuperclassRules } from "../../../src/core/clusters/defaultSuperclassRules";
import { guidanceFor } from "../../../src/core/clusters/guidance";
import { formulaOf, goTo, openFeature, pane, paneOverflow, screenshot, seenInPane, settled, shown, usePlayground, valueWhen } from "../support/playground";

// A first-episode-psychosis picture: severe hallucinations and delusions (item 6), with little else.
const RATINGS = [0, 0, 0, 0, 0, 4, 1, 1, 2, 1, 1, 2, 0, 0, 0, 0, 1, 1];

describe("Cluster assistant in the playground", () => {
  const pg = usePlayground();
  // What PBR.CLUSTER's core makes of these ratings with the indicative profile and super class rules
  // (the demo's Profile and SuperclassRules tables, which the assistant picks by default).
  const expected = explainRatings(
    RATINGS,
    defaultProfile(),
    null,
    5,
    defaultSuperclassRules()
  ) as RatingsExplanation;

  it("asks for ratings first", async () => {
    const panel = await openFeature(pg().page, "Cluster assistant");
    await panel
      .getByText(
        "Enter the ratings to see a suggested cluster (at least 12 of the 18 must be known)."
      )
      .waitFor();
  });

  it("suggests a cluster from 18 ratings, with its red rules and the best candidates", async () => {
    const { page } = pg();
    const panel = pane(page).getByRole("tabpanel", { name: "Cluster assistant" });
    const items = panel.getByRole("group", { name: "MHCT ratings" }).getByRole("combobox");
    await expect(settled(() => items.count(), (n) => n === 18)).resolves.toBe(18);
    await expect(
      panel.getByLabel("6. Problems associated with hallucinations and delusions").count()
    ).resolves.toBe(1);
    for (const [i, rating] of RATINGS.entries()) await items.nth(i).selectOption(String(rating));

    expect(expected.suggested).toBeGreaterThan(0);
    const heading = panel.getByRole("heading", {
      name: new RegExp(`^Suggested cluster: ${expected.suggested} `),
    });
    await heading.waitFor();
    await expect(settled(() => panel.getByText("18 of 18 ratings known.").count(), (n) => n === 1)).resolves.toBe(1);
    // Screen readers hear the one-line answer when it changes, not the whole explanation again.
    await expect(panel.getByTestId("suggestion-announcement").textContent()).resolves.toMatch(
      new RegExp(`^Suggested cluster ${expected.suggested}, fit \\d+%\\.$`)
    );
    const live = await panel.locator("[aria-live]").evaluateAll((els) => els.map((e) => (e.textContent ?? "").length));
    expect(Math.max(...live)).toBeLessThan(200);
    // Super class first: the rule and the rating behind it are shown.
    await expect(
      panel
        .getByText(
          /^Super class \(from the ratings\): B \(psychotic\) by rule 3: .*item 6 \(hallucinations and delusions\) rated 4/
        )
        .count()
    ).resolves.toBe(1);
    await expect(
      panel.getByRole("list", { name: `Red rules for cluster ${expected.suggested}` }).count()
    ).resolves.toBe(1);

    // What the booklet says (issue 29): the notes for this suggestion with their sources, and the
    // decision tree, step-down and timing notes folded below them.
    const booklet = panel.getByRole("region", { name: "What the booklet says" });
    const notes = guidanceFor(expected.suggested, expected.superclass?.code ?? null, RATINGS);
    for (const n of notes.filter((x) => !["decision-tree", "step-down", "timing"].includes(x.id)))
      await expect(settled(() => booklet.getByText(n.text).count(), (n) => n === 1)).resolves.toBe(1);
    await booklet.getByText("Clustering Booklet: decision tree, step-down and timing").click();
    await booklet.getByText(/The criteria are not held here/).waitFor();
    await booklet
      .getByText("Cluster after at most two community contacts or two occupied bed days.")
      .waitFor();

    const candidates = panel.getByRole("table", { name: "Best candidates" });
    const firstColumn = await candidates
      .getByRole("row")
      .evaluateAll((rows) => rows.slice(1).map((r) => r.querySelector("td")?.textContent));
    expect(firstColumn).toEqual(expected.candidates.map((c) => String(c.code)));
    await expect(paneOverflow(page)).resolves.toBe(0);
  });

  it("says why nothing was inserted when the chosen cells are not empty", async () => {
    const { page } = pg();
    const panel = pane(page).getByRole("tabpanel", { name: "Cluster assistant" });
    await goTo(page, "Caseload!A4");
    await panel.getByRole("button", { name: "Insert ratings and formula at selection" }).click();
    const alert = panel.getByRole("alert");
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain(
      "Nothing was inserted: cells A4:S4 on Caseload are not empty."
    );
    await expect(shown(page, "Caseload!A4")).resolves.toBe("SYN-0001");
  });

  it("inserts the ratings and a live PBR.CLUSTER formula at an empty cell picked in the grid", async () => {
    const { page } = pg();
    const panel = pane(page).getByRole("tabpanel", { name: "Cluster assistant" });
    await goTo(page, "Summary!A89"); // scroll there, then pick the cell with the mouse as a user would
    await page.locator('[data-cell="A90"]').click();
    await page.locator('[data-cell="A90"][aria-selected="true"]').waitFor();
    await panel.getByRole("button", { name: "Insert ratings and formula at selection" }).click();
    const inserted = panel.getByRole("status").filter({ hasText: "Inserted the ratings" });
    await inserted.waitFor();
    await expect(seenInPane(inserted)).resolves.toBe(true);
    await expect(paneOverflow(page)).resolves.toBe(0); // the formula in the message wraps

    // The pane leaves the formula's cell selected.
    await expect(valueWhen(page.getByLabel("Name box (cell address)"), (v) => v === "S90")).resolves.toBe("S90");
    await expect(formulaOf(page, "Summary!S90")).resolves.toMatch(
      /^=PBR\.CLUSTER\(A90:R90, ?, ?Profile!\$A\$4:\$H\$\d+, ?SuperclassRules!\$A\$4:\$E\$\d+\)$/
    );
    await expect(shown(page, "Summary!S90")).resolves.toBe(String(expected.suggested));
    await expect(shown(page, "Summary!F90")).resolves.toBe("4");

    // Live: change item 6 in the sheet and the cluster follows.
    await goTo(page, "Summary!F90");
    await page.keyboard.type("0");
    await page.keyboard.press("Enter");
    await expect(shown(page, "Summary!S90")).resolves.not.toBe(String(expected.suggested));
    await goTo(page, "Summary!F90");
    await page.keyboard.type("4");
    await page.keyboard.press("Enter");
    await expect(shown(page, "Summary!S90")).resolves.toBe(String(expected.suggested));
    await goTo(page, "Summary!S90");
    await screenshot(page, "feature-assistant");
  });

  it("makes no request to any host other than localhost, with no page errors", () => {
    expect(pg().session.outside).toEqual([]);
    expect(pg().session.errors).toEqual([]);
  });
});
