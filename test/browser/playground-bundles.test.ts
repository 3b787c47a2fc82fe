/**
 * HyperFormula is GPL-3.0: it may ship in the playground only, never in the add-in bundles that
 * Excel loads (functions.js, taskpane.js). Checks the built files in dist/.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const DIST = join(__dirname, "..", "..", "dist");
/** Strings that survive minification of HyperFormula and its parser (chevrotain). */
const MARKERS = ["HyperFormula", "gpl-v3", "hyperformula.handsontable.com", "chevrotain"];

describe("bundles", () => {
  it.each(["functions.js", "taskpane.js"])("%s carries no HyperFormula code", (file) => {
    const text = readFileSync(join(DIST, file), "utf8");
    for (const marker of MARKERS) expect({ marker, found: text.includes(marker) }).toEqual({ marker, found: false });
  });

  it("the playground bundle does carry it (so the markers above mean something)", () => {
    const text = readFileSync(join(DIST, "playground.js"), "utf8");
    expect(text).toContain("hyperformula.handsontable.com");
    expect(text).toContain("gpl-v3");
  });

  it("the playground page loads no outside script or office.js, and the function bundle has no associate lines", () => {
    const html = readFileSync(join(DIST, "playground.html"), "utf8");
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    expect(html).not.toContain("office.js");
    expect(html).toContain("connect-src 'self'");
    expect(readFileSync(join(DIST, "playground.js"), "utf8")).not.toContain("CustomFunctions.associate");
    expect(existsSync(join(DIST, "functions.json"))).toBe(true);
  });
});
