/* eslint-disable @typescript-eslint/no-explicit-any */
import { PbrError } from "../../../src/core/errors";
import { rasBudgetRange, rasBuildupRange, rasSetup, type RasSetup } from "../../../src/core/ras/budget";
import { rasCalibrate } from "../../../src/core/ras/calibrate";
import { roundColumn } from "../../../src/core/ras/inputs";

/** One budget alone, rounded as a one-cell call rounds it. */
const roundDown = (amount: number, roundTo: number) => {
  const v = [amount];
  roundColumn(v, () => true, roundTo);
  return v[0];
};
import { rasPointsRange } from "../../../src/core/ras/points";
import { ILLUSTRATIVE_STEPS } from "../../../src/core/ras/illustrative";
import { illustrativeSteps, parseStepTable, stepPercent } from "../../../src/core/ras/stepTable";
import { illustrativePrices } from "../../../src/core/tariff/builtin";
import { cells, col, show } from "../tariff/fixtures";
import { COHORT_CODES, COHORT_RAW, COHORT_STEPS, RAW_TOTAL, setup, steps } from "./fixtures";

// Positional, in the order of the PBR functions' arguments, to keep the cases short.
type Setup = RasSetup;
const budget = (code: any, step: any, s: Setup, k: any, roundTo: any): any => {
  const r = cells(rasBudgetRange({ code, step, k, roundTo, setup: s }));
  return Array.isArray(r) ? r.map(show) : show(r);
};
const buildup = (code: any, step: any, s: Setup, k: any, roundTo: any): any => {
  const r = rasBuildupRange({ code, step, k, roundTo, setup: s });
  return Array.isArray(r) ? r.map((row) => row.map(show)) : show(r);
};
const calibrate = (codes: any, step: any, envelope: any, contingency: any, s: Setup): any =>
  show(rasCalibrate({ codes, step, envelope, contingency, setup: s }));

describe("step tables", () => {
  it("the built-in table is five illustrative steps of 50/75/100/125/150%", () => {
    expect(ILLUSTRATIVE_STEPS.title).toMatch(/illustrative/i);
    expect(ILLUSTRATIVE_STEPS.note).toMatch(/illustrative/i);
    expect(illustrativeSteps().name).toBe("illustrative step table");
    expect([1, 2, 3, 4, 5].map((s) => stepPercent(illustrativeSteps(), s, 1))).toEqual([0.5, 0.75, 1, 1.25, 1.5]);
  });

  it("reads percent as a fraction or as text with %, and matches steps as text", () => {
    const t = steps([["step", "PERCENT", "Label"], ["Low", "60%"], ["High", 1.4]]);
    expect(stepPercent(t, "low", 1)).toBeCloseTo(0.6, 12);
    expect(stepPercent(t, " HIGH ", 1)).toBe(1.4);
  });

  it("unknown step → #N/A naming the step and the steps available", () => {
    expect(show(stepPercent(illustrativeSteps(), 7, 4))).toBe(
      "#N/A row 4: step 7 is not in the illustrative step table; steps available: 1, 2, 3, 4, 5"
    );
    expect(show(stepPercent(illustrativeSteps(), "", 4))).toBe("#VALUE! row 4: step is blank");
  });

  it("a step listed twice, a bad percent, or missing columns are named", () => {
    const t = steps([["Step", "Percent"], [1, 0.5], [2, "lots"], [1, 0.6], [3, -1]]);
    expect(show(stepPercent(t, 1, 2))).toBe("#VALUE! row 2: step 1 is listed twice in the step table (rows 2 and 4)");
    expect(show(stepPercent(t, 2, 2))).toBe('#VALUE! row 2: step table row 3, Percent: "lots" is not a percentage (e.g. 0.75 or 75%)');
    expect(show(stepPercent(t, 3, 2))).toBe("#NUM! row 2: step table row 5, Percent: -1 is negative");
    expect(show(parseStepTable([["Step", "Amount"], [1, 2]]))).toBe(
      '#VALUE! the step table has no "Percent" column in its header row'
    );
    expect(show(parseStepTable([["Step", "Percent"]]))).toBe("#VALUE! the step table has a header row but no data rows");
  });
});

