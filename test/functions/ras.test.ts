/* The Excel adapter for the budget functions, outside Excel: errors come back as PbrError values. */
import { PbrError } from "../../src/core/errors";
import { BudgetPer, rasbudget, rasbuildup, rascalibrate, raspoints } from "../../src/functions/ras";
import { stepArg } from "../../src/functions/stepArg";
import { illustrativeSteps } from "../../src/core/ras/stepTable";
import { COHORT_CODES, COHORT_RAW, COHORT_STEPS, PRICES } from "../core/ras/fixtures";

const kindAndMessage = (cell: unknown) => (cell instanceof PbrError ? `${cell.kind} ${cell.message}` : cell);
const flat = (grid: unknown[][]) => grid.map((row) => row.map(kindAndMessage));
const none = null as never;

describe("budget functions through the adapter", () => {
  it("RASCALIBRATE gives one cell; RASBUDGET with that k spills budgets adding up to the target", () => {
    const [[k]] = rascalibrate(COHORT_CODES, COHORT_STEPS, 65243.75, 0.2, PRICES, none, none) as number[][];
    expect(k).toBeCloseTo(2, 12);
    const out = rasbudget(COHORT_CODES, COHORT_STEPS, PRICES, none, k, none, none) as number[][];
    expect(out.map((r) => r[0])).toEqual(COHORT_RAW.map((b) => expect.closeTo(2 * b, 6)));
    expect(out.reduce((s, r) => s + r[0], 0)).toBeCloseTo(52195, 6);
  });

  it("RASBUDGET rounds down with the trailing roundTo", () => {
    expect(flat(rasbudget([[12], [""]], [[2], [""]], PRICES, none, 1, BudgetPer.year, 100))).toEqual([[2700], [""]]);
  });

  it("RASBUILDUP spills four columns per person", () => {
    expect(flat(rasbuildup([[13]], [[4]], PRICES, none, 2, none, none))).toEqual([[7300, 1.25, 2, 18250]]);
  });

  it("RASPOINTS spills per row", () => {
    expect(flat(raspoints([[3], [6]], 900, 9, none))).toEqual([[300], [600]]);
  });

  it("omitted steps use the ILLUSTRATIVE five steps; a given table is cached by content", () => {
    expect(stepArg(null)).toBe(illustrativeSteps());
    const grid = [["Step", "Percent"], ["A", 0.8]];
    expect(stepArg(grid)).toBe(stepArg(grid.map((r) => r.slice())));
    expect(flat(rasbudget([[13]], [["a"]], PRICES, grid, none, none, none))).toEqual([[7300 * 0.8]]);
  });

  it("whole-call problems give one error cell", () => {
    expect(flat(rascalibrate([[11]], [[3]], 0, none, PRICES, none, none))).toEqual([["#NUM! envelope 0 must be more than 0"]]);
    expect(flat(rasbudget([[11]], [[3]], PRICES, "steps" as never, none, none, none))).toEqual([
      ['#VALUE! steps "steps" is not a range: give a step table with the header Step | Percent (| Label)'],
    ]);
    expect(flat(rascalibrate([[11]], [[3]], 100, none, PRICES, none, "fortnight" as BudgetPer))).toEqual([
      ['#VALUE! per "fortnight" is not recognised; use one of period, year, day'],
    ]);
  });
});
