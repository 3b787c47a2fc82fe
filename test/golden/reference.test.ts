/**
 * The function reference (docs/reference.md) is generated from the @customfunction JSDoc: it must
 * be up to date (regenerate with `node scripts/reference.cjs`), every function must have an
 * @example, and every example's formula, calculated in the embedded engine, must give the answer
 * the example states (numbers to the decimals shown).
 */
import { readFileSync } from "node:fs";
import { DetailedCellError } from "hyperformula";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { loadPbrFunctions } from "../support/pbrFunctions";

/* eslint-disable @typescript-eslint/no-require-imports */
const reference = require("../../scripts/reference.cjs") as {
  readFunctionDocs: (files: string[]) => Promise<Doc[]>;
  renderReference: (docs: Doc[]) => string;
  parseExample: (text: string) => Example | null;
  functionFiles: () => string[];
  PAGE: string;
};

interface Doc {
  id: string;
  example: string;
}
interface Example {
  formula: string;
  row: number;
  values: { raw: string; text?: string; number?: number; decimals?: number }[];
}

let docs: Doc[];
beforeAll(async () => {
  docs = await reference.readFunctionDocs(reference.functionFiles());
}, 60_000);

it("docs/reference.md is generated from the current JSDoc (node scripts/reference.cjs)", () => {
  expect(readFileSync(reference.PAGE, "utf8")).toBe(reference.renderReference(docs));
});

it("every function has an example in the form `=FORMULA → answer`", () => {
  const missing = docs.filter((d) => reference.parseExample(d.example) === null).map((d) => d.id);
  expect(missing).toEqual([]);
  expect(docs.length).toBeGreaterThanOrEqual(29);
});

it("every example gives the answer it states", async () => {
  const functions = await loadPbrFunctions();
  const wrong: string[] = [];
  for (const d of docs) {
    const ex = reference.parseExample(d.example)!;
    const port = createEmbeddedWorkbook({ functions, sheets: { S: [[ex.formula]] } }).port;
    ex.values.forEach((v, c) => {
      const got = port.getValue("S", ex.row - 1, c);
      const ok =
        v.text !== undefined
          ? got === v.text
          : typeof got === "number" && Math.abs(got - v.number!) <= 0.5 * 10 ** -v.decimals! + 1e-9;
      if (!ok) {
        const shown = got instanceof DetailedCellError ? `${got.value} ${got.message}` : JSON.stringify(got);
        wrong.push(`PBR.${d.id} row ${ex.row} cell ${c + 1}: example says ${v.raw}, got ${shown}`);
      }
    });
  }
  expect(wrong).toEqual([]);
}, 60_000);
