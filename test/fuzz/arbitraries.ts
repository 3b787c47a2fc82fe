/**
 * Arguments drawn from the edges of what Excel can hand a custom function: doubles at and beyond
 * every limit, text that looks like numbers, dates or formulas, booleans, blanks, and ranges that
 * are empty, ragged, one cell or thousands of cells, with table headers the functions know so the
 * values reach the arithmetic behind the header checks.
 */
import fc from "fast-check";
import type { PbrParameter } from "../../src/workbook/embedded/registry";

export const EXTREME_NUMBERS: readonly number[] = [
  1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity, NaN, -0, 0,
  2 ** 53, 2 ** 53 + 2, -(2 ** 53), Number.MIN_VALUE, -Number.MIN_VALUE, 2.2250738585072014e-308,
  1e15, 1e15 + 1, -1e15, 9e10, 9.0000000001e10, 1e21, 0.1 + 0.2, 1 - 1e-16, 1e-300,
  // values the functions treat specially: ratings, clusters, dates, years, rates
  1, 2, 3, 4, 9, 10, 14, 18, 21, 22, 99, -1, 0.5, 1.5, 45383, 45747, 2958465, 2958466, 1900,
  9998, 9999, 60, 61, 182, 365, 366,
];

export const AWKWARD_TEXT: readonly string[] = [
  "", " ", "x", "A", "B", "C", "Z", "1E+308", "1e309", "-1e309", "-0", "NaN", "Infinity", "-Infinity",
  "0x1F", "1,000,000", "£1,000", "£", " 3 ", "3.", ".5", "1e-400", "9".repeat(400), "31/02/2024",
  "01/04/2024", "2024-04-01", "2024-13-45", "04/01/2024", "=1+1", "+1", "-2+3", "@A1", "#N/A", "#VALUE!",
  "TRUE", "FALSE", "MAA98A", "MBU96Z", "F20.0", "A05", "11 - Ongoing Recurrent Psychosis", "99", "9",
  "per day", "period", "year", "contact", "spell", "\u0000", "\uFFFD", "🙂", "x".repeat(5000),
];

export const HEADERS: readonly string[] = [
  "Code", "Day price", "Admitted day price", "Period price", "Effective from", "Price", "From", "To",
  "Rate", "Step", "Percent", "Description", "Cluster", "Item", "Rating", "1", "A", "Super class",
];

const number = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EXTREME_NUMBERS) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 25 }) }
);
const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...AWKWARD_TEXT) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }
);
export const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: number },
  { weight: 3, arbitrary: text },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) }
);

const rectangle = (maxRows: number, maxCols: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxCols }))
    .chain(([rows, cols]) =>
      fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })
    );

/** A long column (up to a few thousand rows) of one repeated extreme value and a few others. */
const longColumn = fc
  .tuple(fc.integer({ min: 500, max: 4000 }), cell, fc.array(cell, { maxLength: 5 }))
  .map(([rows, fill, odd]) => {
    const out: unknown[][] = Array.from({ length: rows }, () => [fill]);
    odd.forEach((v, i) => (out[(i * 7919) % rows] = [v]));
    return out;
  });

/** A table with a header row the functions recognise, then rows of extreme values. */
const table = fc
  .tuple(fc.uniqueArray(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 12 }))
  .chain(([header, rows]) =>
    fc
      .array(fc.array(cell, { minLength: header.length, maxLength: header.length }), { minLength: rows, maxLength: rows })
      .map((body) => [header as unknown[], ...body])
  );

/** Rows of different lengths: Excel never sends them, a JavaScript caller might. */
const ragged = fc.array(fc.array(cell, { minLength: 0, maxLength: 6 }), { minLength: 1, maxLength: 8 });

export const grid: fc.Arbitrary<unknown[][]> = fc.oneof(
  { weight: 6, arbitrary: rectangle(8, 20) },
  { weight: 2, arbitrary: table },
  { weight: 1, arbitrary: longColumn },
  { weight: 1, arbitrary: rectangle(60, 30) },
  { weight: 1, arbitrary: ragged },
  { weight: 1, arbitrary: fc.constantFrom<unknown[][]>([], [[]], [[null]], [[""]]) }
);

/** Arguments for one call of a function with these parameters, mostly as Excel would send them. */
export function argsFor(parameters: readonly PbrParameter[]): fc.Arbitrary<unknown[]> {
  return fc.tuple(
    ...parameters.map((p) => {
      const asExcel = p.dimensionality === "matrix" ? grid : cell;
      const either = fc.oneof({ weight: 4, arbitrary: asExcel }, { weight: 1, arbitrary: p.dimensionality === "matrix" ? cell : grid });
      return p.optional ? fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: either }) : either;
    })
  );
}

/** The arguments of call `index` of a run with `seed`: the same every time, so any call can be replayed. */
export function callAt(
  functions: readonly { id: string; parameters: readonly PbrParameter[] }[],
  seed: number,
  index: number
): { id: string; args: unknown[] } {
  const entry = functions[index % functions.length];
  const [args] = fc.sample(argsFor(entry.parameters), { seed: (seed + index * 7919) | 0, numRuns: 1 });
  return { id: entry.id, args };
}
