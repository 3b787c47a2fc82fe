/*
 * The Excel behaviour layer (test/support/excelBehaviour.ts) and a hostile corpus through the
 * Office.js adapter on it: formula-looking text, leading zeros and date-like team names go in
 * through the import, out through the cluster audit, and come back exactly as the text they were.
 */
import { autoMap } from "../../src/core/caseload/headers";
import { csvSource } from "../../src/taskpane/import/csvSource";
import { runImport } from "../../src/taskpane/import/runImport";
import { auditRowsFrom, runAudit } from "../../src/taskpane/audit/run";
import { guessColumn, guessRatingColumns } from "../../src/taskpane/plan/columns";
import { SELECTION_PROBLEM, createOfficePort } from "../../src/workbook/officePort";
import { insertAtSelection } from "../../src/taskpane/assistant/run";
import { createEmbeddedWorkbook } from "../../src/workbook/embeddedPort";
import { asOneStep, type WorkbookPort } from "../../src/workbook/port";
import { runBudget } from "../../src/taskpane/budget/run";
import { ExcelLikeFake, excelDate, excelEntry, excelNumber } from "../support/excelBehaviour";
import { FakeExcel } from "./officePortFake";

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

describe("the Excel behaviour layer", () => {
  it("reads written text as Excel reads typing", () => {
    expect(excelEntry("00123", undefined)).toEqual({ value: 123, formula: 123 });
    expect(excelEntry("00123", "@")).toEqual({ value: "00123", formula: "00123" });
    expect(excelEntry("'00123", undefined)).toEqual({ value: "00123", formula: "00123" });
    expect(excelEntry("'=x", undefined)).toEqual({ value: "=x", formula: "=x" });
    expect(excelEntry("=1+1", undefined)).toEqual({ value: 0, formula: "=1+1" });
    expect(excelEntry("-2+3", undefined)).toEqual({ value: 0, formula: "=-2+3" });
    expect(excelEntry("@A1", undefined).formula).toBe("=@A1");
    expect(excelEntry("=1+1", "@")).toEqual({ value: "=1+1", formula: "=1+1" });
    expect(excelEntry("true", undefined).value).toBe(true);
    expect(excelNumber("1,234")).toBe(1234);
    expect(excelNumber("12%")).toBe(0.12);
    expect(excelNumber("(£5)")).toBe(-5);
    expect(excelNumber("1,23")).toBeNull();
    expect(excelDate("11/04/2024")).toBe(45393);
    expect(excelDate("2024-03-31")).toBe(45382);
    expect(excelDate("31/02/2024")).toBeNull(); // not a real day: stays text
    expect(typeof excelDate("Mar-24")).toBe("number");
    expect(typeof excelDate("1 April 2024")).toBe("number");
    expect(excelDate("12:30")).toBe(0.5208333333333334);
    expect(excelDate("North 2")).toBeNull();
  });

  it("makes a test fail where the plain mock would pass: unescaped text changes type", async () => {
    for (const [fake, expected] of [
      [new FakeExcel(["Sheet1"]), ["00123", "Mar-24", 0]],
      [new ExcelLikeFake(["Sheet1"]), [123, expect.any(Number), 0]],
    ] as const) {
      (globalThis as { Excel?: unknown }).Excel = fake.api();
      await (fake.api() as typeof Excel).run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").values = [["00123", "Mar-24", "=1+1"]];
        await context.sync();
      });
      const port = createOfficePort();
      expect((await port.readUsedRange("Sheet1")).header.length).toBe(3);
      const read = await (fake.api() as typeof Excel).run(async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
        range.load("values");
        await context.sync();
        return range.values[0];
      });
      expect(read).toEqual(expected);
    }
  });
});

/** Hostile text: each would become a formula, a number, a date or a boolean if written bare. */
const HOSTILE_IDS = [
  "00123",
  '=HYPERLINK("http://example.com","x")',
  "-2+3",
  "+44 7700 900000",
  "@SUM(A1)",
  "'quoted",
  "TRUE",
  "1,234",
  "12%",
  "1e5",
  "0001",
];
const HOSTILE_TEAMS = ["Mar-24", "1/2", "=1+1", "2024-03-31", "12:30", "North", "Sept-24", "FALSE", "007", "-", "1 April 2024"];

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function hostileCsv(): string {
  const items = Array.from({ length: 18 }, (_, i) => `Item ${i + 1}`);
  const header = ["ID", "Cluster", "Start", "Team", ...items].join(",");
  const lines = HOSTILE_IDS.map((id, i) =>
    [csvCell(id), "4", "01/04/2024", csvCell(HOSTILE_TEAMS[i]), ...Array.from({ length: 18 }, () => "1")].join(",")
  );
  return [header, ...lines].join("\n");
}

