/**
 * The PBR.* functions the embedded engine registers. PLACEHOLDER: in the playground bundle, webpack
 * replaces this file (scripts/pbr-registry-loader.cjs) with one that imports every family listed in
 * FUNCTION_FILES (scripts/function-files.cjs) and describes each function from its @customfunction JSDoc.
 * Outside webpack (jest, tsx) this stays null: pass `functions` to createEmbeddedWorkbook, built
 * with `loadPbrFunctions()` from test/support/pbrFunctions.ts.
 */
import type { PbrFunctionEntry } from "./registry";

export const PBR_FUNCTIONS: readonly PbrFunctionEntry[] | null = null;
