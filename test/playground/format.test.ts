/** How the playground grid shows values under the number formats the task pane writes. */
import { formatValue } from "../../src/playground/format";

describe("formatValue", () => {
  it("shows money, percentages and dates as Excel would", () => {
    expect(formatValue(1234.5, "£#,##0.00")).toBe("£1,234.50");
    expect(formatValue(-3, "£#,##0.00")).toBe("-£3.00");
    expect(formatValue(0.125, "0.0%")).toBe("12.5%");
    expect(formatValue(45393, "dd/mm/yyyy")).toBe("11/04/2024");
  });

  it("shows text as written and a number in a text (@) cell as General, not rounded", () => {
    expect(formatValue("007", "@")).toBe("007");
    expect(formatValue(2.5, "@")).toBe("2.5");
    expect(formatValue(2.5)).toBe("2.5");
  });

  it("shows £ however an Excel file spells it: quoted, escaped, locale currency, accounting", () => {
    expect(formatValue(1234567, '"£"#,##0')).toBe("£1,234,567");
    expect(formatValue(1234567, "\\£#,##0")).toBe("£1,234,567");
    expect(formatValue(1234.5, "[$£-809]#,##0.00")).toBe("£1,234.50");
    expect(formatValue(-1234.5, "£#,##0.00;[Red]-£#,##0.00")).toBe("-£1,234.50");
    expect(
      formatValue(1234.5, '_-[$£-809]* #,##0.00_-;-[$£-809]* #,##0.00_-;_-[$£-809]* "-"??_-;_-@_-')
    ).toBe("£1,234.50");
  });
});
