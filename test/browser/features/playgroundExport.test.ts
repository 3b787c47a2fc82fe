/**
 * Getting work out of the playground and reading errors without a mouse: the selected cell's error
 * message in a status line, the sheet as CSV, each chart as SVG and PNG with a title that matches
 * its series, and a warning before leaving with changes (nothing is saved outside the tab).
 */
import { readFileSync } from "node:fs";
import { DEMO_SHEETS, goTo, textWhen, usePlayground, valueWhen } from "../support/playground";

describe("playground: status line, exports, leaving", () => {
  const pg = usePlayground();

  it("shows the selected cell's error message in words, for keyboard and screen-reader users", async () => {
    const { page } = pg();
    await goTo(page, "Summary!J2");
    await page.keyboard.type("=PBR.CLUSTERNAME(99)");
    await page.keyboard.press("Enter");
    await goTo(page, "Summary!J2");
    const status = page.getByTestId("cell-status");
    await expect(status.textContent()).resolves.toMatch(/^J2: #N\/A .*99/);
    await expect(status.getAttribute("aria-live")).resolves.toBe("polite");
    await goTo(page, "Summary!A1");
    await expect(textWhen(status, (t) => t === "")).resolves.toBe("");
  });

  it("exports the current sheet as CSV, as the grid shows it", async () => {
    const { page } = pg();
    await goTo(page, "Summary!A1");
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export sheet as CSV" }).click()]);
    expect(file.suggestedFilename()).toBe("Summary.csv");
    const text = readFileSync((await file.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain("#N/A"); // the error typed above, as its code
    expect(text.split("\r\n").length).toBeGreaterThan(30);
  });

  it("downloads a chart as SVG and PNG, titled after all the series it draws", async () => {
    const { page } = pg();
    await goTo(page, "Summary!A19");
    const title = "Risk share against variance: activity value, payment, provider gain, change";
    const chart = page.getByRole("figure", { name: `Line chart: ${title}` });
    await chart.waitFor();
    const legend = await chart.locator("svg g text").allTextContents();
    for (const series of ["Payment", "Provider gain"]) expect(legend.join("|")).toContain(series);
    const [svg] = await Promise.all([page.waitForEvent("download"), chart.getByRole("button", { name: `Download chart ${title} as SVG` }).click()]);
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    const svgText = readFileSync((await svg.path())!, "utf8");
    expect(svgText).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svgText).toContain("<polyline");
    const [png] = await Promise.all([page.waitForEvent("download"), chart.getByRole("button", { name: `Download chart ${title} as PNG` }).click()]);
    const bytes = readFileSync((await png.path())!);
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]); // a PNG
    expect(bytes.length).toBeGreaterThan(5000);
  });

  it("asks before leaving the page once anything has changed", async () => {
    const { page } = pg();
    await page.evaluate(() => {
      const e = new Event("beforeunload", { cancelable: true }) as BeforeUnloadEvent;
      window.dispatchEvent(e);
      (window as unknown as { __prevented: boolean }).__prevented = e.defaultPrevented;
    });
    // The cell typed into above is a change, so the page's beforeunload handler asks the browser to confirm.
    await expect(page.evaluate(() => (window as unknown as { __prevented: boolean }).__prevented)).resolves.toBe(true);
  });

  it("makes no request to any host other than localhost, with no page errors", () => {
    expect(pg().session.outside).toEqual([]);
    expect(pg().session.errors).toEqual([]);
  });
});

describe("playground: help while typing a PBR formula", () => {
  const pg = usePlayground();

  it("lists the PBR functions with descriptions, then names the argument being typed", async () => {
    const { page } = pg();
    await goTo(page, "Summary!J3");
    await page.keyboard.type("=PBR.TAR");
    const help = page.getByTestId("formula-help");
    const listed = help.getByRole("list", { name: "PBR functions" });
    await expect(textWhen(listed, (t) => t.startsWith("PBR.TARIFF"))).resolves.toMatch(/^PBR\.TARIFF Price of care at a code's day prices/);
    // The formula bar shows the text being typed in the cell.
    await expect(valueWhen(page.getByLabel("Formula bar"), (v) => v === "=PBR.TAR")).resolves.toBe("=PBR.TAR");
    await page.keyboard.type("IFF(11, ");
    await expect(textWhen(help, (t) => t.includes("days: "))).resolves.toMatch(/^PBR\.TARIFF\(code, days, \[admittedDays\].*\)days: /);
    await expect(help.locator("strong").first().textContent()).resolves.toBe("days");
    await page.keyboard.type("30)");
    await expect(textWhen(help, (t) => t === "")).resolves.toBe("");
    await page.keyboard.press("Enter");
    await goTo(page, "Summary!J3");
    await expect(page.getByTestId("cell-status").textContent()).resolves.toBe("");
  });
});

describe("playground: save the workbook as .xlsx", () => {
  const pg = usePlayground();

  it("saves every sheet with formulas, formats and names, and leaving no longer asks", async () => {
    const { page } = pg();
    await goTo(page, "Summary!J2");
    await page.keyboard.type("changed");
    await page.keyboard.press("Enter");
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save workbook as .xlsx" }).click()]);
    expect(file.suggestedFilename()).toBe("PbR Toolkit workbook.xlsx");
    const bytes = readFileSync((await file.path())!);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { unzipSync, strFromU8 } = require("fflate") as typeof import("fflate");
    const files = unzipSync(new Uint8Array(bytes));
    const workbook = strFromU8(files["xl/workbook.xml"]);
    for (const sheet of DEMO_SHEETS) expect(workbook).toContain(`name="${sheet}"`);
    expect(workbook).toMatch(/<definedName name="RiskBands">/);
    const sheets = Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).map((f) => strFromU8(files[f])).join("");
    // A PBR call is saved as Excel saves a JavaScript custom function.
    expect(sheets).toMatch(/<f[^>]*>_xldudf_PBR_CLUSTER\(/);
    expect(sheets).not.toMatch(/<f>=/);
    const prevented = await page.evaluate(() => {
      const e = new Event("beforeunload", { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });
    expect(prevented).toBe(false);
  });
});
