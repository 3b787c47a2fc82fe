import fc from "fast-check";
import { CHUNK_BUDGET_BYTES, REQUEST_LIMIT_BYTES, jsonStringBytes, planChunkRows, rowBytes } from "../../../src/workbook/chunks";

const utf8 = (s: string) => Buffer.byteLength(s, "utf8");

describe("chunk planning", () => {
  it("estimates a row's JSON bytes: [\"P1\",11,45383,null] is 23 bytes plus a comma", () => {
    // ["P1",11,45383,null] = 1 + 4 + 1 + 2 + 1 + 5 + 1 + 4 + 1 = 20 characters; +3 for brackets/comma allowance.
    expect(rowBytes(["P1", 11, 45383, null])).toBe(JSON.stringify(["P1", 11, 45383, null]).length + 1);
  });

  it("never underestimates the UTF-8 JSON size of a row (property)", () => {
    const cell = fc.oneof(fc.string({ unit: "binary" }), fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constant(null), fc.boolean());
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 30 }), (row) => {
        expect(rowBytes(row)).toBeGreaterThanOrEqual(utf8(JSON.stringify(row)));
      })
    );
  });

  it("counts multi-byte characters as UTF-8", () => {
    expect(jsonStringBytes("£")).toBe(2 + 2);
    expect(jsonStringBytes("–")).toBe(2 + 3);
    expect(jsonStringBytes("😀")).toBe(2 + 4);
    expect(jsonStringBytes('a"b')).toBe(2 + 4);
  });

  it("plans ⌊budget ÷ largest row⌋ rows, between 1 and the maximum", () => {
    const rows = [["x".repeat(98)], ["y"]]; // largest: 100 + 3 = 103 bytes
    expect(planChunkRows(rows, [], 1030)).toBe(10);
    expect(planChunkRows(rows, [], 50)).toBe(1);
    expect(planChunkRows([["a"]], [], CHUNK_BUDGET_BYTES, 500)).toBe(500);
    expect(CHUNK_BUDGET_BYTES).toBeLessThan(REQUEST_LIMIT_BYTES);
  });

  it("every chunk of a plan fits the budget (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.string({ maxLength: 60 }), fc.integer(), fc.constant(null)), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 200, max: 5000 }), (rows, budget) => {
        const n = planChunkRows(rows, [], budget);
        for (let i = 0; i < rows.length; i += n) {
          const chunk = rows.slice(i, i + n);
          const bytes = chunk.reduce((sum, r) => sum + rowBytes(r), 0);
          if (chunk.length > 1) expect(bytes).toBeLessThanOrEqual(budget);
          expect(utf8(JSON.stringify(chunk))).toBeLessThanOrEqual(Math.max(bytes, budget));
        }
      })
    );
  });
});
