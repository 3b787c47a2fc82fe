/**
 * Import caseload with hostile files, in the playground: a Windows-1252 export is read as
 * Windows-1252 (and read as UTF-8 on request, its unreadable rows rejected), and a stray quote
 * stops the import before anything is written until the user chooses to split or keep.
 */
import { join } from "node:path";
import { DEMO_SHEETS, openFeature, pane, sheetTabs, shown, usePlayground, valueWhen } from "../support/playground";

const HOSTILE = join(__dirname, "..", "..", "fixtures", "hostile");

describe("Import caseload: choosing the encoding", () => {
  const pg = usePlayground();

  it("says the file was read as Windows-1252 and imports Café, £1 and Équipe intact", async () => {
    const { page } = pg();
    const panel = await openFeature(page, "Import caseload");
    await panel
      .getByLabel("Caseload file (CSV or XLSX)")
      .setInputFiles(join(HOSTILE, "windows-1252.csv"));
    await panel
      .getByText(/^Read as Windows-1252 \(Western European\): line 2 is not valid UTF-8/)
      .waitFor();
    await expect(valueWhen(panel.getByTestId("encoding"), (v) => v === "windows-1252")).resolves.toBe("windows-1252");
    await panel.getByRole("button", { name: "Import" }).click();
    await panel.getByText("Imported 3, rejected 0.").waitFor();
    await panel.getByRole("button", { name: "Show the caseload" }).click();
    await page.getByRole("grid", { name: "Sheet Caseload (2)" }).waitFor();
    await expect(shown(page, "F2")).resolves.toBe("Café Team");
    await expect(shown(page, "G2")).resolves.toBe("£1 contract");
    await expect(shown(page, "F3")).resolves.toBe("Équipe Nord");
    await expect(shown(page, "G3")).resolves.toBe("O’Neill €5");
  });

  it("read as UTF-8 on request, warns before import and rejects the rows it could not read", async () => {
    const { page } = pg();
    const panel = pane(page);
    await panel.getByRole("button", { name: "Import another file" }).click();
    await panel
      .getByLabel("Caseload file (CSV or XLSX)")
      .setInputFiles(join(HOSTILE, "windows-1252.csv"));
    await panel.getByTestId("encoding").selectOption("utf-8");
    await panel.getByText(/^5 characters could not be read as UTF-8/).waitFor();
    await panel.getByRole("button", { name: "Import" }).click();
    await panel.getByText("Imported 1, rejected 2.").waitFor();
  });
});

describe("Import caseload: a stray quote", () => {
  const pg = usePlayground();

  it("stops before writing, names both lines, and offers split or keep", async () => {
    const { page } = pg();
    const panel = await openFeature(page, "Import caseload");
    await panel
      .getByLabel("Caseload file (CSV or XLSX)")
      .setInputFiles(join(HOSTILE, "stray-quote-mid.csv"));
    await panel.getByRole("button", { name: "Import" }).click();
    const alert = panel.getByTestId("stray-quotes");
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain(
      "Row 3 (line 3): the quoted Team value that starts here runs on to line 4, which looks like a row of its own: “P3,13,03/04/2024,Team B,ICB”."
    );
    expect(await sheetTabs(page)).toEqual(DEMO_SHEETS); // nothing written yet
    await expect(
      panel.getByRole("button", { name: "Keep as text and import" }).count()
    ).resolves.toBe(1);
  });

  it("split: the stray line is rejected and the swallowed rows are imported", async () => {
    const { page } = pg();
    const panel = pane(page);
    await panel.getByRole("button", { name: "Split at the stray quotes and import" }).click();
    await panel.getByText("Imported 4, rejected 1.").waitFor();
    const summary = await panel.getByRole("list", { name: "Import summary" }).textContent();
    expect(summary).toContain("1 stray quote was split off, as you chose");
    await panel.getByRole("button", { name: "Show the caseload" }).click();
    await page.getByRole("grid", { name: "Sheet Caseload (2)" }).waitFor();
    await expect(shown(page, "A3")).resolves.toBe("P3");
    await expect(shown(page, "F3")).resolves.toBe("Team B");
  });
});
