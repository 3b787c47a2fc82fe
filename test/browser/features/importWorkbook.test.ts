/**
 * Importing from a trust workbook whose first sheet is a cover page: the pane starts on the sheet
 * that holds the caseload and its header row (below two title rows), lets the user pick another
 * sheet or row, and imports the chosen one.
 */
import { join } from "node:path";
import { openFeature, usePlayground, valueWhen } from "../support/playground";

const FILE = join(__dirname, "..", "..", "fixtures", "caseload", "cover-sheet.xlsx");

describe("Import caseload from a workbook with several sheets", () => {
  const pg = usePlayground();

  it("starts on the caseload sheet and its header row, and can switch sheet and row", async () => {
    const { page } = pg();
    const panel = await openFeature(page, "Import caseload");
    await panel.getByLabel("Caseload file (CSV or XLSX)").setInputFiles(FILE);
    const sheet = panel.getByTestId("xlsx-sheet");
    await sheet.waitFor();
    await expect(valueWhen(sheet, (v) => v === "Caseload extract")).resolves.toBe("Caseload extract");
    await expect(sheet.locator("option").allTextContents()).resolves.toEqual(["Cover", "Notes", "Caseload extract"]);
    await expect(valueWhen(panel.getByTestId("xlsx-header-row"), (v) => v === "4")).resolves.toBe("4");
    await expect(panel.getByText(/5 columns found; 5 matched/).count()).resolves.toBe(1);

    // The cover sheet has no caseload: choosing it shows its first row as the header, nothing matched.
    await sheet.selectOption("Cover");
    await panel.getByText(/columns found; 0 matched/).waitFor();
    await sheet.selectOption("Caseload extract");
    await panel.getByText(/5 columns found; 5 matched/).waitFor();
  });

  it("imports the chosen sheet: 4 data rows, 3 imported, 1 rejected", async () => {
    const { page } = pg();
    const panel = await openFeature(page, "Import caseload");
    await panel.getByRole("button", { name: "Import" }).click();
    await panel.getByText("Imported 3, rejected 1.").waitFor({ timeout: 20_000 });
    const summary = (await panel.getByRole("list", { name: "Import summary" }).textContent()) ?? "";
    expect(summary).toContain("4 data rows in cover-sheet.xlsx: 3 imported, 1 rejected.");
  });

  it("makes no request to any host other than localhost, with no page errors", () => {
    expect(pg().session.outside).toEqual([]);
    expect(pg().session.errors).toEqual([]);
  });
});
