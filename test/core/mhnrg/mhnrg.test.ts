/**
 * The 2026/27 resource-group rules (DOMAIN.md section 8), each checked by hand against the source
 * tables: the order of the rules, the children's rules, MHST, MAZ, settings, v5 and v6 bed types,
 * blank age, and the price fallback.
 */
import fc from "fast-check";
import { PbrError } from "../../../src/core/errors";
import { mhnrg, mhnrgname, mhnrgprice, mhnrgwhy } from "../../../src/functions/mhnrg";
import { tariff } from "../../../src/functions/tariff";
import { defaultMhnrgPrices, mhnrgPriceGrid } from "../../../src/core/mhnrg/tables";

const code = (
  kind: string,
  age: unknown,
  diag: unknown,
  service: unknown,
  reason: unknown = null,
  crisis: unknown = null
) => mhnrg([[kind]], [[age]], [[diag]], [[service]], [[reason]], [[crisis]])[0][0];

describe("population group: first rule that classifies wins", () => {
  it("diagnosis first: F20 psychosis on a CMHT contact is MAA96A", () => {
    expect(code("contact", 40, "F20.0", "A05")).toBe("MAA96A");
    expect(code("contact", 40, "F200", "A05")).toBe("MAA96A");
    expect(code("contact", 40, "f32", "A05")).toBe("MAB96A");
  });
  it("diagnosis beats team type: depression in early intervention (A14 → A) is MAB", () => {
    expect(code("contact", 30, "F32", "A14")).toBe("MAB96B");
  });
  it("team type when the diagnosis does not classify: F10 (substance use, not mapped) in EIP is MAA96B", () => {
    expect(code("contact", 30, "F10", "A14")).toBe("MAA96B");
    expect(code("contact", 70, "", "A15")).toBe("MAE96B");
    expect(code("contact", 30, null, "C10")).toBe("MBC96B");
  });
  it("referral reason when neither classifies: reason 04 on a CMHT contact is MAB96A", () => {
    expect(code("contact", 30, "", "A05", "04")).toBe("MAB96A");
    expect(code("contact", 30, "", "A05", 4)).toBe("MAB96A");
    expect(code("contact", 30, "", "A05", "08")).toBe("MAE96A");
  });
  it("unclassified is MBU with the setting", () => {
    expect(code("contact", 30, "", "A05")).toBe("MBU96A");
    expect(code("contact", 30, "Z99", "A05", "10")).toBe("MBU96A");
  });
  it("G30 and R44 and Q90 classify as in the table", () => {
    expect(code("contact", 80, "G30.1", "A05")).toBe("MAE96A");
    expect(code("contact", 40, "R44", "A05")).toBe("MAA96A");
    expect(code("contact", 40, "Q90", "A05")).toBe("MBY96A");
  });
});

describe("children and young people", () => {
  it("an adult-only group for an under-18 becomes MCG", () => {
    expect(code("contact", 15, "F20", "A05")).toBe("MCG96A");
    expect(code("contact", 17, "F32", "A05")).toBe("MCG96A");
  });
  it("eating disorders (C) and neurodevelopmental (Y) stay all-age", () => {
    expect(code("contact", 15, "F50", "A05")).toBe("MBC96A");
    expect(code("contact", 12, "F84", "A05")).toBe("MBY96A");
  });
  it("an MHST team is checked first for under-18s: MCS99Z even with a diagnosis", () => {
    expect(code("contact", 12, "F32", "F01")).toBe("MCS99Z");
  });
  it("an adult seen by an MHST team falls through to the referral reason", () => {
    expect(code("contact", 19, "", "F01", "04")).toBe("MAB96A");
    expect(code("contact", 19, "", "F01")).toBe("MBU96A");
  });
  it("an under-18 with nothing that classifies is MCG", () => {
    expect(code("contact", 16, "", "A05")).toBe("MCG96A");
  });
  it("a blank age counts as adult; 18 is adult", () => {
    expect(code("contact", null, "F20", "A05")).toBe("MAA96A");
    expect(code("contact", 18, "F20", "A05")).toBe("MAA96A");
  });
});

