/* The function reference (docs/reference.md), generated from the same @customfunction JSDoc that
   produces functions.json and the playground's function list: each function's description, its
   parameters and, from the @example and @returns lines, a worked example and what it returns.
   `node scripts/reference.cjs` rewrites the page; test/golden/reference.test.ts fails when the
   page is out of date and evaluates every example in the embedded engine. */
const fs = require("fs");
const path = require("path");
const { readRegistry } = require("./pbr-registry.cjs");

const ROOT = path.join(__dirname, "..");
const PAGE = path.join(ROOT, "docs", "reference.md");

/** The JSDoc block above each exported function, by function name: { example, returns }. */
function readTags(file) {
  const text = fs.readFileSync(file, "utf8");
  const out = new Map();
  for (const m of text.matchAll(/\/\*\*([\s\S]*?)\*\/\s*export function (\w+)/g)) {
    const lines = m[1].split("\n").map((l) => l.replace(/^\s*\*\s?/, ""));
    const tag = (name) => {
      const line = lines.find((l) => l.startsWith(`@${name} `));
      return line ? line.slice(name.length + 2).replace(/^\{[^}]*\}\s*/, "").trim() : "";
    };
    out.set(m[2], { example: tag("example"), returns: tag("returns") });
  }
  return out;
}

/**
 * An @example line: `=FORMULA → v1 | v2 — note`, with an optional `row N:` before the values
 * (the spilled row they are from; default 1). Values are numbers or "quoted text".
 */
function parseExample(text) {
  const arrow = text.indexOf(" → ");
  if (arrow < 0) return null;
  const formula = text.slice(0, arrow).trim();
  let rest = text.slice(arrow + 3);
  const dash = rest.search(/ — (?=[^"]*$)/);
  const note = dash >= 0 ? rest.slice(dash + 3).trim() : "";
  if (dash >= 0) rest = rest.slice(0, dash);
  let row = 1;
  const rowMatch = /^row (\d+):\s*/.exec(rest);
  if (rowMatch) {
    row = Number(rowMatch[1]);
    rest = rest.slice(rowMatch[0].length);
  }
  const values = rest.split(" | ").map((v) => {
    const t = v.trim();
    if (t.startsWith('"')) return { raw: t, text: JSON.parse(t) };
    const decimals = (t.split(".")[1] ?? "").length;
    return { raw: t, number: Number(t), decimals };
  });
  if (values.some((v) => v.number !== undefined && Number.isNaN(v.number))) return null;
  return { formula, row, values, note };
}

async function readFunctionDocs(files) {
  const registry = await readRegistry(files);
  const tags = new Map();
  for (const file of new Set(registry.map((e) => e.file))) {
    for (const [name, t] of readTags(file)) tags.set(`${file}#${name}`, t);
  }
  return registry.map((e) => {
    const t = tags.get(`${e.file}#${e.functionName}`) ?? { example: "", returns: "" };
    return { ...e, family: path.basename(e.file, ".ts"), example: t.example, returns: t.returns };
  });
}

const FAMILIES = {
  clusters: ["Care clusters", "functions-clusters.md"],
  tariff: ["Pricing", "functions-pricing.md"],
  riskshare: ["Risk share", "functions-riskshare.md"],
  ras: ["Stepped personal budgets", "functions-budgets.md"],
  mhnrg: ["Resource groups (the 2026 currency)", "resource-groups.md"],
};

const cell = (s) => s.replace(/\|/g, "\\|");

function renderReference(docs) {
  const lines = [
    "# Function reference",
    "",
    "Generated from the functions' own documentation comments (the same text Excel shows in its",
    "formula help), by `node scripts/reference.cjs`; do not edit by hand. Every example below is",
    "calculated by the tests, and its answer checked. Examples that use the built-in price and step",
    "tables show ILLUSTRATIVE figures, not a national tariff. The family pages linked under each",
    "heading explain the rules, the tables and the errors.",
    "",
  ];
  for (const [family, [title, page]] of Object.entries(FAMILIES)) {
    const members = docs.filter((d) => d.family === family);
    if (members.length === 0) continue;
    lines.push(`## ${title}`, "", `Rules, tables and errors: [${page}](${page}).`, "");
    for (const d of members) {
      const sig = d.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
      lines.push(`### PBR.${d.id}(${sig})`, "", d.description, "");
      if (d.parameters.length > 0) {
        lines.push("| Argument | | What to give |", "|---|---|---|");
        for (const p of d.parameters)
          lines.push(`| \`${p.name}\` | ${p.optional ? "optional" : "required"} | ${cell(p.description)} |`);
        lines.push("");
      }
      if (d.returns) lines.push(`**Returns** ${d.returns}`, "");
      const ex = parseExample(d.example);
      if (ex) {
        const shown = ex.values.map((v) => v.raw).join(" · ");
        lines.push(
          "**Example**",
          "",
          "```",
          ex.formula,
          "```",
          "",
          `${ex.row > 1 ? `Answer, row ${ex.row}: ` : "Answer: "}${shown}${ex.note ? ` — ${ex.note}` : ""}`,
          ""
        );
      }
    }
  }
  lines.push("[Back to the README](../README.md) · [All documentation](index.md)", "");
  return lines.join("\n");
}

function functionFiles() {
  const { FUNCTION_FILES } = require("./function-files.cjs");
  return FUNCTION_FILES.map((f) => path.join(ROOT, f));
}

module.exports = { readFunctionDocs, renderReference, parseExample, functionFiles, PAGE };

if (require.main === module) {
  readFunctionDocs(functionFiles()).then((docs) => {
    fs.writeFileSync(PAGE, renderReference(docs));
    console.log(`wrote ${path.relative(ROOT, PAGE)}: ${docs.length} functions`);
  });
}
