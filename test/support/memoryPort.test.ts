import { MemoryWorkbook } from "./memoryPort";
import { uniqueName } from "../../src/workbook/port";
import { columnIndex, columnLetters, parseRange, rangeAddress } from "../../src/workbook/address";

describe("addresses", () => {
  it("converts columns both ways", () => {
    for (const [i, s] of [[0, "A"], [25, "Z"], [26, "AA"], [701, "ZZ"], [702, "AAA"], [16383, "XFD"]] as const) {
      expect(columnLetters(i)).toBe(s);
      expect(columnIndex(s)).toBe(i);
    }
    expect(rangeAddress(0, 0, 361, 7)).toBe("A1:G361");
    expect(parseRange("Prices!B2:C5")).toEqual({ top: 1, left: 1, bottom: 4, right: 2 });
  });
});

describe("unique names", () => {
  it("never reuses an existing name", () => {
    expect(uniqueName("Prices", ["Sheet1"])).toBe("Prices");
    expect(uniqueName("Prices", ["prices", "Prices (2)"])).toBe("Prices (3)");
    expect(uniqueName("Prices", ["Prices"], "identifier")).toBe("Prices_2");
  });
});

describe("memory workbook", () => {
  it("writes tables in chunks and reads them back", async () => {
    const wb = new MemoryWorkbook();
    const sheet = await wb.createSheet("Sheet1");
    expect(sheet).toBe("Sheet1 (2)");
    const rows = Array.from({ length: 25 }, (_, i) => [i, `=A${i + 2}*2`]);
    const { table, address } = await wb.writeTable(sheet, "A1", "Data", ["n", "twice"], rows, { chunkRows: 10 });
    expect(address).toBe("A1:B26");
    expect(wb.chunks).toEqual([10, 10, 5]);
    const read = await wb.readTable(table);
    expect(read.header).toEqual(["n", "twice"]);
    expect(read.rows[24]).toEqual([24, "=A26*2"]);
  });
});
