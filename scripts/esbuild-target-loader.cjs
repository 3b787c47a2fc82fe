/* A webpack loader that lowers a module's syntax to what the oldest webview the add-in admits can
   run (scripts/webview-syntax.cjs: Safari 13.1), with esbuild's transform: dependencies ship
   ES2021+ syntax (Fluent UI's tabster uses ??=), and a script with syntax WebKit cannot parse fails
   as a whole. esbuild cannot lower a regular-expression lookbehind (it rewrites the literal to
   new RegExp(…), which would throw when run); the build's webview check rejects those. */
const { transform } = require("esbuild");

const TARGET = "safari13.1";

module.exports = function esbuildTargetLoader(source, map) {
  const done = this.async();
  transform(source, {
    loader: "js",
    target: TARGET,
    sourcefile: this.resourcePath,
    sourcemap: this.sourceMap ? "external" : false,
    // Keep ES modules as ES modules: webpack links them.
    format: undefined,
    // Safari has parsed destructuring since 10; esbuild's table marks it unsupported before 14.1
    // for edge cases of the compatibility suite, and cannot lower it. The webview check still
    // parses the output as ES2020.
    supported: { destructuring: true },
  }).then(
    (result) => done(null, result.code, result.map || map),
    (error) => done(error)
  );
};
module.exports.TARGET = TARGET;
