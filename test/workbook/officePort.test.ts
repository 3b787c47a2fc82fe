/* The Office.js adapter against office-addin-mock: calls made, chunk sizes, unique names, cleanup. */
// The shared jest mapping stubs office-addin-manifest as {}; office-addin-mock needs its OfficeApp enum.
import { createOfficePort } from "../../src/workbook/officePort";
import { CHUNK_BUDGET_BYTES, MAX_CHUNK_ROWS, REQUEST_LIMIT_BYTES, planChunkRows, rowBytes } from "../../src/workbook/chunks";
import { absoluteReference, cleanIdentifier, cleanSheetName } from "../../src/workbook/office/names";
import { FakeExcel } from "./officePortFake";

function setup(sheets?: string[]) {
  const fake = new FakeExcel(sheets);
  (globalThis as { Excel?: unknown }).Excel = fake.api();
  return { fake, port: createOfficePort() };
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

describe("chunk sizes", () => {
  it("keeps a request well under 5 MB whatever the row width", () => {
    const narrow = Array.from({ length: 100_000 }, (_, i) => [i, 3]);
    expect(planChunkRows(narrow)).toBe(MAX_CHUNK_ROWS);
    const wide = Array.from({ length: 10_000 }, () => Array.from({ length: 30 }, () => "x".repeat(200)));
    const rows = planChunkRows(wide);
    // 30 cells of 200 characters ≈ 6.1 KB a row: about 490 rows ≈ 3 MB, the budget; with a text
    // prefix on every cell still under 3.1 MB, far below Excel on the web's 5 MB.
    expect(rows * rowBytes(wide[0])).toBeLessThanOrEqual(CHUNK_BUDGET_BYTES);
    expect(rows * (rowBytes(wide[0]) + 30)).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(rows * rowBytes(wide[0])).toBeGreaterThan(CHUNK_BUDGET_BYTES * 0.99);
  });

  it("sizes by the longest row, counting UTF-8 bytes", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [i === 999 ? "£".repeat(500_000) : "a"]);
    const n = planChunkRows(rows);
    expect(n * rowBytes(rows[999])).toBeLessThanOrEqual(CHUNK_BUDGET_BYTES);
  });

  it("cleans sheet and table names the way Excel requires", () => {
    expect(cleanSheetName("Q1/Q2: caseload*")).toBe("Q1_Q2_ caseload_");
    expect(cleanSheetName("x".repeat(40)).length).toBe(26);
    expect(cleanIdentifier("Risk bands (2)")).toBe("Risk_bands__2_");
    expect(cleanIdentifier("A1")).toBe("_A1");
    expect(cleanIdentifier("2024 prices")).toBe("_2024_prices");
    expect(absoluteReference("Prices (2)", "A4:D25")).toBe("='Prices (2)'!$A$4:$D$25");
  });
});

