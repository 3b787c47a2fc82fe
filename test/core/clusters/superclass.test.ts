import { PbrError } from "../../../src/core/errors";
import { parseSuperclassRules, parseWhen, decideRule } from "../../../src/core/clusters/superclass";
import { cluster, clustersuperclass, clustercandidates, clustercheck } from "../../../src/functions/clusters";
import { defaultProfileGrid } from "../../../src/core/clusters/defaultProfile";
import { defaultSuperclassRulesGrid } from "../../../src/core/clusters/defaultSuperclassRules";

const dementia = [0, 0, 0, 3, 1, 0, 1, 1, 1, 3, 1, 2, 0, 0, 0, 0, 0, 2];
const firstEpisode = [1, 0, 1, 2, 0, 4, 1, 2, 2, 2, 1, 3, 0, 0, 0, 0, 1, 1];
const severeDepression = [0, 2, 0, 1, 1, 0, 4, 3, 3, 2, 1, 3, 0, 0, 1, 0, 1, 2];

describe("super class rules as data", () => {
  it("parses conditions: ranges, comparisons, several items, not known", () => {
    const w = parseWhen("4 >= 3; 6 <= 2; 1,2 = 0-1; A = ?");
    expect(Array.isArray(w)).toBe(true);
    const conds = w as Exclude<typeof w, string>;
    expect(conds.map((c) => c.mask)).toEqual([0b11000, 0b00111, 0b00011, 0b100000]);
    expect(conds[2].items).toEqual([0, 1]);
    expect(parseWhen("")).toEqual([]);
  });

  it("names the row and the problem in a bad rule table", () => {
    const bad = parseSuperclassRules([["Rule", "Super class", "When", "Reason"], ["1", "Q", "4 >= 3", "x"]]);
    expect((bad as PbrError).message).toBe("super class rules row 2: super class \"Q\" is not A, B, C or Z (cannot tell)");
    const when = parseSuperclassRules([["Rule", "Super class", "When", "Reason"], ["1", "C", "4 => 3", "x"]]);
    expect((when as PbrError).message).toContain("super class rules row 2, When:");
    const header = parseSuperclassRules([["Rule", "Class"]]);
    expect((header as PbrError).message).toContain("header Rule | Super class | When | Reason");
  });

  it("takes the first rule that holds", () => {
    const rules = parseSuperclassRules([
      ["Rule", "Super class", "When", "Reason"],
      ["org", "C", "4 >= 3", "cognitive"],
      ["psy", "B", "6 >= 2", "psychotic"],
      ["rest", "A", "", "otherwise"],
    ]);
    if (rules instanceof PbrError) throw new Error(rules.message);
    const r = new Uint8Array(18);
    r[5] = 3;
    expect(decideRule(rules, r, 0)).toBe(1);
    r[3] = 4;
    expect(decideRule(rules, r, 0)).toBe(0);
    r[3] = 5; // not known: a numeric condition does not hold
    expect(decideRule(rules, r, 0)).toBe(1);
  });
});

describe("PBR.CLUSTER: super class first with the built-in default", () => {
  it("places a dementia picture in an organic cluster, not psychosis (issue 10)", () => {
    expect(cluster([dementia])).toEqual([[19]]);
    expect(clustersuperclass([dementia])[0][0]).toBe("C");
    expect(String(clustersuperclass([dementia])[0][1])).toContain("item 4 (cognitive problems) rated 3");
  });

  it("keeps first-episode psychosis with hallucinations rated 4 in the psychotic super class", () => {
    expect(cluster([firstEpisode])).toEqual([[10]]);
  });

  it("lists only non-psychotic candidates for severe depression without psychotic symptoms", () => {
    const rows = clustercandidates([severeDepression], 5);
    for (const [code] of rows) if (code !== "") expect(code as number).toBeLessThanOrEqual(8);
    expect(rows[0][0]).toBe(4);
  });

  it("a user profile without rules keeps today's semantics: every cluster is a candidate", () => {
    const grid = defaultProfileGrid();
    // Same grid, given as a range: no super class step, so the dementia picture is free to go anywhere.
    const withProfile = cluster([dementia], null as never, grid);
    const all = clustercandidates([dementia], 20, grid);
    const codes = all.map((r) => r[0]).filter((c) => c !== "");
    expect(codes.some((c) => (c as number) < 18)).toBe(true);
    expect(typeof withProfile[0][0]).toBe("number");
    // …and giving the rules with that profile brings the step back.
    expect(cluster([dementia], null as never, grid, defaultSuperclassRulesGrid())).toEqual([[19]]);
  });

  it("rules FALSE switches the step off with the built-in profile", () => {
    const off = clustercandidates([dementia], 20, null as never, [[false]]);
    expect(off.map((r) => r[0]).some((c) => typeof c === "number" && c < 18)).toBe(true);
  });

  it("item 6 not known: the super class cannot be told, so variance (0) unless given", () => {
    const unknown = [0, 0, 0, 0, 0, 9, 3, 2, 2, 1, 1, 2, 0, 0, 0, 0, 0, 1];
    expect(cluster([unknown])).toEqual([[0]]);
    expect(clustersuperclass([unknown])[0][0]).toBe("Z");
    expect(cluster([unknown], [["A"]])).toEqual([[3]]);
  });
});

describe("explanations from the ratings", () => {
  it("CLUSTERCANDIDATES with detail gives margin, for, against, unknown and the super class reason", () => {
    const rows = clustercandidates([dementia], 2, null as never, null as never, true);
    expect(rows[0]).toHaveLength(7);
    expect(rows[0][0]).toBe(19);
    expect(rows[0][2]).toBeCloseTo((rows[0][1] as number) - (rows[1][1] as number), 12);
    expect(String(rows[0][3])).toContain("4=3");
    expect(String(rows[0][6])).toMatch(/^C \(organic\) by rule 2/);
  });

  it("CLUSTERCHECK says in one sentence why a recorded psychotic cluster does not fit a dementia picture", () => {
    const [[text]] = clustercheck([dementia], [[12]]);
    expect(text).toBe(
      // Item 6 rated 0 breaks every psychotic cluster's red rule (issue 29), and it is the first broken item.
      "Broken: item 6 (hallucinations and delusions) rated 0; cluster 12 needs 1–2. The ratings point to organic " +
        "(rule 2: item 4 rated 3, item 6 rated 0); best fit there: cluster 19 (fit 81%)"
    );
    // Red rules pass but the super class differs: said as such.
    const [[other]] = clustercheck([dementia], [[3]]);
    expect(other).toMatch(/^Super class: cluster 3 is non-psychotic but the ratings point to organic .*best fit there: cluster 19 \(fit 81%\)/);
  });
});
