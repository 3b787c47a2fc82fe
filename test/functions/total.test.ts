/**
 * Every PBR.* function is total: whatever Excel could hand it (blanks, text, booleans, ranges of
 * any shape, omitted arguments as null), it returns a non-empty grid of cells and never throws.
 * Each cell is a number, text, boolean or an error value.
 */
import fc from "fast-check";
import { PbrError } from "../../src/core/errors";
import { loadPbrFunctions } from "../support/pbrFunctions";
import type { PbrFunctionEntry } from "../../src/workbook/embedded/registry";

const cell = fc.oneof(
  fc.constantFrom<unknown>(null, "", " ", 0, 1, 2, 3, 4, 9, 14, 99, -1, 0.5, 1.5, 45383, "A", "B", "x", "3", "£5", true),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
  fc.string({ maxLength: 6 })
);
const grid = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 20 }))
  .chain(([rows, cols]) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));
const arg = fc.oneof(fc.constant(null), cell, grid);

let functions: PbrFunctionEntry[] = [];
beforeAll(async () => {
  functions = await loadPbrFunctions();
});

describe("every PBR function is total", () => {
  it("registers every family", () => {
    const ids = functions.map((f) => f.id);
    for (const id of ["CLUSTER", "TARIFF", "FYCOST", "RISKSHARE", "SCENARIOS", "RASBUDGET", "RASCALIBRATE"]) {
      expect(ids).toContain(id);
    }
  });

  it("returns a grid of plain values or errors for any arguments, never throwing", () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(arg, { minLength: 0, maxLength: 8 }), (pick, args) => {
        const entry = functions[pick % functions.length];
        const out = entry.fn(...args.slice(0, entry.parameters.length)) as unknown;
        expect(Array.isArray(out)).toBe(true);
        const rows = out as unknown[][];
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) {
          expect(Array.isArray(row)).toBe(true);
          for (const v of row) {
            const ok = typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v instanceof PbrError;
            if (!ok) throw new Error(`${entry.id} returned ${String(v)}`);
            if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
          }
        }
      }),
      { numRuns: 3000 }
    );
  });

  it("never hits an exception (caught by the guard as 'unexpected problem') for arguments Excel sends", () => {
    // As Excel calls them: a range parameter always gets a grid, a required argument is always
    // there, an omitted optional one is null.
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.tuple(fc.boolean(), grid, cell), { minLength: 8, maxLength: 8 }), (pick, raw) => {
        const entry = functions[pick % functions.length];
        const args = entry.parameters.map((p, i) => {
          const [omit, g, c] = raw[i];
          if (p.optional && omit) return null;
          return p.dimensionality === "matrix" ? g : c;
        });
        const out = entry.fn(...args) as unknown[][];
        for (const row of out) {
          for (const v of row) {
            if (v instanceof PbrError && v.message.startsWith("unexpected problem")) {
              throw new Error(`${entry.id}(${JSON.stringify(args)}) hit an exception: ${v.message}`);
            }
          }
        }
      }),
      { numRuns: 3000 }
    );
  });
});
