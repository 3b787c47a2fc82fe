/**
 * A production build for a trust's own server: ADDIN_URL moves every manifest URL and function
 * help link under that address, refuses http and placeholder addresses, and keeps the add-in id.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const deploy = require("../scripts/deploy.cjs");
const ROOT = join(__dirname, "..");
const SOURCE = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const BASE = "https://apps.trust.nhs.uk/pbr-toolkit/";

function urlsIn(xml: string): string[] {
  return [...xml.matchAll(/https?:\/\/[^"<\s]+/g)]
    .map((m) => m[0])
    .filter((u) => !u.startsWith("http://schemas.") && !u.includes("w3.org"));
}

describe("ADDIN_URL", () => {
  it("accepts an HTTPS address and adds the trailing slash", () => {
    expect(deploy.resolveAddinUrl("https://apps.trust.nhs.uk/pbr-toolkit")).toBe(BASE);
    expect(deploy.resolveAddinUrl(undefined)).toBe("https://localhost:3000/");
  });

  it("refuses http, placeholder and malformed addresses with a clear message", () => {
    expect(() => deploy.resolveAddinUrl("http://intranet/pbr/")).toThrow(/not HTTPS/);
    expect(() => deploy.resolveAddinUrl("https://www.contoso.com/")).toThrow(/placeholder/);
    expect(() => deploy.resolveAddinUrl("https://<your-server>/")).toThrow(
      /not a web address|placeholder/
    );
    expect(() => deploy.resolveAddinUrl("apps.trust.nhs.uk")).toThrow(/not a web address/);
  });

  it("rewrites the manifest: no localhost, every URL under the address, same id, version from package.json", () => {
    const xml = deploy.buildManifest(SOURCE, BASE, "1.2.3");
    expect(xml).not.toContain("localhost");
    const urls = urlsIn(xml);
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls)
      expect(u === "https://apps.trust.nhs.uk" || u.startsWith(BASE)).toBe(true);
    expect(xml).toContain("<AppDomain>https://apps.trust.nhs.uk</AppDomain>");
    expect(xml).toContain("<Version>1.2.3.0</Version>");
    const id = (s: string) => /<Id>([^<]+)<\/Id>/.exec(s)![1];
    expect(id(xml)).toBe(id(SOURCE));
    expect(() => new XMLParser().parse(xml)).not.toThrow();
  });
});

describe("production build at an address", () => {
  jest.setTimeout(180_000);
  const out = mkdtempSync(join(tmpdir(), "pbr-build-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("writes dist with the manifest, functions.json help links and help pages under ADDIN_URL", () => {
    const webpack = join(ROOT, "node_modules", ".bin", "webpack");
    const run = spawnSync(
      webpack,
      ["--mode", "production", "--config-name", "addin", "--env", `outputPath=${out}`],
      {
        cwd: ROOT,
        env: { ...process.env, ADDIN_URL: BASE },
        encoding: "utf8",
      }
    );
    expect(run.status).toBe(0);
    const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    const metadata = JSON.parse(readFileSync(join(out, "functions.json"), "utf8"));
    for (const f of metadata.functions) {
      expect(f.helpUrl).toBe(`${BASE}help/${f.id}.html`);
      expect(existsSync(join(out, "help", `${f.id}.html`))).toBe(true);
    }
    expect(readFileSync(join(out, "help", "MHNRG.html"), "utf8")).toContain(
      "PBR.MHNRG(kind, age, diagnosis, service"
    );
    expect(existsSync(join(out, "help", "index.html"))).toBe(true);
  });

  it("refuses to build for an http address", () => {
    const webpack = join(ROOT, "node_modules", ".bin", "webpack");
    const run = spawnSync(
      webpack,
      ["--mode", "production", "--config-name", "addin", "--env", `outputPath=${out}/x`],
      {
        cwd: ROOT,
        env: { ...process.env, ADDIN_URL: "http://intranet/pbr/" },
        encoding: "utf8",
      }
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr + run.stdout).toContain("is not HTTPS");
  });
});
