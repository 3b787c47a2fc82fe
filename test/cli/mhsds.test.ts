/**
 * pbr-toolkit mhsds on the hand-made MHSDS extracts (test/fixtures/mhsds, README there): the rows it
 * derives are exactly the derivation views' expected rows (test/sql/mhsds.test.ts holds the views
 * to them in DuckDB and PostgreSQL), and every row is grouped and priced as the task pane would.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ADDED } from "../../src/cli/duckdb/writeOutput";
import { compareWithPane } from "./compare";
import { paneAnswer, readCsv, runCli } from "./support";

const FIXTURES = join(__dirname, "..", "fixtures", "mhsds");
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "pbr-cli-mhsds-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** expected.csv's derived rows as the command writes them (service split into team and bed type). */
function expectedRows(): string[][] {
  const [header, ...rows] = readCsv(join(FIXTURES, "expected.csv"));
  const at = (r: string[], name: string) => r[header.indexOf(name)];
  return rows.map((r) => [
    at(r, "kind"),
    at(r, "age"),
    at(r, "diagnosis"),
    at(r, "kind") === "contact" ? at(r, "service") : "",
    at(r, "kind") === "spell" ? at(r, "service") : "",
    at(r, "referral_reason"),
    at(r, "crisis_referral"),
    at(r, "units"),
    at(r, "attendance"),
    at(r, "activity_date"),
    at(r, "financial_year"),
    at(r, "person_id"),
    at(r, "referral_id"),
    at(r, "contact_id"),
    at(r, "spell_id"),
  ]);
}

describe("pbr-toolkit mhsds", () => {
  it("derives the views' rows from the extracts and groups them as the pane does", async () => {
    const out = join(dir, "groups.csv");
    const ran = await runCli(["mhsds", FIXTURES, "--out", out]);
    expect(ran.err).not.toMatch(/\n\s+at /);
    expect(ran.code).toBe(0);
    const output = readCsv(out);
    const width = output[0].length - ADDED.length;
    const input = output.map((r) => r.slice(0, width));
    expect(input.slice(1)).toEqual(expectedRows());
    const { pre } = paneAnswer(input, { duplicates: "keep", blankUnits: "leave out" });
    expect(compareWithPane(input, output, pre)).toEqual([]);
    // What the views left out is said, with its reason (left_out.csv: a contact inside a spell, a
    // duplicate spell).
    expect(ran.out).toContain("1 row: contact inside a spell of the same referral");
    expect(ran.out).toMatch(/1 row: duplicate spell/);
    expect(ran.out).toContain(`Wrote ${expectedRows().length} rows to ${out}.`);
  });

  it("takes the reporting period from --from and --to: a period before all the activity gives no rows", async () => {
    const out = join(dir, "empty.csv");
    const ran = await runCli([
      "mhsds",
      FIXTURES,
      "--out",
      out,
      "--from",
      "2020-04-01",
      "--to",
      "2021-03-31",
    ]);
    expect(ran.code).toBe(0);
    expect(readCsv(out)).toHaveLength(1); // the header only
  });

  it("says in one line what is missing: no MHS101, a column missing, a bad period", async () => {
    const bare = join(dir, "bare");
    cpSync(FIXTURES, bare, { recursive: true });
    rmSync(join(bare, "MHS101Referral.csv"));
    const noReferrals = await runCli(["mhsds", bare, "--out", join(dir, "x.csv")]);
    expect(noReferrals.code).toBe(2);
    expect(noReferrals.err).toContain("has no MHS101Referral file");
    const badDate = await runCli([
      "mhsds",
      FIXTURES,
      "--out",
      join(dir, "y.csv"),
      "--from",
      "1/4/2026",
      "--to",
      "2027-03-31",
    ]);
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain("give dates as YYYY-MM-DD");
    const missingColumn = join(dir, "nocol");
    cpSync(FIXTURES, missingColumn, { recursive: true });
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(missingColumn, "MHS201CareContact.csv"), "Person_ID,UniqServReqID\nP1,R1\n");
    const noColumn = await runCli(["mhsds", missingColumn, "--out", join(dir, "z.csv")]);
    expect(noColumn.code).toBe(1);
    expect(noColumn.err).toMatch(/MHS201CareContact\.csv has no column UniqCareContID/);
    for (const r of [noReferrals, badDate, noColumn]) expect(r.err).not.toMatch(/\n\s+at /);
  });
});
