/**
 * Golden copy of the generated functions.json. Saved workbooks refer to function ids and argument
 * order, so renaming one must be deliberate: regenerate with `npx tsx scripts/update-golden.ts`
 * in the same commit that explains why.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { finishMetadata, DEV_URL } = require("../../scripts/deploy.cjs");

const ROOT = join(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FUNCTION_FILES } = require(join(ROOT, "scripts/function-files.cjs")) as { FUNCTION_FILES: string[] };

describe("generated custom functions metadata", () => {
  it("matches the committed golden copy", async () => {
    const result = await generateCustomFunctionsMetadata(
      FUNCTION_FILES.map((f) => join(ROOT, f)),
      true
    );
    expect(result.errors).toEqual([]);
    const golden = JSON.parse(readFileSync(join(__dirname, "functions.json"), "utf8"));
    // The build adds allowErrorForDataTypeAny and a helpUrl to each function (scripts/deploy.cjs);
    // the golden copy is the development build's, so the links point to https://localhost:3000/help/.
    expect(finishMetadata(JSON.parse(result.metadataJson), DEV_URL)).toEqual(golden);
  });

  it("lets every parameter take an error cell, so one error affects only its row", () => {
    const golden = JSON.parse(readFileSync(join(__dirname, "functions.json"), "utf8"));
    // A top-level switch that covers parameters of type "any": every data parameter must be one. The
    // only others are fixed choices (@customenum, type "string"): one value for the whole call, so
    // an error there rightly fails the whole call.
    expect(golden.allowErrorForDataTypeAny).toBe(true);
    // …but not allowCustomDataForDataTypeAny: with it a data-type cell arrives as an object and a
    // message would print "[object Object]"; without it Excel passes the cell's plain value.
    expect(golden.allowCustomDataForDataTypeAny).toBeUndefined();
    type Param = { name: string; type?: string; customEnumId?: string; dimensionality?: string };
    const params: Param[] = golden.functions.flatMap((f: { parameters: Param[] }) => f.parameters);
    const others = params.filter((p) => (p.type ?? "any") !== "any");
    expect(others.length).toBeGreaterThan(0);
    for (const p of others) {
      expect(p.customEnumId).toBeDefined();
      expect(p.dimensionality ?? "scalar").toBe("scalar");
    }
    const enums = new Set(golden.enums.map((e: { id: string }) => e.id));
    for (const p of others) expect(enums.has(p.customEnumId)).toBe(true);
  });

  it("uses valid, unique ids in upper case", () => {
    const golden = JSON.parse(readFileSync(join(__dirname, "functions.json"), "utf8"));
    const ids: string[] = golden.functions.map((f: { id: string }) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z0-9_.]*$/);
  });
});
