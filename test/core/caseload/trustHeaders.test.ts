import { autoMap } from "../../../src/core/caseload/headers";

/** The header row of the trust export in issue 12. */
const TRUST = [
  "NHS Number",
  "Pseudo ID",
  "Referral Team",
  "Commissioner Code",
  "Care Cluster",
  "Cluster Start Date",
  "Cluster End Date",
  "Bed Days",
  "Ethnicity",
  "GP Practice",
  ...Array.from({ length: 12 }, (_, i) => `HoNOS Item ${i + 1}`),
  "MHCT Item 13",
  "SARN A",
  "SARN B",
  "SARN C",
  "SARN D",
  "SARN E",
];

describe("trust export headers", () => {
  it("maps every field of the issue-12 export, including SARN A–E and Referral Team", () => {
    const m = autoMap(TRUST);
    expect(m.team).toBe(2);
    expect(m.cluster).toBe(4);
    expect(m.admittedDays).toBe(7);
    for (let i = 1; i <= 13; i++) expect(m[`item${i}`]).toBe(9 + i);
    ["A", "B", "C", "D", "E"].forEach((id, k) => expect(m[`item${id}`]).toBe(23 + k));
  });

  it.each([
    ["SARN item C", "itemC"],
    ["Summary Assessment Scale A", "itemA"],
    ["Summary Assessment of Risk and Need item E", "itemE"],
    ["Historical B", "itemB"],
    ["HoNOS Scale 7", "item7"],
    ["Inpatient Days", "admittedDays"],
    ["Admitted Days", "admittedDays"],
    ["Current Cluster", "cluster"],
  ])("%s → %s", (header, key) => {
    expect(autoMap([header])[key]).toBe(0);
  });
});