describe("PBR.RASBUDGET", () => {
  it("is the yearly cluster average × step percent × k", () => {
    expect(budget(COHORT_CODES, COHORT_STEPS, setup(), null, null)).toEqual(COHORT_RAW);
    // k = 2 doubles every budget
    expect(budget(COHORT_CODES, COHORT_STEPS, setup(), 2, null)).toEqual(COHORT_RAW.map((b) => b * 2));
  });

  it("uses the basis for the cluster average", () => {
    // cluster 13, £20 a day; annual review period 365 days: per period = per year; per day £20
    expect(budget(13, 3, setup(undefined, "day"), null, null)).toEqual([20]);
    expect(budget(13, 2, setup(undefined, "period"), null, null)).toEqual([7300 * 0.75]);
  });

  it("rounds to roundTo by largest remainders, so a column adds up to its total rounded down", () => {
    // 2,737.50 + 9,125 = 11,862.50 → 1,186 whole £10s; rounded down 273 + 912 = 1,185, so the
    // one £10 left goes to the larger remainder (2,737.50: 0.75 of a unit against 0.5)
    expect(budget(col(12, 13), col(2, 4), setup(), null, 10)).toEqual([2740, 9120]);
    // one budget alone is rounded down
    expect(budget(12, 2, setup(), null, 10)).toEqual([2730]);
    expect(budget(12, 2, setup(), 1.0001, 0.01)).toEqual([2737.77]); // 2,737.77375 → 2,737.77
  });

  it("gives blanks for blank rows and works with the built-in tables", () => {
    const s = rasSetup(illustrativePrices(), illustrativeSteps(), null) as any;
    // illustrative cluster 11: £6.20 a day → £2,263 a year; step 3 is 100%
    expect(budget(col(11, ""), col(3, ""), s, null, null)[0]).toBeCloseTo(6.2 * 365, 9);
    expect(budget(col(11, ""), col(3, ""), s, null, null)[1]).toBe("");
  });

  it("20 budgets rounded to pennies add up to the calibrated total to the penny", () => {
    const s = rasSetup(illustrativePrices(), illustrativeSteps(), null) as any;
    const codes = Array.from({ length: 20 }, (_, i) => [[1, 3, 4, 7, 11, 12, 13, 16, 18, 21][i % 10]]);
    const steps = Array.from({ length: 20 }, (_, i) => [1 + (i % 5)]);
    const k = rasCalibrate({ codes, step: steps, envelope: 72000, contingency: 0, setup: s }) as number;
    const unrounded = budget(codes, steps, s, k, null) as number[];
    const pennies = budget(codes, steps, s, k, 0.01) as number[];
    expect(pennies.reduce((a, b) => a + Math.round(b * 100), 0)).toBe(7_200_000);
    pennies.forEach((b, i) => expect(Math.abs(b - unrounded[i])).toBeLessThan(0.01));
    expect(buildup(codes, steps, s, k, 0.01).map((r: number[]) => r[3])).toEqual(pennies);
  });

  it("bad input: unknown step (#N/A), unknown code (#N/A), bad k or roundTo (#NUM!/#VALUE!)", () => {
    expect(budget(col(11, 99, 11), col(7, 3, 3), setup(), null, null)).toEqual([
      "#N/A row 1: step 7 is not in the illustrative step table; steps available: 1, 2, 3, 4, 5",
      "#N/A row 2: code 99 is not in the price table (rows 2–5)",
      2190,
    ]);
    expect(budget(11, 3, setup(), 0, null)).toBe("#NUM! k 0 must be more than 0 (use the factor from PBR.RASCALIBRATE, or 1)");
    expect(budget(11, 3, setup(), "one", null)).toBe('#VALUE! k "one" is not a number (use the factor from PBR.RASCALIBRATE, or 1)');
    expect(budget(11, 3, setup(), null, -10)).toBe("#NUM! roundTo -10 must be more than 0 (e.g. 10 for whole £10s)");
    expect(budget(11, 3, setup(), null, "tens")).toBe('#VALUE! roundTo "tens" is not a number (e.g. 10 for whole £10s)');
    expect(show(rasSetup(illustrativePrices(), illustrativeSteps(), "month"))).toBe(
      '#VALUE! per "month" is not recognised; use one of period, year, day'
    );
  });
});

