import { PbrError } from "../../../src/core/errors";
import { illustrativePrices } from "../../../src/core/tariff/builtin";
import { ILLUSTRATIVE_PRICES } from "../../../src/core/tariff/illustrative";
import { lookupPrice, parsePriceTable, type PriceRow } from "../../../src/core/tariff/priceTable";
import { TABLE, d, show, table } from "./fixtures";

const row = (r: PriceRow | PbrError) => {
  if (r instanceof PbrError) throw new Error(r.message);
  return r;
};

describe("price tables", () => {
  it("match headers ignoring case and spaces, and codes as text (14 is \"14\"; text ignores case)", () => {
    const t = table([
      ["CODE", "day PRICE", "Admitted_Day-Price"],
      [14, 30, 380],
      ["MH01", 10, ""],
    ]);
    expect(row(lookupPrice(t, "14", 1, NaN)).day).toBe(30);
    expect(row(lookupPrice(t, 14, 1, NaN)).admitted).toBe(380);
    expect(row(lookupPrice(t, " mh01 ", 1, NaN)).day).toBe(10);
    expect(row(lookupPrice(t, "MH01", 1, NaN)).admitted).toBeNaN();
  });

  it("accepts codes that are not care clusters (resource groups, large numbers, decimals)", () => {
    const t = table([
      ["Code", "Day price"],
      [2000, 7],
      [1.5, 8],
      ["Crisis resource group", 9],
    ]);
    expect(row(lookupPrice(t, 2000, 1, NaN)).day).toBe(7);
    expect(row(lookupPrice(t, "1.5", 1, NaN)).day).toBe(8);
    expect(row(lookupPrice(t, "crisis resource group", 1, NaN)).day).toBe(9);
  });

  it("names the missing required columns (#VALUE!)", () => {
    expect(show(parsePriceTable([["Code", "Price"], [1, 2]]))).toBe(
      '#VALUE! the price table has no "Day price" column in its header row'
    );
    expect(show(parsePriceTable([["Cluster", "Day price"], [1, 2]]))).not.toBeInstanceOf(PbrError);
    expect(show(parsePriceTable([["A", "B"]]))).toBe(
      '#VALUE! the price table has no "Code" or "Day price" column in its header row'
    );
    expect(show(parsePriceTable([]))).toMatch(/^#VALUE! the price table has no "Code"/);
    expect(show(parsePriceTable([["Code", "Day price"], ["", ""]]))).toBe(
      "#VALUE! the price table has a header row but no data rows"
    );
  });

  it("says a code is not in the table, with the table's rows (#N/A)", () => {
    expect(show(lookupPrice(table(), 14.5, 3, NaN))).toBe("#N/A row 3: code 14.5 is not in the price table (rows 2–7)");
    expect(show(lookupPrice(table(), "", 3, NaN))).toBe("#VALUE! row 3: code is blank");
  });

  it("reports a bad cell only when a lookup lands on its row", () => {
    const t = table([
      ["Code", "Day price", "Period days"],
      [1, "abc", ""],
      [2, -3, ""],
      [3, 5, 0],
      [4, 6, ""],
    ]);
    expect(show(lookupPrice(t, 1, 9, NaN))).toBe('#VALUE! row 9: price table row 2, Day price: "abc" is not a number');
    expect(show(lookupPrice(t, 2, 9, NaN))).toBe("#NUM! row 9: price table row 3, Day price: -3 is negative");
    expect(show(lookupPrice(t, 3, 9, NaN))).toBe("#VALUE! row 9: price table row 4, Period days: 0 is not a number of days above 0");
    expect(row(lookupPrice(t, 4, 9, NaN)).day).toBe(6);
  });

  describe("effective dates", () => {
    const dated = table([
      ["Code", "Day price", "Effective from"],
      [14, 33, d("01/04/2024")],
      [14, 30, d("01/04/2023")],
      [1, 4, ""],
      [2, 5, d("01/04/2023")],
      [2, 6, d("01/04/2023")],
      [2, 7, d("01/04/2025")],
      [3, 8, "April 2023"],
    ]);

    it("uses the row in force on the date, whatever the table order", () => {
      expect(row(lookupPrice(dated, 14, 1, d("31/03/2024"))).day).toBe(30);
      expect(row(lookupPrice(dated, 14, 1, d("01/04/2024"))).day).toBe(33);
      expect(row(lookupPrice(dated, 1, 1, d("01/01/1990"))).day).toBe(4); // blank: always in force
    });

    it("uses the latest row when there is no date (the current price)", () => {
      expect(row(lookupPrice(dated, 14, 1, NaN)).day).toBe(33);
    });

    it("has no price before a code's first effective date (#N/A)", () => {
      expect(show(lookupPrice(dated, 14, 5, d("31/03/2023")))).toBe(
        "#N/A row 5: code 14 has no price in force on 31/03/2023 (its earliest row in the price table, row 3, is effective from 01/04/2023)"
      );
    });

    it("names both rows of a code listed twice for the same date, only where that row is used", () => {
      expect(show(lookupPrice(dated, 2, 4, d("01/06/2023")))).toBe(
        "#VALUE! row 4: code 2 is listed twice in the price table for overlapping dates (rows 5 and 6, both effective from 01/04/2023)"
      );
      expect(row(lookupPrice(dated, 2, 4, d("01/06/2025"))).day).toBe(7);
    });

    it("names an unreadable effective date", () => {
      expect(show(lookupPrice(dated, 3, 2, d("01/06/2025")))).toBe(
        '#VALUE! row 2: price table row 8, Effective from: "April 2023" is not a date (expected an Excel date)'
      );
    });

    it("treats a code listed twice with no dates as overlapping", () => {
      const t = table([["Code", "Day price"], [5, 1], [6, 2], [5, 3]]);
      expect(show(lookupPrice(t, 5, 1, NaN))).toBe(
        "#VALUE! row 1: code 5 is listed twice in the price table for overlapping dates (rows 2 and 4)"
      );
    });
  });

  describe("the built-in illustrative table", () => {
    it("is called illustrative and is not a national tariff", () => {
      expect(ILLUSTRATIVE_PRICES.title).toMatch(/illustrative/i);
      expect(ILLUSTRATIVE_PRICES.title).toMatch(/not a national tariff/i);
      expect(ILLUSTRATIVE_PRICES.note).toMatch(/illustrative/i);
      for (const r of ILLUSTRATIVE_PRICES.rows) expect(String(r[3])).toMatch(/illustrative/i);
      expect(illustrativePrices().name).toBe("illustrative price table");
      expect(show(lookupPrice(illustrativePrices(), 9, 1, NaN))).toBe(
        "#N/A row 1: code 9 is not in the illustrative price table (rows 2–22)"
      );
    });

    it("stays inside the published 2014/15 national ranges per day", () => {
      for (const [, day, admitted] of ILLUSTRATIVE_PRICES.rows as number[][]) {
        expect(day).toBeGreaterThanOrEqual(3.4);
        expect(day).toBeLessThanOrEqual(37.3);
        expect(admitted).toBeGreaterThanOrEqual(324.2);
        expect(admitted).toBeLessThanOrEqual(396.4);
      }
    });

    it("has every care cluster except 9", () => {
      const codes = ILLUSTRATIVE_PRICES.rows.map((r) => r[0]);
      expect(codes).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    });
  });

  it("keeps the fixture table's rows numbered with the header as row 1", () => {
    expect(table(TABLE).firstRow).toBe(2);
    expect(table(TABLE).lastRow).toBe(7);
  });
});
