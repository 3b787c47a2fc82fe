/**
 * Activity by resource group over an extract read as a stream (extractStream.ts → groupExtract.ts
 * → tally.ts), for files past Excel's row limit: on the fixture extracts it must give exactly the
 * row-by-row journey's summary (preflightActivity, which test/taskpane/activity.test.ts holds to
 * the written sheet's formulas) for every answer to the duplicate and blank-units questions, and
 * the same rows left out for the same reasons, whatever the size of the slices it reads.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvSourceFromBytes } from "../../src/taskpane/import/csvSource";
import { countLines, readHead, streamRows } from "../../src/taskpane/activity/extractStream";
import { groupExtract } from "../../src/taskpane/activity/groupExtract";
import { RowSet } from "../../src/taskpane/activity/rowSet";
import {
  EXCEL_ROWS,
  PANE_MAX_BYTES,
  extractRoute,
  handOverCommand,
  tooBigText,
} from "../../src/taskpane/activity/handOver";
import { resolveFields } from "../../src/cli/mhnrg/columns";
import { runExtractPlan } from "../../src/taskpane/activity/extractPlan";
import { summaryHeight } from "../../src/taskpane/activity/plan";
import { runActivity } from "../../src/taskpane/activity/run";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { loadPbrFunctions } from "../support/pbrFunctions";
import {
  activityRowOf,
  preflightActivity,
  type ActivityColumns,
  type ActivityRow,
  type Choices,
} from "../../src/taskpane/activity/preflight";
import { guessActivityColumn, type ActivityField } from "../../src/taskpane/activity/run";
import { preflightFigures, summaryText } from "../../src/taskpane/activity/summary";
import {
  LISTED_ROWS,
  blankUnitsCount,
  duplicateCount,
  leftOutRows,
  tallyFigures,
  type ActivityTally,
} from "../../src/taskpane/activity/tally";

const FIXTURES = join(__dirname, "..", "fixtures", "activity");
const FIELDS: ActivityField[] = [
  "kind",
  "age",
  "diagnosis",
  "team",
  "bed",
  "reason",
  "crisis",
  "units",
  "attendance",
];
const CHOICES: Choices[] = [
  { duplicates: "leave out", blankUnits: "leave out" },
  { duplicates: "keep", blankUnits: "leave out" },
  { duplicates: "leave out", blankUnits: "keep" },
  { duplicates: "keep", blankUnits: "keep" },
];

const columnsOf = (header: readonly string[]) =>
  Object.fromEntries(FIELDS.map((f) => [f, guessActivityColumn(header, f)])) as ActivityColumns;

/** The row-by-row journey's rows: the import's own CSV reader, each row at its sheet row. */
async function rowByRow(bytes: Uint8Array, cols: ActivityColumns): Promise<ActivityRow[]> {
  const source = csvSourceFromBytes(bytes, "x.csv")!;
  const rows: ActivityRow[] = [];
  await source.readRows((row, rowNo) => {
    if (row.some((v) => v !== "")) rows.push(activityRowOf(row as string[], rowNo, cols, null));
  });
  return rows;
}

async function streamed(
  bytes: Uint8Array<ArrayBuffer>,
  sliceBytes?: number
): Promise<ActivityTally> {
  const file = new Blob([bytes]);
  const head = (await readHead(file, "x.csv"))!;
  const tally = await groupExtract(
    file,
    { head, cols: columnsOf(head.header), fixedKind: null },
    { sliceBytes }
  );
  return tally!;
}

