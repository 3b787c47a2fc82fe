/* The build's check that the add-in's scripts parse in the oldest webview the manifest admits
   (Safari 13.1, WKWebView on macOS 10.13 under Mac Excel 16.35): scripts/webview-syntax.cjs, run
   by webpack on functions.js and taskpane.js. Before 16.4 Safari rejects a whole script that holds
   a regular-expression lookbehind. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { webviewProblems } = require("../scripts/webview-syntax.cjs") as {
  webviewProblems: (source: string, file?: string) => string[];
};

describe("the oldest-webview check", () => {
  it.each([
    ["a lookbehind literal", "const r = /(?<![a-z])jan/gi;", /lookbehind/],
    ["a positive lookbehind", "x.split(/(?<=[a-z])(?=[0-9])/);", /lookbehind/],
    ["a lookbehind built from a string", 'const r = new RegExp("(?<=a)b", "g");', /lookbehind/],
    ["the d flag (ES2022)", "const r = /a/d;", /newer than ES2020/],
    ["logical assignment (ES2021)", "let o = {}; o.x ??= 1;", /newer than ES2020/],
    ["a class field (ES2022)", "class A { x = 1 }", /newer than ES2020/],
    ["numeric separators (ES2021)", "const n = 1_000;", /newer than ES2020/],
  ])("rejects %s", (_what, source, message) => {
    const problems = webviewProblems(source, "t.js");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it.each([
    ["optional chaining and ??", "const a = b?.c ?? 1;"],
    ["named groups and the s flag", "const r = /(?<year>\\d{4})./s;"],
    ["an escaped parenthesis before ?<", "const r = /\\(?<=x/;"],
    ["lookahead", "const r = /a(?!b)(?=c)/;"],
  ])("accepts %s", (_what, source) => {
    expect(webviewProblems(source, "t.js")).toEqual([]);
  });

  it("finds nothing in the add-in's sources that needs a newer webview (no lookbehind in src outside the playground)", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name)) files.push(p);
      }
    };
    for (const dir of ["core", "functions", "workbook", "taskpane"]) walk(join(__dirname, "../src", dir));
    const offenders = files.filter((f) => /(^|[^\\])\(\?<[=!]/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
