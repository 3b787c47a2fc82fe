/* eslint-disable @typescript-eslint/no-explicit-any */
import { fyCostRange, fyDaysRange } from "../../../src/core/tariff/fy";
import type { PriceTable } from "../../../src/core/tariff/priceTable";
import { cells, col, d, show, table } from "./fixtures";

const days = (start: any, end: any, fy: any): any => {
  const r = cells(fyDaysRange({ start, end, fyStartYear: fy }));
  return Array.isArray(r) ? r.map(show) : show(r);
};
// Positional, in the order of PBR.FYCOST's arguments, to keep the cases short.
const cost = (code: any, start: any, end: any, fyStartYear: any, admittedDays: any, prices: PriceTable, mff: any): any => {
  const r = cells(fyCostRange({ code, start, end, fyStartYear, admittedDays, mff, prices }));
  return Array.isArray(r) ? r.map(show) : show(r);
};

describe("PBR.FYDAYS", () => {
  it("counts both the start and the end day", () => {
    expect(days(d("01/04/2024"), d("01/04/2024"), 2024)).toEqual([1]);
    expect(days(d("01/04/2024"), d("31/03/2025"), 2024)).toEqual([365]);
  });

  it("counts 29 February in a leap financial year", () => {
    // 2023/24 runs 01/04/2023–31/03/2024 and holds 29/02/2024
    expect(days(d("01/04/2023"), d("31/03/2024"), 2023)).toEqual([366]);
    expect(days(d("01/02/2024"), d("31/03/2024"), 2023)).toEqual([29 + 31]);
  });

  it("splits a period across two financial years", () => {
    // 15/03/2024–10/04/2024 is 27 days: 17 in March (2023/24), 10 in April (2024/25)
    expect(days(d("15/03/2024"), d("10/04/2024"), col(2023, 2024))).toEqual([17, 10]);
  });

  it("splits a period across three (and four) financial years", () => {
    // 01/01/2023–30/06/2025 is 365 + 366 + 181 = 912 days:
    // 2022/23: Jan–Mar 2023 = 31 + 28 + 31 = 90; 2023/24: 366 (leap); 2024/25: 365; 2025/26: Apr–Jun = 91
    expect(days(d("01/01/2023"), d("30/06/2025"), col(2021, 2022, 2023, 2024, 2025, 2026))).toEqual([
      0, 90, 366, 365, 91, 0,
    ]);
  });

  it("runs an open period (blank end) to the financial year's 31 March", () => {
    // 01/02/2025 open: February (28) + March (31) in 2024/25; the whole of 2025/26
    expect(days(d("01/02/2025"), "", col(2024, 2025, 2023))).toEqual([59, 365, 0]);
    expect(days(d("01/02/2025"), null, 2024)).toEqual([59]);
  });

  it("drops the time of day from date-times", () => {
    expect(days(d("31/03/2025") + 0.75, d("01/04/2025") + 0.2, col(2024, 2025))).toEqual([1, 1]);
  });

  it("gives blanks for blank rows", () => {
    expect(days(col(d("01/04/2024"), ""), col("", ""), 2024)).toEqual([365, ""]);
  });

  it("end before start → #NUM!; text where a date is expected → #VALUE!", () => {
    expect(days(col(d("02/04/2024"), "01/04/2024", d("01/04/2024"), -3), col(d("01/04/2024"), "", "soon", ""), 2024)).toEqual([
      "#NUM! row 1, end date: 01/04/2024 is before the start date 02/04/2024",
      '#VALUE! row 2, start: "01/04/2024" is not a date (expected an Excel date)',
      '#VALUE! row 3, end: "soon" is not a date (expected an Excel date)',
      "#NUM! row 4, start: -3 is outside Excel's dates (1900 to 9999, serials 1 to 2958465)",
    ]);
    expect(days("", d("01/04/2024"), 2024)).toEqual(["#VALUE! row 1, start: blank is not a date (expected an Excel date)"]);
  });

  it("a financial year that is not a whole year → #NUM!; text → #VALUE!", () => {
    expect(days(d("01/04/2024"), "", col(2024.5, 1899, "next", ""))).toEqual([
      "#NUM! row 1, financial year: 2024.5 must be a whole year from 1900 to 9998 (e.g. 2024 for 2024/25)",
      "#NUM! row 2, financial year: 1899 must be a whole year from 1900 to 9998 (e.g. 2024 for 2024/25)",
      '#VALUE! row 3, financial year: "next" is not a year (give the year it starts in, e.g. 2024 for 2024/25)',
      "#VALUE! row 4, financial year: blank is not a year (give the year it starts in, e.g. 2024 for 2024/25)",
    ]);
    expect(days(d("01/04/2024"), "", "2024")).toEqual([365]);
  });
});

