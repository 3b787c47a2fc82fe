/* Cluster audit: rows from a caseload, CLUSTERCHECK per block of people, CHECKCOUNTS summaries and the chart. */
import { CHECK_BLOCK, auditPlan } from "../../src/taskpane/audit/plan";
import { auditRowsFrom, runAudit } from "../../src/taskpane/audit/run";
import {
  guessColumn,
  guessRatingColumns,
  missingRatings,
  ratingItem,
} from "../../src/taskpane/plan/columns";
import { MemoryWorkbook } from "../support/memoryPort";

const items = [
  "1",
  "2",
  "3",
  "4",
  "5",
  "6",
  "7",
  "8",
  "9",
  "10",
  "11",
  "12",
  "13",
  "A",
  "B",
  "C",
  "D",
  "E",
];
const header = ["Person ID", "Care Cluster", "Team", ...items.map((i) => `Item ${i}`)];
const r = (n: number) => Array.from({ length: 18 }, () => n);
const table = {
  sheet: "Caseload",
  address: "A1:U6",
  header,
  rows: [
    ["P1", 4, "North", ...r(1)],
    ["P2", "11", "South", ...r(0)],
    ["P3", null, "North", ...r(2)],
    [null, null, null, ...r(0).map(() => null)],
    ["P4", 4, 'Team "Z*"', ...r(1)],
  ],
};

describe("finding caseload columns", () => {
  it("recognises common export headers", () => {
    expect(guessColumn(header, "id")).toBe(0);
    expect(guessColumn(header, "cluster")).toBe(1);
    expect(guessColumn(header, "team")).toBe(2);
    expect(guessColumn(["Cluster Start Date", "Cluster End Date"], "start")).toBe(0);
    expect(guessColumn(["Cluster Start Date", "Cluster End Date"], "end")).toBe(1);
    expect(guessColumn(header, "step")).toBe(-1);
    expect(guessRatingColumns(header)).toEqual(items.map((_, i) => i + 3));
    expect(["MHCT_13", "14", "honos 2", "q e", "Team", "1a"].map(ratingItem)).toEqual([
      12, 13, 1, 17, -1, -1,
    ]);
    expect(missingRatings(guessRatingColumns(header.slice(0, 10)))).toBe(
      "items 8, 9, 10, 11, 12, 13, A, B, C, D and E"
    );
    expect(missingRatings(guessRatingColumns(header.slice(0, 20)))).toBe("item E");
  });
});