describe("hostile corpus through import → audit → re-read", () => {
  it.each([
    ["the Office.js adapter on Excel's parsing", () => {
      const fake = new ExcelLikeFake(["Sheet1"]);
      (globalThis as { Excel?: unknown }).Excel = fake.api();
      return createOfficePort();
    }],
    ["the embedded workbook (the playground)", () => createEmbeddedWorkbook({ functions: [] }).port],
  ] as [string, () => WorkbookPort][])("brings every ID and team back exactly as the text in the file: %s", async (_name, open) => {
    const port = open();
    const source = csvSource(hostileCsv(), "hostile.csv");
    if (!source) throw new Error("no header");

    const imported = await runImport(port, source, autoMap(source.header));
    expect(imported.counts.imported).toBe(HOSTILE_IDS.length);
    const caseload = await port.readTable(imported.table!);
    const id = guessColumn(caseload.header, "id");
    const team = guessColumn(caseload.header, "team");
    expect(caseload.rows.map((r) => r[id])).toEqual(HOSTILE_IDS);
    expect(caseload.rows.map((r) => r[team])).toEqual(HOSTILE_TEAMS);

    const rows = auditRowsFrom(caseload, {
      id,
      team,
      recorded: guessColumn(caseload.header, "cluster"),
      ratings: guessRatingColumns(caseload.header),
    });
    await runAudit(port, { rows, profile: null, byTeam: true });
    const audit = await port.readTable("ClusterAudit");
    expect(audit.rows.map((r) => r[0])).toEqual(HOSTILE_IDS);
    expect(audit.rows.map((r) => r[1])).toEqual(HOSTILE_TEAMS);
    // The by-team summary labels are the team names as text.
    const used = await port.readUsedRange("Cluster audit");
    const cells = [used.header, ...used.rows].flat();
    for (const t of HOSTILE_TEAMS) expect(cells).toContain(t);
  });
});

/** Office.context.requirements answering for the ExcelApi sets up to `excelApi`. */
function officeWith(excelApi: string) {
  (globalThis as { Office?: unknown }).Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) =>
          name === "ExcelApi" && Number(version.split(".")[1]) <= Number(excelApi.split(".")[1]),
      },
    },
  };
}

describe("undo after a journey, as Microsoft documents it", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  const people = Array.from({ length: 30 }, (_, i) => ({ id: `P${i}`, code: 11, step: 3 }));
  const budget = { people, envelope: 100_000, contingency: 0.1, prices: null, steps: null, roundTo: 0.01 };

  it("ExcelApi 1.20: the whole journey is one Excel.run with mergeUndoGroup, so one undo record", async () => {
    officeWith("1.20");
    const fake = new FakeExcel(["Sheet1"]);
    (globalThis as { Excel?: unknown }).Excel = fake.api();
    const port = createOfficePort();
    expect(port.action).toBeDefined();
    await asOneStep(port, "Budget planner", () => runBudget(port, budget, { chunkRows: 7 }));
    expect(fake.requests.length).toBeGreaterThan(5); // many syncs (chunks, formats, names) …
    expect(fake.undoRecords).toBe(1); // … one step back
    expect(fake.runs).toBe(1);
    expect(fake.runOptions[0]).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
  });

  it("older Excel: no action, each sync its own undo record (what docs/limits.md says)", async () => {
    officeWith("1.19");
    const fake = new FakeExcel(["Sheet1"]);
    (globalThis as { Excel?: unknown }).Excel = fake.api();
    const port = createOfficePort();
    expect(port.action).toBeUndefined();
    await asOneStep(port, "Budget planner", () => runBudget(port, budget, { chunkRows: 7 }));
    expect(fake.undoRecords).toBeGreaterThan(5);
    expect(fake.runOptions.every((o) => o.delayForCellEdit === true && !o.mergeUndoGroup)).toBe(true);
  });

  it("a failed journey inside the merged group still removes its sheet (Worksheet.delete runs on its own)", async () => {
    officeWith("1.20");
    const fake = new FakeExcel(["Sheet1"]);
    fake.failOnRequest = 4;
    (globalThis as { Excel?: unknown }).Excel = fake.api();
    const port = createOfficePort();
    await expect(asOneStep(port, "Budget planner", () => runBudget(port, budget, { chunkRows: 7 }))).rejects.toThrow(
      "simulated"
    );
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(fake.log.some((l) => l.startsWith("worksheet.delete"))).toBe(true);
    // The delete ran outside the merged group: it did not throw UndoNotSupported, and it cleared the undo list.
    expect(fake.runOptions.filter((o) => o.mergeUndoGroup)).toHaveLength(1);
    expect(fake.undoRecords).toBe(0);
  });
});

describe("a multi-area selection (Workbook.getSelectedRange throws, as Microsoft documents)", () => {
  it("the port says in words what to do, and the assistant inserts nothing", async () => {
    const fake = new FakeExcel(["Sheet1"]);
    (globalThis as { Excel?: unknown }).Excel = fake.api();
    fake.selection = { sheet: "Sheet1", address: "A1:B2,D4" };
    const port = createOfficePort();
    await expect(port.getSelection()).rejects.toThrow(SELECTION_PROBLEM);
    const outcome = await insertAtSelection(port, Array(18).fill(1), null, null);
    expect(outcome).toEqual({ ok: false, message: `Nothing was inserted. ${SELECTION_PROBLEM}` });
    expect(fake.requests).toEqual([]);
    fake.selection = { sheet: "Sheet1", address: "B3" };
    expect((await insertAtSelection(port, Array(18).fill(1), null, null)).ok).toBe(true);
  });
});
