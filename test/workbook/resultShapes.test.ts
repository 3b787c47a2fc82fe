/**
 * The result shapes the playground engine reserves before a PBR function runs
 * (embedded/pbrPlugin.ts RESULT_SHAPES) must match what the functions really return: each
 * function's documented example (docs/reference.md) is calculated and its spilled size compared.
 * Functions whose width depends on their arguments (a count, a detail switch) are listed here.
 */
import { RESULT_SHAPES } from "../../src/workbook/embedded/pbrPlugin";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { loadPbrFunctions } from "../support/pbrFunctions";

/* eslint-disable @typescript-eslint/no-require-imports */
const reference = require("../../scripts/reference.cjs") as {
  readFunctionDocs: (files: string[]) => Promise<{ id: string; example: string }[]>;
  parseExample: (text: string) => { formula: string } | null;
  functionFiles: () => string[];
};

/** Width set by an argument (count, detail) or by a table's own columns: not declared. */
const VARIES = new Set(["PBR.CLUSTERCANDIDATES", "PBR.MHNRGPRICE", "PBR.MHNRGTABLE"]);

it("every fixed result shape is declared, and every declared shape is what the function returns", async () => {
  const functions = await loadPbrFunctions();
  const docs = await reference.readFunctionDocs(reference.functionFiles());
  const wrong: string[] = [];
  for (const d of docs) {
    const id = `PBR.${d.id}`;
    const { formula } = reference.parseExample(d.example)!;
    const port = createEmbeddedWorkbook({ functions, sheets: { S: [[formula]] } }).port;
    const { rows, cols } = port.dimensions("S");
    const shape = RESULT_SHAPES[id];
    if (!shape) {
      if (cols > 1 && !VARIES.has(id)) wrong.push(`${id}: ${cols} columns, not declared`);
      continue;
    }
    if ((shape.width ?? 1) !== cols) wrong.push(`${id}: declared ${shape.width ?? 1} columns, got ${cols}`);
    if (shape.oneRow && rows !== 1) wrong.push(`${id}: declared one row, got ${rows}`);
    if (shape.headerRow && typeof port.getValue("S", 0, 0) !== "string")
      wrong.push(`${id}: declared a header row, but its first cell is not text`);
  }
  expect(wrong).toEqual([]);
}, 60_000);
