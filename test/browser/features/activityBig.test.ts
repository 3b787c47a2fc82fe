/**
 * Activity by resource group on an extract past Excel's 1,048,576 rows, in the playground: the
 * pane groups and prices it in a Web Worker without writing its rows, and writes only the summary
 * and the rows left out. The written summary must equal what the core functions give when the
 * same rows are streamed through them here (groupRow, priceActivity, readAttended: the code of
 * PBR.MHNRG and PBR.MHNRGPRICE), no sheet of rows may be written, and Cancel must leave the
 * workbook as it was. The pane's speed on this file is printed (never asserted).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DATA_ROWS, expected, writeExtract } from "../../support/bigExtract";

const MIXED = join(__dirname, "..", "..", "fixtures", "activity", "mixed.csv");
import { TEST_OUTPUT } from "../support/harness";
import { openFeature, sheetTabs, usePlayground, values } from "../support/playground";

describe("Activity by resource group on an extract past Excel's rows", () => {
  const pg = usePlayground();
  let dir = "";
  let file = "";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pbr-big-"));
    file = join(dir, "year-of-contacts.csv");
    await writeExtract(file);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("leaves the workbook as it was when Cancel is pressed during grouping", async () => {
    const { page } = pg();
    const before = await sheetTabs(page);
    const firstSheet = await values(page, before[0], 0, 0, 20, 8);
    const panel = await openFeature(page, "Resource groups");
    await panel.getByLabel("Open an activity extract (CSV or Excel)").setInputFiles(file);
    await panel
      .getByText(
        /year-of-contacts\.csv has 1,048,600 lines of data, more than Excel's 1,048,576 rows/
      )
      .waitFor({ timeout: 60_000 });
    await panel.getByLabel("Each row is").selectOption({ label: "Given by a column" });
    await panel.getByRole("button", { name: "Group and price activity" }).click();
    // The step is both the progress bar's label and the screen readers' status line.
    await panel
      .getByTestId("run-announcement")
      .getByText(/Grouping and pricing year-of-contacts\.csv in this pane/)
      .waitFor({ timeout: 30_000 });
    await panel.getByRole("button", { name: "Cancel" }).click();
    await panel.getByText(/^Cancelled\./).waitFor({ timeout: 30_000 });
    expect(await sheetTabs(page)).toEqual(before);
    expect(await values(page, before[0], 0, 0, 20, 8)).toEqual(firstSheet);
  }, 180_000);

  it("groups and prices it in the pane and writes only the summary and the rows left out", async () => {
    const { page } = pg();
    const before = await sheetTabs(page);
    const panel = await openFeature(page, "Resource groups");
    await panel.getByRole("button", { name: "Group and price activity" }).click();
    // Four rows need the user: a bad team type and impossible units (in error), a duplicate, blank units.
    await panel
      .getByText(
        /2 of 1,048,600 rows cannot be grouped or priced: file line 500001: team type "X99"/
      )
      .waitFor({ timeout: 240_000 });
    await panel
      .getByText(/1 row repeats an earlier row exactly \(file line 900001 = 900000\)/)
      .waitFor();
    await panel
      .getByText(/1 row has no units \(contacts or bed days\): file lines 1000001/)
      .waitFor();
    await panel.getByRole("button", { name: "Leave 4 rows out and write the summary" }).click();
    const status = panel.getByText(
      /Wrote sheet Resource groups: 1,048,600 rows of year-of-contacts\.csv grouped and priced in this pane/
    );
    await status.waitFor({ timeout: 60_000 });
    const said = (await status.textContent()) ?? "";

    // Only the summary sheet is added: no sheet of the extract's rows.
    expect(await sheetTabs(page)).toEqual([...before, "Resource groups"]);

    const e = expected();
    const grid = await values(page, "Resource groups", 0, 0, 40, 11);
    const at = (label: string) => grid.find((row) => row[0] === label)!;
    for (const [code, g] of e.groups) {
      expect([code, at(code)[1] as number]).toEqual([code, expect.closeTo(g.value / 100, 4)]);
      expect([code, at(code)[2]]).toEqual([code, g.units]);
    }
    const codes = grid.filter(
      (row) => typeof row[0] === "string" && /^M[A-Z]{2}\d\d[A-Z]$/.test(row[0])
    );
    expect(codes.map((row) => row[0]).sort()).toEqual([...e.groups.keys()].sort());
    expect(at("All")[1] as number).toBeCloseTo(e.value / 100, 4);
    expect(at("All")[2]).toBe(e.units);
    expect(at("Unclassified (MBU) units")[2]).toBe(e.mbu);
    expect(at("Unclassified share of units")[2] as number).toBeCloseTo(e.mbu / e.units, 12);
    expect(at("Unclassified: reason not in the rules (rows)")[2]).toBe(e.unlisted);
    expect(at("Specialised units (out of scope, not priced)")[2]).toBe(e.specialised);
    expect(at("Not attended or cancelled (rows, £0)")[2]).toBe(e.notAttended);
    expect(at("Rows left out (see Rows left out below)")[2]).toBe(e.leftOut);
    expect(e.leftOut).toBe(4);

    // The rows left out, by file line, with the reason (and nothing more below them).
    const top = grid.findIndex((row) => row[0] === "Line");
    expect(grid[top - 1][0]).toBe("Rows left out: 4, listed below by file line with the reason.");
    expect(grid.slice(top + 1, top + 5).map((row) => [row[0], row[1]])).toEqual([
      [
        500001,
        'team type "X99" is not an MHSDS service team type (ServTeamTypeRefToMH, e.g. A05, A14, C10, F01)',
      ],
      [700001, 'units "-2" is not a whole number of contacts or bed days'],
      [900001, "an exact duplicate of line 900000"],
      [1000001, "units blank (no bed days given)"],
    ]);
    expect(
      grid
        .slice(top + 5)
        .flat()
        .filter((v) => v !== null && v !== "")
    ).toEqual([]);

    // The pane's speed on this file (printed and kept with the test output, never asserted).
    const speed = /in ([\d.]+) s \(([\d,]+) rows a second\)/.exec(said);
    expect(speed).not.toBeNull();
    const line = `Resource groups pane, ${DATA_ROWS.toLocaleString("en-GB")}-row extract: ${speed![1]} s, ${speed![2]} rows a second`;
    console.log(line);
    mkdirSync(TEST_OUTPUT, { recursive: true });
    writeFileSync(join(TEST_OUTPUT, "activity-big-speed.txt"), line + "\n");
  }, 400_000);

  it("groups a small CSV extract without writing its rows when asked, and says what the row-by-row journey says", async () => {
    const { page } = pg();
    const before = await sheetTabs(page);
    const panel = await openFeature(page, "Resource groups");
    await panel.getByText("Use a table in the workbook instead").click();
    await panel.getByLabel(/Group a CSV extract without writing its rows/).check();
    await panel.getByLabel("Open an activity extract (CSV or Excel)").setInputFiles(MIXED);
    await panel
      .getByText(/mixed\.csv has 14 lines of data\. It will be grouped and priced here/)
      .waitFor();
    await panel.getByLabel("Each row is").selectOption({ label: "Given by a column" });
    await panel.getByRole("button", { name: "Group and price activity" }).click();
    await panel
      .getByText(
        /2 of 14 rows cannot be grouped or priced: file line 10: units "-2" is not a whole number/
      )
      .waitFor({ timeout: 30_000 });
    await panel.getByRole("button", { name: "Leave 4 rows out and write the summary" }).click();
    const status = panel.getByText(
      /Wrote sheet .*: 14 rows of mixed\.csv grouped and priced in this pane/
    );
    await status.waitFor({ timeout: 30_000 });
    // The same words as the row-by-row journey on this file (features/activity.test.ts).
    expect(await status.textContent()).toContain(
      "Value £25,527.99 over 65 units (contacts and bed days). Unclassified (MBU): 5 units, 7.7% of units; unclassified because a code is not in the rules: 4 rows. Specialised (out of scope, counted but not priced): 10 units. Not attended or cancelled (£0): 1 row. Left out: 4 rows (listed on the sheet with their file lines)."
    );
    const added = (await sheetTabs(page)).filter((s) => !before.includes(s));
    expect(added).toHaveLength(1);
    const grid = await values(page, added[0], 0, 0, 30, 3);
    expect(grid.find((row) => row[0] === "All")![1] as number).toBeCloseTo(25527.99, 6);
  }, 120_000);
});
