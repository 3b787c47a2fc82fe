/**
 * The demo workbook the playground opens: a SYNTHETIC caseload, the ILLUSTRATIVE price, step and
 * band tables, the INDICATIVE cluster profile, and a Summary sheet built from PBR.* formulas.
 * Written through the WorkbookPort, the same way the task pane writes to Excel.
 *
 * Formulas from families that are not in the build yet show #NAME? until they are (the cells
 * are listed in DEMO_CELLS_BY_FAMILY).
 */
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
import { ILLUSTRATIVE_STEPS } from "../../core/ras/illustrative";
import { ILLUSTRATIVE_BANDS } from "../../core/riskshare/illustrative";
import { ILLUSTRATIVE_PRICES, type BuiltInTable } from "../../core/tariff/illustrative";
import { CLUSTERS } from "../../core/clusters/reference";
import { rangeAddress } from "../../workbook/address";
import { typedCell } from "../../workbook/cellText";
import type { CellInput, WorkbookPort } from "../../workbook/port";
import { CASELOAD_HEADER, DEMO_PEOPLE, DEMO_SEED, syntheticCaseload } from "./syntheticCaseload";

const MONEY = "£#,##0.00";
const DATE = "dd/mm/yyyy";
const PERCENT = "0%";

/** Row of the first caseload person (1-based) and the last. */
const FIRST = 4;
const LAST = FIRST + DEMO_PEOPLE - 1;
const RATINGS = `I${FIRST}:Z${LAST}`;
const col = (letter: string) => `${letter}${FIRST}:${letter}${LAST}`;
const caseloadCol = (letter: string) => `Caseload!$${letter}$${FIRST}:$${letter}$${LAST}`;

/** Which demo cells need which function family (for reports and tests). */
export const DEMO_CELLS_BY_FAMILY: Record<string, string[]> = {
  clusters: [
    "Caseload!AA4",
    "Caseload!AB4",
    "Caseload!AC4",
    "Summary!C4:C24",
    "Summary!E4",
    "Summary!F4",
    "Summary!G4",
  ],
  tariff: [
    "Caseload!AD4",
    "Caseload!AE4",
    "Summary!H4:H25",
    "Summary!I4",
    "Summary!B29:B30",
    "Summary!B46",
  ],
  riskshare: ["Summary!B33", "Summary!B35"],
  ras: ["Summary!B48", "Caseload!AF4"],
};

async function writeBuiltIn(
  port: WorkbookPort,
  sheetName: string,
  table: BuiltInTable,
  tableName: string,
  rangeName: string,
  formats: [string, string][] = []
): Promise<string> {
  const sheet = await port.createSheet(sheetName);
  await port.writeRange(sheet, "A1:A2", [[table.title], [table.note]]);
  const { address } = await port.writeTable(
    sheet,
    "A3",
    tableName,
    table.header,
    // Authored as text ("13" for an item): written as a user would type it.
    (table.rows as CellInput[][]).map((r) => r.map(typedCell))
  );
  await port.addName(rangeName, sheet, address);
  for (const [range, format] of formats) await port.setNumberFormat(sheet, range, format);
  return sheet;
}

export interface DemoProgress {
  step: string;
}

/**
 * Fill an empty workbook (one blank sheet, which is removed) with the demo. Sheets: Caseload,
 * Summary, Prices, Steps, RiskBands, Profile.
 */
