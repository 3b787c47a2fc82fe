// office-addin-lint's own configuration, plus: TypeScript already reports undefined names, so
// ESLint's no-undef (which does not know DOM/ES2020 globals such as globalThis or AbortSignal in
// .ts files) is turned off for them, as typescript-eslint recommends.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: { "no-undef": "off" },
  },
];
