/**
 * The grouping pipeline on any DuckDB relation (the way a view over MHSDS tables will be grouped):
 * a view with its own column names and row numbers, grouped with the fields named, gives the
 * pane's answers and leaves them in pbr_result.
 */
import { openEngine } from "../../src/cli/duckdb/engine";
import { RESULT, groupActivity } from "../../src/cli/duckdb/pipeline";
import { preflightActivity } from "../../src/taskpane/activity/preflight";

it("groups a view with its own names and row numbers as the pane does", async () => {
  const engine = await openEngine();
  try {
    const { con } = engine;
    await con.run(`CREATE TABLE contacts AS SELECT * FROM (VALUES
      (101, 'contact', 40, 'F20', 'A05', '3', 2),
      (102, 'spell', 45, NULL, '200', NULL, 4),
      (103, 'contact', 30, NULL, 'X99', NULL, 1)) t(contact_id, k, age_years, icd, svc, dna, n)`);
    await con.run(`CREATE VIEW derived AS SELECT contact_id AS rn, k, age_years, icd,
      CASE WHEN k = 'spell' THEN NULL ELSE svc END AS team, CASE WHEN k = 'spell' THEN svc END AS bed, dna, n FROM contacts`);
    await groupActivity(con, {
      relation: "derived",
      rowColumn: "rn",
      inputColumns: ["k", "age_years", "icd", "team", "bed", "dna", "n"],
      fields: {
        kind: "k",
        age: "age_years",
        diagnosis: "icd",
        team: "team",
        bed: "bed",
        attendance: "dna",
        units: "n",
      },
      fixedKind: null,
      keepDuplicates: false,
      keepBlankUnits: false,
      mff: 1,
    });
    const got = (
      await con.runAndReadAll(`SELECT row_id, status, code, value FROM ${RESULT} ORDER BY row_id`)
    ).getRowsJS();
    const pre = preflightActivity(
      [
        ["contact", "40", "F20", "A05", null, "3", "2"],
        ["spell", "45", null, null, "200", null, "4"],
        ["contact", "30", null, "X99", null, null, "1"],
      ].map((c, i) => ({
        sheetRow: 101 + i,
        kind: c[0],
        age: c[1],
        diagnosis: c[2],
        team: c[3],
        bed: c[4],
        reason: null,
        crisis: null,
        attendance: c[5],
        units: c[6],
        unitsMapped: true,
        key: String(i),
      }))
    );
    expect(got.map(([row, status, code, value]) => [Number(row), status, code, value])).toEqual(
      pre.rows.map((r) => [
        r.sheetRow,
        r.status === "left out" ? "invalid" : r.status,
        r.code,
        r.status === "left out" ? null : r.value,
      ])
    );
    expect(pre.rows.map((r) => r.status)).toEqual(["not attended", "ok", "left out"]);
  } finally {
    engine.close();
  }
});
