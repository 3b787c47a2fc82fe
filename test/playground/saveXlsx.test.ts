/* Saving the playground's workbook as .xlsx: values, formulas, number formats and names, so Excel with the add-in recalculates the same model. */
import { unzipSync, strFromU8 } from "fflate";
import writeXlsx from "write-excel-file/node";
import readWorkbook from "read-excel-file/node";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { definedNamesFeature, workbookContent } from "../../src/playground/export/saveXlsx";
import { runSetup } from "../../src/taskpane/setup/run";
import { loadPbrFunctions } from "../support/pbrFunctions";

async function saved(build: (wb: ReturnType<typeof createEmbeddedWorkbook>["port"]) => Promise<void>) {
  const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
  await build(port);
  const { sheets, names } = workbookContent(port);
  const buffer = await (writeXlsx as unknown as (s: unknown, o: unknown) => { toBuffer(): Promise<Buffer> })(sheets, {
    features: [definedNamesFeature(names)],
  }).toBuffer();
  const files = unzipSync(new Uint8Array(buffer));
  const text = (path: string) => strFromU8(files[path]);
  return { port, buffer, files, text, names };
}

describe("saving the playground workbook as .xlsx", () => {
  it("keeps every sheet, the PBR formulas, the names they use and text exactly as typed", async () => {
    const { text, buffer, names } = await saved(async (wb) => {
      await runSetup(wb, 2025);
      // Text as a user typed it: an ID with leading zeros and formula-looking text (with Excel's text prefix).
      await wb.writeRange("Sheet1", "A1:B1", [["00123", "'=HYPERLINK(\"x\")"]]);
    });
    const workbook = text("xl/workbook.xml");
    for (const sheet of ["Sheet1", "Prices", "Profile", "SuperclassRules", "Steps", "RiskBands", "Caseload", "Scenario", "Summary"])
      expect(workbook).toContain(`name="${sheet}"`);
    // Names the model's formulas use are workbook names over the same cells.
    expect(names.map((n) => n.name)).toEqual(expect.arrayContaining(["FYStart", "PlanValue", "Prices", "RiskBands"]));
    expect(workbook).toMatch(/<definedNames>.*<definedName name="FYStart">Summary!\$B\$5<\/definedName>/);
    // Formulas are saved as formulas (Excel recalculates them with the add-in), not as values, and
    // a PBR call as Excel saves a JavaScript custom function (_xldudf_PBR_…), which it binds on opening.
    const sheetFiles = Object.keys(unzipSync(new Uint8Array(buffer))).filter((f) => f.startsWith("xl/worksheets/sheet"));
    const all = sheetFiles.map(text).join("");
    expect(all).toMatch(/<f>_xldudf_PBR_FYCOST\([^<]*FYStart[^<]*Prices[^<]*\)<\/f>/);
    expect(all).toMatch(/<f>_xldudf_PBR_SCENARIOS\(/);
    expect(all).not.toMatch(/PBR\.[A-Z]+\(/);
    // Text stays text, exactly as typed.
    const book = (await readWorkbook(buffer)) as { sheet: string; data: unknown[][] }[];
    const sheet1 = book.find((s) => s.sheet === "Sheet1")!.data;
    expect(sheet1[0][0]).toBe("00123");
    expect(sheet1[0][1]).toBe('=HYPERLINK("x")');
    // Numbers keep their number formats (dates as dates).
    expect(text("xl/styles.xml")).toContain('formatCode="dd/mm/yyyy"');
  });

  it("does not write a spilled result's cells as values (Excel would then show #SPILL!)", async () => {
    const { port } = await saved(async (wb) => runSetup(wb, 2025).then(() => undefined));
    const { sheets } = workbookContent(port);
    const scenario = sheets.find((s) => s.sheet === "Scenario")!.data;
    expect(scenario[9][2]).toMatchObject({ type: "Formula", value: expect.stringMatching(/^_xldudf_PBR_SCENARIOS\(/) });
    expect(port.getValue("Scenario", 10, 3)).toEqual(expect.any(Number)); // the spill has values in the playground…
    expect(scenario[10][3]?.value ?? null).toBeNull(); // …which are not saved (only their format): Excel spills them again
  });
});
