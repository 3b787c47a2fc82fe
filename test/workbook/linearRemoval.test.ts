/*
 * The linear replacement for HyperFormula's removal walk (embedded/linearRemoval.ts) must remove
 * exactly what HyperFormula would: after formulas over ranges, spilled arrays and whole sheets are
 * taken away, the engine gives the same values as one running HyperFormula's own method, and goes
 * on tracking the cells that are still referenced.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { hyperFormulaRemoval, useLinearRemoval } from "../../src/workbook/embedded/linearRemoval";

const options = { licenseKey: "gpl-v3", useArrayArithmetic: true, maxRows: 100_000 } as const;

function values(hf: HyperFormula): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const name of hf.getSheetNames()) out[name] = hf.getSheetValues(hf.getSheetId(name)!);
  return out;
}

/** The same sheets in an engine that removes with HyperFormula's own method. */
function reference(sheets: Record<string, unknown[][]>): HyperFormula {
  const hf = HyperFormula.buildFromSheets(sheets as never, options);
  (
    hf as unknown as { dependencyGraph: Record<string, unknown> }
  ).dependencyGraph.removeVertexAndCleanupDependencies = hyperFormulaRemoval;
  return hf;
}

/** Run the same edits in both engines and compare every value after each. */
function alike(sheets: Record<string, unknown[][]>, edits: ((hf: HyperFormula) => void)[]) {
  const ours = HyperFormula.buildFromSheets(sheets as never, options);
  const theirs = reference(sheets);
  try {
    for (const edit of edits) {
      edit(ours);
      edit(theirs);
      expect(values(ours)).toEqual(values(theirs));
    }
  } finally {
    ours.destroy();
    theirs.destroy();
  }
}

describe("linear removal of formulas over ranges", () => {
  beforeAll(() => expect(useLinearRemoval()).toBe(true));

  it("clears a SUM over a long column, re-enters it, and still follows edits to the column", () => {
    const n = 30_000;
    const data: unknown[][] = Array.from({ length: n }, (_, i) => [i]);
    data[0][1] = `=SUM(A1:A${n})`;
    data[1][1] = `=SUM(A1:A${n / 2})`; // a second range sharing the start
    const set = (row: number, col: number, v: unknown) => (hf: HyperFormula) =>
      hf.setCellContents({ sheet: 0, row, col }, [[v as never]]);
    alike({ Sheet1: data }, [
      set(0, 1, null),
      set(7, 0, 1_000),
      set(0, 1, `=SUM(A1:A${n})`),
      set(8, 0, 0),
    ]);
    const hf = HyperFormula.buildFromArray(data as never, options);
    hf.setCellContents({ sheet: 0, row: 0, col: 1 }, [[null]]);
    hf.setCellContents({ sheet: 0, row: 7, col: 0 }, [[1_000]]);
    expect(hf.getCellValue({ sheet: 0, row: 1, col: 1 })).toBe(
      ((n / 2) * (n / 2 - 1)) / 2 - 7 + 1_000
    );
    hf.destroy();
  });

  it("deletes a sheet holding a spilled array and a total over it, leaving other sheets right", () => {
    const sheets = {
      Data: Array.from({ length: 2_000 }, (_, i) => [i, i % 7]),
      Model: [["=Data!A1:A2000*2", "=SUM(A1:A2000)", "=SUM(Data!B1:B2000)"]],
      Other: [["=SUM(Data!A1:A2000)", "=Model!B1"]],
    };
    alike(sheets, [
      (hf) => hf.removeSheet(hf.getSheetId("Model")!),
      (hf) => hf.setCellContents({ sheet: hf.getSheetId("Data")!, row: 0, col: 0 }, [[5]]),
      (hf) => hf.addSheet("Model"),
      (hf) => hf.setCellContents({ sheet: hf.getSheetId("Model")!, row: 0, col: 1 }, [[7]]),
    ]);
  });

  it("gives HyperFormula's own values after any sequence of formulas entered and cleared", () => {
    const formula = fc.constantFrom(
      "=SUM(A1:A40)",
      "=SUM(A3:A20)",
      "=A1:A40*2",
      "=SUM(C1:C40)",
      '=COUNTIF(A1:A40,">5")',
      "=SUM(B1:B10)",
      "=A5+1"
    );
    const step = fc.record({
      col: fc.integer({ min: 1, max: 4 }),
      row: fc.integer({ min: 0, max: 5 }),
      content: fc.option(fc.oneof(formula, fc.integer({ min: 0, max: 9 }))),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const edits = steps.map(
          (s) => (hf: HyperFormula) =>
            hf.setCellContents({ sheet: 0, row: s.row, col: s.col }, [[s.content ?? null]])
        );
        // an edit to the data after it all: stale dependencies would show here
        edits.push((hf) => hf.setCellContents({ sheet: 0, row: 4, col: 0 }, [[100]]));
        alike({ Sheet1: Array.from({ length: 40 }, (_, i) => [i]) }, edits);
      }),
      { numRuns: 100 }
    );
  });
});
