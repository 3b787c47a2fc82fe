/* Two projects: "unit" (core maths, function adapters, golden files, manifest) and "browser"
   (pages built into dist/ and loaded in headless Chromium). `npm test` builds first. */
const tsJest = [
  "ts-jest",
  {
    tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", esModuleInterop: true, resolveJsonModule: true, isolatedModules: true },
    diagnostics: false,
  },
];

module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: ["/test/browser/"],
      transform: { "^.+\\.tsx?$": tsJest },
      moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/support/officeAddinManifest.js" },
      setupFilesAfterEnv: ["<rootDir>/test/support/fastCheck.ts", "<rootDir>/test/support/unitTimeout.ts"],
    },
    {
      displayName: "browser",
      testEnvironment: "node",
      roots: ["<rootDir>/test/browser"],
      testMatch: ["**/*.test.ts"],
      transform: { "^.+\\.tsx?$": tsJest },
      globalSetup: "<rootDir>/test/browser/support/globalSetup.ts",
      setupFilesAfterEnv: ["<rootDir>/test/browser/support/timeout.ts"],
    },
  ],
};
