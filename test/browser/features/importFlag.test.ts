/**
 * Import and flag (issue 28), in the playground: a row whose admitted days are more than the days
 * between its dates is imported when the user chooses "Import and flag": the person is counted,
 * the value kept, the problem named in the Note column, and the rejects sheet lists the row as
 * imported and flagged, beside a row left out for a problem that cannot be recovered.
 */
import { openFeature, shown, usePlayground } from "../support/playground";

const CSV = [
  "ID,Cluster,Start date,End date,Admitted days",
  "P1,11,01/04/2024,13/04/2024,30",
  "P2,4,01/04/2024,,",
  "P3,23,01/04/2024,,",
].join("\n");

describe("Import and flag in the playground", () => {
  const pg = usePlayground();

  it("imports the flagged person, counted, with the problem in the Note and on the rejects sheet", async () => {
    const { page } = pg();
    const panel = await openFeature(page, "Import caseload");
    await panel.getByLabel("Caseload file (CSV or XLSX)").setInputFiles({
      name: "flag.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(CSV),
    });
    await panel.getByText("flag.csv").waitFor();
    // Leaving the person out is the default; choose to import and flag.
    await expect(
      panel.getByRole("radio", { name: /^Leave the person out/ }).isChecked()
    ).resolves.toBe(true);
    await panel.getByRole("radio", { name: /^Import and flag/ }).check();
    await panel.getByRole("button", { name: "Import", exact: true }).click();

    await panel.getByText("Imported 2 (1 flagged), rejected 1.").waitFor();
    const summary = await panel.getByRole("list", { name: "Import summary" }).textContent();
    expect(summary).toContain("3 data rows in flag.csv: 2 imported, 1 rejected.");
    expect(summary).toContain("1 imported row has a recoverable problem");
    expect(summary).toContain("The flagged rows are listed there too, marked as imported.");

    // The imported sheet: P1 with its 30 admitted days and the problem in the Note (column I).
    await expect(shown(page, "'Caseload (2)'!A2")).resolves.toBe("P1");
    await expect(shown(page, "'Caseload (2)'!E2")).resolves.toBe("30");
    await expect(shown(page, "'Caseload (2)'!I2")).resolves.toBe(
      "Flagged: admitted days: 30 is more than the 13 days from 01/04/2024 to 13/04/2024"
    );
    // The rejects sheet: the Outcome column says which rows were imported.
    await expect(shown(page, "'Import rejects'!I1")).resolves.toBe("Outcome");
    await expect(shown(page, "'Import rejects'!A2")).resolves.toBe("P1");
    await expect(shown(page, "'Import rejects'!I2")).resolves.toBe("Imported and flagged");
    await expect(shown(page, "'Import rejects'!A3")).resolves.toBe("P3");
    await expect(shown(page, "'Import rejects'!I3")).resolves.toBe("Left out");
  });

  it("makes no request to any host other than localhost, with no page errors", () => {
    expect(pg().session.outside).toEqual([]);
    expect(pg().session.errors).toEqual([]);
  });
});
