/* Save takes the workbook as it is at the click: an edit typed while the file is being written is
   not in it and stays marked unsaved; a Save while a task pane journey is writing is refused. */
import { strFromU8, unzipSync } from "fflate";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { SaveRefused, journeyRunning, saveNow } from "../../src/playground/export/saveFlow";
import { xlsxBytes } from "../../src/playground/export/saveXlsx";
import type { WorkbookSnapshot } from "../../src/playground/export/snapshot";

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

  it("keeps an edit made while the file is written off the page's thread out of the file and unsaved", async () => {
    const { port } = createEmbeddedWorkbook();
    port.setCell("Sheet1", 0, 0, 1);
    // As the page's worker does: the snapshot goes to another thread and comes back as bytes later.
    let edited = false;
    const slowWriter = async (snapshot: WorkbookSnapshot) => {
      const copy = structuredClone(snapshot);
      await new Promise((r) => setTimeout(r, 20));
      port.setCell("Sheet1", 0, 0, 2); // typed while the worker writes
      edited = true;
      return xlsxBytes(copy);
    };
    const saved = await saveNow(port, slowWriter);
    expect(edited).toBe(true);
    expect(await sheetXml(saved.blob)).toContain('<c r="A1"><v>1</v></c>');
    expect(saved.version).toBeLessThan(port.version);
  });

  it("is refused while a large paste is being written, and works once it has finished", async () => {
    const { port } = createEmbeddedWorkbook();
    const rows = Array.from({ length: 3_000 }, (_r, i) =>
      Array.from({ length: 10 }, (_c, j) => i + j)
    );
    const pasting = port.pasteCells("Sheet1", 0, 0, rows);
    const during = await saveNow(port).then(
      () => null,
      (e: unknown) => e
    );
    expect(during).toBeInstanceOf(SaveRefused);
    expect((during as Error).message).toMatch(/still being written \(writing 30,000 cells/);
    await pasting;
    expect(await sheetXml((await saveNow(port)).blob)).toContain('<c r="J3000"><v>3008</v></c>');
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