describe("PBR.FYCOST", () => {
  it("costs the part in each year, sharing admitted days pro rata, adding up to the whole period", () => {
    // code 14, 15/03/2024–10/04/2024 (27 days), 9 admitted:
    // 2023/24: 17 days, 9 × 17/27 = 17/3 admitted → 17 × £30 + 17/3 × (£380 − £30) = £510 + £1,983.33
    // 2024/25: 10 days, 9 × 10/27 = 10/3 admitted → 10 × £30 + 10/3 × £350 = £300 + £1,166.67
    // together £3,960 = TARIFF(14, 27, 9) = 18 × £30 + 9 × £380
    const [a, b] = cost(14, d("15/03/2024"), d("10/04/2024"), col(2023, 2024), 9, table(), null) as number[];
    expect(a).toBeCloseTo(510 + (17 / 3) * 350, 9);
    expect(b).toBeCloseTo(300 + (10 / 3) * 350, 9);
    expect(a + b).toBeCloseTo(3960, 9);
  });

  it("applies the MFF and gives 0 outside the year", () => {
    expect(cost(1, d("01/04/2024"), d("10/04/2024"), col(2024, 2025), null, table(), 1.5)).toEqual([60, 0]);
  });

  it("runs an open period to the year's end, sharing admitted days over start–31 March", () => {
    // 01/03/2025 open, 2024/25: 31 days, 31 admitted of 31 → all admitted: 31 × £380
    expect(cost(14, d("01/03/2025"), "", 2024, 31, table(), null)).toEqual([31 * 380]);
    // a period that opens after the year asked about costs nothing (admitted days are not checked)
    expect(cost(14, d("01/03/2026"), "", 2024, 5, table(), null)).toEqual([0]);
  });

  it("uses the price row in force on the period's start date for the whole period", () => {
    const dated = table([
      ["Code", "Day price", "Effective from"],
      [14, 30, d("01/04/2023")],
      [14, 33, d("01/04/2024")],
    ]);
    // starts 15/03/2024 under the £30 row: both years at £30
    expect(cost(14, d("15/03/2024"), d("10/04/2024"), col(2023, 2024), null, dated, null)).toEqual([17 * 30, 10 * 30]);
    // starts 01/05/2024 under the £33 row
    expect(cost(14, d("01/05/2024"), d("10/05/2024"), 2024, null, dated, null)).toEqual([330]);
    expect(cost(14, d("01/03/2023"), d("10/05/2023"), 2023, null, dated, null)).toEqual([
      "#N/A row 1: code 14 has no price in force on 01/03/2023 (its earliest row in the price table, row 2, is effective from 01/04/2023)",
    ]);
  });

  it("bad input stays in its row", () => {
    const starts = col(d("01/04/2024"), d("01/04/2024"), "April", d("05/04/2024"), d("01/04/2024"), "", d("01/04/2024"));
    const ends = col(d("10/04/2024"), d("10/04/2024"), d("10/04/2024"), d("01/04/2024"), d("10/04/2024"), "", d("10/04/2024"));
    const codes = col(99, 14, 14, 14, 14, "", 14);
    const admitted = col("", "", "", "", 11, "", -1);
    expect(cost(codes, starts, ends, 2024, admitted, table(), null)).toEqual([
      "#N/A row 1: code 99 is not in the price table (rows 2–7)",
      300,
      '#VALUE! row 3, start: "April" is not a date (expected an Excel date)',
      "#NUM! row 4, end date: 01/04/2024 is before the start date 05/04/2024",
      "#NUM! row 5: admitted days 11 is more than the 10 days of the period",
      "",
      "#NUM! row 7, admitted days: -1 is negative",
    ]);
    expect(cost(14, d("01/04/2024"), d("10/04/2024"), 2024, null, table(), 0.9)).toBe(
      "#NUM! MFF 0.9 must be a number of at least 1.00 (the MFF payment index never goes below 1.00)"
    );
    expect(cost(col(14, 14), col(1, 2, 3), "", 2024, null, table(), null)).toBe(
      "#VALUE! start has 3 rows but code has 2: they must match (or give one value for every row)"
    );
  });
});
