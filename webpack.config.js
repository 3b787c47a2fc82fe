/* Builds the add-in into dist/: functions.js + functions.json (custom functions, generated from the
   JSDoc @customfunction lines), taskpane.html/js (the shared runtime page), manifest and icons.
   A second config, "playground", builds playground.html/js: the task pane beside an embedded
   workbook (HyperFormula, GPL-3.0), kept out of the add-in bundles. */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { buildManifest, finishMetadata, helpPages, resolveAddinUrl } = require("./scripts/deploy.cjs");
const { FUNCTION_FILES } = require("./scripts/function-files.cjs");
const { version } = require("./package.json");
const { webviewProblems, OLDEST_WEBVIEW } = require("./scripts/webview-syntax.cjs");

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: "ts-loader", options: { transpileOnly: true } },
};

/**
 * The add-in runs in the oldest webview its manifest admits (Safari 13.1 on older Macs:
 * scripts/webview-syntax.cjs): every module of functions.js and taskpane.js, ours after ts-loader
 * and every dependency, is lowered to that target by esbuild. The playground runs in a current
 * browser and is not lowered.
 */
const webviewTarget = { loader: path.resolve(__dirname, "scripts/esbuild-target-loader.cjs") };
const addinRules = [
  { ...tsRule, use: [webviewTarget, tsRule.use] },
  { test: /\.m?js$/, include: /node_modules/, use: [webviewTarget] },
];

/** Fails the add-in build when an emitted script has syntax the oldest webview cannot run. */
class WebviewSyntaxPlugin {
  apply(compiler) {
    const { Compilation, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("WebviewSyntaxPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "WebviewSyntaxPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ANALYSE },
        (assets) => {
          for (const file of Object.keys(assets)) {
            if (!file.endsWith(".js")) continue;
            for (const problem of webviewProblems(assets[file].source().toString(), file))
              compilation.errors.push(new WebpackError(`${problem}. The add-in must run in ${OLDEST_WEBVIEW}.`));
          }
        }
      );
    });
  }
}

const common = (mode) => ({
  mode,
  // No eval-based source maps even in development: the pages' Content-Security-Policy forbids eval.
  devtool: mode === "production" ? "source-map" : "cheap-module-source-map",
  resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
  module: { rules: [tsRule] },
  performance: { hints: false },
});

/**
 * After functions.json is generated: allow error inputs (allowErrorForDataTypeAny), give every
 * function a helpUrl under the add-in's address and write help/<ID>.html pages from the same
 * metadata, so "Help on this function" works offline.
 */
class HelpPagesPlugin {
  constructor(base) {
    this.base = base;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("HelpPagesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "HelpPagesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const metadata = finishMetadata(JSON.parse(asset.source.source().toString()), this.base);
          compilation.updateAsset("functions.json", new sources.RawSource(JSON.stringify(metadata, null, 4)));
          for (const [file, html] of Object.entries(helpPages(metadata)))
            compilation.emitAsset(file, new sources.RawSource(html));
        }
      );
    });
  }
}

const addin = (mode, base) => ({
  ...common(mode),
  name: "addin",
  entry: {
    functions: ["./src/functions/runtime.ts", ...FUNCTION_FILES],
    taskpane: "./src/taskpane/index.tsx",
  },
  // Both builds share dist/ (clean: false) and number their chunks (workers, lazy parts) from 0, so
  // each prefixes its own: a playground chunk must never overwrite an add-in chunk of the same
  // number, which is lowered for the oldest webview (WebviewSyntaxPlugin) and the playground's is not.
  output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", chunkFilename: "addin-[id].js", clean: false },
  module: { rules: addinRules },
  plugins: [
    new WebviewSyntaxPlugin(),
    new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_FILES }),
    new HelpPagesPlugin(base),
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["functions", "taskpane"],
      scriptLoading: "blocking",
      inject: "body",
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: "assets/*.png", to: "assets/[name][ext]" },
        {
          from: "manifest.xml",
          to: "manifest.xml",
          transform: (content) => buildManifest(content.toString(), base, version),
        },
      ],
    }),
  ],
});

/* The playground: no custom-functions-metadata-plugin here (it appends CustomFunctions.associate
   lines); instead the PBR function list is generated from the same JSDoc by a loader. */
const playground = (mode) => ({
  ...common(mode),
  name: "playground",
  entry: { playground: "./src/playground/index.tsx" },
  output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", chunkFilename: "playground-[id].js", clean: false },
  module: {
    rules: [
      {
        test: path.resolve(__dirname, "src/workbook/embedded/pbrFunctions.ts"),
        enforce: "pre",
        use: {
          loader: path.resolve(__dirname, "scripts/pbr-registry-loader.cjs"),
          options: { files: FUNCTION_FILES },
        },
      },
      tsRule,
    ],
  },
  plugins: [
    new HtmlWebpackPlugin({
      filename: "playground.html",
      template: "./src/playground/playground.html",
      chunks: ["playground"],
      inject: "body",
    }),
  ],
});

/* ADDIN_URL=https://host/path/ npm run build: a dist/ to host at that address (manifest, help
   pages and function help links under it). Without it: https://localhost:3000/ for development. */
module.exports = (env, argv) => {
  const mode = argv.mode || "production";
  const base = resolveAddinUrl(process.env.ADDIN_URL);
  const out = env && env.outputPath ? path.resolve(env.outputPath) : undefined;
  const configs = [addin(mode, base), playground(mode)];
  if (out) for (const c of configs) c.output.path = out;
  return configs;
};
