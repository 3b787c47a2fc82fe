/* The playground calls PBR functions as Excel does with allowErrorForDataTypeAny: an error cell in an input is that row's error. */
import { DetailedCellError } from "hyperformula";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { loadPbrFunctions } from "../support/pbrFunctions";

describe("error cells as inputs in the embedded workbook", () => {
  it("keeps a #DIV/0! in the input to its own row of the spill", async () => {
    const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
    await port.writeRange("Sheet1", "A1:A3", [[4], ["=1/0"], [11]]);
    port.setCell("Sheet1", 0, 1, "=PBR.CLUSTERNAME(A1:A3)");
    const b1 = port.getValue("Sheet1", 0, 1);
    const b2 = port.getValue("Sheet1", 1, 1);
    const b3 = port.getValue("Sheet1", 2, 1);
    expect(typeof b1).toBe("string");
    expect(b2).toBeInstanceOf(DetailedCellError);
    expect((b2 as DetailedCellError).message).toBe("row 2: the input cell holds #DIV/0!");
    expect(typeof b3).toBe("string");
  });
});
