/**
 * Serving dist/ on localhost and opening pages in headless Chromium with the network closed:
 * office.js is served from the @microsoft/office-js package, every other request that leaves
 * localhost is aborted and recorded so tests can assert there were none.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_ARGS, ensureBrowser } from "./chromium";

const ROOT = join(__dirname, "..", "..", "..");
const DIST = join(ROOT, "dist");
const OFFICE_JS = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export function serveDist(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(
      decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname)
    );
    const file = join(DIST, path === "/" ? "index.html" : path);
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, origin: `http://localhost:${port}` });
    })
  );
}

export interface Session {
  browser: Browser;
  page: Page;
  /** Requests to any host other than localhost (all aborted). */
  outside: string[];
  /** Uncaught errors in the page, and Content-Security-Policy refusals. */
  errors: string[];
  close(): Promise<void>;
}

function isLocal(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
  } catch {
    return url.startsWith("data:") || url.startsWith("blob:") || url.startsWith("about:");
  }
}

export async function openPage(url: string): Promise<Session> {
  const browser = await chromium.launch({
    executablePath: process.env.PBR_BROWSER || ensureBrowser(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({
    locale: "en-GB",
    viewport: { width: 1280, height: 900 },
  });
  const outside: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", async (route) => {
    const requested = route.request().url();
    if (requested.startsWith(OFFICE_CDN)) {
      const file = join(OFFICE_JS, requested.slice(OFFICE_CDN.length).split("?")[0]);
      if (file.startsWith(OFFICE_JS) && existsSync(file)) {
        await route.fulfill({ path: file, contentType: TYPES[extname(file)] ?? "text/javascript" });
      } else {
        await route.fulfill({ status: 404, body: "" });
      }
      return;
    }
    if (isLocal(requested)) {
      await route.continue();
      return;
    }
    outside.push(requested);
    await route.abort();
  });
  // Every Content-Security-Policy refusal from the page's first script on, caught or not.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`)
    );
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  // A Content-Security-Policy refusal (an eval, a script or style from elsewhere) counts as an error.
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  await page.goto(url);
  return {
    browser,
    page,
    outside,
    errors,
    close: () => browser.close(),
  };
}

/** Content-Security-Policy refusals in the page so far ("script-src eval", …). */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []
  );
}

export const TEST_OUTPUT = join(ROOT, "test-output");
