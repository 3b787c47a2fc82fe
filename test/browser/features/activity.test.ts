/**
 * Activity by resource group, end to end in the playground, on an MHSDS-style extract with
 * contacts and spells in one file (team type and bed type in their own columns, an attendance
 * column): the pre-flight names the rows that are not codes or have impossible units, the
 * duplicate and the blank units with their sheet rows (links to them) and lets the user choose; the written
 * Resource groups sheet's totals are the figures the pane states. Referral reasons 09, 28, 29 and
 * 31 (valid, in no rule) are counted as unclassified, a specialised bed is counted but not priced,
 * a MAZ99Z acute spell is priced at MBU98A, a did-not-attend contact is £0.
 */
import { join } from "node:path";
import {
  openFeature,
  screenshot,
  sheetTabs,
  shown,
  usePlayground,
  values,
} from "../support/playground";

const FIXTURE = join(__dirname, "..", "..", "fixtures", "activity", "mixed.csv");

describe("Activity by resource group in the playground", () => {
  const pg = usePlayground();

  it("groups and prices a mixed extract, and the sheet says what the pane says", async () => {
    const { page } = pg();
    const panel = await openFeature(page, "Resource groups");
    await panel.getByLabel("Open an activity extract (CSV or Excel)").setInputFiles(FIXTURE);
    await panel.getByText(/Read 14 rows of mixed.csv into table Activity/).waitFor();
    await panel.getByLabel("Each row is").selectOption({ label: "Given by a column" });
    await panel.getByRole("button", { name: "Group and price activity" }).click();
    await panel
      .getByText(
        /2 of 14 rows cannot be grouped or priced: Activity row 10: units "-2" is not a whole number of contacts or bed days; Activity row 11: bed type "999" is not an MHSDS hospital bed type/
      )
      .waitFor();
    await panel
      .getByText(/1 row repeats an earlier row exactly \(Activity row 8 = Activity row 7\)/)
      .waitFor();
    await panel.getByText(/1 row has no units \(contacts or bed days\): Activity row 9/).waitFor();
    // Keep the duplicate, then change our minds: the count on the button follows the choice.
    await panel.getByRole("radio", { name: "Keep duplicates (count them again)" }).check();
    await panel.getByRole("button", { name: "Leave 3 rows out and write" }).waitFor();
    await panel.getByRole("radio", { name: "Leave duplicates out" }).check();
    await panel.getByRole("button", { name: "Leave 4 rows out and write" }).click();
    const status = panel.getByText(/Wrote sheet Resource groups: 10 rows grouped/);
    await status.waitFor();
    const said = (await status.textContent()) ?? "";
    expect(said).toContain(
      "Value £25,527.99 over 65 units (contacts and bed days). Unclassified (MBU): 5 units, 7.7% of units; unclassified because a code is not in the rules: 4 rows. Specialised (out of scope, counted but not priced): 10 units. Not attended or cancelled (£0): 1 row. Left out: 4 rows (Status says why and links to the row: Activity row 8, Activity row 9, Activity row 10 and 1 more)."
    );
    expect(await sheetTabs(page)).toContain("Resource groups");
    await expect(shown(page, "'Resource groups'!A4")).resolves.toBe("Resource group");

    // The sheet's own figures, as its formulas calculate them.
    const grid = await values(page, "Resource groups", 0, 0, 30, 4);
    const at = (label: string) => grid.find((row) => row[0] === label)!;
    expect(at("All")[1] as number).toBeCloseTo(25527.99, 6);
    expect(at("All")[2]).toBe(65);
    expect(at("Unclassified (MBU) units")[2]).toBe(5);
    expect(at("Unclassified share of units")[2] as number).toBeCloseTo(5 / 65, 12);
    expect(at("Unclassified: reason not in the rules (rows)")[2]).toBe(4);
    expect(at("Specialised units (out of scope, not priced)")[2]).toBe(10);
    expect(at("Not attended or cancelled (rows, £0)")[2]).toBe(1);
    expect(at("Rows left out (see Status)")[2]).toBe(4);
    expect(at("MAZ99Z")[1] as number).toBeCloseTo(4 * 624.17, 6);
    expect(at("MAA98A")[2]).toBe(30);
    expect(grid.flat().filter((v) => typeof v === "string" && v.startsWith("#"))).toEqual([]);
    await screenshot(page, "activity");
  });
});