describe("settings", () => {
  it("crisis teams give the cross-cutting crisis group MAZ99 with their crisis setting", () => {
    expect(code("contact", 40, "", "A02")).toBe("MAZ99A");
    expect(code("contact", 40, "", "A22")).toBe("MAZ99C");
    expect(code("contact", 40, "", "A11")).toBe("MAZ99D");
  });
  it("A18 (single point of access) is a crisis team with setting B", () => {
    expect(code("contact", 40, "", "A18")).toBe("MAZ99B");
    expect(code("contact", 40, "F32", "A18")).toBe("MAB97B");
  });
  it("a crisis team with no setting (A03) gives MAZ99Z; a child there is MCG crisis Z", () => {
    expect(code("contact", 40, "", "A03")).toBe("MAZ99Z");
    expect(code("contact", 12, "", "A03")).toBe("MCG97Z");
  });
  it("a team with no setting: 97Z for a crisis referral, 96Z otherwise", () => {
    expect(code("contact", 40, "F32", "Z01")).toBe("MAB96Z");
    expect(code("contact", 40, "F32", "Z01", null, true)).toBe("MAB97Z");
    expect(code("contact", 40, "F32", "", null, "TRUE")).toBe("MAB97Z");
  });
  it("a crisis flag of 1/0 reads the same as a number or as text (a CSV or warehouse column)", () => {
    expect(code("contact", 40, "F32", "", null, 1)).toBe("MAB97Z");
    expect(code("contact", 40, "F32", "", null, " 1 ")).toBe("MAB97Z");
    expect(code("contact", 40, "F32", "", null, 0)).toBe("MAB96Z");
    expect(code("contact", 40, "F32", "", null, "0")).toBe("MAB96Z");
    const bad = code("contact", 40, "F32", "", null, "2") as { message?: string };
    expect(String(bad.message ?? bad)).toMatch(/crisisReferral "?2"? is not TRUE or FALSE \(Y\/N, YES\/NO or 1\/0\)/);
  });
  it("spells: bed type gives the inpatient setting, v6 and v5 codes alike", () => {
    expect(code("spell", 40, "F20", "200")).toBe("MAA98A");
    expect(code("spell", 40, "F20", 10)).toBe("MAA98A");
    expect(code("spell", 40, "", "204")).toBe("MAB98C");
    expect(code("spell", 40, "F20", "212")).toBe("MAA98B");
    expect(code("spell", 40, "F20", "")).toBe("MAA98Z");
  });
  it("MAZ inpatient activity is MAZ99Z", () => {
    expect(code("spell", 40, "", "", "18")).toBe("MAZ99Z");
  });
});

describe("bad input names the row and the value", () => {
  const err = (v: unknown) => v as PbrError;
  it("unknown kind; a team type, bed type or referral reason that is not an MHSDS code is #VALUE!", () => {
    expect(err(code("visit", 40, "", "A05")).message).toBe(
      'row 1: kind "visit" is not "contact" or "spell" (a spell\'s bed days)'
    );
    expect(err(code("contact", 40, "", "X99")).kind).toBe("#VALUE!");
    expect(err(code("spell", 40, "", "999")).kind).toBe("#VALUE!");
    expect(err(code("contact", 40, "", "A05", "99")).kind).toBe("#VALUE!");
    expect(err(code("contact", 40, "", "X99")).message).toContain('team type "X99"');
    expect(err(code("spell", 40, "", "999")).message).toContain('bed type "999"');
    expect(err(code("contact", 40, "", "A05", "99")).message).toContain('referral reason "99"');
  });
  it("age negative or over 130 is #NUM!, malformed ICD-10 is #VALUE!", () => {
    expect(err(code("contact", -1, "", "A05")).kind).toBe("#NUM!");
    expect(err(code("contact", 131, "", "A05")).kind).toBe("#NUM!");
    expect(err(code("contact", 40, "20F", "A05")).kind).toBe("#VALUE!");
    expect(err(code("contact", 40, "20F", "A05")).message).toContain(
      'diagnosis "20F" is not an ICD-10 code'
    );
  });
  it("a bad row is its own error; blank rows are blank", () => {
    const out = mhnrg(
      [["contact"], [null], ["contact"]],
      [[40], [null], [40]],
      [["F20"], [null], ["??"]],
      [["A05"], [null], ["A05"]]
    );
    expect(out[0][0]).toBe("MAA96A");
    expect(out[1][0]).toBe("");
    expect((out[2][0] as PbrError).message).toContain("row 3");
  });
});

