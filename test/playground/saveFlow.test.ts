/* Save takes the workbook as it is at the click: an edit typed while the file is being written is
   not in it and stays marked unsaved; a Save while a task pane journey is writing is refused. */
import { strFromU8, unzipSync } from "fflate";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { SaveRefused, journeyRunning, saveNow } from "../../src/playground/export/saveFlow";

const sheetXml = async (blob: Blob) =>
  strFromU8(unzipSync(new Uint8Array(await blob.arrayBuffer()))["xl/worksheets/sheet1.xml"]);

describe("Save", () => {
  it("writes the workbook as it was at the click; an edit made meanwhile stays unsaved", async () => {
    const { port } = createEmbeddedWorkbook();
    port.setCell("Sheet1", 0, 0, 1);
    const saving = saveNow(port);
    port.setCell("Sheet1", 0, 0, 2); // typed while the file is being compressed
    const saved = await saving;
    const xml = await sheetXml(saved.blob);
    expect(xml).toContain('<c r="A1"><v>1</v></c>');
    expect(xml).not.toContain("<v>2</v>");
    // The page compares this with the workbook's version: the edit is still unsaved.
    expect(saved.version).toBeLessThan(port.version);
    // Saving again with no edit in between covers everything.
    const again = await saveNow(port);
    expect(again.version).toBe(port.version);
    expect(await sheetXml(again.blob)).toContain('<c r="A1"><v>2</v></c>');
  });

  it("is refused while a task pane journey is writing, and works once it has finished", async () => {
    const { port } = createEmbeddedWorkbook();
    let during: unknown = null;
    await port.action("Import caseload", async () => {
      await port.writeRange("Sheet1", "A1:B1", [["half", "written"]]);
      expect(journeyRunning(port)).toBe(true);
      during = await saveNow(port).then(
        () => null,
        (e: unknown) => e
      );
    });
    expect(during).toBeInstanceOf(SaveRefused);
    expect((during as Error).message).toMatch(/task pane step is still writing/);
    expect(journeyRunning(port)).toBe(false);
    const saved = await saveNow(port);
    expect(await sheetXml(saved.blob)).toContain('<c r="B1" t="s"><v>');
  });
});
