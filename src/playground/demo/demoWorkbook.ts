/**
 * The demo workbook the playground opens: a SYNTHETIC caseload, the ILLUSTRATIVE price, step and
 * band tables, the INDICATIVE cluster profile, and a Summary sheet built from PBR.* formulas.
 * A workbook plan run by the task pane's executor (taskpane/plan/run.ts), with the built-in table
 * sheets exactly as Set up model writes them, so the pane's pickers find the same names.
 *
 * Formulas from families that are not in the build yet show #NAME? until they are (the cells
 * are listed in DEMO_CELLS_BY_FAMILY).
 */
import { CLUSTERS } from "../../core/clusters/reference";
import type { CellInput, WorkbookPort } from "../../workbook/port";
import { COUNT_AXIS, MONEY_AXIS } from "../../workbook/chartStyle";
import { runPlan } from "../../taskpane/plan/run";
import {
  nameRef,
  sheetRef,
  titleBlock,
  type SheetPlan,
  type WorkbookPlan,
} from "../../taskpane/plan/types";
import { builtInSheets } from "../../taskpane/setup/plan";
import { CASELOAD_HEADER, DEMO_PEOPLE, DEMO_SEED, syntheticCaseload } from "./syntheticCaseload";

const MONEY = "£#,##0.00";
const DATE = "dd/mm/yyyy";
const PERCENT = "0%";

/** Row of the first caseload person (1-based) and the last. */
const FIRST = 4;
const LAST = FIRST + DEMO_PEOPLE - 1;
const RATINGS = `I${FIRST}:Z${LAST}`;
const col = (letter: string) => `${letter}${FIRST}:${letter}${LAST}`;
const caseloadCol = (letter: string) =>
  sheetRef("Caseload", `$${letter}$${FIRST}:$${letter}$${LAST}`);

/** Which demo cells need which function family (for reports and tests). */
export const DEMO_CELLS_BY_FAMILY: Record<string, string[]> = {
  clusters: [
    "Caseload!AA4",
    "Caseload!AB4",
    "Caseload!AC4",
    "Summary!C36:C56",
    "Summary!E36",
    "Summary!F36",
    "Summary!G36",
  ],
  tariff: [
    "Caseload!AD4",
    "Caseload!AE4",
    "Summary!H36:H57",
    "Summary!I36",
    "Summary!B61:B62",
    "Summary!B78",
  ],
  riskshare: ["Summary!B65", "Summary!B67"],
  ras: ["Summary!B80", "Caseload!AF4"],
};

export interface DemoProgress {
  step: string;
}

const N = {
  prices: nameRef("Prices"),
  steps: nameRef("Steps"),
  bands: nameRef("RiskBands"),
  profile: nameRef("Profile"),
  rules: nameRef("SuperclassRules"),
};

function caseloadSheet(): SheetPlan {
  return {
    key: "Caseload",
    name: "Caseload",
    blocks: [
      titleBlock(
        `SYNTHETIC CASELOAD: ${DEMO_PEOPLE.toLocaleString("en-GB")} made-up people generated from seed ${DEMO_SEED}. Not real patients.`,
        "For trying PbR Toolkit only. Ratings loosely follow the indicative profile; periods start in 2023/24 and 2024/25; prices, steps and bands are illustrative."
      ),
      {
        kind: "table",
        topLeft: "A3",
        table: "Caseload",
        header: CASELOAD_HEADER,
        rows: syntheticCaseload(),
        formats: [
          { address: `E${FIRST}:F${LAST}`, format: DATE },
          { address: `AC${FIRST}:AC${LAST}`, format: DATE },
          { address: `AE${FIRST}:AF${LAST}`, format: MONEY },
        ],
      },
      {
        kind: "cells",
        topLeft: "AA3",
        values: [
          [
            "Suggested cluster",
            "Audit",
            "Review due",
            "Days in 2024/25",
            "Cost 2024/25",
            "Indicative budget",
          ],
          [
            `=PBR.CLUSTER(${RATINGS}, , ${N.profile}, ${N.rules})`,
            `=PBR.CLUSTERCHECK(${RATINGS}, ${col("D")}, ${N.profile}, ${N.rules})`,
            `=PBR.REVIEWDUE(${col("D")}, ${col("E")})`,
            `=PBR.FYDAYS(${col("E")}, ${col("F")}, 2024)`,
            `=PBR.FYCOST(${col("D")}, ${col("E")}, ${col("F")}, 2024, ${col("G")}, ${N.prices})`,
            `=PBR.RASBUDGET(${col("D")}, ${col("H")}, ${N.prices}, ${N.steps}, ${sheetRef("Summary", "$B$48")})`,
          ],
        ],
      },
    ],
  };
}

