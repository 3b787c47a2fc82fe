/* The table cache parses a table once per distinct content, and never serves one table's parse for another. */
import { tableCache } from "../../src/functions/tableCache";

describe("table cache", () => {
  const counted = () => {
    const seen: unknown[] = [];
    const parse = tableCache((grid) => {
      seen.push(grid);
      return { rows: grid.length, first: grid[1]?.[1] };
    });
    return { parse, seen };
  };

  it("parses a table once for any number of calls with the same content (fresh copies, as Excel passes them)", () => {
    const { parse, seen } = counted();
    const table = [["Code", "Day price"], [11, 6.2], [12, 8.5]];
    for (let i = 0; i < 100; i++) expect(parse(table.map((r) => [...r]))).toEqual({ rows: 3, first: 6.2 });
    expect(seen).toHaveLength(1);
  });

  it("parses again when any cell, type or shape differs", () => {
    const { parse, seen } = counted();
    parse([["Code", "Day price"], [11, 6.2]]);
    expect(parse([["Code", "Day price"], [11, 6.3]])).toEqual({ rows: 2, first: 6.3 });
    expect(parse([["Code", "Day price"], [11, "6.2"]])).toEqual({ rows: 2, first: "6.2" });
    expect(parse([["Code", "Day price"], [11, 6.2], [null, null]])).toEqual({ rows: 3, first: 6.2 });
    expect(parse([["Code", "Day price", null], [11, 6.2, null]])).toEqual({ rows: 2, first: 6.2 });
    expect(parse([["Code", "Day price"], [11, true]])).toEqual({ rows: 2, first: true });
    expect(parse([["Code", "Day price"], [11, "true"]])).toEqual({ rows: 2, first: "true" });
    expect(seen).toHaveLength(7);
  });

  it("is not fooled by a caller changing the arrays it passed", () => {
    const { parse } = counted();
    const table: (string | number)[][] = [["Code", "Day price"], [11, 6.2]];
    parse(table);
    table[1][1] = 9;
    expect(parse(table)).toEqual({ rows: 2, first: 9 });
  });

  it("keeps at most 16 tables", () => {
    const { parse, seen } = counted();
    for (let i = 0; i < 20; i++) parse([["Code"], [i]]);
    parse([["Code"], [19]]);
    expect(seen).toHaveLength(20);
    parse([["Code"], [0]]);
    expect(seen).toHaveLength(21);
  });
});
