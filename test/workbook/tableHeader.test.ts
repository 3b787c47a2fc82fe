/* Table headers decided before writing, as Excel would rename them, so they read back as written. */
import { tableHeader } from "../../src/workbook/port";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";

describe("tableHeader", () => {
  it("names blanks by position and numbers repeats, ignoring case", () => {
    expect(tableHeader(["Date", "", "date", "Date", " ", "Date2"])).toEqual(["Date", "Column2", "date2", "Date3", "Column5", "Date22"]);
    expect(tableHeader(["Id", "Team"])).toEqual(["Id", "Team"]);
  });

  it("the embedded workbook writes the same header, as text", async () => {
    const { port } = createEmbeddedWorkbook({ functions: [] });
    const { table } = await port.writeTable("Sheet1", "A1", "T", ["2024", "", "2024", "=x"], [[1, 2, 3, 4]]);
    expect((await port.readTable(table)).header).toEqual(["2024", "Column2", "20242", "=x"]);
  });
});
