/* Property tests for the pricing maths: splits that add up, shares that tie to the penny. */
import fc from "fast-check";
import { fyEnd, fyOf, ymdToSerial } from "../../../src/core/dates";
import { costPerDayRange } from "../../../src/core/tariff/costing";
import { fyCostRange, fyDaysRange } from "../../../src/core/tariff/fy";
import { rebaseRange } from "../../../src/core/tariff/rebase";
import { tariffRange } from "../../../src/core/tariff/tariff";
import { cells, table } from "./fixtures";

const first = (r: ReturnType<typeof cells>) => (Array.isArray(r) ? r[0] : r);
const FROM = ymdToSerial(2015, 1, 1);
const TO = ymdToSerial(2030, 12, 31);

/** A closed period: start and a length of up to four years. */
const period = fc.record({
  start: fc.integer({ min: FROM, max: TO }),
  length: fc.integer({ min: 1, max: 4 * 366 }),
});

describe("pricing properties", () => {
  it("FYDAYS over consecutive financial years sums to the whole period", () => {
    fc.assert(
      fc.property(period, ({ start, length }) => {
        const end = start + length - 1;
        let sum = 0;
        for (let y = fyOf(start) - 1; y <= fyOf(end) + 1; y++) sum += first(cells(fyDaysRange({ start, end, fyStartYear: y }))) as number;
        return sum === length;
      })
    );
  });

  it("an open period's FYDAYS runs to the end of each year asked about", () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM, max: TO }), fc.integer({ min: 0, max: 3 }), (start, ahead) => {
        const fy = fyOf(start) + ahead;
        let sum = 0;
        for (let y = fyOf(start); y <= fy; y++) sum += first(cells(fyDaysRange({ start, end: "", fyStartYear: y }))) as number;
        return sum === fyEnd(fy) - start + 1;
      })
    );
  });

  it("FYCOST across the years sums to the TARIFF of the whole period", () => {
    const codes = [1, 14, 11, "MH01"];
    fc.assert(
      fc.property(
        period,
        fc.constantFrom(...codes),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 1.3, noNaN: true }),
        ({ start, length }, code, admittedShare, mff) => {
          const end = start + length - 1;
          const admitted = code === "MH01" ? 0 : Math.floor(admittedShare * length);
          const whole = first(cells(tariffRange({ code, days: length, admittedDays: admitted, mff, prices: table() }))) as number;
          let sum = 0;
          for (let y = fyOf(start); y <= fyOf(end); y++) {
            sum += first(cells(fyCostRange({ code, start, end, fyStartYear: y, admittedDays: admitted, mff, prices: table() }))) as number;
          }
          return Math.abs(sum - whole) <= 1e-9 * Math.max(1, whole);
        }
      )
    );
  });

  it("COSTPERDAY shares add up to the pool to the penny", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.array(fc.record({ days: fc.integer({ min: 1, max: 100_000 }), weight: fc.double({ min: 0.1, max: 10, noNaN: true }) }), {
          minLength: 1,
          maxLength: 40,
        }),
        (poolPennies, lines) => {
          const out = costPerDayRange({
            costPool: poolPennies / 100,
            codes: lines.map((_, i) => [i]),
            days: lines.map((l) => [l.days]),
            weights: lines.map((l) => [l.weight]),
          }) as number[];
          let pennies = 0;
          for (let i = 0; i < lines.length; i++) {
            const share = out[i] * lines[i].days * 100;
            if (Math.abs(share - Math.round(share)) > 1e-6) return false; // each share is whole pennies
            pennies += Math.round(share);
          }
          return pennies === poolPennies;
        }
      )
    );
  });

  it("REBASE reproduces the contract value", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e9, noNaN: true }),
        fc.array(fc.record({ activity: fc.integer({ min: 1, max: 100_000 }), cost: fc.double({ min: 0.01, max: 5000, noNaN: true }) }), {
          minLength: 1,
          maxLength: 30,
        }),
        (value, lines) => {
          const out = rebaseRange({
            contractValue: value,
            codes: lines.map((_, i) => [i]),
            plannedActivity: lines.map((l) => [l.activity]),
            costs: lines.map((l) => [l.cost]),
          }) as number[][];
          const total = out.reduce((s, [price], i) => s + price * lines[i].activity, 0);
          return Math.abs(total - value) <= 1e-9 * value;
        }
      )
    );
  });
});