describe("Activity by resource group, streamed", () => {
  for (const name of ["mixed.csv", "contacts.csv"]) {
    it(`gives the row-by-row journey's summary on ${name}, for every answer and slice size`, async () => {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, name))) as Uint8Array<ArrayBuffer>;
      const head = (await readHead(new Blob([bytes]), name))!;
      const cols = columnsOf(head.header);
      const rows = await rowByRow(bytes, cols);
      expect(rows.length).toBeGreaterThan(5);
      for (const sliceBytes of [undefined, 1, 7, 64]) {
        const tally = await streamed(bytes, sliceBytes);
        expect(tally.rows).toBe(rows.length);
        for (const choices of CHOICES) {
          const pre = preflightActivity(rows, choices);
          const want = preflightFigures(pre);
          const got = tallyFigures(tally, choices);
          expect(got.totalValue).toBeCloseTo(want.totalValue, 9);
          got.groups.forEach((g, i) => expect(g.value).toBeCloseTo(want.groups[i].value, 9));
          const exact = (f: typeof got) => ({
            ...f,
            totalValue: 0,
            groups: f.groups.map((g) => ({ ...g, value: 0 })),
          });
          expect(exact(got)).toEqual(exact(want));
          expect(summaryText(got)).toBe(summaryText(pre));
          expect(duplicateCount(tally)).toBe(pre.duplicates.length);
          expect(blankUnitsCount(tally)).toBe(pre.blankUnits.length);
          const out = leftOutRows(tally, choices);
          expect(out.unlisted).toBe(0);
          expect(out.listed.map((r) => [r.line, r.reason])).toEqual(
            pre.leftOut.map((r) => [r.sheetRow, r.reason_.replace("of sheet row", "of line")])
          );
        }
      }
    });
  }

  it("has rows in error, duplicates and blank units to tell apart on the mixed extract", async () => {
    const tally = await streamed(
      new Uint8Array(readFileSync(join(FIXTURES, "mixed.csv"))) as Uint8Array<ArrayBuffer>
    );
    const all = tallyFigures(tally, CHOICES[3]);
    expect([tally.invalid.count, duplicateCount(tally), blankUnitsCount(tally)]).toEqual([2, 1, 1]);
    expect(all.leftOut).toBe(2);
    expect(tallyFigures(tally, CHOICES[0]).leftOut).toBe(4);
    expect(all.totalUnits).toBeGreaterThan(tallyFigures(tally, CHOICES[0]).totalUnits);
  });

  it("joins a character split between slices, in UTF-8 and Windows-1252, and counts lines", async () => {
    const csv = "Kind,Age,Diagnosis,Note\r\ncontact,40,F20,café ☕\r\ncontact,41,F20,naïve\r\n";
    const utf8 = new TextEncoder().encode(csv);
    const seen: string[] = [];
    const head = (await readHead(new Blob([utf8]), "u.csv"))!;
    for (const size of [1, 2, 3, 5])
      await streamRows(new Blob([utf8]), head, (row) => seen.push(row[3]), { sliceBytes: size });
    expect(new Set(seen)).toEqual(new Set(["café ☕", "naïve"]));
    expect(await countLines(new Blob([utf8]), "utf-8")).toBe(3);
    expect(await countLines(new Blob(["a\nb"]), "utf-8")).toBe(2);
    // Windows-1252: é is E9 and the euro sign 80, as Excel's plain "CSV" saves them.
    const cp = new Uint8Array([...Buffer.from("Kind,Note\ncontact,caf"), 0xe9, 0x20, 0x80, 0x0a]);
    const cpHead = (await readHead(new Blob([cp]), "w.csv"))!;
    expect(cpHead.encoding).toBe("windows-1252");
    const notes: string[] = [];
    await streamRows(new Blob([cp]), cpHead, (row) => notes.push(row[1]), { sliceBytes: 3 });
    expect(notes).toEqual(["café €"]);
    const utf16 = Buffer.from("\uFEFFKind,Age\ncontact,40\ncontact,41\n", "utf16le");
    expect(await countLines(new Blob([utf16]), "utf-16le")).toBe(3);
  });

  it("leaves out rows it cannot read, naming their file lines, and stops when cancelled", async () => {
    const csv = [
      "Kind,Age,Diagnosis",
      "contact,40,F20",
      "",
      "contact,40,F20,extra",
      'contact,"4',
      '0",F20',
      "contact,30,F32",
    ].join("\n");
    const file = new Blob([csv]);
    const head = (await readHead(file, "p.csv"))!;
    const got: [number, string][] = [];
    await streamRows(file, head, (row, line, problem) => got.push([line, problem]), {
      sliceBytes: 4,
    });
    expect(got).toEqual([
      [2, ""],
      [4, "4 values, more than the header's 3 columns"],
      [5, ""],
      [7, ""],
    ]);
    const tally = await groupExtract(file, {
      head,
      cols: columnsOf(head.header),
      fixedKind: null,
    });
    const out = leftOutRows(tally!, CHOICES[0]);
    expect(out.listed.map((r) => [r.line, r.reason])).toEqual([
      [4, "4 values, more than the header's 3 columns"],
      [5, 'age "4\n0" is not a number of years (leave it blank for an adult)'],
    ]);
    let slices = 0;
    const stopped = await groupExtract(
      file,
      { head, cols: columnsOf(head.header), fixedKind: null },
      { sliceBytes: 4, cancelled: () => ++slices >= 2 }
    );
    expect(stopped).toBeNull();
  });

  it("lists at most LISTED_ROWS rows of each kind left out and counts the rest", async () => {
    const lines = ["Kind,Age,Diagnosis"];
    for (let i = 0; i < LISTED_ROWS + 25; i++) lines.push("contact,200,F20");
    const file = new Blob([lines.join("\n")]);
    const head = (await readHead(file, "m.csv"))!;
    const tally = (await groupExtract(file, {
      head,
      cols: columnsOf(head.header),
      fixedKind: null,
    }))!;
    const out = leftOutRows(tally, CHOICES[3]);
    expect(tally.invalid.count).toBe(LISTED_ROWS + 25);
    expect(out.listed).toHaveLength(LISTED_ROWS);
    expect(out.unlisted).toBe(25);
    expect(out.listed[0].line).toBe(2);
  });
});