/**
 * The Summary sheet, which the playground opens on: its two charts first, where a first look lands
 * (stacked in columns A–D so each is clear of the task pane on a 1366-pixel screen), then the
 * counts and costs by cluster from row 35 and the contract below them.
 */
export const SUMMARY_CHARTS = ["A4", "A19"] as const;
/** The Summary's header row of counts by cluster (1-based); the clusters follow it. */
export const SUMMARY_HEADER_ROW = 35;

function summarySheet(): SheetPlan {
  const codes = CLUSTERS.map((c) => c.code);
  const top = SUMMARY_HEADER_ROW + 1;
  const bottom = top + codes.length - 1;
  const intro: CellInput[][] = [
    ["Summary of the SYNTHETIC demo caseload (illustrative prices, steps and bands)"],
    [
      "Counts use PBR.CLUSTER and PBR.CLUSTERCHECK on the Caseload sheet; costs use PBR.FYCOST with the illustrative price table. The charts draw the table from row 35 and the risk share below it.",
    ],
  ];
  const rows: CellInput[][] = [
    [
      "Cluster",
      "Recorded",
      "Suggested",
      "Audit OK",
      "Name",
      "Super class",
      "Review days",
      "Cost 2024/25",
      "Non-admitted day price",
    ],
  ];
  codes.forEach((code, i) => {
    const r = top + i;
    rows.push([
      code,
      `=COUNTIF(${caseloadCol("D")}, A${r})`,
      `=COUNTIF(${caseloadCol("AA")}, A${r})`,
      `=COUNTIFS(${caseloadCol("D")}, A${r}, ${caseloadCol("AB")}, "OK")`,
      i === 0 ? `=PBR.CLUSTERNAME(A${top}:A${bottom})` : null,
      i === 0 ? `=PBR.SUPERCLASS(A${top}:A${bottom})` : null,
      i === 0 ? `=PBR.REVIEWDAYS(A${top}:A${bottom})` : null,
      `=SUMIF(${caseloadCol("D")}, A${r}, ${caseloadCol("AE")})`,
      i === 0 ? `=PBR.TARIFF(A${top}:A${bottom}, 1, , ${N.prices})` : null,
    ]);
  });
  const t = bottom + 1; // totals row
  rows.push([
    "Total",
    `=SUM(B${top}:B${bottom})`,
    `=SUM(C${top}:C${bottom})`,
    `=SUM(D${top}:D${bottom})`,
    null,
    null,
    null,
    `=SUM(H${top}:H${bottom})`,
    null,
  ]);
  // The contract, two rows under the totals: its cells by row.
  const c0 = t + 3;
  const planned = c0 + 1;
  const actual = c0 + 2;
  const settlement = c0 + 5;
  const scenarios = c0 + 7; // the PBR.SCENARIOS spill's header row; variances below it
  const firstVariance = scenarios + 1;
  const lastVariance = scenarios + 7;
  const envelope = c0 + 18;
  const contingency = envelope + 1;
  const calibration = envelope + 2;
  const contract: CellInput[][] = [
    ["Contract 2024/25: illustrative risk share on synthetic data"],
    ["Planned contract value", `=ROUND(H${t}*0.95, -3)`, "(demo: 5% below the priced caseload)"],
    ["Value of actual activity", `=H${t}`],
    [],
    ["Settlement", "Payment", "Activity value", "Provider gain", "Change against plan"],
    [null, `=PBR.SETTLEMENT(B${planned}, B${actual}, ${N.bands})`],
    [],
    ["Variances", `=PBR.SCENARIOS(B${planned}, A${firstVariance}:A${lastVariance}, ${N.bands})`],
    [-0.15],
    [-0.1],
    [-0.05],
    [0],
    [0.05],
    [0.1],
    [0.15],
    [],
    [],
    ["Stepped budgets (illustrative steps)"],
    ["Budget envelope", `=ROUND(H${t}, -3)`],
    ["Contingency", 0.1],
    [
      "Calibration factor k",
      `=PBR.RASCALIBRATE(${caseloadCol("D")}, ${caseloadCol("H")}, B${envelope}, B${contingency}, ${N.prices}, ${N.steps})`,
    ],
  ];
  return {
    key: "Summary",
    name: "Summary",
    blocks: [
      { kind: "cells", topLeft: "A1", values: intro },
      { kind: "cells", topLeft: `A${SUMMARY_HEADER_ROW}`, values: rows },
      {
        kind: "cells",
        topLeft: `A${c0}`,
        values: contract,
        formats: [
          [`H${top}:I${t}`, MONEY],
          [`B${planned}:B${actual}`, MONEY],
          [`B${settlement}:E${settlement}`, MONEY],
          [`A${firstVariance}:B${lastVariance}`, PERCENT],
          [`C${firstVariance}:F${lastVariance}`, MONEY],
          [`B${envelope}`, MONEY],
          [`B${contingency}`, PERCENT],
          [`B${calibration}`, "0.0000"],
        ].map(([address, format]) => ({ address, format })),
      },
      {
        kind: "chart",
        chart: {
          type: "bar",
          title: "People by cluster: recorded and suggested",
          dataAddress: `A${SUMMARY_HEADER_ROW}:C${bottom}`,
          anchor: SUMMARY_CHARTS[0],
          valueFormat: COUNT_AXIS,
        },
      },
      {
        kind: "chart",
        chart: {
          type: "line",
          title: "Risk share against variance: activity value, payment, provider gain, change",
          dataAddress: `B${scenarios}:F${lastVariance}`,
          anchor: SUMMARY_CHARTS[1],
          valueFormat: MONEY_AXIS,
        },
      },
    ],
  };
}

/**
 * The demo as a workbook plan, run by the same executor as Set up model: the Caseload and Summary
 * sheets, then the five built-in table sheets exactly as Set up model writes them.
 */
const ORDER = ["Prices", "Steps", "RiskBands", "Profile", "SuperclassRules"];

export function demoPlan(): WorkbookPlan {
  const tables = builtInSheets();
  return {
    // The tables the demo's formulas use most come first after the Summary.
    sheets: [
      caseloadSheet(),
      summarySheet(),
      ...ORDER.map((key) => tables.find((t) => t.key === key)!),
    ],
    select: { sheet: "Summary", address: "A1" },
  };
}

/** Fill an empty workbook (one blank sheet, which is removed) with the demo. */
export async function openDemo(
  port: WorkbookPort,
  onStep: (p: DemoProgress) => void = () => {}
): Promise<void> {
  const [blank] = await port.listSheets();
  onStep({
    step: `Writing ${DEMO_PEOPLE.toLocaleString("en-GB")} synthetic people and the illustrative tables`,
  });
  const result = await runPlan(port, demoPlan(), { chunkRows: 500 });
  if (blank && !Object.values(result.sheets).includes(blank)) await port.deleteSheet(blank);
}
