/**
 * Numbers beyond what any contract holds are #NUM! with a message that says what the limit is
 * (issue 11): the call that once looped for ever, infinite amounts, and results that would
 * overflow.
 */
import { PbrError } from "../../src/core/errors";
import { costperday, rebase, tariff, fydays } from "../../src/functions/tariff";
import { rasbudget } from "../../src/functions/ras";
import { riskshare } from "../../src/functions/riskshare";

const first = (grid: unknown[][]) => grid[0][0] as PbrError;

describe("out-of-range numbers", () => {
  it("PBR.COSTPERDAY(4, \"x\", 1E+308) returns #NUM! at once, naming the limit", () => {
    const e = first(costperday(4 as never, "x" as never, 1e308 as never));
    expect(e.kind).toBe("#NUM!");
    expect(e.message).toBe("row 1, days: 1E+308 is out of range: expected a number from -1E+15 to 1E+15");
  });

  it("an infinite cost pool says it is out of range and gives the range", () => {
    const e = first(costperday(Infinity as never, [["x"]], [[3]]));
    expect(e.kind).toBe("#NUM!");
    expect(e.message).toBe("costPool infinity is out of range: expected an amount from 0 to 90,000,000,000");
  });

  it("numeric text beyond the limit is out of range, not 'not a number'", () => {
    const e = first(tariff([["x"]], [["1e309"]]));
    expect(e.kind).toBe("#NUM!");
    expect(e.message).toContain("out of range");
    const t = first(rebase("-1E+308" as never, [["x"]], [[1]], [[1]]));
    expect(t.kind).toBe("#NUM!");
  });

  it("text that is not a number is still #VALUE! 'not a number'", () => {
    const e = first(tariff([["1"]], [["ten"]]));
    expect(e.kind).toBe("#VALUE!");
    expect(e.message).toContain("is not a number");
  });

  it("the largest allowed values give finite answers, never Infinity or NaN", () => {
    const prices = [["Code", "Day price"], ["x", 1e15]];
    const out = tariff([["x"]], [[1e15]], null as never, prices, [[1e15]]);
    expect(Number.isFinite(out[0][0])).toBe(true);
    const share = costperday(9e10 as never, [["a"], ["b"]], [[1e15], [1e15]], [[1e15], [1e-300]]);
    for (const [v] of share) expect(Number.isFinite(v as number)).toBe(true);
  });

  it("other families bound their numbers too", () => {
    expect(first(fydays([[Infinity]], [[45500]], [[2024]])).kind).toBe("#VALUE!");
    const bands = [["From", "To", "Rate"], [0, null, 1]];
    const risk = first(riskshare([[1e308]], [[1]], bands));
    expect(risk.kind).toBe("#NUM!");
    expect(risk.message).toContain("out of range: expected a number from -1E+15 to 1E+15");
    const budget = first(rasbudget([[11]], [[3]], null as never, null as never, [["1E+400"]]));
    expect(budget.kind).toBe("#NUM!");
  });
});
