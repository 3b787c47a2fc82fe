/**
 * Import caseload, end to end in the playground: choose a semicolon-separated export with two bad
 * rows, check and correct the column mapping, import, and find the imported rows and the reject
 * report on their own sheets (the demo's Caseload sheet is left alone).
 */
import { join } from "node:path";
import {
  DEMO_SHEETS,
  clip,
  goTo,
  openFeature,
  pane,
  paneOverflow,
  screenshot,
  sheetTabs,
  shown,
  usePlayground,
} from "../support/playground";

const FIXTURE = join(__dirname, "..", "..", "fixtures", "caseload", "semicolon.csv");

describe("Import caseload in the playground", () => {
  const pg = usePlayground();

  it("reads the chosen file and offers the mapping step, matched by header", async () => {
    const { page } = pg();
    const panel = await openFeature(page, "Import caseload");
    await panel.getByLabel("Caseload file (CSV or XLSX)").setInputFiles(FIXTURE);
    await panel.getByText("semicolon.csv").waitFor();
    await expect(
      panel.getByText(/6 columns found \(semicolon separated\); 6 matched/).count()
    ).resolves.toBe(1);

    const id = panel.getByLabel("ID (required)");
    await expect(id.locator("option:checked").textContent()).resolves.toBe(
      "A · Pseudo ID (e.g. P-100)"
    );
    await expect(
      panel.getByLabel("Commissioner").locator("option:checked").textContent()
    ).resolves.toBe("F · Commissioner (e.g. NHS Kent)");
    await expect(
      panel.getByLabel("MHCT item 1", { exact: true }).locator("option:checked").textContent()
    ).resolves.toBe("Not in this file");
  });

  it("explains a required field left unmapped next to it, and imports once it is chosen again", async () => {
    const { page } = pg();
    const panel = pane(page);
    const id = panel.getByLabel("ID (required)");
    await id.selectOption({ label: "Not in this file" });
    await panel.getByText("Choose the column that holds the ID (it is required).").waitFor();
    await expect(panel.getByRole("button", { name: "Import" }).isDisabled()).resolves.toBe(true);

    await id.selectOption({ label: "A · Pseudo ID (e.g. P-100)" });
    await expect(
      panel.getByText("Choose the column that holds the ID (it is required).").count()
    ).resolves.toBe(0);
    await panel.getByRole("button", { name: "Import" }).click();

    await panel.getByText("Imported 3, rejected 2.").waitFor();
    const summary = await panel.getByRole("list", { name: "Import summary" }).textContent();
    expect(summary).toContain("5 data rows in semicolon.csv: 3 imported, 2 rejected.");
    expect(summary).toContain('Imported rows are on the sheet "Caseload (2)"');
    expect(summary).toContain('listed on the sheet "Import rejects"');
    await expect(paneOverflow(page)).resolves.toBe(0);
  });

  it("writes the imported rows to a new Caseload sheet, with dates as dates", async () => {
    const { page } = pg();
    expect(await sheetTabs(page)).toEqual([...DEMO_SHEETS, "Caseload (2)", "Import rejects"]);
    await pane(page).getByRole("button", { name: "Show the caseload" }).click();
    await page.getByRole("grid", { name: "Sheet Caseload (2)" }).waitFor();
    await expect(shown(page, "A2")).resolves.toBe("P-100");
    await expect(shown(page, "B2")).resolves.toBe("12");
    await expect(shown(page, "C2")).resolves.toBe("03/04/2024"); // 03.04.2024 in the file
    await expect(shown(page, "A4")).resolves.toBe("P-104"); // P-102 and P-103 were rejected
    await expect(shown(page, "A5")).resolves.toBe("");
    // The demo's own caseload is untouched.
    await expect(shown(page, "Caseload!A4")).resolves.toBe("SYN-0001");
  });

  it("keeps leading zeros typed or pasted into the imported ID column, which is text-formatted as in Excel", async () => {
    const { page } = pg();
    await goTo(page, "'Caseload (2)'!A3"); // the test before ended on the demo's Caseload sheet
    await clip(page, "paste", "007");
    await expect(shown(page, "A3")).resolves.toBe("007");
    await goTo(page, "A4");
    await page.keyboard.type("0042");
    await page.keyboard.press("Enter");
    await expect(shown(page, "A4")).resolves.toBe("0042");
    await goTo(page, "B3"); // a General cell still reads typed numbers as numbers
    await clip(page, "paste", "007");
    await expect(shown(page, "B3")).resolves.toBe("7");
  });

  it("lists each rejected row on the Import rejects sheet: the ID first, why, the kind of problem and how many share it", async () => {
    const { page } = pg();
    await pane(page).getByRole("button", { name: "Show the rejected rows" }).click();
    await page.getByRole("grid", { name: "Sheet Import rejects" }).waitFor();
    const header = [];
    for (const c of "ABCDEFGH") header.push(await shown(page, `${c}1`));
    expect(header).toEqual([
      "ID",
      "Reason",
      "Problem",
      "Rows with this problem",
      "Field",
      "Value",
      "Row",
      "Line",
    ]);
    // Issue 28: the Outcome column says the row was left out (or imported and flagged).
    await expect(shown(page, "I1")).resolves.toBe("Outcome");
    await expect(shown(page, "I2")).resolves.toBe("Left out");
    await expect(shown(page, "A2")).resolves.toBe("P-102");
    await expect(shown(page, "B2")).resolves.toBe(
      "row 4: 7 values but the header has 6 columns (is there a separator inside an unquoted value?)"
    );
    await expect(shown(page, "D2")).resolves.toBe("1");
    await expect(shown(page, "G2")).resolves.toBe("4");
    await expect(shown(page, "H2")).resolves.toBe("4");
    await expect(shown(page, "A3")).resolves.toBe("P-103");
    await expect(shown(page, "E3")).resolves.toBe("end date");
    await expect(shown(page, "F3")).resolves.toBe("11/04/2024");
    await expect(shown(page, "B3")).resolves.toBe(
      "row 5, end date: 11/04/2024 is before the start date 12/04/2024"
    );
    await expect(shown(page, "C3")).resolves.toBe("end date: … is before the start date …");
    await screenshot(page, "feature-import");
  });

  it("makes no request to any host other than localhost, with no page errors", () => {
    expect(pg().session.outside).toEqual([]);
    expect(pg().session.errors).toEqual([]);
  });
});
