/**
 * Set up model: eight sheets, each an Excel table with a named range, filled with the built-in
 * tables (labelled illustrative, or indicative for the profile) so every PBR function works at
 * once. Each sheet carries its table's title and note above the table.
 *
 *   Prices, Profile, SuperclassRules, Steps, RiskBands: the built-in tables, named the same
 *   Caseload: a few made-up people (labelled so) with a live cost column (PBR.FYCOST)
 *   Summary:  the financial year and the caseload's cost (named FYStart, PlanValue)
 *   Scenario: the Scenario runner's sheet driven by PlanValue and RiskBands
 * Names and sheets that already exist are never overwritten: clashes get new names.
 */
import examplePeople from "./example-caseload.json";
import {
  DEFAULT_PROFILE_NOTE,
  DEFAULT_PROFILE_TITLE,
  defaultProfileGrid,
} from "../../core/clusters/defaultProfile";
import {
  DEFAULT_RULES_NOTE,
  DEFAULT_RULES_TITLE,
  defaultSuperclassRulesGrid,
} from "../../core/clusters/defaultSuperclassRules";
import { ITEMS } from "../../core/clusters/items";
import { toWorkbookSerial, ymdToSerial } from "../../core/dates";
import { ILLUSTRATIVE_STEPS } from "../../core/ras/illustrative";
import { ILLUSTRATIVE_BANDS } from "../../core/riskshare/illustrative";
import { ILLUSTRATIVE_PRICES, type BuiltInTable } from "../../core/tariff/illustrative";
import { columnLetters, rangeAddress } from "../../workbook/address";
import { typedCell } from "../../workbook/cellText";
import type { CellInput } from "../../workbook/port";
import { call } from "../plan/formula";
import { scenarioSheet, DEFAULT_VARIANCE } from "../scenario/plan";
import {
  DATE,
  MONEY,
  PERCENT,
  WHOLE_PERCENT,
  nameRef,
  sheetRef,
  titleBlock,
  type SheetPlan,
  type WorkbookPlan,
} from "../plan/types";

const TABLE_ROW = 3; // tables start on row 4, below the title (row 1) and note (row 2)

function builtInSheet(
  key: string,
  table: BuiltInTable,
  columnFormats: { column: number; format: string }[] = []
): SheetPlan {
  const rows = table.rows.map((r) => r.map((v): CellInput => (v === "" ? null : v)));
  return {
    key,
    name: key,
    blocks: [
      titleBlock(table.title, table.note),
      {
        kind: "table",
        topLeft: "A4",
        table: `${key}Table`,
        header: table.header,
        rows,
        columnFormats,
      },
      {
        kind: "name",
        name: key,
        address: rangeAddress(TABLE_ROW, 0, rows.length + 1, table.header.length),
      },
    ],
  };
}

/** Made-up people for the example caseload: [id, cluster, start, end, admitted days, team, step, 18 ratings]. */
type ExamplePerson = [string, number, Ymd, Ymd | null, number, string, number, number[]];
type Ymd = [number, number, number];
const EXAMPLE_PEOPLE = examplePeople as ExamplePerson[];

export const CASELOAD_HEADER = [
  "Id",
  "Cluster",
  "Start date",
  "End date",
  "Admitted days",
  "Team",
  "Step",
  ...ITEMS.map((it) => it.id),
  "Cost in financial year",
];

/** The examples are written for 2025/26; moved by whole years so they fall in the year proposed. */
const EXAMPLE_YEAR = 2025;

function caseloadSheet(fyStartYear: number): SheetPlan {
  const shift = fyStartYear - EXAMPLE_YEAR;
  const first = TABLE_ROW + 2; // Excel row of the first person
  const rows: CellInput[][] = EXAMPLE_PEOPLE.map(
    ([id, cluster, start, end, admitted, team, step, ratings], i) => {
      const r = first + i;
      const cost = call("PBR.FYCOST", [
        `B${r}`,
        `C${r}`,
        `D${r}`,
        nameRef("FYStart"),
        `E${r}`,
        nameRef("Prices"),
      ]);
      // Written in the workbook's date system (a 1904 workbook stores each date 1462 days lower).
      return [
        id,
        cluster,
        toWorkbookSerial(ymdToSerial(start[0] + shift, start[1], start[2])),
        end ? toWorkbookSerial(ymdToSerial(end[0] + shift, end[1], end[2])) : null,
        admitted,
        team,
        step,
        ...ratings,
        cost,
      ];
    }
  );
  const costColumn = CASELOAD_HEADER.length - 1;
  return {
    key: "Caseload",
    name: "Caseload",
    blocks: [
      titleBlock(
        "Example caseload (made-up people, illustrative only)",
        "Six invented people to show the functions working, dated in and around the financial year on the Summary sheet. Replace them with your caseload (Import caseload). Ratings are MHCT items 1–13 then A–E; a blank end date means the period is still open."
      ),
      {
        kind: "table",
        topLeft: "A4",
        table: "CaseloadTable",
        header: CASELOAD_HEADER,
        rows,
        columnFormats: [
          { column: 2, format: DATE },
          { column: 3, format: DATE },
          { column: costColumn, format: MONEY },
        ],
      },
      {
        kind: "name",
        name: "Caseload",
        address: rangeAddress(TABLE_ROW, 0, rows.length + 1, CASELOAD_HEADER.length),
      },
    ],
  };
}

