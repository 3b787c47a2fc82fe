/**
 * The playground in headless Chromium: the demo workbook opens, typing a rating changes the
 * suggested cluster (HyperFormula recalculates PBR.CLUSTER through the plugin), the task pane
 * renders beside the grid, charts are drawn in the page, and no request leaves localhost.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Server } from "node:http";
import { TEST_OUTPUT, cspViolations, openPage, serveDist, type Session } from "./support/harness";
import { DEMO_SHEETS, settled, textWhen } from "./support/playground";
import { seriesColour } from "../../src/workbook/chartStyle";

jest.setTimeout(60_000);

describe("playground page in headless Chromium", () => {
  let server: Server;
  let origin: string;
  let session: Session;

  beforeAll(async () => {
    ({ server, origin } = await serveDist());
    session = await openPage(`${origin}/playground.html`);
    await session.page.getByTestId("playground-status").filter({ hasText: "ready" }).waitFor({ timeout: 45_000 });
  }, 60_000);

  afterAll(async () => {
    await session?.close();
    await new Promise((r) => server?.close(r));
  });

  const cell = (address: string) => session.page.locator(`[data-cell="${address}"]`);
  const goTo = async (address: string) => {
    const box = session.page.getByLabel("Name box (cell address)");
    await box.fill(address);
    await box.press("Enter");
    await session.page.locator(`[data-cell="${address.split("!").pop()}"][aria-selected="true"]`).waitFor();
    await session.page.waitForFunction(() => document.activeElement?.getAttribute("role") === "grid");
  };

  it("opens the synthetic demo workbook with its sheets, clearly marked", async () => {
    const { page } = session;
    const tabs = await page.locator("[role=tab][data-sheet]").evaluateAll((els) => els.map((e) => e.getAttribute("data-sheet")));
    expect(tabs).toEqual(DEMO_SHEETS);
    // It opens on the Summary (its charts; browser/features/charts.test.ts checks they are in view).
    await page.getByRole("grid", { name: "Sheet Summary", exact: true }).waitFor();
    await page.getByRole("tab", { name: "Caseload", exact: true }).click();
    await page.getByRole("grid", { name: "Sheet Caseload", exact: true }).waitFor();
    await expect(cell("A1").textContent()).resolves.toContain("SYNTHETIC");
    await expect(cell("A4").textContent()).resolves.toBe("SYN-0001");
  });

  it("recalculates the suggested cluster when a rating is typed", async () => {
    const { page } = session;
    await goTo("AA4");
    const before = await cell("AA4").textContent();
    expect(before).toMatch(/^\d+$/);
    // A first-episode-psychosis picture: severe hallucinations and delusions (item 6), with little else.
    const psychosis = [0, 0, 0, 0, 0, 4, 1, 1, 2, 1, 1, 2, 0, 0, 0, 0, 1, 1];
    await goTo("I4");
    for (const rating of psychosis) {
      await page.keyboard.type(String(rating));
      await page.getByLabel(/^Edit [A-Z]+\d+$/).waitFor();
      await page.keyboard.press("Tab");
      await page.waitForFunction(() => document.activeElement?.getAttribute("role") === "grid");
    }
    await goTo("AA4");
    await expect(textWhen(cell("AA4"), (t) => t !== before)).resolves.not.toBe(before);
    const after = Number(await cell("AA4").textContent());
    expect([10, 11, 12, 13, 14, 15, 16, 17]).toContain(after);
    mkdirSync(TEST_OUTPUT, { recursive: true });
    await goTo("AB4"); // ratings, suggested cluster and audit side by side
    await page.screenshot({ path: join(TEST_OUTPUT, "playground-caseload.png") });
  });

  it("shows a PBR error with its message", async () => {
    const { page } = session;
    await goTo("AD1");
    await page.keyboard.type("=PBR.CLUSTERNAME(99)");
    await page.keyboard.press("Enter");
    await expect(textWhen(cell("AD1"), (t) => t === "#N/A")).resolves.toBe("#N/A");
    await expect(cell("AD1").getAttribute("title")).resolves.toContain("99 is not a care cluster code");
  });

  it("draws the Summary sheet's chart in the page", async () => {
    const { page } = session;
    await page.getByRole("tab", { name: "Summary" }).click();
    await goTo("B36");
    await expect(cell("B36").textContent()).resolves.toMatch(/^\d+$/);
    await goTo("B57");
    await expect(cell("B57").textContent()).resolves.toBe("2000"); // every synthetic person counted
    await goTo("A1"); // the charts are at the top (A4 and A19)
    const bar = page.locator(`[data-chart="bar"] svg rect[fill="${seriesColour(0)}"]`);
    await bar.first().waitFor();
    expect(await bar.count()).toBeGreaterThan(10);
    await page.screenshot({ path: join(TEST_OUTPUT, "playground-summary.png") });
  });

  it("renders the real task pane beside the grid", async () => {
    await session.page.getByRole("heading", { name: "PbR Toolkit" }).waitFor();
    await expect(settled(() => session.page.getByRole("complementary", { name: "PbR Toolkit task pane" }).count(), (n) => n === 1)).resolves.toBe(1);
  });

  it("runs HyperFormula under a Content-Security-Policy without 'unsafe-eval'", async () => {
    const csp = await session.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain("unsafe-eval");
    // Nothing the page did so far (loading the demo, recalculating) was refused…
    await expect(cspViolations(session.page)).resolves.toEqual([]);
    // …and the policy is in force: an inline script is refused.
    await session.page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.inlineRan = true";
      document.head.appendChild(s);
    });
    await expect(cspViolations(session.page)).resolves.toEqual(["script-src-elem inline"]);
    session.errors.length = 0; // the refusal just provoked is logged as a console error
  });

  it("runs without page errors and makes no request to any host other than localhost", () => {
    expect(session.errors).toEqual([]);
    expect(session.outside).toEqual([]);
  });

});