describe("the streamed journey's sheet", () => {
  it("holds the row-by-row sheet's summary, figure for figure, as values, and the rows left out", async () => {
    const bytes = new Uint8Array(
      readFileSync(join(FIXTURES, "mixed.csv"))
    ) as Uint8Array<ArrayBuffer>;
    const head = (await readHead(new Blob([bytes]), "mixed.csv"))!;
    const cols = columnsOf(head.header);
    const pre = preflightActivity(await rowByRow(bytes, cols));
    const functions = await loadPbrFunctions();
    const rowByRowBook = createEmbeddedWorkbook({ functions }).port;
    const formulas = (await runActivity(rowByRowBook, pre, "mixed.csv")).sheets.groups;
    const tally = await streamed(bytes);
    const streamedBook = createEmbeddedWorkbook({ functions }).port;
    const written = (
      await runExtractPlan(streamedBook, {
        fileName: "mixed.csv",
        rows: tally.rows,
        why: "asked",
        figures: tallyFigures(tally, CHOICES[0]),
        leftOut: leftOutRows(tally, CHOICES[0]),
      })
    ).sheets.groups;
    const height = summaryHeight(preflightFigures(pre).groups.length);
    const read = (port: typeof streamedBook, sheet: string, rows: number, cols_: number) =>
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: cols_ }, (_, c) => port.getValue(sheet, r, c))
      );
    const a = read(rowByRowBook, formulas, 3 + height, 4);
    const b = read(streamedBook, written, 3 + height, 4);
    const rounded = (grid: unknown[][]) =>
      grid.slice(3).map((row) => row.map((v) => (typeof v === "number" ? Math.round(v * 1e6) : v)));
    const last = (grid: unknown[][]) => grid.length - 1;
    // Every line the same, but the left-out label, which says where the reasons are.
    expect(rounded(b).slice(0, -1)).toEqual(rounded(a).slice(0, -1));
    expect([b[last(b)][0], b[last(b)][2]]).toEqual([
      "Rows left out (see Rows left out below)",
      a[last(a)][2],
    ]);
    // No cell of the streamed summary is a formula over rows: there are none.
    expect(b.flat().some((v) => typeof v === "string" && v.startsWith("="))).toBe(false);
    const list = read(streamedBook, written, 3 + height + 8, 2).slice(3 + height + 1);
    expect(list[0][0]).toBe("Rows left out: 4, listed below by file line with the reason.");
    expect(list.slice(2, 6).map((row) => row[0])).toEqual(pre.leftOut.map((r) => r.sheetRow));
    expect(list.slice(2, 6).map((row) => row[1])).toEqual(
      pre.leftOut.map((r) => r.reason_.replace("of sheet row", "of line"))
    );
  }, 60_000);
});

describe("a specialised row whose reason is not in the rules", () => {
  it("is counted once, as specialised, by the pane, the written sheet and the streamed tally", async () => {
    // A child's specialised bed (v5 bed type 14: MCG98C) with referral reason 09 (valid, in no rule).
    const csv =
      "Kind,Age,Diagnosis,Bed type,Referral reason,Units\nspell,15,,14,09,3\ncontact,40,F20,,,1\n";
    const bytes = new TextEncoder().encode(csv) as Uint8Array<ArrayBuffer>;
    const head = (await readHead(new Blob([bytes]), "s.csv"))!;
    const cols = columnsOf(head.header);
    const pre = preflightActivity(await rowByRow(bytes, cols));
    expect(pre.rows.map((r) => [r.code, r.status])).toEqual([
      ["MCG98C", "specialised"],
      ["MAA96Z", "ok"],
    ]);
    const port = createEmbeddedWorkbook({ functions: await loadPbrFunctions() }).port;
    const sheet = (await runActivity(port, pre, "s.csv")).sheets.groups;
    const grid = Array.from({ length: 20 }, (_, r) =>
      [0, 2].map((c) => port.getValue(sheet, r, c))
    );
    const onSheet = (label: string) => grid.find((row) => row[0] === label)![1];
    const tally = tallyFigures(await streamed(bytes), CHOICES[0]);
    const said = preflightFigures(pre);
    expect([
      said.unlisted,
      tally.unlisted,
      onSheet("Unclassified: reason not in the rules (rows)"),
    ]).toEqual([0, 0, 0]);
    expect([
      said.specialisedUnits,
      tally.specialisedUnits,
      onSheet("Specialised units (out of scope, not priced)"),
    ]).toEqual([3, 3, 3]);
  }, 60_000);
});

