/* The import layers of ARCHITECTURE.md, enforced by the lint rule in eslint.config.mjs
   (no-restricted-imports): run here so `npm test` fails when a layer reaches above itself.
   ESLint loads its .mjs configuration with a dynamic import, which jest's module sandbox does not
   allow, so the check runs in a child Node process. */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

jest.setTimeout(120_000);

const SCRIPT = `
const { ESLint } = require("eslint");
(async () => {
  const eslint = new ESLint({ ruleFilter: ({ ruleId }) => ruleId === "no-restricted-imports" });
  const results = await eslint.lintFiles(["src/**/*.ts", "src/**/*.tsx"]);
  const problems = results.flatMap((r) =>
    r.messages.map((m) => r.filePath.replace(/.*[\\\\/]src[\\\\/]/, "src/") + ":" + m.line + " " + m.message)
  );
  process.stdout.write(JSON.stringify({ files: results.length, problems }));
})();
`;

it("core, functions, workbook, task pane and playground import only what their layer may", () => {
  const out = execFileSync(process.execPath, ["-e", SCRIPT], {
    cwd: join(__dirname, ".."),
    encoding: "utf8",
  });
  const { files, problems } = JSON.parse(out) as { files: number; problems: string[] };
  expect(files).toBeGreaterThan(100);
  expect(problems).toEqual([]);
});
