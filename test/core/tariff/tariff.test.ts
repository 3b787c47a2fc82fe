/* eslint-disable @typescript-eslint/no-explicit-any */
import { tariffRange } from "../../../src/core/tariff/tariff";
import type { PriceTable } from "../../../src/core/tariff/priceTable";
import { illustrativePrices } from "../../../src/core/tariff/builtin";
import { cells, col, show, table } from "./fixtures";

// Positional, in the order of PBR.TARIFF's arguments, to keep the cases short.
const run = (code: any, days: any, admittedDays: any, prices: PriceTable, mff: any): any => {
  const r = cells(tariffRange({ code, days, admittedDays, mff, prices }));
  return Array.isArray(r) ? r.map(show) : show(r);
};

describe("PBR.TARIFF", () => {
  it("prices non-admitted and admitted days, times the MFF", () => {
    // code 14: 25 community days × £30 = £750, plus 5 admitted days × £380 = £1,900 → £2,650
    expect(run(14, 30, 5, table(), null)).toEqual([2650]);
    // × MFF 1.05 → £2,782.50
    expect(run(14, 30, 5, table(), 1.05)[0]).toBeCloseTo(2782.5, 9);
    // admitted days default to 0: 30 × £30
    expect(run(14, 30, null, table(), null)).toEqual([900]);
  });

  it("works down columns, with single values applying to every row", () => {
    // code 1: 10 × £4 = £40; "14" matches code 14: 10 × £30 = £300; MH01: 10 × £10 = £100
    expect(run(col(1, "14", "mh01"), 10, null, table(), null)).toEqual([40, 300, 100]);
    // same code, days per row, MFF per row (blank MFF = 1)
    expect(run(1, col(1, 2, 3), null, table(), col(1, "", 2))).toEqual([4, 8, 24]);
  });

  it("gives a blank for a blank row", () => {
    expect(run(col(1, "", 14), col(2, "", 1), col(0, "", 0), table(), null)).toEqual([8, "", 30]);
    expect(run(col(1, null), col(2, null), null, table(), 1.2)).toEqual([9.6, ""]);
  });

  it("uses the illustrative table when given it", () => {
    // illustrative cluster 14: £36.20 per community day, £392.80 per admitted day
    expect(run(14, 10, 2, illustrativePrices(), null)[0]).toBeCloseTo(8 * 36.2 + 2 * 392.8, 9);
  });

  describe("bad input stays in its row", () => {
    it("code not in the price table → #N/A naming the table's rows", () => {
      expect(run(col(1, 99), 10, null, table(), null)).toEqual([
        40,
        "#N/A row 2: code 99 is not in the price table (rows 2–7)",
      ]);
    });

    it("negative days → #NUM!; text days → #VALUE!", () => {
      expect(run(1, col(-1, "ten", ""), null, table(), null)).toEqual([
        "#NUM! row 1, days: -1 is negative",
        '#VALUE! row 2, days: "ten" is not a number',
        "#VALUE! row 3, days: blank is not a number",
      ]);
    });

    it("admitted days more than days, or negative → #NUM!", () => {
      expect(run(14, col(10, 10), col(11, -1), table(), null)).toEqual([
        "#NUM! row 1: admitted days 11 is more than the 10 days of the period",
        "#NUM! row 2, admitted days: -1 is negative",
      ]);
    });

    it("MFF below 1.00 or not a number → #NUM! (one value: the whole answer; a column: that row)", () => {
      expect(run(1, 1, null, table(), 0.98)).toBe(
        "#NUM! MFF 0.98 must be a number of at least 1.00 (the MFF payment index never goes below 1.00)"
      );
      expect(run(1, 1, null, table(), "high")).toBe(
        '#NUM! MFF "high" must be a number of at least 1.00 (the MFF payment index never goes below 1.00)'
      );
      expect(run(1, col(1, 1), null, table(), col(1.5, 0.5))).toEqual([
        6,
        "#NUM! row 2: MFF 0.5 must be a number of at least 1.00 (the MFF payment index never goes below 1.00)",
      ]);
    });

    it("admitted days on a code with no admitted day price → #N/A", () => {
      expect(run("MH01", 10, 2, table(), null)).toEqual([
        "#N/A row 1: code \"MH01\" has no Admitted day price in the price table (row 4), but 2 admitted days were given",
      ]);
    });

    it("mismatched column lengths → one error naming both lengths", () => {
      expect(run(col(1, 2, 3), col(1, 2), null, table(), null)).toBe(
        "#VALUE! days has 2 rows but code has 3: they must match (or give one value for every row)"
      );
      expect(run([[1, 2], [3, 4]], 1, null, table(), null)).toBe("#VALUE! code must be a single column; got 2 columns");
    });
  });
});