describe("PBR.RASCALIBRATE", () => {
  it("finds k so the cohort's budgets add up to envelope × (1 − contingency)", () => {
    // raw total £26,097.50; envelope £65,243.75 less 20% contingency = £52,195 = 2 × raw → k = 2
    expect(calibrate(COHORT_CODES, COHORT_STEPS, 65243.75, 0.2, setup())).toBeCloseTo(2, 12);
    // no contingency: k = 26,097.50 / 26,097.50 = 1
    expect(calibrate(COHORT_CODES, COHORT_STEPS, RAW_TOTAL, null, setup())).toBe(1);
  });

  it("the calibrated budgets, rounded down to £100, stay inside the envelope", () => {
    const k = rasCalibrate({ codes: COHORT_CODES, step: COHORT_STEPS, envelope: 65243.75, contingency: 0.2, setup: setup() }) as number;
    // 2 × each raw budget: 4,380; 5,475; 18,250; 21,900; 2,190 = 52,195 → 521 whole £100s. Rounded
    // down they make 519; the 2 left go to the largest remainders (0.9 of 2,190 and 0.8 of 4,380).
    const out = budget(COHORT_CODES, COHORT_STEPS, setup(), k, 100);
    expect(out).toEqual([4400, 5400, 18200, 21900, 2200]);
    expect(out.reduce((a: number, b: number) => a + b, 0)).toBe(52100); // ≤ £52,195
  });

  it("skips blank rows", () => {
    expect(calibrate(col(11, "", 11), col(3, "", 3), 4380, 0, setup())).toBe(1);
  });

  it("contingency outside [0, 1) → #NUM!; text → #VALUE!", () => {
    expect(calibrate(11, 3, 1000, 1, setup())).toBe(
      "#NUM! contingency 1 must be a fraction from 0 up to (not including) 1 (e.g. 0.1 for 10%)"
    );
    expect(calibrate(11, 3, 1000, -0.1, setup())).toMatch(/^#NUM! contingency -0.1 must be a fraction/);
    expect(calibrate(11, 3, 1000, 10, setup())).toMatch(/^#NUM! contingency 10 must be a fraction/);
    expect(calibrate(11, 3, 1000, "ten", setup())).toBe(
      '#VALUE! contingency "ten" is not a number (e.g. 0.1 for 10%)'
    );
  });

  it("envelope 0 or less → #NUM!; text or blank → #VALUE!", () => {
    expect(calibrate(11, 3, 0, null, setup())).toBe("#NUM! envelope 0 must be more than 0");
    expect(calibrate(11, 3, -5, null, setup())).toBe("#NUM! envelope -5 must be more than 0");
    expect(calibrate(11, 3, "", null, setup())).toBe("#VALUE! envelope blank is not a number");
  });

  it("a cohort whose raw total is 0 → #DIV/0! explained; an empty cohort too", () => {
    expect(calibrate(col("MH05", "MH05"), col(3, 3), 1000, null, setup())).toBe(
      "#DIV/0! the cohort's total before calibration is 0 (2 people, every cluster average × step percent is 0), so no factor k can scale it to the envelope"
    );
    expect(calibrate(col("", ""), col("", ""), 1000, null, setup())).toBe(
      "#DIV/0! the cohort has no people (every row is blank), so there is nothing to calibrate"
    );
  });

  it("a person who cannot be priced stops k and is named", () => {
    expect(calibrate(col(11, 99), col(3, 3), 1000, null, setup())).toBe(
      "#N/A k cannot be worked out until this person is fixed: row 2: code 99 is not in the price table (rows 2–5)"
    );
    expect(calibrate(col(11, 12), col(3, 9), 1000, null, setup())).toBe(
      "#N/A k cannot be worked out until this person is fixed: row 2: step 9 is not in the illustrative step table; steps available: 1, 2, 3, 4, 5"
    );
  });

  it("one step for everyone applies to every row", () => {
    // (2,190 + 3,650) × 100% = 5,840 → k = 1,000 / 5,840
    expect(calibrate(col(11, 12), col(3), 1000, null, setup())).toBeCloseTo(1000 / 5840, 15);
  });
});

describe("PBR.RASBUILDUP", () => {
  it("shows cluster average, step percent, k and budget, one row per person", () => {
    expect(buildup(col(13, ""), col(4, ""), setup(), 2, null)).toEqual([
      [7300, 1.25, 2, 18250], // 7,300 × 1.25 × 2
      ["", "", "", ""],
    ]);
    expect(buildup(12, 2, setup(), 1, 100)).toEqual([[3650, 0.75, 1, 2700]]); // 2,737.50 rounded down
  });

  it("shows each part's own error and carries it into the budget", () => {
    expect(buildup(col(99, 13), col(3, 8), setup(), null, null)).toEqual([
      [
        "#N/A row 1: code 99 is not in the price table (rows 2–5)",
        1,
        1,
        "#N/A row 1: code 99 is not in the price table (rows 2–5)",
      ],
      [
        7300,
        "#N/A row 2: step 8 is not in the illustrative step table; steps available: 1, 2, 3, 4, 5",
        1,
        "#N/A row 2: step 8 is not in the illustrative step table; steps available: 1, 2, 3, 4, 5",
      ],
    ]);
  });
});

describe("PBR.RASPOINTS", () => {
  const points = (points: any, envelope: any, totalPoints: any, contingency: any): any => {
    const r = cells(rasPointsRange({ points, envelope, totalPoints, contingency }));
    return Array.isArray(r) ? r.map(show) : show(r);
  };

  it("is points × envelope × (1 − contingency) / totalPoints", () => {
    // £50,000 less 10% = £45,000 over 90 points = £500 a point
    expect(points(col(10, 20, "", 60), 50000, 90, 0.1).map((x: any) => (typeof x === "number" ? Math.round(x * 1e6) / 1e6 : x))).toEqual([
      5000,
      10000,
      "",
      30000,
    ]);
    expect(points(3, 900, 9, null)).toEqual([300]);
  });

  it("bad input: negative or text points in their row; totalPoints 0 → #DIV/0!; bad envelope or contingency", () => {
    expect(points(col(-1, "x", 1), 100, 10, null)).toEqual([
      "#NUM! row 1, points: -1 is negative",
      '#VALUE! row 2, points: "x" is not a number',
      10,
    ]);
    expect(points(1, 100, 0, null)).toBe("#DIV/0! totalPoints is 0, so points cannot be turned into money");
    expect(points(1, 100, -4, null)).toBe("#NUM! totalPoints -4 is negative");
    expect(points(1, 100, "all", null)).toBe('#VALUE! totalPoints "all" is not a number');
    expect(points(1, 0, 10, null)).toBe("#NUM! envelope 0 must be more than 0");
    expect(points(1, 100, 10, 1.5)).toMatch(/^#NUM! contingency 1.5 must be a fraction/);
  });
});

describe("rounding down", () => {
  it("never rounds up, and does not lose a step to floating-point noise", () => {
    expect(roundDown(1239.99, 10)).toBe(1230);
    expect(roundDown(1240, 10)).toBe(1240);
    expect(roundDown(0.1 + 0.2, 0.1)).toBe(0.3); // 0.30000000000000004 / 0.1 = 3.0000000000000004
    expect(roundDown(12.34, 0.01)).toBe(12.34);
    expect(roundDown(5, 0)).toBe(5);
  });
});

it("PbrError values only, never a throw, for a nonsense step range", () => {
  expect(rasBudgetRange({ code: 11, step: [[1, 2], [3, 4]], setup: setup() })).toBeInstanceOf(PbrError);
});