describe("cluster audit plan", () => {
  const columns = { id: 0, team: 2, recorded: 1, ratings: guessRatingColumns(header) };

  it("checks everyone with one live spilled PBR.CLUSTERCHECK beside the table, not a call per person", () => {
    const rows = auditRowsFrom(table, columns);
    expect(rows).toHaveLength(4);
    const plan = auditPlan({ rows, profile: "Profile", byTeam: true });
    const [, audit, header, check] = plan.sheets[0].blocks as unknown as { header: string[]; rows: unknown[][]; topLeft: string; values: unknown[][] }[];
    expect(audit.header).toEqual(["Id", "Team", "Recorded cluster", ...items, "Not assessed because"]);
    expect(audit.rows[0]).toEqual(["P1", "North", 4, ...r(1), null]);
    expect(header).toMatchObject({ topLeft: "X4", values: [["Check"]] });
    expect(check).toMatchObject({
      topLeft: "X5",
      values: [['=IF($V$5:$V$8<>"",$V$5:$V$8,PBR.CLUSTERCHECK($D$5:$U$8,$C$5:$C$8,Profile))']],
    });
    expect(JSON.stringify(plan).match(/PBR\.CLUSTERCHECK\(/g)).toHaveLength(1);
  });

  it("writes one check per block of CHECK_BLOCK people (the payload model), each over its own rows", () => {
    expect(CHECK_BLOCK).toBe(3_500);
    const rows = Array.from({ length: 12_001 }, (_, i) => ({
      id: `P${i}`,
      team: null,
      recorded: 4,
      ratings: r(1),
    }));
    const blocks = auditPlan({ rows, profile: null, byTeam: false, callRows: 5_000 }).sheets[0].blocks as unknown as {
      topLeft?: string;
      values?: unknown[][];
    }[];
    const checks = blocks.filter((b) => String(b.values?.[0]?.[0] ?? "").includes("CLUSTERCHECK"));
    expect(checks.map((b) => [b.topLeft, b.values![0][0]])).toEqual([
      ["X5", '=IF($V$5:$V$5004<>"",$V$5:$V$5004,PBR.CLUSTERCHECK($D$5:$U$5004,$C$5:$C$5004))'],
      ["X5005", '=IF($V$5005:$V$10004<>"",$V$5005:$V$10004,PBR.CLUSTERCHECK($D$5005:$U$10004,$C$5005:$C$10004))'],
      ["X10005", '=IF($V$10005:$V$12005<>"",$V$10005:$V$12005,PBR.CLUSTERCHECK($D$10005:$U$12005,$C$10005:$C$12005))'],
    ]);
    // The summary counts each block with its own CHECKCOUNTS (workings at AL3), room for 1 group + All + 1.
    const summary = blocks.find((b) => b.values?.[0]?.[0] === "Checks by recorded cluster");
    expect(summary!.values!.slice(2).map((row) => row.slice(0, 2))).toEqual([
      [4, "=SUMPRODUCT(($AL$5:$AL$13=$Z$6)*$AM$5:$AM$13)"],
      ["All", "=SUM($AM$5:$AM$13)/2"],
    ]);
    const workings = blocks.find((b) => b.topLeft === "AL3");
    expect(workings!.values!.map((row) => row[0]).filter((v) => String(v).startsWith("="))).toEqual([
      "=PBR.CHECKCOUNTS($X$5:$X$5004,$C$5:$C$5004)",
      "=PBR.CHECKCOUNTS($X$5005:$X$10004,$C$5005:$C$10004)",
      "=PBR.CHECKCOUNTS($X$10005:$X$12005,$C$10005:$C$12005)",
    ]);
  });

  it("counts the results by cluster and by team with one live PBR.CHECKCOUNTS each, and charts the by-cluster counts", () => {
    const plan = auditPlan({ rows: auditRowsFrom(table, columns), profile: null, byTeam: true });
    const [, , , check, byCluster, byTeam, chart] = plan.sheets[0].blocks as unknown as {
      values: unknown[][];
      rows: unknown[][];
    }[];
    expect(check.values[0][0]).toBe('=IF($V$5:$V$8<>"",$V$5:$V$8,PBR.CLUSTERCHECK($D$5:$U$8,$C$5:$C$8))');
    expect(byCluster).toEqual({
      kind: "cells",
      topLeft: "Z4",
      values: [
        ["Checks by recorded cluster"],
        ["Recorded cluster", "OK", "Broken", "Unconfirmed", "Super class", "Variance", "Not clustered", "Too few ratings", "Other", "People"],
        ["=PBR.CHECKCOUNTS($X$5:$X$8,$C$5:$C$8)"],
      ],
    });
    // Three clusters (4, 11 and blank) and All below the header: the team summary starts after a gap.
    expect(byTeam).toMatchObject({ topLeft: "Z11" });
    expect(byTeam.values[2]).toEqual(["=PBR.CHECKCOUNTS($X$5:$X$8,$B$5:$B$8)"]);
    expect(chart).toEqual({
      kind: "chart",
      chart: {
        type: "bar",
        title: "Cluster checks by recorded cluster",
        // Every result column and Other (AG), so the bars add up to the people; not People or All.
        dataAddress: "Z5:AH8",
        anchor: "Z19",
        valueFormat: "#,##0",
      },
    });
  });

  it("gives the counts the chart reads, calculated in the embedded engine", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createEmbeddedWorkbook } = require("../../src/workbook/embeddedPort");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadPbrFunctions } = require("../support/pbrFunctions");
    const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
    const result = await runAudit(port, { rows: auditRowsFrom(table, columns), profile: null, byTeam: true });
    // Z:AI of an Excel row
    const at = (row: number) =>
      Array.from({ length: 10 }, (_, j) => port.getValue(result.sheets.audit, row - 1, 25 + j));
    expect(at(5)[0]).toBe("Recorded cluster");
    const people = (row: number) => at(row)[9];
    expect([4, 11, "(blank)", "All"].map((g, i) => [at(6 + i)[0], people(6 + i)])).toEqual([
      [4, 2],
      [11, 1],
      ["(blank)", 1],
      ["All", 4],
    ]);
    expect(at(8)[6]).toBe(1); // P3 has no recorded cluster: Not clustered
    for (const row of [6, 7, 8, 9]) {
      const counts = at(row).slice(1, 9) as number[];
      expect(counts.reduce((a, b) => a + b, 0)).toBe(people(row));
    }
    expect(at(11)[0]).toBe("Checks by team");
    expect([at(13)[0], people(13)]).toEqual(["North", 2]);
  });

  it("runs against the in-memory workbook and cleans up on failure", async () => {
    const wb = new MemoryWorkbook(["Sheet1"]);
    const inputs = { rows: auditRowsFrom(table, columns), profile: null, byTeam: false };
    await runAudit(wb, inputs);
    expect(wb.get("Cluster audit", "X5")).toBe('=IF($V$5:$V$8<>"",$V$5:$V$8,PBR.CLUSTERCHECK($D$5:$U$8,$C$5:$C$8))');
    expect(wb.get("Cluster audit", "Z4")).toBe("Checks by recorded cluster");
    expect(wb.charts[0].spec.type).toBe("bar");
    const again = new MemoryWorkbook(["Cluster audit"]);
    again.failAfterChunks = 0;
    await expect(runAudit(again, inputs)).rejects.toThrow("simulated");
    expect([...again.sheets.keys()]).toEqual(["Cluster audit"]);
  });
});

