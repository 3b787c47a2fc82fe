/**
 * Issue 24: one error policy (not a code → #VALUE!; a valid MHSDS code the rules do not list →
 * unclassified, with the reason in PBR.MHNRGWHY), the MHSDS code lists as data, MAZ99Z spells
 * priced by their ward's setting, the source's notes on every price, and the Talking Therapies and
 * ADHD/autism rows of the same schedule. Expected figures are read by hand from the sources named
 * in src/core/mhnrg/source/README.md.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import fc from "fast-check";
import { PbrError } from "../../../src/core/errors";
import { mhnrg, mhnrgname, mhnrgprice, mhnrgtable, mhnrgwhy } from "../../../src/functions/mhnrg";
import { defaultMhnrgPrices, defaultMhnrgRules, mhsdsCode } from "../../../src/core/mhnrg/tables";
import data from "../../../src/core/mhnrg/tables.json";

const code = (
  kind: string,
  age: unknown,
  diag: unknown,
  service: unknown,
  reason: unknown = null
) => mhnrg([[kind]], [[age]], [[diag]], [[service]], [[reason]], [[null]])[0][0];
const why = (kind: string, age: unknown, diag: unknown, service: unknown, reason: unknown = null) =>
  mhnrgwhy([[kind]], [[age]], [[diag]], [[service]], [[reason]], [[null]])[0];
const N = null as never;

describe("MHSDS code lists", () => {
  it("hold the referral reasons 01–31 (no 17), with 31 from v6 (April 2024)", () => {
    const reasons = (data.codes as string[][])
      .filter((c) => c[0] === "referral_reason")
      .map((c) => c[1]);
    expect(reasons).toHaveLength(30);
    expect(reasons).not.toContain("17");
    expect(mhsdsCode("referral_reason", "28")).toEqual({
      code: "28",
      name: "Gambling disorder",
      from: "2021-10",
      to: "",
    });
    expect(mhsdsCode("referral_reason", "31")?.from).toBe("2024-04");
  });
  it("hold v5 bed types (October 2021 to March 2024) and v6 bed types (from April 2024)", () => {
    expect(mhsdsCode("bed_type", "10")).toMatchObject({ from: "2021-10", to: "2024-03" });
    expect(mhsdsCode("bed_type", "206")).toMatchObject({
      name: "Adult Low Secure",
      from: "2024-04",
      to: "",
    });
    expect(mhsdsCode("bed_type", "16")).toBeUndefined();
    expect(mhsdsCode("bed_type", "999")).toBeUndefined();
  });
  it("hold the team types with their months (A03 ended September 2021; F01 from October 2021)", () => {
    expect(mhsdsCode("team_type", "A03")).toMatchObject({ from: "2019-04", to: "2021-09" });
    expect(mhsdsCode("team_type", "F01")?.from).toBe("2021-10");
    expect(mhsdsCode("team_type", "X99")).toBeUndefined();
  });
  it("every code the built-in rules list is an MHSDS code, except team F07 (in the rules only)", () => {
    const rules = defaultMhnrgRules();
    const missing = [
      ...[...rules.teams.keys()].filter((c) => !mhsdsCode("team_type", c)),
      ...[...rules.beds.keys()].filter((c) => !mhsdsCode("bed_type", c)),
      ...[...rules.referrals.keys()].filter((c) => !mhsdsCode("referral_reason", c)),
    ];
    expect(missing).toEqual(["F07"]);
  });
});

describe("error policy", () => {
  it("referral reasons 09, 28, 29 and 31 are valid codes no rule lists: unclassified, never #N/A", () => {
    for (const r of ["09", "28", "29", "31", 9])
      expect(code("contact", 40, "", "A05", r)).toBe("MBU96A");
    expect(code("spell", 40, "", "200", "28")).toBe("MBU98A");
    expect(code("contact", 12, "", "A05", "29")).toBe("MCG96A");
  });
  it("a diagnosis still classifies when the reason is not in the rules", () => {
    expect(code("contact", 40, "F32", "A05", "28")).toBe("MAB96A");
  });
  it("PBR.MHNRGWHY gives the reason: a valid MHSDS code that the rules do not list", () => {
    const [c, tier, , sentence] = why("contact", 40, "", "A05", "28");
    expect([c, tier]).toEqual(["MBU96A", "unclassified"]);
    expect(sentence).toBe(
      "Nothing classifies the activity: referral reason 28 (Gambling disorder) is a valid MHSDS code that the rules do not list (reason not in the rules), so unclassified: MBU96A Other/Unclassified - Community - CMHT."
    );
    expect(String(why("contact", 12, "", "A05", "09")[3])).toContain(
      "referral reason 09 (Drug and alcohol difficulties)"
    );
  });
  it("a valid code the user's rules leave out is unclassified too (bed type not in a one-row bed table)", async () => {
    const rules = [
      ["Kind", "Code", "Population", "Setting group", "Setting", "Crisis"],
      ["bed", "200", "", "", "A", ""],
    ];
    expect(mhnrg([["spell"]], [[40]], [[""]], [["206"]], N, N, rules)[0][0]).toBe("MBU98Z");
    expect(String(mhnrgwhy([["spell"]], [[40]], [[""]], [["206"]], N, N, rules)[0][3])).toContain(
      "bed type 206 (Adult Low Secure)"
    );
  });
  it("a value that is not a code is #VALUE! naming the row and the value", () => {
    const out = mhnrg(
      [["contact"], ["spell"], ["contact"], ["contact"]],
      [[40], [40], [40], [40]],
      [[""], [""], [""], [""]],
      [["A05"], ["999"], ["A5"], ["A05"]],
      [["04"], [null], [null], ["17"]]
    );
    expect(out[0][0]).toBe("MAB96A");
    const e = out.slice(1).map(([v]) => [(v as PbrError).kind, (v as PbrError).message]);
    expect(e).toEqual([
      [
        "#VALUE!",
        'row 2: bed type "999" is not an MHSDS hospital bed type (MHAdmittedPatientClass: v5 10–40, v6 200–213 or 300–311)',
      ],
      [
        "#VALUE!",
        'row 3: team type "A5" is not an MHSDS service team type (ServTeamTypeRefToMH, e.g. A05, A14, C10, F01)',
      ],
      [
        "#VALUE!",
        'row 4: referral reason "17" is not an MHSDS primary reason for referral (PrimReasonReferralMH 01–31)',
      ],
    ]);
  });

  const teams = (data.codes as string[][]).filter((c) => c[0] === "team_type").map((c) => c[1]);
  const beds = (data.codes as string[][]).filter((c) => c[0] === "bed_type").map((c) => c[1]);
  const reasons = (data.codes as string[][])
    .filter((c) => c[0] === "referral_reason")
    .map((c) => c[1]);
  const published = new Set(defaultMhnrgPrices().keys());
  it("property: every valid team type, bed type and referral reason gets a published code, never an error", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("contact", "spell"),
        fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 110 })),
        fc.constantFrom("", "F20", "F32", "F10", "F99", "Z03", "F84"),
        fc.constantFrom(...teams, ""),
        fc.constantFrom(...beds, ""),
        fc.constantFrom(...reasons, ""),
        (kind, age, diag, team, bed, reason) => {
          const c = code(kind, age, diag, kind === "contact" ? team : bed, reason);
          expect(typeof c).toBe("string");
          expect(published.has(c as string)).toBe(true);
        }
      ),
      { numRuns: 4000 }
    );
  });
});

describe("MAZ99Z spells priced by their ward's setting", () => {
  const price = (c: string, bed: unknown, fallback: unknown = null) =>
    mhnrgprice([[c]], N, N, true, fallback, [[bed]])[0];
  it("an acute spell's bed day is MBU98A £624.17, not the £227.80 contact price", () => {
    expect(code("spell", 40, "", "200", "18")).toBe("MAZ99Z");
    expect(price("MAZ99Z", "200")).toEqual([
      624.17,
      "Bed Day",
      "MBU98A",
      "MAZ99Z spell: bed days priced as MBU98A (unclassified bed day, acute & PICU), as the grouper's users do; Unit cost based on setting average",
    ]);
    expect(mhnrgprice([["MAZ99Z"]], N, N, N, N, [[200]])[0][0]).toBe(624.17);
    expect(price("MAZ99Z", 10)[0]).toBe(624.17); // v5 acute
    expect(price("MAZ99Z", "212").slice(0, 3)).toEqual([477.14, "Bed Day", "MBU98B"]); // rehab
    expect(price("MAZ99Z", "unknown").slice(0, 3)).toEqual([580.82, "Bed Day", "MBU98Z"]);
  });
  it("a contact (no bed type) keeps the contact price; MFF multiplies the bed day", () => {
    expect(price("MAZ99Z", null).slice(0, 3)).toEqual([227.8, "Contact", "MAZ99Z"]);
    expect(mhnrgprice([["MAZ99Z"]], N, [[1.1]], N, N, [["200"]])[0][0]).toBeCloseTo(
      624.17 * 1.1,
      9
    );
  });
  it("a forensic ward (MBU98D) is specialised: #N/A saying so, MBU98Z on request", () => {
    const e = price("MAZ99Z", "206")[0] as PbrError;
    expect(e.kind).toBe("#N/A");
    expect(e.message).toContain(
      "a MAZ99Z spell on bed type 206 is priced as MBU98D, a specialised service"
    );
    expect(price("MAZ99Z", "206", true).slice(0, 3)).toEqual([580.82, "Bed Day", "MBU98Z"]);
  });
  it("a bed type that is not a code is #VALUE!; other codes ignore a bed type", () => {
    expect((price("MAZ99Z", "999")[0] as PbrError).kind).toBe("#VALUE!");
    expect(price("MAA98A", "200").slice(0, 3)).toEqual([626.47, "Bed Day", "MAA98A"]);
  });
});

describe("notes and the rest of the schedule", () => {
  const table = mhnrgtable();
  const row = (c: string) => table.find((r) => r[0] === c)!;
  it("every estimate keeps its source note, in the table and in MHNRGPRICE's detail", () => {
    expect(row("MBY98C")[4]).toBe("Unit cost for core commissioned only");
    expect(row("MAA97C")[4]).toBe("Unit cost based on population/setting average");
    expect(row("MAA98C")[4]).toBe("Specialised service - out of scope");
    expect(row("MAA98A")[4]).toBe("");
    expect(mhnrgprice([["MCS99Z"]], N, N, true)[0]).toEqual([
      273.09,
      "Contact",
      "MCS99Z",
      "Unit cost based on CYP contact average",
    ]);
    const estimates = table
      .slice(1)
      .filter((r) => r[1] !== "" && /based on|core commissioned/.test(String(r[4])));
    const mentalHealth = estimates.filter((r) => /^M..9[6-9]/.test(String(r[0])));
    expect(mentalHealth).toHaveLength(29);
  });
  it("Talking Therapies: 54 per-contact codes, MAT01A £103.08 … MAT14Z £126.59", () => {
    const tt = table.filter((r) => String(r[0]).startsWith("MAT"));
    expect(tt).toHaveLength(54);
    expect(tt.every((r) => r[2] === "Contact")).toBe(true);
    expect(mhnrgprice([["MAT01A"], ["MAT14Z"]])).toEqual([[103.08], [126.59]]);
    expect(mhnrgname([["MAT01A"]])[0][0]).toBe(
      "Talking Therapies - Depression - Mild - Low Intensity"
    );
  });
  it("ADHD/autism guide prices: 13 rows with their own units, £100–£1,500", () => {
    const adhd = table.filter((r) => /^M[AC]Y8/.test(String(r[0])));
    expect(adhd).toHaveLength(13);
    expect(row("MAY80A").slice(1, 4)).toEqual([
      850,
      "Assessment",
      "Adult - ADHD Assessment - Face-to-Face",
    ]);
    expect(row("MCY82A").slice(1, 3)).toEqual([100, "Review"]);
    expect(row("MAY81Z")[2]).toBe("Titration pathway");
    expect(Math.max(...adhd.map((r) => r[1] as number))).toBe(1500);
  });
  it("a code in neither the pattern nor the table is still #N/A", () => {
    expect((mhnrgprice([["MAT99Z"]])[0][0] as PbrError).kind).toBe("#N/A");
  });
});

describe("the built-in tables", () => {
  it("tables.json is what the source CSVs compile to (node scripts/author-mhnrg.mjs)", () => {
    expect(() =>
      execFileSync(
        process.execPath,
        [join(__dirname, "..", "..", "..", "scripts", "author-mhnrg.mjs"), "--check"],
        { stdio: "pipe" }
      )
    ).not.toThrow();
  });
});
