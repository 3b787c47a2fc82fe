/**
 * Table filters' arithmetic (src/playground/grid/filterIndex.ts): the rows a filter hides, the
 * values a column's filter lists, and the map from the grid's view rows to sheet rows, checked
 * against a plain list of the shown rows.
 */
import fc from "fast-check";
import {
  RowMap,
  distinctValues,
  hiddenRows,
  mergeHidden,
  type ShownText,
} from "../../src/playground/grid/filterIndex";

/** A sheet as rows of shown texts (row 0 the table's header). */
const sheetOf =
  (rows: string[][]): ShownText =>
  (r, c) =>
    rows[r]?.[c] ?? "";

const AUDIT = [
  ["Id", "Check", "Cluster"],
  ["SYN-1", "OK", "4"],
  ["SYN-2", "Differs", "11"],
  ["SYN-3", "OK", "4"],
  ["SYN-4", "Too few ratings", ""],
  ["SYN-5", "Differs", "4"],
];
const BODY = { top: 1, bottom: 5 };

describe("hiddenRows", () => {
  it("hides the body rows whose text is not allowed, and no row without a filter", () => {
    const text = sheetOf(AUDIT);
    expect([...hiddenRows(text, BODY, [{ col: 1, allowed: new Set(["Differs"]) }])]).toEqual([
      1, 3, 4,
    ]);
    expect([...hiddenRows(text, BODY, [])]).toEqual([]);
  });

  it("keeps a row only when every filtered column allows it", () => {
    const text = sheetOf(AUDIT);
    const hidden = hiddenRows(text, BODY, [
      { col: 1, allowed: new Set(["Differs", "OK"]) },
      { col: 2, allowed: new Set(["4"]) },
    ]);
    expect([...hidden]).toEqual([2, 4]);
  });

  it('treats a blank as its own value ("")', () => {
    const text = sheetOf(AUDIT);
    expect([...hiddenRows(text, BODY, [{ col: 2, allowed: new Set([""]) }])]).toEqual([1, 2, 3, 5]);
  });
});

describe("distinctValues", () => {
  it("lists each shown text once with its count, numbers by value, text A→Z, blanks last", () => {
    const text = sheetOf(AUDIT);
    expect(distinctValues(text, BODY, 1, [])).toEqual([
      { text: "Differs", count: 2 },
      { text: "OK", count: 2 },
      { text: "Too few ratings", count: 1 },
    ]);
    expect(distinctValues(text, BODY, 2, [])).toEqual([
      { text: "4", count: 3 },
      { text: "11", count: 1 },
      { text: "", count: 1 },
    ]);
  });

  it("counts only the rows the other columns' filters leave in view, ignoring the column's own", () => {
    const text = sheetOf(AUDIT);
    const filters = [
      { col: 1, allowed: new Set(["Differs"]) },
      { col: 2, allowed: new Set(["11"]) },
    ];
    expect(distinctValues(text, BODY, 2, filters)).toEqual([
      { text: "4", count: 1 },
      { text: "11", count: 1 },
    ]);
  });

  it("orders money and percentages by value", () => {
    const text = sheetOf([["Fee"], ["£1,200.00"], ["£95.50"], ["£10,000.00"]]);
    expect(distinctValues(text, { top: 1, bottom: 3 }, 0, []).map((v) => v.text)).toEqual([
      "£95.50",
      "£1,200.00",
      "£10,000.00",
    ]);
  });
});

describe("RowMap", () => {
  it("maps view rows past the hidden rows, and back", () => {
    const map = new RowMap(Int32Array.from([2, 3, 7]));
    expect([0, 1, 2, 3, 4, 5].map((v) => map.toSheet(v))).toEqual([0, 1, 4, 5, 6, 8]);
    expect([0, 1, 4, 5, 6, 8].map((r) => map.toView(r))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(map.isHidden(3)).toBe(true);
    expect(map.isHidden(4)).toBe(false);
    expect(map.hiddenCount).toBe(3);
  });

  it("steps over hidden rows for the arrow keys, and from a hidden row to its neighbours", () => {
    const map = new RowMap(Int32Array.from([2, 3, 7]));
    expect(map.step(1, 1)).toBe(4);
    expect(map.step(4, -1)).toBe(1);
    expect(map.step(6, 1)).toBe(8);
    expect(map.step(0, -1)).toBe(0);
    expect(map.step(2, 1)).toBe(4); // hidden row 3 (say the active cell was filtered out)
    expect(map.step(3, -1)).toBe(1);
  });

  it("is the identity with nothing hidden", () => {
    expect(RowMap.NONE.toSheet(41)).toBe(41);
    expect(RowMap.NONE.toView(41)).toBe(41);
    expect(RowMap.NONE.step(41, -3)).toBe(38);
  });

  it("agrees with a plain list of the shown rows (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 300 }), { maxLength: 120 }), (rows) => {
        const hidden = Int32Array.from(rows).sort();
        const map = new RowMap(hidden);
        const set = new Set(rows);
        const shown: number[] = [];
        for (let r = 0; r < 400; r++) if (!set.has(r)) shown.push(r);
        shown.forEach((r, v) => {
          expect(map.toSheet(v)).toBe(r);
          expect(map.toView(r)).toBe(v);
        });
      })
    );
  });
});

describe("mergeHidden", () => {
  it("merges several tables' hidden rows in order", () => {
    const merged = mergeHidden([
      Int32Array.from([40, 41]),
      Int32Array.from([]),
      Int32Array.from([3, 9]),
    ]);
    expect([...merged]).toEqual([3, 9, 40, 41]);
  });
});