describe("people who cannot be assessed (issue 12)", () => {
  it("get a sentence naming their sheet row instead of an error cell, counted as Too few ratings", () => {
    const few = {
      sheet: "S",
      address: "A3:V5",
      header: table.header,
      rows: [table.rows[0], table.rows[0].map((v, j) => (j >= 3 && j < 12 ? null : v))],
    };
    const columns = { id: 0, team: 2, recorded: 1, ratings: guessRatingColumns(header) };
    const plan = auditPlan({ rows: auditRowsFrom(few, columns), profile: null, byTeam: false });
    const audit = plan.sheets[0].blocks[1] as unknown as { rows: unknown[][] };
    expect(audit.rows[0][21]).toBeNull();
    // Names the caseload's sheet and row, and links there (issue 28).
    expect(audit.rows[1][21]).toBe(
      `=HYPERLINK("#'S'!A5","Too few ratings: S row 5 has 9 of 18 ratings known (at least 12 are needed)")`
    );
    expect(plan.sheets[0].freeze).toEqual({ rows: 4, columns: 1 });
  });

  it("without the source sheet, still says the sheet row, as plain text", () => {
    const rows = [{ sheetRow: 9, id: "P", team: null, recorded: 3, ratings: Array(18).fill(null) }];
    rows[0].ratings.fill(1, 0, 5);
    const plan = auditPlan({ rows, profile: null, byTeam: false });
    const audit = plan.sheets[0].blocks[1] as unknown as { rows: unknown[][] };
    expect(audit.rows[0][21]).toBe(
      "Too few ratings: sheet row 9 has 5 of 18 ratings known (at least 12 are needed)"
    );
  });

  it("in the embedded workbook: the Check shows the sentence, the cell links to the caseload row, the panes are frozen", async () => {
    const { createEmbeddedWorkbook } = await import("../../src/workbook/embeddedPort");
    const { loadPbrFunctions } = await import("../support/pbrFunctions");
    const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
    await port.createSheet("My caseload");
    const ratings = (n: number) => Array.from({ length: 18 }, (_, j) => (j < n ? 1 : null));
    await port.writeTable("My caseload", "A3", "Cl", header, [
      ["P1", 4, "North", ...ratings(18)],
      ["P2", 4, "North", ...ratings(9)],
    ]);
    const cl = await port.readTable("Cl");
    const columns = { id: 0, team: 2, recorded: 1, ratings: guessRatingColumns(header) };
    const result = await runAudit(port, {
      rows: auditRowsFrom(cl, columns),
      profile: null,
      byTeam: false,
    });
    const sheet = result.sheets.audit;
    const sentence =
      "Too few ratings: My caseload row 5 has 9 of 18 ratings known (at least 12 are needed)";
    expect(port.getValue(sheet, 5, 21)).toBe(sentence); // V6: the second person
    expect(port.getValue(sheet, 5, 23)).toBe(sentence); // X6: their Check
    expect(port.linkAt(sheet, 5, 21)).toEqual({ sheet: "My caseload", address: "A5" });
    expect(port.frozenPanes(sheet)).toEqual({ rows: 4, columns: 1 });
  });
});

