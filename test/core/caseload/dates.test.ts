import fc from "fast-check";
import { isValidYmd, ymdToSerial } from "../../../src/core/dates";
import { formatSerial, parseCaseloadDate } from "../../../src/core/caseload/dates";

// 1 April 2024 is serial 45383: 1 Jan 2024 is 45292, + 31 (Jan) + 29 (Feb, leap) + 31 (Mar) = 45383.
const APR1 = 45383;

describe("caseload dates", () => {
  it.each([
    ["01/04/2024", APR1],
    ["1/4/2024", APR1],
    ["01-04-2024", APR1],
    ["01.04.2024", APR1],
    ["2024-04-01", APR1],
    ["2024-04-01T09:30:00", APR1],
    ["2024-04-01 23:59:59.123Z", APR1],
    ["2024-04-01T00:00:00+01:00", APR1],
    ["1 Apr 2024", APR1],
    ["01-Apr-2024", APR1],
    ["1 April 2024", APR1],
    ["45383", APR1],
    [" 01/04/2024 ", APR1],
    ["29/02/2024", ymdToSerial(2024, 2, 29)],
  ])("%s → %d", (text, serial) => {
    expect(parseCaseloadDate(text)).toBe(serial);
  });

  it("takes Excel serial numbers, dropping a time of day", () => {
    expect(parseCaseloadDate(APR1)).toBe(APR1);
    expect(parseCaseloadDate(APR1 + 0.75)).toBe(APR1);
    expect(parseCaseloadDate(0)).toBe("outOfRange");
    expect(parseCaseloadDate(3_000_000)).toBe("outOfRange");
  });

  it("takes Date objects from an XLSX reader (UTC midnight)", () => {
    expect(parseCaseloadDate(new Date(Date.UTC(2024, 3, 1)))).toBe(APR1);
    expect(parseCaseloadDate(new Date(Date.UTC(2024, 3, 1) - 1))).toBe(APR1); // float error
    expect(parseCaseloadDate(new Date(NaN))).toBe("notADate");
  });

  it.each([
    ["31/02/2024", "noSuchDay"],
    ["29/02/2023", "noSuchDay"],
    ["2024-13-01", "noSuchDay"],
    ["00/01/2024", "noSuchDay"],
    ["12/31/2024", "monthFirst"],
    ["4/13/2024", "monthFirst"],
    ["01/04/24", "twoDigitYear"],
    ["tomorrow", "notADate"],
    ["01/04", "notADate"],
    ["1 Avr 2024", "notADate"],
    ["01/04/2024 extra", "notADate"],
  ])("refuses %s (%s)", (text, problem) => {
    expect(parseCaseloadDate(text)).toBe(problem);
  });

  it("reads day first whenever both numbers could be a month, never month first (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1900, max: 2100 }), (d, m, y) => {
        expect(parseCaseloadDate(`${d}/${m}/${y}`)).toBe(ymdToSerial(y, m, d));
      })
    );
  });

  it("agrees with isValidYmd on every day-first date, and round-trips through formatSerial (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1900, max: 2400 }), (d, m, y) => {
        const text = `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`;
        const parsed = parseCaseloadDate(text);
        if (isValidYmd(y, m, d)) {
          expect(parsed).toBe(ymdToSerial(y, m, d));
          expect(formatSerial(parsed as number)).toBe(text);
        } else {
          expect(typeof parsed).toBe("string");
        }
      })
    );
  });
});
