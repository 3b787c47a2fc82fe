/* Builds the add-in into dist/: functions.js + functions.json (custom functions, generated from the
   JSDoc @customfunction lines), taskpane.html/js (the shared runtime page), manifest and icons.
   A second config, "playground", builds playground.html/js: the task pane beside an embedded
   workbook (HyperFormula, GPL-3.0), kept out of the add-in bundles. */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

/** One source file per function family; each becomes part of functions.json. */
const FUNCTION_FILES = [
  "./src/functions/clusters.ts",
  "./src/functions/tariff.ts",
  "./src/functions/riskshare.ts",
  "./src/functions/ras.ts",
  "./src/functions/mhnrg.ts",
];

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: "ts-loader", options: { transpileOnly: true } },
};

const common = (mode) => ({
  mode,
  devtool: mode === "production" ? "source-map" : "eval-cheap-module-source-map",
  resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
  module: { rules: [tsRule] },
  performance: { hints: false },
});

const addin = (mode) => ({
  ...common(mode),
  name: "addin",
  entry: {
    functions: ["./src/functions/runtime.ts", ...FUNCTION_FILES],
    taskpane: "./src/taskpane/index.tsx",
  },
  output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: false },
  plugins: [
    new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_FILES }),
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
        { from: "manifest.xml", to: "manifest.xml" },
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
  output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: false },
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

module.exports = (env, argv) => {
  const mode = argv.mode || "production";
  return [addin(mode), playground(mode)];
};
module.exports.FUNCTION_FILES = FUNCTION_FILES;
