import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Server } from "node:http";
import { TEST_OUTPUT, openPage, serveDist, type Session } from "./support/harness";

describe("task pane page in headless Chromium", () => {
  let server: Server;
  let origin: string;
  let session: Session;

  beforeAll(async () => {
    ({ server, origin } = await serveDist());
    session = await openPage(`${origin}/taskpane.html`);
  });

  afterAll(async () => {
    await session?.close();
    await new Promise((r) => server?.close(r));
  });

  it("renders outside Office with office.js served locally", async () => {
    const { page } = session;
    await page.getByRole("heading", { name: "PbR Toolkit" }).waitFor();
    await expect(page.getByTestId("host-status").textContent()).resolves.toContain("outside Excel");
    mkdirSync(TEST_OUTPUT, { recursive: true });
    await page.screenshot({ path: join(TEST_OUTPUT, "taskpane.png") });
  });

  it("loads office.js and the functions bundle without errors", async () => {
    const { page, errors } = session;
    await expect(page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).resolves.toBe("object");
    expect(errors).toEqual([]);
  });

  it("makes no request to any host other than localhost", () => {
    expect(session.outside).toEqual([]);
  });

  it("has a Content-Security-Policy that allows only this host and office.js's, and no eval", async () => {
    const { page, errors } = session;
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(csp).not.toContain("unsafe-eval");
    await expect(page.evaluate(() => new Promise((resolve) => {
      document.addEventListener("securitypolicyviolation", (e) => resolve(e.violatedDirective), { once: true });
      const s = document.createElement("script");
      s.src = "https://example.org/x.js";
      document.head.appendChild(s);
    }))).resolves.toBe("script-src-elem");
    expect(errors.filter((e) => !e.includes("example.org"))).toEqual([]);
    errors.length = 0;
  });
});