describe("RowSet (exact duplicates among millions of rows)", () => {
  it("finds exact repeats only, and keeps the first row's value, through many growths", () => {
    const set = new RowSet();
    const n = 60_000;
    const firsts: (number | undefined)[] = [];
    for (let i = 0; i < n; i++) firsts.push(set.getOrAdd(`["r${i}","é${i % 7}"]`, i + 2));
    expect(firsts.every((v) => v === undefined)).toBe(true);
    expect(set.size).toBe(n);
    const again: (number | undefined)[] = [];
    for (let i = 0; i < n; i += 97) again.push(set.getOrAdd(`["r${i}","é${i % 7}"]`, -1));
    expect(again).toEqual(Array.from({ length: again.length }, (_, k) => k * 97 + 2));
    // Near misses are not duplicates: one character more, less or different.
    expect(set.getOrAdd(`["r1","é1"] `, 0)).toBeUndefined();
    expect(set.getOrAdd(`["r1","é"]`, 0)).toBeUndefined();
    expect(set.getOrAdd(`["r1","e1"]`, 0)).toBeUndefined();
    expect(set.getOrAdd("", 5)).toBeUndefined();
    expect(set.getOrAdd("", 6)).toBe(5);
    // Keys with a character past U+00FF are kept apart, exactly too.
    expect(set.getOrAdd(`["r1","☕"]`, 7)).toBeUndefined();
    expect(set.getOrAdd(`["r1","☕"]`, 8)).toBe(7);
    expect(set.getOrAdd(`["r1","☔"]`, 9)).toBeUndefined();
  });
});

describe("where an extract goes, and the hand-over", () => {
  it("reads into a sheet what fits, groups in the pane what does not or when asked, and hands over past the limit", () => {
    const fits = EXCEL_ROWS - 1; // data lines under a header
    expect(extractRoute(10_000_000, fits, false)).toBe("sheet");
    expect(extractRoute(PANE_MAX_BYTES + 1, fits, false)).toBe("sheet"); // as before: it fits a sheet
    expect(extractRoute(40_000_000, fits + 1, false)).toBe("pane");
    expect(extractRoute(1_000, 10, true)).toBe("pane");
    expect(extractRoute(PANE_MAX_BYTES, fits + 1, false)).toBe("pane");
    expect(extractRoute(PANE_MAX_BYTES + 1, fits + 1, false)).toBe("hand over");
    expect(extractRoute(PANE_MAX_BYTES + 1, 10, true)).toBe("hand over");
  });

  it("gives the exact command for the file, quoted when its name needs it, and the SQL's page", () => {
    expect(handOverCommand("contacts-2025.csv")).toBe(
      "npx pbr-toolkit mhnrg contacts-2025.csv --out contacts-2025-groups.csv --map mff="
    );
    expect(handOverCommand('ICB "all" $year.csv')).toBe(
      'npx pbr-toolkit mhnrg "ICB \\"all\\" \\$year.csv" --out "ICB \\"all\\" \\$year-groups.csv" --map mff='
    );
    const text = tooBigText("year.csv", 3 * 1024 ** 3);
    expect(text).toContain("year.csv is 3,072 MB, more than the 256 MB this pane groups itself");
    expect(text).toContain("Nothing was read into the workbook.");
    expect(text).toContain("npx pbr-toolkit mhnrg year.csv --out year-groups.csv --map mff=");
    expect(text).toContain("keeps the pane's prices (no Market Forces Factor)");
    expect(text).toContain("docs/sql.md");
  });

  it("hands over a command that prices as the pane does: no MFF column read, even when the file has one", () => {
    // The pane has no Market Forces Factor; the command's own column guess would read "MFF".
    const columns = ["Activity", "Age", "MFF"];
    const maps = [...handOverCommand("a.csv").matchAll(/--map (\S*)/g)].map((m) => m[1]);
    expect(maps).toEqual(["mff="]);
    expect(resolveFields(columns, [], null, "a.csv").mff).toBe("MFF");
    expect(resolveFields(columns, maps, null, "a.csv").mff).toBeUndefined();
  });
});
