/**
 * pbr-toolkit mhnrg on a trust-style extract (plain-English headers, an extra column, every kind of
 * bad row) and on seeded messy extracts: every output row must equal the task pane's pre-flight
 * for the same row (code, price, value, note, error), and the printed summary the pane's.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { moneyText } from "../../src/core/mhnrg/activitySummary";
import { summaryText } from "../../src/taskpane/activity/summary";
import { compareWithPane, paneGroups } from "./compare";
import { messyExtract, paneAnswer, readCsv, runCli, writeCsv } from "./support";

const TRUST = join(__dirname, "..", "fixtures", "activity", "trust.csv");
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "pbr-cli-test-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run on `input`, compare with the pane; returns the output grid and the run. */
async function runAndCompare(input: string, extra: string[] = [], mff = 1) {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.csv`);
  const ran = await runCli(["mhnrg", input, "--out", out, ...extra]);
  expect(ran.err).not.toMatch(/\n\s+at /); // no stack trace
  expect(ran.code).toBe(0);
  const grid = readCsv(input);
  const choices = {
    duplicates: extra.includes("--keep-duplicates") ? ("keep" as const) : ("leave out" as const),
    blankUnits: extra.includes("--keep-blank-units") ? ("keep" as const) : ("leave out" as const),
  };
  const { pre } = paneAnswer(grid, choices);
  const output = readCsv(out);
  expect(compareWithPane(grid, output, pre, mff).slice(0, 10)).toEqual([]);
  return { ran, pre, output };
}

function expectSummaryOfPane(out: string, pre: ReturnType<typeof paneAnswer>["pre"]) {
  expect(out).toContain(summaryText(pre, "the Note column says why"));
  const printed = new Map<string, { value: string; units: string }>();
  for (const m of out.matchAll(/^ {2}(M[A-Z]{2}\d{2}[A-Z])\s+(£[\d,.]+)\s+([\d,]+)/gm))
    printed.set(m[1], { value: m[2], units: m[3] });
  const expected = [...paneGroups(pre)].map(([code, g]) => [
    code,
    { value: moneyText(g.value), units: g.units.toLocaleString("en-GB") },
  ]);
  expect([...printed].sort()).toEqual(expected.sort());
}

describe("pbr-toolkit mhnrg", () => {
  it("groups and prices a trust extract as the pane does, row for row, with the pane's summary", async () => {
    const { ran, pre, output } = await runAndCompare(TRUST);
    expectSummaryOfPane(ran.out, pre);
    // The fixture reaches every status and every check the grouper makes.
    expect(new Set(pre.rows.map((r) => r.status))).toEqual(
      new Set(["ok", "specialised", "not attended", "left out"])
    );
    const errors = output.map((r) => r[r.length - 1]).join("\n");
    for (const what of [
      "kind",
      "age",
      "diagnosis",
      "team type",
      "bed type",
      "referral reason",
      "crisisReferral",
      "attendance",
      "units",
    ])
      expect(errors).toContain(what);
    expect(errors).toContain("#NUM! age"); // 150 is out of range, not text
    const row = (id: string) => output.find((r) => r[0] === id)!;
    const [code, price, unit] = [11, 12, 13];
    // A MAZ99Z spell on an acute bed, and one with no bed type, are priced per bed day (MBU98A, MBU98Z).
    expect([row("T7")[code], row("T7")[price], row("T7")[unit]]).toEqual([
      "MAZ99Z",
      "624.17",
      "Bed Day",
    ]);
    expect(row("T21")[unit]).toBe("Bed Day");
    expect(row("T23")[16]).toMatch(/^#VALUE! kind blank/); // a row with only units has no kind
    expect(ran.out).toContain("Rows left out, by reason:");
    expect(ran.err).toContain('team ← "Team type"');
  });

  it("agrees with the pane on 3,000 messy rows (padding, case, junk, repeats, odd units and attendance)", async () => {
    const path = join(dir, "messy.csv");
    writeCsv(path, messyExtract(3000, 2627));
    const { ran, pre } = await runAndCompare(path);
    expectSummaryOfPane(ran.out, pre);
    expect(pre.invalid.length).toBeGreaterThan(100);
    expect(pre.duplicates.length).toBeGreaterThan(10);
  });

  it("keeps duplicates and blank units on request, as the pane's choices do", async () => {
    const path = join(dir, "messy-keep.csv");
    writeCsv(path, messyExtract(1500, 77));
    const { ran, pre } = await runAndCompare(path, ["--keep-duplicates", "--keep-blank-units"]);
    expectSummaryOfPane(ran.out, pre);
    expect(pre.blankUnits.some((r) => r.status === "ok")).toBe(true);
  });

  it("applies an MFF to every price and value (under a small memory limit)", async () => {
    await runAndCompare(TRUST, ["--mff", "1.0461", "--memory-limit", "100MB"], 1.0461);
  });

  it("takes every row as a contact when told, with columns named by --map", async () => {
    const path = join(dir, "contacts.csv");
    writeCsv(path, [
      ["Who", "Years", "ICD", "Team"],
      ["a", "40", "F20", "A05"],
      ["b", "12", "", "F01"],
    ]);
    const out = join(dir, "contacts-out.csv");
    const ran = await runCli([
      "mhnrg",
      path,
      "--out",
      out,
      "--kind",
      "contact",
      "--map",
      "age=Years",
      "--map",
      "diagnosis=icd",
    ]);
    expect(ran.code).toBe(0);
    expect(readCsv(out).map((r) => r[4])).toEqual(["MHNRG", "MAA96A", "MCS99Z"]);
  });
});
