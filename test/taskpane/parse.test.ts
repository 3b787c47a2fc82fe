/* Reading what people type into the pane. */
import { formatMoney, parseMoney, parseOptionalPercent, parsePercent, parseYear } from "../../src/taskpane/ui/parse";
import { preferTable } from "../../src/taskpane/ui/tables";
import { call, absolute } from "../../src/taskpane/plan/formula";
import { columnRef, tableRef } from "../../src/taskpane/plan/refs";
import { resolver } from "../../src/taskpane/plan/run";

describe("typed inputs", () => {
  it("reads pounds with or without £ and thousands separators", () => {
    expect(parseMoney("£80,000")).toBe(80000);
    expect(parseMoney(" 12,500,000.50 ")).toBe(12500000.5);
    expect(parseMoney("")).toBeNaN();
    expect(parseMoney("eighty")).toBeNaN();
    expect(formatMoney(80000)).toBe("£80,000.00");
  });

  it("reads percentages as fractions, exactly", () => {
    expect(parsePercent("2.5")).toBe(0.025);
    expect(parsePercent("-15%")).toBe(-0.15);
    expect(parsePercent("−15")).toBe(-0.15);
    expect(parsePercent("10 %")).toBe(0.1);
    expect(parsePercent("x")).toBeNaN();
    expect(parseOptionalPercent(" ")).toBeNull();
    expect(parseOptionalPercent("5")).toBe(0.05);
  });

  it("reads a financial year by the year it starts", () => {
    expect(parseYear("2025")).toBe(2025);
    expect(parseYear("2025/26")).toBe(2025);
    expect(parseYear("25")).toBeNaN();
  });

  it("prefers tables by name", () => {
    expect(preferTable(["Data", "RiskBandsTable_2", "RiskBands"], "RiskBandsTable", "RiskBands")).toBe("RiskBandsTable_2");
    expect(preferTable(["Data"], "Prices")).toBe("");
  });
});

describe("formula text", () => {
  it("drops trailing omitted arguments and keeps inner ones empty", () => {
    expect(call("PBR.TARIFF", ["A2", "B2", null, "Prices", undefined])).toBe("=PBR.TARIFF(A2,B2,,Prices)");
    expect(absolute("B3:D10")).toBe("$B$3:$D$10");
  });

  it("refers to picked tables and columns with sheet names quoted when needed", () => {
    const t = { sheet: "My caseload", address: "B4:F104" };
    expect(tableRef(t)).toBe("'My caseload'!$B$4:$F$104");
    expect(columnRef(t, 1)).toBe("'My caseload'!$C$5:$C$104");
  });

  it("resolves plan tokens to the names the workbook gave", () => {
    const resolve = resolver({ sheets: { p: "Prices (2)", s: "Summary" }, names: { Prices: "Prices_2" }, tables: {} });
    expect(resolve("=SUM(«sheet:p»!$A$1:$A$3)+«sheet:s»!B2*COUNT(«name:Prices»)")).toBe("=SUM('Prices (2)'!$A$1:$A$3)+Summary!B2*COUNT(Prices_2)");
    expect(resolve("plain «text»")).toBe("plain «text»");
    expect(() => resolve("=«name:Nope»")).toThrow(/does not create/);
  });
});
