/* The list of PBR.* functions for the embedded engine, read from the same JSDoc @customfunction
   lines that produce functions.json: for each function its id, the exported JavaScript function
   that implements it (the Excel adapter's own code), and its parameters. Used by the webpack
   loader (scripts/pbr-registry-loader.cjs, for the playground bundle) and by tests in Node. */
const path = require("path");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");

/**
 * @param {string[]} files absolute paths of the function family files (FUNCTION_FILES)
 * @returns {Promise<{ id: string, functionName: string, file: string, parameters: { name: string, dimensionality: string, optional: boolean }[] }[]>}
 */
async function readRegistry(files) {
  const result = await generateCustomFunctionsMetadata(files, false);
  if (result.errors.length > 0) throw new Error(`custom function metadata: ${result.errors.join("; ")}`);
  const metadata = JSON.parse(result.metadataJson);
  const byId = new Map(metadata.functions.map((f) => [f.id, f]));
  return result.associate.map((a) => {
    const meta = byId.get(a.id);
    if (!meta) throw new Error(`no metadata for custom function ${a.id}`);
    return {
      id: a.id,
      functionName: a.functionName,
      file: path.resolve(a.sourceFileName),
      description: meta.description || "",
      parameters: (meta.parameters || []).map((p) => ({
        name: p.name,
        dimensionality: p.dimensionality || "scalar",
        optional: Boolean(p.optional),
        description: p.description || "",
      })),
    };
  });
}

/** TypeScript source of a module exporting PBR_FUNCTIONS for the given registry. */
function registrySource(entries) {
  const files = [...new Set(entries.map((e) => e.file))];
  const imports = files.map((f, i) => `import * as family${i} from ${JSON.stringify(f.replace(/\.tsx?$/, ""))};`);
  const rows = entries.map((e) => {
    const family = `family${files.indexOf(e.file)}`;
    return `  { id: ${JSON.stringify(e.id)}, fn: ${family}[${JSON.stringify(e.functionName)}], description: ${JSON.stringify(e.description)}, parameters: ${JSON.stringify(e.parameters)} },`;
  });
  return [
    "// Generated at build time by scripts/pbr-registry-loader.cjs from the @customfunction JSDoc lines.",
    ...imports,
    "export const PBR_FUNCTIONS = [",
    ...rows,
    "];",
    "",
  ].join("\n");
}

module.exports = { readRegistry, registrySource };
