/**
 * PBR.CLUSTER as the add-in runs it: the core and the Excel adapter bundled into one module scope
 * (esbuild, which tsx already brings; imports bound directly, as webpack's production build binds
 * them), so the figures are not those of tsx's CommonJS, where every imported binding is a getter.
 * The naive yardstick loop is bundled the same way, so the ratio compares like with like.
 * `builtAddin` loads the add-in's own dist/functions.js (from the last `npm run build`) with a
 * stand-in for Excel's CustomFunctions.associate, to time the function Excel would call.
 */
import { buildSync } from "esbuild";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInThisContext } from "node:vm";

export interface ClusterBundle {
  allocateRange: typeof import("../../src/core/clusters/allocate").allocateRange;
  cluster: typeof import("../../src/functions/clusters").cluster;
  defaultProfile: typeof import("../../src/core/clusters/defaultProfile").defaultProfile;
  defaultSuperclassRules: typeof import("../../src/core/clusters/defaultSuperclassRules").defaultSuperclassRules;
  naiveAllocate: typeof import("../support/naiveCluster").naiveAllocate;
}

let loaded: ClusterBundle | undefined;

export function clusterBundle(): ClusterBundle {
  if (loaded) return loaded;
  const root = join(__dirname, "..", "..");
  const entry = [
    `export { allocateRange } from "./src/core/clusters/allocate";`,
    `export { cluster } from "./src/functions/clusters";`,
    `export { defaultProfile } from "./src/core/clusters/defaultProfile";`,
    `export { defaultSuperclassRules } from "./src/core/clusters/defaultSuperclassRules";`,
    `export { naiveAllocate } from "./test/support/naiveCluster";`,
  ].join("\n");
  const result = buildSync({
    stdin: { contents: entry, resolveDir: root, loader: "ts" },
    bundle: true,
    format: "cjs",
    platform: "neutral",
    target: "es2020",
    minify: true,
    write: false,
  });
  const file = join(mkdtempSync(join(tmpdir(), "pbr-bench-")), "cluster.cjs");
  writeFileSync(file, result.outputFiles[0].text);
  loaded = require(file) as ClusterBundle;
  return loaded;
}

/** The add-in's functions from dist/functions.js by id ("CLUSTER"), or null when it is not built. */
let built: Map<string, (...args: unknown[]) => unknown[][]> | null | undefined;

export function builtAddin(): Map<string, (...args: unknown[]) => unknown[][]> | null {
  if (built !== undefined) return built;
  const file = join(__dirname, "..", "..", "dist", "functions.js");
  if (!existsSync(file)) return (built = null);
  const functions = new Map<string, (...args: unknown[]) => unknown[][]>();
  const g = globalThis as { CustomFunctions?: unknown };
  const before = g.CustomFunctions;
  g.CustomFunctions = { associate: (id: string, fn: (...args: unknown[]) => unknown[][]) => functions.set(id, fn) };
  try {
    runInThisContext(readFileSync(file, "utf8"), { filename: file });
  } finally {
    g.CustomFunctions = before;
  }
  return (built = functions);
}
