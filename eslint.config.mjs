// office-addin-lint's own configuration, with three adjustments for a TypeScript project:
// - TypeScript already reports undefined names, and ESLint's no-undef does not know DOM/ES2020
//   globals such as globalThis or AbortSignal in .ts files: off for TypeScript, as typescript-eslint
//   recommends. Likewise the base no-unused-vars, which misreads parameter names in function
//   types; @typescript-eslint/no-unused-vars (in the recommended set) does that job.
// - The office-addins rules check Office.js proxy objects (load before read, sync before read).
//   The embedded engine and the playground never touch Office.js, and the rules misread
//   HyperFormula's objects there, so they apply only outside those folders.
// - The import layers (ARCHITECTURE.md): core imports nothing above it and no UI or engine library;
//   the functions layer reaches only core; the workbook layer reaches only core (the embedded
//   engine registers the PBR functions through a build-time list, not an import); the task pane
//   and the playground reach a workbook only through the WorkbookPort (workbook/port.ts), except
//   the two entry points that choose the port.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

const officeRulesOff = Object.fromEntries(Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, "off"]));

export default [
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: { "no-undef": "off", "no-unused-vars": "off" },
  },
  {
    files: ["src/workbook/embedded/**", "src/workbook/embeddedPort.ts", "src/playground/**"],
    rules: officeRulesOff,
  },
  {
    files: ["src/core/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/functions/**", "**/taskpane/**", "**/workbook/**", "**/playground/**"],
              message: "core is pure: it imports nothing above it (ARCHITECTURE.md).",
            },
            {
              group: ["react", "react-dom", "@fluentui/*", "hyperformula", "papaparse", "read-excel-file", "write-excel-file", "@duckdb/*"],
              message: "core is pure: no UI, engine or file-format library.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/functions/**"],
    // The functions bundle's entry point starts the Office adapter's date-system reader.
    ignores: ["src/functions/runtime.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/taskpane/**", "**/workbook/**", "**/playground/**", "react", "react-dom", "@fluentui/*"],
              message: "The functions layer is a thin adapter over core.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/workbook/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/functions/**", "**/taskpane/**", "**/playground/**", "react", "react-dom", "@fluentui/*"],
              message: "The workbook layer sits on core only: no functions, task pane, playground or UI library.",
            },
          ],
        },
      ],
    },
  },
  {
    // The command line (pbr-toolkit) sits on core and its engine (DuckDB), beside the add-in.
    files: ["src/cli/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/functions/**", "**/taskpane/**", "**/workbook/**", "**/playground/**", "react", "react-dom", "@fluentui/*"],
              message: "The command line sits on core only (ARCHITECTURE.md): no add-in, workbook or UI code.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/taskpane/**", "src/playground/**"],
    ignores: ["src/taskpane/index.tsx", "src/playground/index.tsx", "src/playground/useWorkbook.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/workbook/office*", "**/workbook/office/**", "**/workbook/officePort"],
              message: "Reach Excel only through the WorkbookPort (workbook/port.ts); only the entry point creates the Office port.",
            },
          ],
        },
      ],
    },
  },
];