function summarySheet(fyStartYear: number): SheetPlan {
  const last = TABLE_ROW + 1 + EXAMPLE_PEOPLE.length; // Excel row of the last person
  const costCol = columnLetters(CASELOAD_HEADER.length - 1);
  return {
    key: "Summary",
    name: "Summary",
    blocks: [
      titleBlock(
        "Model summary",
        "Change the financial year here; the caseload's cost and the Scenario sheet follow. Prices, steps and bands are illustrative, the cluster profile is indicative: replace them with your own."
      ),
      {
        kind: "table",
        topLeft: "A4",
        table: "SummaryTable",
        header: ["Measure", "Value"],
        rows: [
          ["Financial year starting 1 April", fyStartYear],
          ["People in the caseload", `=COUNTA(${sheetRef("Caseload", `$A$5:$A$${last}`)})`],
          [
            "Cost of the caseload in the financial year",
            `=SUM(${sheetRef("Caseload", `$${costCol}$5:$${costCol}$${last}`)})`,
          ],
        ],
        formats: [{ address: "B7", format: MONEY }],
      },
      { kind: "name", name: "FYStart", address: "B5" },
      { kind: "name", name: "PlanValue", address: "B7" },
    ],
  };
}

/**
 * The five built-in tables as sheets (title, note, an Excel table `<Key>Table` and a name `<Key>`):
 * Prices, Profile, SuperclassRules, Steps, RiskBands. Set up model writes them, and so does the
 * playground's demo workbook.
 */
export function builtInSheets(): SheetPlan[] {
  return [
    builtInSheet("Prices", ILLUSTRATIVE_PRICES, [
      { column: 1, format: MONEY },
      { column: 2, format: MONEY },
    ]),
    builtInSheet("Profile", {
      title: DEFAULT_PROFILE_TITLE,
      note: DEFAULT_PROFILE_NOTE,
      header: defaultProfileGrid()[0].map(String),
      // Items 1–13 as numbers, A–E as letters, as a user would type them (text "1" stays text).
      rows: defaultProfileGrid()
        .slice(1)
        .map((r) => r.map(typedCell)),
    }),
    builtInSheet("SuperclassRules", {
      title: DEFAULT_RULES_TITLE,
      note: DEFAULT_RULES_NOTE,
      header: defaultSuperclassRulesGrid()[0],
      // Rule numbers as numbers, as a user would type them.
      rows: defaultSuperclassRulesGrid()
        .slice(1)
        .map((r) => r.map(typedCell)),
    }),
    builtInSheet("Steps", ILLUSTRATIVE_STEPS, [{ column: 1, format: WHOLE_PERCENT }]),
    builtInSheet(
      "RiskBands",
      ILLUSTRATIVE_BANDS,
      [0, 1, 2].map((column) => ({ column, format: PERCENT }))
    ),
  ];
}

/** The built-in tables Set up model writes, by sheet key, as they go on the sheet. */
export function builtInTables(): Record<string, { header: string[]; rows: CellInput[][] }> {
  const grid = (t: { header: readonly string[]; rows: readonly (readonly unknown[])[] }) => ({
    header: [...t.header],
    rows: t.rows.map((r) => r.map((v) => (v === "" ? null : v) as CellInput)),
  });
  return {
    Prices: grid(ILLUSTRATIVE_PRICES),
    Profile: grid({
      header: defaultProfileGrid()[0].map(String),
      rows: defaultProfileGrid().slice(1),
    }),
    SuperclassRules: grid({
      header: defaultSuperclassRulesGrid()[0],
      rows: defaultSuperclassRulesGrid().slice(1),
    }),
    Steps: grid(ILLUSTRATIVE_STEPS),
    RiskBands: grid(ILLUSTRATIVE_BANDS),
  };
}

/**
 * The Set up model plan. `fyStartYear` is the financial year the caseload is costed in. `reuse`
 * maps built-in table keys (Prices, Profile, SuperclassRules, Steps, RiskBands) to a reference to
 * the same table already in the workbook: those sheets are not written again, and the model's
 * formulas use the existing tables.
 */
export function setupPlan(fyStartYear: number, reuse: Record<string, string> = {}): WorkbookPlan {
  const scenario = scenarioSheet(
    {
      plan: `=${nameRef("PlanValue")}`,
      bands: nameRef("RiskBands"),
      cap: null,
      collar: null,
      ...DEFAULT_VARIANCE,
    },
    "Scenario",
    "Scenario"
  );
  const plan: WorkbookPlan = {
    sheets: [...builtInSheets(), caseloadSheet(fyStartYear), scenario, summarySheet(fyStartYear)],
    select: { sheet: "Summary", address: "B5" },
  };
  if (Object.keys(reuse).length > 0) {
    plan.sheets = plan.sheets.filter((s) => !(s.key in reuse));
    plan.existing = reuse;
  }
  return plan;
}

/** The financial year a date falls in (1 April start), for the default. */
export function currentFinancialYear(today: Date): number {
  return today.getMonth() >= 3 ? today.getFullYear() : today.getFullYear() - 1;
}
