/**
 * The PBR.* function registry for the embedded engine outside webpack (jest, tsx benchmarks): the
 * same list the playground bundle gets from scripts/pbr-registry-loader.cjs, read from the
 * @customfunction JSDoc of every file in FUNCTION_FILES.
 *
 *   const workbook = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
 */
import { join } from "node:path";
import type { PbrFunctionEntry } from "../../src/workbook/embedded/registry";

const ROOT = join(__dirname, "..", "..");

interface RawEntry {
  id: string;
  functionName: string;
  file: string;
  description: string;
  parameters: PbrFunctionEntry["parameters"];
}

let cached: Promise<PbrFunctionEntry[]> | undefined;

export function loadPbrFunctions(): Promise<PbrFunctionEntry[]> {
  cached ??= (async () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { FUNCTION_FILES } = require(join(ROOT, "scripts/function-files.cjs")) as { FUNCTION_FILES: string[] };
    const { readRegistry } = require(join(ROOT, "scripts", "pbr-registry.cjs")) as {
      readRegistry: (files: string[]) => Promise<RawEntry[]>;
    };
    const raw = await readRegistry(FUNCTION_FILES.map((f) => join(ROOT, f)));
    return raw.map((e) => {
      const fn = require(e.file)[e.functionName];
      if (typeof fn !== "function") throw new Error(`${e.file} does not export ${e.functionName}`);
      return { id: e.id, fn, parameters: e.parameters, description: e.description };
    });
  })();
  return cached;
}
