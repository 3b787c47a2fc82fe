// office-addin-lint's own configuration, with three adjustments for a TypeScript project:
// - TypeScript already reports undefined names, and ESLint's no-undef does not know DOM/ES2020
//   globals such as globalThis or AbortSignal in .ts files: off for TypeScript, as typescript-eslint
//   recommends. Likewise the base no-unused-vars, which misreads parameter names in function
//   types; @typescript-eslint/no-unused-vars (in the recommended set) does that job.
// - The office-addins rules check Office.js proxy objects (load before read, sync before read).
//   The embedded engine and the playground never touch Office.js, and the rules misread
//   HyperFormula's objects there, so they apply only outside those folders.
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
];
