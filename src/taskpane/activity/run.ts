/** Activity by resource group: activity rows from a table, an extract file into a new sheet, and the plan through a WorkbookPort. */
import { headerKey, isBlankRow } from "../../core/values";
import { parseRange } from "../../workbook/address";
import type { CellInput, TableData, WorkbookPort } from "../../workbook/port";
import { runPlan, type RunOptions, type RunResult } from "../plan/run";
import type { CaseloadSource } from "../import/source";
import { activityPlan, type ActivityRow, type Preflight } from "./plan";
import { activityRowOf, type ActivityColumns, type ActivityField } from "./preflight";

export type { ActivityColumns, ActivityField } from "./preflight";

/**
 * MHSDS-style and everyday header names for each column, matched ignoring case, spaces, _ and -:
 * ServTeamTypeRefToMH (MHS102) for a contact's team type, HospitalBedTypeMH (MHS502) or
 * MHAdmittedPatientClass for a spell's bed type, AttendOrDNACode (MHS201) for attendance.
 */
const SYNONYMS: Record<ActivityField, string[]> = {
  kind: ["kind", "activitytype", "activity", "type", "contactorspell"],
  age: [
    "age",
    "ageatcarecontact",
    "agecarecontdate",
    "ageatcontact",
    "ageatadmission",
    "agerepperend",
    "ageyears",
  ],
  diagnosis: [
    "diagnosis",
    "primdiag",
    "primarydiagnosis",
    "icd10",
    "icd10code",
    "primarydiagnosiscode",
    "diag",
    "diagcode",
  ],
  team: [
    "teamtype",
    "servteamtypereftomh",
    "servteamtyperefttomh",
    "servteamtypemh",
    "serviceteamtype",
    "teamtypecode",
    "serviceteamtypereferredto",
    "team",
  ],
  bed: [
    "bedtype",
    "hospitalbedtypemh",
    "mhadmittedpatientclass",
    "admittedpatientclass",
    "hospitalbedtype",
    "bedtypecode",
    "wardbedtype",
  ],
  reason: ["referralreason", "primreasonreferralmh", "primaryreferralreason", "reasonforreferral"],
  crisis: ["crisis", "crisisreferral", "iscrisisreferral", "urgent"],
  attendance: [
    "attendance",
    "attendordnacode",
    "attendedordidnotattend",
    "attended",
    "attendancestatus",
    "attendstatus",
    "dna",
  ],
  units: [
    "units",
    "contacts",
    "beddays",
    "beddayscount",
    "days",
    "count",
    "activitycount",
    "quantity",
    "beddaysinyear",
    "numberofcontacts",
  ],
};

/** Index of the column for a field, or -1. */
export function guessActivityColumn(header: readonly string[], field: ActivityField): number {
  const keys = header.map(headerKey);
  for (const s of SYNONYMS[field]) {
    const i = keys.indexOf(s.replace(/\s+/g, ""));
    if (i >= 0) return i;
  }
  return -1;
}

/**
 * Activity rows from a table: `kind` is a column, or a fixed "contact"/"spell" for every row.
 * Fully blank rows are skipped; each row keeps its sheet row number for messages.
 */
export function activityRowsFrom(
  table: TableData,
  cols: ActivityColumns,
  fixedKind: "contact" | "spell" | null
): ActivityRow[] {
  const top = parseRange(table.address).top; // 0-based header row
  const out: ActivityRow[] = [];
  table.rows.forEach((row, i) => {
    if (!isBlankRow(row)) out.push(activityRowOf(row, top + 2 + i, cols, fixedKind));
  });
  return out;
}

/** Read an activity extract (CSV or XLSX) into a new "Activity" sheet as a table; returns the table name and rows read. */
export async function importActivity(
  port: WorkbookPort,
  source: CaseloadSource,
  options: RunOptions = {}
): Promise<{ table: string; rows: number; skipped: number[] }> {
  const rows: CellInput[][] = [];
  const skipped: number[] = [];
  const width = source.header.length;
  await source.readRows(
    (row, rowNo, problem) => {
      if (problem || row.length > width) {
        skipped.push(rowNo);
        return;
      }
      if (isBlankRow(row)) return;
      rows.push(Array.from({ length: width }, (_, c) => (row[c] ?? null) as CellInput));
    },
    { signal: options.signal }
  );
  const header = source.header.map((h, i) => h || `Column ${i + 1}`);
  const result = await runPlan(
    port,
    {
      sheets: [
        {
          key: "activity",
          name: "Activity",
          blocks: [{ kind: "table", topLeft: "A1", table: "Activity", header, rows }],
        },
      ],
    },
    options
  );
  return { table: result.tables.Activity, rows: rows.length, skipped };
}

export async function runActivity(
  port: WorkbookPort,
  checked: Preflight,
  sourceName: string,
  options: RunOptions = {}
): Promise<RunResult> {
  return runPlan(port, activityPlan(checked, sourceName), options);
}
