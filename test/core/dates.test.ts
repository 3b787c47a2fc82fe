import { edate, fyEnd, fyOf, fyStart, isValidYmd, serialToYmd, ymdToSerial } from "../../src/core/dates";

describe("Excel serial dates (1900 system)", () => {
  it.each([
    [1, 1900, 1, 1],
    [59, 1900, 2, 28],
    [61, 1900, 3, 1],
    [45292, 2024, 1, 1],
    [45351, 2024, 2, 29],
    [45382, 2024, 3, 31],
    [2958465, 9999, 12, 31],
  ])("serial %i is %i-%i-%i and back", (serial, year, month, day) => {
    expect(serialToYmd(serial)).toEqual({ year, month, day });
    expect(ymdToSerial(year, month, day)).toBe(serial);
  });

  it("rejects impossible calendar days", () => {
    expect(isValidYmd(2024, 2, 29)).toBe(true);
    expect(isValidYmd(2023, 2, 29)).toBe(false);
    expect(isValidYmd(2024, 2, 31)).toBe(false);
    expect(isValidYmd(2024, 13, 1)).toBe(false);
  });

  it("adds months like EDATE", () => {
    const s = (y: number, m: number, d: number) => ymdToSerial(y, m, d);
    expect(edate(s(2024, 1, 31), 6)).toBe(s(2024, 7, 31));
    expect(edate(s(2024, 2, 29), 12)).toBe(s(2025, 2, 28));
    expect(edate(s(2023, 8, 31), 6)).toBe(s(2024, 2, 29));
    expect(edate(s(2024, 8, 31), 6)).toBe(s(2025, 2, 28));
    expect(edate(s(2024, 3, 15), -3)).toBe(s(2023, 12, 15));
  });

  it("knows the UK financial year runs 1 April to 31 March", () => {
    expect(serialToYmd(fyStart(2024))).toEqual({ year: 2024, month: 4, day: 1 });
    expect(serialToYmd(fyEnd(2024))).toEqual({ year: 2025, month: 3, day: 31 });
    expect(fyEnd(2023) - fyStart(2023) + 1).toBe(366); // includes 29 Feb 2024
    expect(fyOf(ymdToSerial(2024, 3, 31))).toBe(2023);
    expect(fyOf(ymdToSerial(2024, 4, 1))).toBe(2024);
  });
});
