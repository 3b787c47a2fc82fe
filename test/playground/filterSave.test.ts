/**
 * Saving a table filtered in the playground (src/playground/export/): the table part's autoFilter
 * names each filtered column and the texts it keeps, and the rows it hides are saved hidden, as
 * Excel saves a filtered table. A filter on a column beside the table is not an Excel table's: it
 * is left out and the file's notes say so.
 */
import ExcelJS from "exceljs";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { tableFilters } from "../../src/playground/grid/filterStore";
import { xlsxBytes, xlsxParts } from "../../src/playground/export/saveXlsx";
import { readXlsxBook } from "../../src/playground/open/readXlsx";
import { takeSnapshot } from "../../src/playground/export/snapshot";
import { loadPbrFunctions } from "../support/pbrFunctions";

async function filteredBook() {
  const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
  const rows = [
    ["SYN-1", "OK", 4],
    ["SYN-2", "Differs", 11],
    ["SYN-3", "OK", 4],
    ["SYN-4", "R&D <x>", 12],
    ["SYN-5", null, 4],
  ];
  await port.writeTable("Sheet1", "A3", "Audit", ["Id", "Check", "Cluster"], rows);
  await port.writeRange("Sheet1", "E3:E8", [["Note"], ["a"], ["b"], ["a"], ["b"], ["a"]]);
  return { port, store: tableFilters(port) };
}

describe("saving a filtered table", () => {
  it("writes the autoFilter's kept values and marks the hidden rows hidden", async () => {
    const { port, store } = await filteredBook();
    const place = store.tablesOn("Sheet1")[0];
    store.apply(place, 1, new Set(["Differs", "R&D <x>", ""]));
    const parts = xlsxParts(takeSnapshot(port));
    expect(parts["xl/tables/table1.xml"]).toContain(
      '<autoFilter ref="A3:C8"><filterColumn colId="1"><filters blank="1"><filter val="Differs"/><filter val="R&amp;D &lt;x&gt;"/></filters></filterColumn></autoFilter><tableColumns'
    );
    const sheet = parts["xl/worksheets/sheet1.xml"];
    expect(sheet).toContain('<row r="4" hidden="1">');
    expect(sheet).toContain('<row r="6" hidden="1">');
    expect(sheet).toContain('<row r="5">');
    expect(sheet).toContain('<row r="8">');

    // The file opens again with every row (a filter hides rows, it never drops them), in the
    // playground's reader and in ExcelJS, which sees the hidden rows hidden.
    const bytes = xlsxBytes(takeSnapshot(port));
    const { book } = readXlsxBook(bytes, port.functionIds);
    expect(book.tables).toEqual([{ name: "Audit", sheet: "Sheet1", address: "A3:C8" }]);
    expect(book.sheets[0].cells[3][0]).toBe("SYN-1");
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = excel.getWorksheet("Sheet1")!;
    expect([4, 5, 6, 7, 8].map((r) => ws.getRow(r).hidden)).toEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
    expect(ws.getCell("A4").value).toBe("SYN-1");
  });

  it("saves an unfiltered table as before, and leaves out a filter on a column beside it", async () => {
    const { port, store } = await filteredBook();
    expect(xlsxParts(takeSnapshot(port))["xl/tables/table1.xml"]).toContain(
      '<autoFilter ref="A3:C8"/>'
    );
    const place = store.tablesOn("Sheet1")[0];
    expect(place.beside).toEqual([4]);
    store.apply(place, 4, new Set(["a"]));
    const snapshot = takeSnapshot(port);
    expect(snapshot.sheets[0].hiddenRows).toBeUndefined();
    expect(snapshot.notes.join("\n")).toContain(
      "table Audit: the filter on a column beside the table is not saved"
    );
    expect(xlsxParts(snapshot)["xl/worksheets/sheet1.xml"]).not.toContain('hidden="1"');
  });
});