describe("why, names and prices", () => {
  it("MHNRGWHY says which rule decided", () => {
    const [row] = mhnrgwhy([["contact"]], [[15]], [["F20"]], [["A05"]]);
    expect(row.slice(0, 3)).toEqual(["MCG96A", "diagnosis", "F20"]);
    expect(String(row[3])).toContain("under 18, so MAA (adults only) becomes MCG");
  });
  it("MHNRGNAME", () => {
    expect(mhnrgname([["MAA96A"]])[0][0]).toBe(
      "Adult - Psychosis and Bipolar Disorders - Community - CMHT"
    );
    expect(mhnrgname([["MAZ99B"]])[0][0]).toBe("Adult - Cross-cutting crisis - Alternatives");
    expect(mhnrgname([["MBU98Z"]])[0][0]).toBe("Other/Unclassified - Inpatient");
    expect((mhnrgname([["XYZ"]])[0][0] as PbrError).kind).toBe("#N/A");
  });
  it("worked examples: 30 nights in MAA98A = £18,794.10; 12 contacts in MAB96A = £2,475.60", () => {
    const [[night]] = mhnrgprice([["MAA98A"]]);
    expect(Math.round(30 * (night as number) * 100) / 100).toBe(18794.1);
    const [[contact]] = mhnrgprice([["MAB96A"]]);
    expect(Math.round(12 * (contact as number) * 100) / 100).toBe(2475.6);
  });
  it("the built-in table works with PBR.TARIFF: units in place of days", () => {
    const grid = mhnrgPriceGrid();
    expect(tariff([["MAA98A"]], [[30]], null as never, grid)[0][0]).toBeCloseTo(18794.1, 6);
    expect(tariff([["MAB96A"]], [[12]], null as never, grid)[0][0]).toBeCloseTo(2475.6, 6);
  });
  it("MFF multiplies; a specialised code says so unless fallback is asked for", () => {
    expect(mhnrgprice([["MAA98A"]], null as never, [[1.1]])[0][0]).toBeCloseTo(626.47 * 1.1, 9);
    const spec = mhnrgprice([["MAA98C"]])[0][0] as PbrError;
    expect(spec.kind).toBe("#N/A");
    expect(spec.message).toContain("specialised service");
    const [row] = mhnrgprice([["MAA98C"]], null as never, null as never, true, true);
    expect(row).toEqual([
      616.55,
      "Bed Day",
      "MAA98Z",
      "MAA98C is specialised (out of scope); priced as MAA98Z on request",
    ]);
  });
  it("fallback chain: group Z, then MBU same family and setting, then MBU Z", () => {
    // MBC98x are all specialised: MBC98Z has no price, so MBU98A.
    const [row] = mhnrgprice([["MBC98A"]], null as never, null as never, true, true);
    expect(row.slice(0, 3)).toEqual([624.17, "Bed Day", "MBU98A"]);
    const [d] = mhnrgprice([["MBC98D"]], null as never, null as never, true, true);
    expect(d.slice(0, 3)).toEqual([580.82, "Bed Day", "MBU98Z"]);
  });
});

describe("properties", () => {
  const published = new Set(defaultMhnrgPrices().keys());
  const teams = [
    "A01",
    "A02",
    "A03",
    "A05",
    "A11",
    "A14",
    "A15",
    "A16",
    "A18",
    "C10",
    "F01",
    "Z01",
    "E01",
    "B02",
  ];
  const beds = ["200", "203", "204", "209", "213", "306", "10", "13", "22", "40", ""];
  const diags = [
    "",
    "F20",
    "F32",
    "F50",
    "F60",
    "F84",
    "F00",
    "G30",
    "F10",
    "Z99",
    "R44",
    "Q90",
    "F41",
  ];
  const reasons = ["", "01", "04", "08", "12", "14", "18", "24", "10"];
  const row = fc.record({
    kind: fc.constantFrom("contact", "spell"),
    age: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 110 })),
    diag: fc.constantFrom(...diags),
    suffix: fc.constantFrom("", ".0", "1", ".9X", "X"),
    team: fc.constantFrom(...teams),
    bed: fc.constantFrom(...beds),
    reason: fc.constantFrom(...reasons),
    crisis: fc.boolean(),
  });
  it("every output is a published code; under-18s never get an adult-only group; only 3 characters count", () => {
    fc.assert(
      fc.property(row, (r) => {
        const service = r.kind === "contact" ? r.team : r.bed;
        const c = code(r.kind, r.age, r.diag, service, r.reason, r.crisis) as string;
        expect(published.has(c)).toBe(true);
        if (r.age !== null && r.age < 18) expect(c).toMatch(/^(MBC|MBY|MCS|MCG)/);
        if (r.diag !== "")
          expect(code(r.kind, r.age, r.diag + r.suffix, service, r.reason, r.crisis)).toBe(c);
      }),
      { numRuns: 3000 }
    );
  });
});