describe("team names Excel would read as numbers, dates or comparisons", () => {
  it("are counted exactly: 007 and 7 apart, Mar-24 and <5 as text", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createEmbeddedWorkbook } = require("../../src/workbook/embeddedPort");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadPbrFunctions } = require("../support/pbrFunctions");
    const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
    const teams = ["007", "7", "007", "Mar-24", "<5", "North"];
    const rows = teams.map((team, i) => ({ sheetRow: i + 5, id: `P${i}`, team, recorded: 99, ratings: Array(18).fill(1) }));
    const result = await runAudit(port, { rows, profile: null, byTeam: true });
    const used = await port.readUsedRange(result.sheets.audit);
    const z = 25; // column Z holds the summary labels
    const people = new Map<string, unknown>();
    for (const row of used.rows) if (row[z] !== null && row[z] !== "") people.set(String(row[z]), row[z + 9]);
    expect(people.get("007")).toBe(2);
    expect(people.get("7")).toBe(1);
    expect(people.get("Mar-24")).toBe(1);
    expect(people.get("<5")).toBe(1);
    expect(people.get("North")).toBe(1);
  });

  it("split into blocks of 2 people, the summaries add the blocks up to the counts of one call, text groups exact", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createEmbeddedWorkbook } = require("../../src/workbook/embeddedPort");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadPbrFunctions } = require("../support/pbrFunctions");
    const teams = ["007", "7", "007", "Mar-24", "<5", "North", "north"];
    const rows = teams.map((team, i) => ({ sheetRow: i + 5, id: `P${i}`, team, recorded: [99, 4, 11, 4, 0, 11, 4][i], ratings: Array(18).fill(i % 3) }));
    const summaries: unknown[][][] = [];
    for (const callRows of [undefined, 2]) {
      const { port } = createEmbeddedWorkbook({ functions: await loadPbrFunctions() });
      const result = await runAudit(port, { rows, profile: null, byTeam: true, callRows });
      const used = await port.readUsedRange(result.sheets.audit);
      const z = 25; // column Z holds the summary labels
      summaries.push(used.rows.map((row: unknown[]) => row.slice(z, z + 10)).filter((row: unknown[]) => row.some((v) => v !== null && v !== "")));
    }
    expect(JSON.stringify(summaries[1])).not.toMatch(/#(VALUE|N\/A|NUM|SPILL|REF)/);
    expect(summaries[1]).toEqual(summaries[0]);
    const people = new Map(summaries[1].map((row) => [String(row[0]), row[9]]));
    expect([people.get("007"), people.get("7"), people.get("<5"), people.get("North")]).toEqual([2, 1, 1, 2]);
  });
});
