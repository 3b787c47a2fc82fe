/**
 * Formula-level golden tests: small workbooks of PBR.* formulas evaluated in the embedded engine
 * (HyperFormula through the one plugin), against expected values checked into the repository.
 * One file per function family: test/golden/formulas.<family>.json with
 *   { family, about, sheets: { Name: rows of cells }, expect: [{ cell: "Sheet!A1", value } |
 *     { cell, error: "#N/A", message?: "text the message contains" }] }
 * A family adds its own file; nothing here changes. Numbers compare to 9 decimal places.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DetailedCellError } from "hyperformula";
import { parseCell } from "../../src/workbook/address";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import type { CellInput } from "../../src/workbook/port";
import { loadPbrFunctions } from "../support/pbrFunctions";

interface Expectation {
  cell: string;
  value?: CellInput;
  error?: string;
  message?: string;
}

interface GoldenFile {
  family: string;
  about: string;
  sheets: Record<string, CellInput[][]>;
  expect: Expectation[];
}

const files = readdirSync(__dirname).filter((f) => /^formulas\..+\.json$/.test(f));

describe.each(files)("golden formulas %s", (file) => {
  const golden = JSON.parse(readFileSync(join(__dirname, file), "utf8")) as GoldenFile;
  let workbook: ReturnType<typeof createEmbeddedWorkbook>["port"];

  beforeAll(async () => {
    workbook = createEmbeddedWorkbook({ functions: await loadPbrFunctions(), sheets: golden.sheets }).port;
  }, 60_000);

  it("uses only registered PBR functions", () => {
    const used = new Set<string>();
    for (const rows of Object.values(golden.sheets))
      for (const row of rows)
        for (const v of row) if (typeof v === "string") for (const m of v.matchAll(/PBR\.([A-Z0-9_.]+)\(/g)) used.add(m[1]);
    expect([...used].filter((id) => !workbook.functionIds.includes(id))).toEqual([]);
  });

  it.each(golden.expect.map((e) => [e.cell, e] as const))("%s", (_, e) => {
    const [sheet, address] = e.cell.split("!");
    const { row, col } = parseCell(address);
    const actual = workbook.getValue(sheet, row, col);
    if (e.error) {
      expect(actual).toBeInstanceOf(DetailedCellError);
      const err = actual as DetailedCellError;
      expect(err.value).toBe(e.error);
      if (e.message) expect(err.message).toContain(e.message);
    } else if (typeof e.value === "number") {
      expect(typeof actual).toBe("number");
      expect(actual as number).toBeCloseTo(e.value, 9);
    } else {
      expect(actual).toEqual(e.value);
    }
  });
});
