/** Regenerate test/golden/functions.json from the JSDoc (run: npx tsx scripts/update-golden.ts), for a deliberate metadata change. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { finishMetadata, DEV_URL } = require("./deploy.cjs");
const ROOT = process.cwd();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FUNCTION_FILES } = require(join(ROOT, "scripts/function-files.cjs"));
(async () => {
  const result = await generateCustomFunctionsMetadata(FUNCTION_FILES.map((f: string) => join(ROOT, f)), true);
  writeFileSync(join(ROOT, "test/golden/functions.json"), JSON.stringify(finishMetadata(JSON.parse(result.metadataJson), DEV_URL), null, 4) + "\n");
})();