export async function openDemo(
  port: WorkbookPort,
  onStep: (p: DemoProgress) => void = () => {}
): Promise<void> {
  const [blank] = await port.listSheets();

  onStep({ step: "Writing the illustrative tables" });
  const caseload = await port.createSheet("Caseload");
  const summary = await port.createSheet("Summary");
  await writeBuiltIn(port, "Prices", ILLUSTRATIVE_PRICES, "Prices", "PriceTable", [
    ["B4:C24", MONEY],
  ]);
  await writeBuiltIn(port, "Steps", ILLUSTRATIVE_STEPS, "Steps", "StepTable", [["B4:B8", PERCENT]]);
  await writeBuiltIn(port, "RiskBands", ILLUSTRATIVE_BANDS, "RiskBands", "BandTable", [
    ["A4:C6", PERCENT],
  ]);
  const profile = defaultProfileGrid();
  await writeBuiltIn(
    port,
    "Profile",
    {
      title: DEFAULT_PROFILE_TITLE,
      note: DEFAULT_PROFILE_NOTE,
      header: profile[0].map(String),
      rows: profile.slice(1),
    },
    "Profile",
    "ProfileTable"
  );
  const rules = defaultSuperclassRulesGrid();
  await writeBuiltIn(
    port,
    "SuperclassRules",
    {
      title: DEFAULT_RULES_TITLE,
      note: DEFAULT_RULES_NOTE,
      header: rules[0],
      rows: rules.slice(1),
    },
    "SuperclassRules",
    "SuperclassRulesTable"
  );
  if (blank && blank !== caseload) await port.deleteSheet(blank);

  onStep({ step: "Writing 2,000 synthetic people" });
  await port.writeRange(caseload, "A1:A2", [
    [
      `SYNTHETIC CASELOAD: ${DEMO_PEOPLE.toLocaleString("en-GB")} made-up people generated from seed ${DEMO_SEED}. Not real patients.`,
    ],
    [
      "For trying PbR Toolkit only. Ratings loosely follow the indicative profile; periods start in 2023/24 and 2024/25; prices, steps and bands are illustrative.",
    ],
  ]);
  await port.writeTable(caseload, "A3", "Caseload", CASELOAD_HEADER, syntheticCaseload(), {
    chunkRows: 500,
  });
  await port.writeRange(caseload, "AA3:AF4", [
    [
      "Suggested cluster",
      "Audit",
      "Review due",
      "Days in 2024/25",
      "Cost 2024/25",
      "Indicative budget",
    ],
    [
      `=PBR.CLUSTER(${RATINGS}, , ProfileTable, SuperclassRulesTable)`,
      `=PBR.CLUSTERCHECK(${RATINGS}, ${col("D")}, ProfileTable, SuperclassRulesTable)`,
      `=PBR.REVIEWDUE(${col("D")}, ${col("E")})`,
      `=PBR.FYDAYS(${col("E")}, ${col("F")}, 2024)`,
      `=PBR.FYCOST(${col("D")}, ${col("E")}, ${col("F")}, 2024, ${col("G")}, PriceTable)`,
      `=PBR.RASBUDGET(${col("D")}, ${col("H")}, PriceTable, StepTable, Summary!$B$48)`,
    ],
  ]);
  for (const [range, format] of [
    [`E${FIRST}:F${LAST}`, DATE],
    [`AC${FIRST}:AC${LAST}`, DATE],
    [`AE${FIRST}:AF${LAST}`, MONEY],
  ]) {
    await port.setNumberFormat(caseload, range, format);
  }

  onStep({ step: "Writing the summary" });
  const codes = CLUSTERS.map((c) => c.code);
  const top = 4;
  const bottom = top + codes.length - 1;
  const rows: CellInput[][] = [
    ["Summary of the SYNTHETIC demo caseload (illustrative prices, steps and bands)"],
    [
      "Counts use PBR.CLUSTER and PBR.CLUSTERCHECK on the Caseload sheet; costs use PBR.FYCOST with the illustrative price table.",
    ],
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
      i === 0 ? `=PBR.TARIFF(A${top}:A${bottom}, 1, , PriceTable)` : null,
    ]);
  });
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
  const width = 9;
  const padded = rows.map((r) => [...r, ...Array<CellInput>(width - r.length).fill(null)]);
  await port.writeRange(summary, rangeAddress(0, 0, padded.length, width), padded);
  const t = bottom + 1; // totals row
  await port.writeRange(summary, "A28:E48", [
    ["Contract 2024/25: illustrative risk share on synthetic data", null, null, null, null],
    [
      "Planned contract value",
      `=ROUND(H${t}*0.95, -3)`,
      "(demo: 5% below the priced caseload)",
      null,
      null,
    ],
    ["Value of actual activity", `=H${t}`, null, null, null],
    [null, null, null, null, null],
    ["Settlement", "Payment", "Activity value", "Provider gain", "Change against plan"],
    [null, "=PBR.SETTLEMENT(B29, B30, BandTable)", null, null, null],
    [null, null, null, null, null],
    ["Variances", "=PBR.SCENARIOS(B29, A36:A42, BandTable)", null, null, null],
    [-0.15, null, null, null, null],
    [-0.1, null, null, null, null],
    [-0.05, null, null, null, null],
    [0, null, null, null, null],
    [0.05, null, null, null, null],
    [0.1, null, null, null, null],
    [0.15, null, null, null, null],
    [null, null, null, null, null],
    [null, null, null, null, null],
    ["Stepped budgets (illustrative steps)", null, null, null, null],
    ["Budget envelope", `=ROUND(H${t}, -3)`, null, null, null],
    ["Contingency", 0.1, null, null, null],
    [
      "Calibration factor k",
      `=PBR.RASCALIBRATE(${caseloadCol("D")}, ${caseloadCol("H")}, B46, B47, PriceTable, StepTable)`,
      null,
      null,
      null,
    ],
  ]);
  for (const [range, format] of [
    [`H${top}:I${t}`, MONEY],
    ["B29:B30", MONEY],
    ["B33:E33", MONEY],
    ["A36:B42", PERCENT],
    ["C36:F42", MONEY],
    ["B46", MONEY],
    ["B47", PERCENT],
    ["B48", "0.0000"],
  ] as const) {
    await port.setNumberFormat(summary, range, format);
  }
  await port.addChart(summary, {
    type: "bar",
    title: "People by cluster: recorded and suggested",
    dataAddress: `A3:C${bottom}`,
    anchor: "G27",
  });
  await port.addChart(summary, {
    type: "line",
    title: "Risk share against variance: activity value, payment, provider gain, change",
    dataAddress: "B35:F42",
    anchor: "G41",
  });
  await port.select(caseload, "A1");
}
