/* Excel's native charts look as the playground draws them: a colour per series from the shared
   Okabe–Ito palette, bars outlined, the legend at the bottom, and the value axis in the spec's
   format where ExcelApi 1.8 allows it. Against office-addin-mock (officePortFake.ts). */
import { createOfficePort } from "../../src/workbook/officePort";
import { BAR_OUTLINE, SERIES_COLOURS, seriesColour } from "../../src/workbook/chartStyle";
import { FakeExcel } from "./officePortFake";

function setup(excelApi: number) {
  const fake = new FakeExcel(["Sheet1"]);
  (globalThis as { Excel?: unknown }).Excel = fake.api();
  (globalThis as { Office?: unknown }).Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) =>
          name === "ExcelApi" && Number(version.split(".")[1]) <= excelApi,
      },
    },
  };
  return { fake, port: createOfficePort() };
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
  delete (globalThis as { Office?: unknown }).Office;
});

describe("officePort charts", () => {
  it("gives each of the audit's eight series (seven results and Other) its own colour, bars outlined", async () => {
    const { fake, port } = setup(20);
    await port.addChart("Sheet1", {
      type: "bar",
      title: "Checks",
      dataAddress: "Z5:AH8",
      anchor: "Z20",
      valueFormat: "#,##0",
    });
    const [chart] = fake.charts;
    expect(chart.source).toBe("Sheet1!AA5:AH8");
    expect(chart.series).toHaveLength(8);
    const fills = chart.series!.map((s) => s.fill);
    expect(new Set(fills).size).toBe(8);
    expect(fills).toEqual(SERIES_COLOURS.slice(0, 8));
    expect(chart.series!.every((s) => s.line === BAR_OUTLINE)).toBe(true);
    expect(chart.legend).toBe("Bottom");
    expect(chart.valueFormat).toBe("#,##0");
  });

  it("colours a line chart's lines and puts £ on its value axis", async () => {
    const { fake, port } = setup(8);
    await port.addChart("Sheet1", {
      type: "line",
      title: "Payment",
      dataAddress: "I10:K23",
      anchor: "M4",
      valueFormat: "£#,##0",
    });
    expect(fake.charts[0]).toMatchObject({
      type: "Line",
      series: [{ line: seriesColour(0) }, { line: seriesColour(1) }],
      valueFormat: "£#,##0",
      legend: "Bottom",
    });
    expect(fake.charts[0].series!.some((s) => s.fill)).toBe(false);
  });

  it("leaves the axis linked to its cells' format where ExcelApi 1.8 is missing, and never sets one not asked for", async () => {
    const old = setup(7);
    await old.port.addChart("Sheet1", {
      type: "line",
      title: "Payment",
      dataAddress: "I10:K23",
      anchor: "M4",
      valueFormat: "£#,##0",
    });
    expect(old.fake.charts[0].valueFormat).toBeUndefined();
    expect(old.fake.charts[0].series).toHaveLength(2); // the colours need only ExcelApi 1.1
    const plain = setup(20);
    await plain.port.addChart("Sheet1", {
      type: "bar",
      title: "Counts",
      dataAddress: "A1:B5",
      anchor: "D2",
    });
    expect(plain.fake.charts[0].valueFormat).toBeUndefined();
  });

  it("repeats the palette only past its eighth colour", () => {
    expect(new Set(SERIES_COLOURS).size).toBe(SERIES_COLOURS.length);
    expect(seriesColour(8)).toBe(seriesColour(0));
    expect(seriesColour(-1)).toBe(seriesColour(7));
  });
});
