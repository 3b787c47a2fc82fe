/**
 * Activity by resource group, end to end in the playground: open an MHSDS-style extract, see the
 * one bad row named with its sheet row before anything is written, leave it out, and find the
 * Resource groups sheet with a summary that adds up and no error cells.
 */
import { join } from "node:path";
import { openFeature, screenshot, sheetTabs, shown, usePlayground } from "../support/playground";

const FIXTURE = join(__dirname, "..", "..", "fixtures", "activity", "contacts.csv");

describe("Activity by resource group in the playground", () => {
  const pg = usePlayground();

  it("groups and prices an extract, naming the row it leaves out", async () => {
    const { page } = pg();
    const panel = await openFeature(page, "Resource groups");
    await panel.getByLabel("Open an activity extract (CSV or Excel)").setInputFiles(FIXTURE);
    await panel.getByText(/Read 7 rows of contacts.csv into table Activity/).waitFor();
    await panel.getByLabel("Each row is").selectOption({ label: "Given by a column" });
    await panel.getByRole("button", { name: "Group and price activity" }).click();
    await panel.getByText(/1 of 7 rows cannot be grouped: sheet row 6: team type "X99"/).waitFor();
    await panel.getByRole("button", { name: "Leave 1 row out and write" }).click();
    await panel.getByText(/Wrote sheet Resource groups: 6 rows grouped/).waitFor();
    await expect(
      panel
        .getByText(
          /3\.4% of units are unclassified \(MBU\)\. Specialised services \(out of scope\), counted but not priced: 1 row\. Left out: 1 row \(Status says why\)/
        )
        .count()
    ).resolves.toBe(1);
    expect(await sheetTabs(page)).toContain("Resource groups");
    await expect(shown(page, "'Resource groups'!A4")).resolves.toBe("Resource group");
    await screenshot(page, "activity");
  });
});
