/* Cluster assistant: the explanation matches PBR.CLUSTER's core, and insert writes only into empty cells. */
import fc from "fast-check";
import { explainRatings, describeRatings } from "../../src/core/clusters/explain";
import { allocateRange, candidatesFor } from "../../src/core/clusters/allocate";
import { defaultProfile } from "../../src/core/clusters/defaultProfile";
import { PbrError } from "../../src/core/errors";
import { insertPlan } from "../../src/taskpane/assistant/plan";
import { insertAtSelection } from "../../src/taskpane/assistant/run";
import { MemoryWorkbook } from "../support/memoryPort";

const psychosis = [1, 0, 1, 0, 0, 3, 1, 1, 2, 2, 1, 2, 0, 1, 0, 0, 1, 1];

describe("explaining ratings", () => {
  it("gives the same suggestion and candidates as PBR.CLUSTER and PBR.CLUSTERCANDIDATES", () => {
    const profile = defaultProfile();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 1, 2, 3, 4, 9), { minLength: 18, maxLength: 18 }), (ratings) => {
        const e = explainRatings(ratings, profile);
        const known = ratings.filter((r) => r !== 9).length;
        if (known < 12) return e instanceof PbrError;
        if (e instanceof PbrError) return false;
        const allocated = allocateRange([ratings], null, profile) as unknown[];
        const candidates = (candidatesFor([ratings], 5, profile) as unknown[][]).filter((c) => c[0] !== "");
        return (
          e.suggested === allocated[0] &&
          JSON.stringify(e.candidates.map((c) => [c.code, c.fit])) === JSON.stringify(candidates.filter((c) => c[1] !== ""))
        );
      }),
      { numRuns: 300 }
    );
  });

  it("says which red rules pass, fail or are unconfirmed, and why", () => {
    const e = explainRatings(psychosis, defaultProfile());
    if (e instanceof PbrError) throw new Error(e.message);
    const one = e.clusters.find((c) => c.code === 1)!;
    expect(one.passes).toBe(false);
    const failed = one.rules.find((r) => r.status === "fail")!;
    expect(failed.reason).toMatch(/^item 6 \(hallucinations and delusions\) rated 3; cluster 1 needs 0–1$/);
    expect(e.clusters.filter((c) => c.passes).map((c) => c.code)).toContain(e.suggested);
    const unrated = explainRatings([...psychosis.slice(0, 5), 9, ...psychosis.slice(6)], defaultProfile());
    if (unrated instanceof PbrError) throw new Error(unrated.message);
    expect(unrated.clusters.find((c) => c.code === 1)!.rules.find((r) => r.item === "6")).toMatchObject({ status: "unrated", rating: null });
  });

  it("returns the row's error for bad or too few ratings", () => {
    expect(explainRatings([5, ...psychosis.slice(1)], defaultProfile())).toMatchObject({ kind: "#VALUE!", message: "row 1, item 1: rating 5 is not 0–4 or 9" });
    expect(explainRatings(Array(18).fill(null), defaultProfile())).toMatchObject({ kind: "#N/A" });
    expect(describeRatings([0, 1])).toBe("0–1");
    expect(describeRatings([0, 2, 4])).toBe("0, 2 or 4");
  });
});

describe("inserting at the selection", () => {
  it("plans the ratings and a live PBR.CLUSTER formula after them", () => {
    expect(insertPlan({ sheet: "Sheet1", address: "B3:D5" }, psychosis, null, null)).toEqual({
      sheet: "Sheet1",
      address: "B3:T3",
      values: [[...psychosis, "=PBR.CLUSTER(B3:S3)"]],
      formulaCell: "T3",
    });
    expect(insertPlan({ sheet: "Sheet1", address: "A1" }, psychosis, "B", "Profile!$A$4:$G$380").values[0][18]).toBe(
      '=PBR.CLUSTER(A1:R1,"B",Profile!$A$4:$G$380)'
    );
    expect(insertPlan({ sheet: "Sheet1", address: "A1" }, psychosis, null, "Profile").values[0][18]).toBe("=PBR.CLUSTER(A1:R1,,Profile)");
  });

  it("writes only into empty cells, otherwise says so and writes nothing", async () => {
    const wb = new MemoryWorkbook(["Sheet1"]);
    wb.selection = { sheet: "Sheet1", address: "B3" };
    const ok = await insertAtSelection(wb, psychosis, null, null);
    expect(ok).toEqual({ ok: true, message: "Inserted the ratings and =PBR.CLUSTER(B3:S3) in Sheet1 B3:T3." });
    expect(wb.get("Sheet1", "T3")).toBe("=PBR.CLUSTER(B3:S3)");
    expect(wb.selection).toEqual({ sheet: "Sheet1", address: "T3" });

    wb.selection = { sheet: "Sheet1", address: "A3" };
    const refused = await insertAtSelection(wb, psychosis, null, null);
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/^Nothing was inserted: cells A3:S3 on Sheet1 are not empty/);
    expect(wb.get("Sheet1", "A3")).toBeNull();
  });
});
