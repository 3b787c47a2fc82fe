/* The function families: one source file each, every one part of functions.json. Read by the
   build (webpack.config.js), the function reference (reference.cjs), the golden copy
   (update-golden.ts) and the tests, so none of them imports another to learn the list. */
const FUNCTION_FILES = [
  "./src/functions/clusters.ts",
  "./src/functions/tariff.ts",
  "./src/functions/riskshare.ts",
  "./src/functions/ras.ts",
  "./src/functions/mhnrg.ts",
];

module.exports = { FUNCTION_FILES };
