/**
 * The playground's table filters over a real embedded workbook (src/playground/grid/filterStore.ts):
 * filtering by what cells show, the rows hidden in the view only (formulas see every row), and the
 * filter dropped when its table is rewritten or the book replaced, but kept through a typed edit.
 */
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { tableFilters } from "../../src/playground/grid/filterStore";
import { loadPbrFunctions } from "../support/pbrFunctions";

async function auditBook() {
  const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
  const rows = [
    ["SYN-1", "OK", 4],
    ["SYN-2", "Differs", 11],
    ["SYN-3", "OK", 4],
    ["SYN-4", "Differs", 12],
    ["SYN-5", null, 4],
  ];
  await port.writeTable("Sheet1", "A3", "Audit", ["Id", "Check", "Cluster"], rows);
  await port.writeRange("Sheet1", "E1", [['=COUNTIF(B4:B8,"Differs")']]);
  const store = tableFilters(port);
  const place = store.tablesOn("Sheet1")[0];
  return { port, store, place };
}

describe("table filters in the playground", () => {
  it("hides the rows whose Check is not Differs, in the view only", async () => {
    const { port, store, place } = await auditBook();
    expect(place).toMatchObject({
      header: 2,
      body: { top: 3, bottom: 7 },
      left: 0,
      right: 2,
      beside: [],
    });
    expect(store.headerAt("Sheet1", 2, 1)?.table.name).toBe("Audit");
    expect(store.headerAt("Sheet1", 3, 1)).toBeUndefined();
    expect(store.valuesOf(place, 1)).toEqual([
      { text: "Differs", count: 2 },
      { text: "OK", count: 2 },
      { text: "", count: 1 },
    ]);
    store.apply(place, 1, new Set(["Differs"]));
    const map = store.rowMap("Sheet1");
    expect([...map.hidden]).toEqual([3, 5, 7]);
    expect(map.toSheet(3)).toBe(4); // view rows 0–2 are sheet rows 0–2, then SYN-2
    expect(map.toSheet(4)).toBe(6);
    expect(store.rowMap("Sheet1")).toBe(map); // worked out once per filter change
    expect(store.filteredOn("Sheet1")).toHaveLength(1);
    // Formulas see every row.
    expect(port.getValue("Sheet1", 0, 4)).toBe(2);
    // Another column's list counts only the rows in view.
    expect(store.valuesOf(place, 2)).toEqual([
      { text: "11", count: 1 },
      { text: "12", count: 1 },
    ]);
  });

  it("filters a column beside the table (the audit's spilled Check, one blank column away) with it", async () => {
    const { port, store } = await auditBook();
    await port.writeRange("Sheet1", "E3:E8", [
      ["Check"],
      ['=IF(B4="OK","OK","Broken: 1")'],
      ["x"],
      ["y"],
      ["x"],
      ["z"],
    ]);
    await port.writeRange("Sheet1", "G3:G4", [["Summary"], [1]]); // after a second blank column: not the table's
    const place = store.tablesOn("Sheet1")[0];
    expect(place.beside).toEqual([4]);
    expect(store.headerAt("Sheet1", 2, 3)).toBeUndefined(); // the blank column between
    expect(store.headerAt("Sheet1", 2, 4)?.table.name).toBe("Audit");
    expect(store.headerAt("Sheet1", 2, 6)).toBeUndefined();
    store.apply(place, 4, new Set(["x"]));
    expect([...store.rowMap("Sheet1").hidden]).toEqual([3, 5, 7]);
  });

  it("keeps the filter through a typed edit (as Excel does) and drops it when cleared", async () => {
    const { port, store, place } = await auditBook();
    store.apply(place, 1, new Set(["Differs"]));
    port.setCell("Sheet1", 4, 1, "OK");
    await port.idle();
    expect(store.filteredOn("Sheet1")).toHaveLength(1);
    expect([...store.rowMap("Sheet1").hidden]).toEqual([3, 5, 7]);
    store.apply(place, 1, null);
    expect(store.filteredOn("Sheet1")).toHaveLength(0);
    expect(store.rowMap("Sheet1").hiddenCount).toBe(0);
  });

  it("drops the filter when the table's sheet is rewritten", async () => {
    const { port, store, place } = await auditBook();
    store.apply(place, 1, new Set(["OK"]));
    let told = 0;
    store.subscribe(() => told++);
    await port.deleteSheet("Sheet1");
    await port.createSheet("Sheet1");
    await port.writeTable(
      "Sheet1",
      "A3",
      "Audit",
      ["Id", "Check", "Cluster"],
      [["SYN-9", "OK", 1]]
    );
    expect(store.filteredOn("Sheet1")).toEqual([]);
    expect(store.rowMap("Sheet1").hiddenCount).toBe(0);
    expect(told).toBeGreaterThan(0);
  });

  it("drops the filter when the book is replaced", async () => {
    const { port, store, place } = await auditBook();
    store.apply(place, 1, new Set(["OK"]));
    port.replaceBook({
      sheets: [{ name: "Sheet1", cells: [["Id"], ["A"]], formats: [] }],
      names: [],
      tables: [{ name: "Audit", sheet: "Sheet1", address: "A1:A2" }],
    });
    expect(store.filteredOn("Sheet1")).toEqual([]);
  });
});
