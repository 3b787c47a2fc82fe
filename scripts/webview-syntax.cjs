/* The oldest webview the add-in's manifest admits, and a check that a built bundle uses no syntax
   it lacks. Mac Excel 16.35 (the manifest's SharedRuntime 1.1 floor) runs on macOS 10.13 High
   Sierra or later; Office add-ins on a Mac run in WKWebView, the system's WebKit, whose last version
   on 10.13 is Safari 13.1. A script with syntax that WebKit cannot parse fails as a whole: the pane
   stays blank and no function registers.
   https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins
   Safari 13.1 parses ES2020 (optional chaining, ??) but not ES2021+ syntax (logical assignment,
   numeric separators), class fields (Safari 14/14.1), static blocks, top-level await, or in a
   regular expression: lookbehind (?<= (?<! (Safari 16.4), the d flag (15) and the v flag (17).
   Named groups (Safari 11.1), the s flag and \p{…} (11.1) are fine.
   https://webkit.org/blog/13966/webkit-features-in-safari-16-4/ (lookbehind) */
const acorn = require("acorn");

const OLDEST_WEBVIEW = "Safari 13.1 (WKWebView on macOS 10.13, the oldest macOS Mac Excel 16.35 runs on)";
const ECMA_VERSION = 2020;

/** Problems with a regular expression's pattern and flags for the oldest webview. */
function regexProblems(pattern, flags) {
  const out = [];
  // A lookbehind group opens with "(?<=" or "(?<!" where the "(" is not escaped.
  if (/(^|[^\\])(\\\\)*\(\?<[=!]/.test(pattern)) out.push("a lookbehind (?<= or (?<! (Safari 16.4)");
  if (/d/.test(flags)) out.push("the d flag (Safari 15)");
  if (/v/.test(flags)) out.push("the v flag (Safari 17)");
  return out;
}

/**
 * What in `source` the oldest webview cannot run: a parse error under ES2020, or a regular
 * expression (literal, or a RegExp built from a string literal) it rejects. [] when none.
 */
function webviewProblems(source, file = "bundle") {
  let ast;
  try {
    ast = acorn.parse(source, { ecmaVersion: ECMA_VERSION, sourceType: "script", allowHashBang: true, locations: true });
  } catch (e) {
    return [`${file}: syntax newer than ES${ECMA_VERSION} (${e.message}): ${OLDEST_WEBVIEW} cannot parse it`];
  }
  const out = [];
  const at = (node) => `${file}:${node.loc.start.line}:${node.loc.start.column + 1}`;
  const report = (node, pattern, flags) => {
    for (const p of regexProblems(pattern, flags))
      out.push(`${at(node)}: /${pattern.slice(0, 60)}/${flags} uses ${p}, which ${OLDEST_WEBVIEW} rejects`);
  };
  const constructed = (node) => {
    if (node.callee.type !== "Identifier" || node.callee.name !== "RegExp") return;
    const [p, f] = node.arguments;
    if (p && p.type === "Literal" && typeof p.value === "string")
      report(node, p.value, f && f.type === "Literal" && typeof f.value === "string" ? f.value : "");
  };
  // Every node, without a walker dependency: an ESTree node is an object with a string `type`.
  const stack = [ast];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.type === "Literal" && node.regex) report(node, node.regex.pattern, node.regex.flags);
    else if (node.type === "NewExpression" || node.type === "CallExpression") constructed(node);
    for (const key in node) {
      if (key === "loc") continue;
      const v = node[key];
      if (Array.isArray(v)) {
        for (const c of v) if (c && typeof c.type === "string") stack.push(c);
      } else if (v && typeof v === "object" && typeof v.type === "string") stack.push(v);
    }
  }
  return out;
}

module.exports = { OLDEST_WEBVIEW, ECMA_VERSION, webviewProblems, regexProblems };
