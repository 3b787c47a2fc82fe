/* Webpack loader for src/workbook/embedded/pbrFunctions.ts (playground bundle only): replaces the
   placeholder with a module that imports every function family in FUNCTION_FILES and lists each
   PBR.* function with its JSDoc parameters, so a new family is registered with no other change. */
const path = require("path");
const { readRegistry, registrySource } = require("./pbr-registry.cjs");

module.exports = function pbrRegistryLoader() {
  const done = this.async();
  const { files } = this.getOptions();
  const absolute = files.map((f) => path.resolve(this.rootContext, f));
  for (const f of absolute) this.addDependency(f);
  readRegistry(absolute).then(
    (entries) => done(null, registrySource(entries)),
    (err) => done(err)
  );
};