describe("office port", () => {
  it("lists sheets and tables through loaded collections", async () => {
    const { fake, port } = setup(["Sheet1", "Data"]);
    fake.tables.push({ name: "Caseload", sheet: "Data", address: "A1:B3" });
    await expect(port.listSheets()).resolves.toEqual(["Sheet1", "Data"]);
    await expect(port.listTables()).resolves.toEqual(["Caseload"]);
  });

  it("creates sheets with unique names and never reuses one", async () => {
    const { fake, port } = setup(["Sheet1", "Prices"]);
    await expect(port.createSheet("Prices")).resolves.toBe("Prices (2)");
    await expect(port.createSheet("prices")).resolves.toBe("prices (3)");
    await expect(port.createSheet("Scenario")).resolves.toBe("Scenario");
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1", "Prices", "Prices (2)", "prices (3)", "Scenario"]);
    expect(fake.log.filter((l) => l.startsWith("worksheets.add"))).toHaveLength(3);
  });

  it("writes a table header first, then rows in chunks of the requested size, then adds the table", async () => {
    const { fake, port } = setup(["Sheet1"]);
    const rows = Array.from({ length: 25 }, (_, i) => [i, `=A${i + 2}*2`]);
    const progress: number[] = [];
    const result = await port.writeTable("Sheet1", "B3", "Data", ["n", "twice"], rows, {
      chunkRows: 10,
      onProgress: (p) => progress.push(p.rowsWritten),
    });
    expect(result).toEqual({ table: "Data", address: "B3:C28" });
    expect(fake.writeRows).toEqual([1, 10, 10, 5]);
    expect(progress).toEqual([10, 20, 25]);
    // Chunks with formulas go as formulas; the header as values.
    expect(fake.requests.map((r) => r[0].kind)).toEqual(["values", "formulas", "formulas", "formulas"]);
    expect(fake.requests[1][0].address).toBe("B4:C13");
    expect(fake.get("Sheet1", "C28")).toBe("=A26*2");
    expect(fake.tables).toEqual([{ name: "Data", sheet: "Sheet1", address: "B3:C28" }]);
    expect(fake.log).toContain("tables.add Sheet1!B3:C28 true");
  });

  it("sends text Excel would parse with the text prefix, formulas as formulas, and never forces a calculation", async () => {
    const { fake, port } = setup(["Sheet1"]);
    const rows = [
      ["00123", "=B2*2", "Mar-24", "-2+3", "'=escaped", 5, "North"],
      ["TRUE", null, "1/2", "@x", "+44", true, "#N/A"],
    ];
    await port.writeTable("Sheet1", "A1", "T", ["2024", "01/04", "=x", "Team", "'q", "n", "t"], rows, { chunkRows: 1 });
    expect(fake.requests[0][0]).toMatchObject({ kind: "values", data: [["'2024", "'01/04", "'=x", "Team", "''q", "n", "t"]] });
    expect(fake.requests[1][0]).toMatchObject({ kind: "formulas", data: [["'00123", "=B2*2", "'Mar-24", "'-2+3", "'=escaped", 5, "North"]] });
    expect(fake.requests[2][0]).toMatchObject({ kind: "values", data: [["'TRUE", "", "'1/2", "'@x", "'+44", true, "'#N/A"]] });
    // Suspension would end at each chunk's sync (saving nothing), and Application.calculate would
    // recalculate every open workbook, even in Manual mode: neither is asked for.
    expect(fake.log.filter((l) => l === "suspendApiCalculationUntilNextSync")).toEqual([]);
    expect(fake.log.filter((l) => l.startsWith("calculate"))).toEqual([]);
  });

  it("sends a chunk Excel refuses as too large again in halves, and keeps the smaller size", async () => {
    const { fake, port } = setup(["Sheet1"]);
    fake.payloadLimitRows = 3;
    const rows = Array.from({ length: 20 }, (_, i) => [i, `text ${i}`]);
    const progress: number[] = [];
    await port.writeTable("Sheet1", "A1", "T", ["n", "t"], rows, { chunkRows: 10, onProgress: (p) => progress.push(p.rowsWritten) });
    // 10 refused, 5 refused, then chunks of 3 (and what is left).
    expect(fake.writeRows).toEqual([1, 3, 3, 3, 3, 3, 3, 2]);
    expect(progress).toEqual([3, 6, 9, 12, 15, 18, 20]);
    expect(fake.grid("Sheet1", "A21:B21")).toEqual([[19, "text 19"]]);
    fake.payloadLimitRows = 0;
    await expect(port.writeRange("Sheet1", "D1", [["x"]])).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  it("reads in halves after a response too large, then sizes chunks from what it read", async () => {
    const { fake, port } = setup(["Sheet1"]);
    const rows = Array.from({ length: 40 }, (_, i) => [i, "x".repeat(50)]);
    await port.writeTable("Sheet1", "A1", "T", ["n", "t"], rows);
    fake.readLimitRows = 16;
    const table = await port.readTable("T");
    expect(table.rows).toHaveLength(40);
    expect(table.rows[39]).toEqual([39, "x".repeat(50)]);
    // 41 rows refused, 21 refused, 11 read; then sized from what was read, never above 11 again.
    expect(fake.reads).toEqual([41, 21, 11, 11, 11, 8]);
  });

  it("makes blank and repeated headers unique as Excel would, so they read back as written", async () => {
    const { fake, port } = setup(["Sheet1"]);
    await port.writeTable("Sheet1", "A1", "T", ["Date", "", "date", "Date", "2024"], [[1, 2, 3, 4, 5]]);
    expect(fake.grid("Sheet1", "A1:E1")).toEqual([["Date", "Column2", "date2", "Date3", "'2024"]]);
  });

  it("chooses a chunk size itself when none is given", async () => {
    const { fake, port } = setup(["Sheet1"]);
    const rows = Array.from({ length: 12_000 }, (_, i) => [i, "x"]);
    await port.writeTable("Sheet1", "A1", "Big", ["n", "t"], rows);
    expect(fake.writeRows).toEqual([1, 5000, 5000, 2000]);
  });

  it("gives a table a new name rather than clash with a table or a defined name", async () => {
    const { fake, port } = setup(["Sheet1"]);
    fake.tables.push({ name: "Prices", sheet: "Sheet1", address: "A1:B2" });
    fake.names.push({ name: "Prices_2", formula: "=Sheet1!$A$1" });
    const { table } = await port.writeTable("Sheet1", "D1", "Prices", ["Code"], [[1]]);
    expect(table).toBe("Prices_3");
    await expect(port.addName("Prices", "Sheet1", "D1:D2")).resolves.toBe("Prices_4");
    expect(fake.names.at(-1)).toEqual({ name: "Prices_4", formula: "=Sheet1!$D$1:$D$2" });
  });

  it("avoids names scoped to a sheet as well as workbook names and tables", async () => {
    const { fake, port } = setup(["Sheet1", "Data"]);
    fake.sheetNames.push({ sheet: "Data", name: "Prices" });
    await expect(port.addName("Prices", "Sheet1", "A1:B2")).resolves.toBe("Prices_2");
    const { table } = await port.writeTable("Sheet1", "D1", "prices", ["Code"], [[1]]);
    expect(table).toBe("prices_3");
  });

  it("stops between chunks when cancelled, leaving no table behind", async () => {
    const { fake, port } = setup(["Sheet1"]);
    const controller = new AbortController();
    const rows = Array.from({ length: 50 }, (_, i) => [i]);
    const write = port.writeTable("Sheet1", "A1", "T", ["n"], rows, {
      chunkRows: 10,
      signal: controller.signal,
      onProgress: (p) => p.rowsWritten >= 20 && controller.abort(),
    });
    await expect(write).rejects.toMatchObject({ name: "AbortError" });
    expect(fake.writeRows).toEqual([1, 10, 10]);
    expect(fake.tables).toEqual([]);
    // Nothing half-made: the header and rows already sent are cleared again.
    expect(fake.sheet("Sheet1").cells.size).toBe(0);
  });

  it("rejects when Excel fails a request, and deleteSheet removes the sheet and its names", async () => {
    const { fake, port } = setup(["Sheet1"]);
    const sheet = await port.createSheet("Prices");
    await port.addName("Prices", sheet, "A1:B3");
    fake.names.push({ name: "Mine", formula: "=Sheet1!$A$1" });
    fake.failOnRequest = 3;
    const rows = Array.from({ length: 30 }, (_, i) => [i]);
    await expect(port.writeTable(sheet, "A1", "Prices", ["n"], rows, { chunkRows: 10 })).rejects.toThrow(/simulated/);
    expect(fake.tables).toEqual([]);
    await port.deleteSheet(sheet);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(fake.names).toEqual([{ name: "Mine", formula: "=Sheet1!$A$1" }]);
  });

  it("reads a table back with blanks as null, and the used range of a sheet", async () => {
    const { fake, port } = setup(["Sheet1"]);
    await port.writeTable("Sheet1", "A1", "Caseload", ["Id", "Cluster"], [["P1", 4], ["P2", null]]);
    const table = await port.readTable("caseload");
    expect(table).toEqual({ sheet: "Sheet1", address: "A1:B3", header: ["Id", "Cluster"], rows: [["P1", 4], ["P2", null]] });
    await expect(port.readTable("Nope")).rejects.toThrow('There is no table called "Nope"');
    const used = await port.readUsedRange("Sheet1");
    expect(used.address).toBe("A1:B3");
    expect(fake.runs).toBeGreaterThan(0);
  });

  it("lists every table's header in one request, without reading the bodies", async () => {
    const { port } = setup(["Sheet1"]);
    await port.writeTable("Sheet1", "A1", "Caseload", ["Id", "Cluster"], [["P1", 4], ["P2", null]]);
    await port.writeTable("Sheet1", "E1", "Prices", ["Code", "Day price"], [[4, 10]]);
    await expect(port.listTableHeaders()).resolves.toEqual([
      { name: "Caseload", header: ["Id", "Cluster"], sheet: "Sheet1", rows: 2 },
      { name: "Prices", header: ["Code", "Day price"], sheet: "Sheet1", rows: 1 },
    ]);
  });

  it("checks emptiness by formulas, so a formula showing blank still counts as filled", async () => {
    const { port } = setup(["Sheet1"]);
    await port.writeRange("Sheet1", "B2:C2", [[null, '=""']]);
    await expect(port.isEmpty("Sheet1", "A1:B2")).resolves.toBe(true);
    await expect(port.isEmpty("Sheet1", "A1:C2")).resolves.toBe(false);
  });

  it("sets one number format for a whole range in one request", async () => {
    const { fake, port } = setup(["Sheet1"]);
    await port.setNumberFormat("Sheet1", "B2:B500", "£#,##0.00");
    expect(fake.formats).toEqual([{ sheet: "Sheet1", address: "B2:B500", format: "£#,##0.00" }]);
  });

  it("adds native line and bar charts: first column as categories, the rest as series, titled and placed", async () => {
    const { fake, port } = setup(["Sheet1"]);
    await port.addChart("Sheet1", { type: "line", title: "Payment", dataAddress: "A1:C14", anchor: "E2" });
    await port.addChart("Sheet1", { type: "bar", title: "Checks", dataAddress: "A1:E5", anchor: "E20" });
    expect(fake.charts).toMatchObject([
      { sheet: "Sheet1", type: "Line", source: "Sheet1!B1:C14", categories: "Sheet1!A2:A14", seriesBy: "Columns", title: "Payment", anchor: "E2" },
      { sheet: "Sheet1", type: "ColumnClustered", source: "Sheet1!B1:E5", categories: "Sheet1!A2:A5", seriesBy: "Columns", title: "Checks", anchor: "E20" },
    ]);
  });

  it("reads and sets the selection", async () => {
    const { fake, port } = setup(["Sheet1", "Data"]);
    fake.selection = { sheet: "Data", address: "C4:D6" };
    await expect(port.getSelection()).resolves.toEqual({ sheet: "Data", address: "C4:D6" });
    await port.select("Sheet1", "B2");
    expect(fake.selection).toEqual({ sheet: "Sheet1", address: "B2" });
    expect(fake.log).toContain("activate Sheet1");
  });

  it("freezes a header row and an ID column (Worksheet.freezePanes)", async () => {
    const { fake, port } = setup(["Sheet1", "Data"]);
    await port.freezePanes("Data", 4, 1);
    await port.freezePanes("Data", 1, 0);
    await port.freezePanes("Data", 0, 2);
    await port.freezePanes("Data", 0, 0);
    expect(fake.log.filter((l) => /freeze|unfreeze/.test(l))).toEqual([
      "freezeAt Data!A1:A4",
      "freezeRows Data 1",
      "freezeColumns Data 2",
      "unfreeze Data",
    ]);
  });

  it("says plainly when Excel is not there", async () => {
    const port = createOfficePort();
    await expect(port.listSheets()).rejects.toThrow("Excel is not available");
  });
});
