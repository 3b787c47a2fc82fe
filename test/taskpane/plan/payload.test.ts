/* The payload model against the formulas the journeys write: no PBR.* call is handed, or hands
   back, more than CALL_PAYLOAD_BUDGET (1 MB, a fifth of Microsoft's stated 5 MB limit on custom
   function payloads, office-js issue 4654) for 100,000 and 1,000,000 people. */
import { CALL_PAYLOAD_BUDGET, blocks, rowsPerCall } from "../../../src/taskpane/plan/payload";
import { callPayloads, largestCall } from "../../support/payloadModel";
import { PRICES, STEPS, journeyFormulas } from "../../support/payloadJourneys";

describe("the payload model", () => {
  it("sizes calls so neither direction exceeds the budget, in round numbers", () => {
    expect(rowsPerCall({ inRow: 100, outRow: 103 })).toBe(9_500);
    expect(rowsPerCall({ inRow: 100, inFixed: 600_000, outRow: 10 })).toBe(4_000);
    expect(rowsPerCall({ inRow: 2_000_000, outRow: 1 })).toBe(1);
    expect(blocks(7, 3)).toEqual([[0, 3], [3, 3], [6, 1]]);
    expect(blocks(0, 3)).toEqual([[0, 1]]);
  });

  it("would catch the formulas written before: one RASBUILDUP over 100,000 people is about 10 MB back", () => {
    const [old] = callPayloads(`=PBR.RASBUILDUP($B$12:$B$100011,$C$12:$C$100011,${PRICES},${STEPS},$B$7,,0.01)`);
    expect(old.bytesOut).toBeGreaterThan(5 * 1024 * 1024);
    const [counts] = callPayloads("=PBR.CHECKCOUNTS($X$5:$X$100004,$C$5:$C$100004)", 21);
    expect(counts.bytesIn).toBeGreaterThan(CALL_PAYLOAD_BUDGET);
  });
});

describe.each([100_000, 1_000_000])("every journey's formulas for %i people", (people) => {
  const formulas = journeyFormulas(people);
  it.each(Object.keys(formulas) as (keyof typeof formulas)[])("%s: no call over 1 MB either way", (journey) => {
    const largest = largestCall(formulas[journey]);
    expect(largest).not.toBeNull();
    for (const f of formulas[journey])
      for (const p of callPayloads(f)) {
        if (p.bytesIn > CALL_PAYLOAD_BUDGET || p.bytesOut > CALL_PAYLOAD_BUDGET)
          throw new Error(`${journey}: ${p.name} hands ${p.bytesIn} bytes in and ${p.bytesOut} out: ${f.slice(0, 120)}`);
      }
    // Every person is still covered: the calls' first ranges add up to the cohort (no block lost).
    const covered = (name: string) =>
      formulas[journey].flatMap((f) => callPayloads(f)).filter((p) => p.name === name).length;
    if (journey === "Budget planner") expect(covered("RASBUILDUP")).toBe(Math.ceil(people / 9_500));
    if (journey === "Cluster audit") expect(covered("CLUSTERCHECK")).toBe(Math.ceil(people / 3_500));
  });
});
