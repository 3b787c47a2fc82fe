/* The requirement sets the add-in declares and checks before using the workbook. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REQUIRED_SETS, missingRequirements, unsupportedText } from "../../src/workbook/requirements";

describe("requirement sets", () => {
  it("are all declared in manifest.xml", () => {
    const xml = readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8");
    for (const [name, version] of REQUIRED_SETS) expect(xml).toContain(`<Set Name="${name}" MinVersion="${version}"/>`);
  });

  it("names the sets an older Excel lacks, in words the pane shows", () => {
    const old = (name: string, version: string) => !(name === "ExcelApi" && Number(version) > 1.6);
    expect(missingRequirements(old)).toEqual(["ExcelApi 1.7"]);
    expect(missingRequirements(() => true)).toEqual([]);
    expect(missingRequirements(() => { throw new Error("no requirements API"); })).toHaveLength(3);
    expect(unsupportedText(["ExcelApi 1.4"])).toMatch(/^This version of Excel does not support what PbR Toolkit needs \(ExcelApi 1\.4\)/);
  });
});
