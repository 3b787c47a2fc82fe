/* Activity by resource group: an activity table (or an extract opened here) in; a Resource groups
   sheet with a live =PBR.MHNRG and =PBR.MHNRGPRICE per row, a summary by group with the
   unclassified share and specialised units, and a chart out. Rows that cannot be grouped are
   found before anything is written, listed here with their sheet row, and left out only when the
   user says so. */
import { useEffect, useRef, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
} from "@fluentui/react-components";
import { ACCEPT, openCaseloadFile } from "../import/openFile";
import type { SheetReader } from "../import/xlsxSource";
import { useStyles } from "../ui/layout";
import { describeError } from "../ui/describeError";
import { useTable, useTables } from "../ui/tableHooks";
import { TableField } from "../ui/pickers";
import { ColumnField } from "../ui/columnFields";
import { useRunner } from "../ui/runner";
import { RunFooter, journey, type FormProps } from "../ui/journey";
import { preferTable } from "../ui/tables";
import { outcome, readBackErrors } from "../plan/outcome";
import { preflightActivity, type Preflight } from "./plan";
import {
  activityRowsFrom,
  guessActivityColumn,
  importActivity,
  runActivity,
  type ActivityColumns,
  type ActivityField,
} from "./run";

const readXlsx: SheetReader = async (input) => {
  const { readSheet } = await import("read-excel-file/browser");
  return (await readSheet(input as Blob)) as unknown[][];
};

const FIELDS: { field: ActivityField; label: string; none: string }[] = [
  { field: "age", label: "Age column", none: "None (everyone adult)" },
  { field: "diagnosis", label: "Primary diagnosis (ICD-10) column", none: "None" },
  { field: "service", label: "Team type (contacts) or bed type (spells) column", none: "None" },
  { field: "reason", label: "Primary referral reason column", none: "None" },
  { field: "crisis", label: "Crisis referral column (TRUE/FALSE)", none: "None" },
  { field: "units", label: "Units column (contacts or bed days)", none: "None (one per row)" },
];

/** "1 row", "2 rows". */
const rowsText = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "row" : "rows"}`;

const NO_COLUMNS: ActivityColumns = {
  kind: -1,
  age: -1,
  diagnosis: -1,
  service: -1,
  reason: -1,
  crisis: -1,
  units: -1,
};

export const ActivityGroups = journey("Activity by resource group", ActivityForm);

function ActivityForm({ port, active }: FormProps) {
  const styles = useStyles();
  const { tables, error: tablesError } = useTables(port, active);
  const [tableName, setTableName] = useState("");
  const [cols, setCols] = useState<ActivityColumns>(NO_COLUMNS);
  const [kind, setKind] = useState<"column" | "contact" | "spell">("contact");
  const [checked, setChecked] = useState<Preflight | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const runner = useRunner(port, "Resource groups");
  const { table, error: tableError } = useTable(port, tableName);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setTableName((t) => t || preferTable(tables, "Activity"));
  }, [tables]);

  useEffect(() => {
    setChecked(null);
    if (!table) return;
    const guessed = { ...NO_COLUMNS };
    for (const f of Object.keys(NO_COLUMNS) as ActivityField[])
      guessed[f] = guessActivityColumn(table.header, f);
    setCols(guessed);
    if (guessed.kind >= 0) setKind("column");
  }, [table]);

  const openExtract = async (file: File | undefined) => {
    if (!file) return;
    setOpening(`Reading ${file.name}…`);
    try {
      const source = await openCaseloadFile(file, readXlsx);
      const result = await importActivity(port, source);
      setTableName(result.table);
      setOpening(
        `Read ${result.rows.toLocaleString("en-GB")} rows of ${file.name} into table ${result.table} on a new sheet.` +
          (result.skipped.length > 0
            ? ` ${result.skipped.length} rows were not read (more cells than the header, or unreadable): file rows ${result.skipped.slice(0, 5).join(", ")}${result.skipped.length > 5 ? "…" : ""}.`
            : "")
      );
    } catch (e) {
      setOpening(`Nothing was read from ${file.name}: ${describeError(e)}`);
    }
  };

  const check = (): Preflight | null => {
    if (!table) return null;
    const rows = activityRowsFrom(table, cols, kind === "column" ? null : kind);
    const result = preflightActivity(rows);
    setChecked(result);
    return result;
  };

  const write = (pre: Preflight) => {
    setChecked(null);
    void runner.start(async (options) => {
      const result = await runActivity(port, pre, tableName, options);
      const share = pre.totalUnits > 0 ? (100 * pre.unclassifiedUnits) / pre.totalUnits : 0;
      const grouped = pre.rows.length - pre.leftOut.length;
      const success =
        `Wrote sheet ${result.sheets.groups}: ${grouped.toLocaleString("en-GB")} rows grouped by a live PBR.MHNRG, ` +
        `priced at the 2026/27 indicative prices, with a summary by resource group and a chart. ` +
        `${share.toFixed(1)}% of units are unclassified (MBU). ` +
        (pre.specialised.length > 0
          ? `Specialised services (out of scope), counted but not priced: ${rowsText(pre.specialised.length)}. `
          : "") +
        (pre.leftOut.length > 0
          ? `Left out: ${rowsText(pre.leftOut.length)} (Status says why).`
          : "No rows were left out.");
      return outcome(
        success,
        await readBackErrors(port, [result.sheets.groups]),
        "Rows that could not be grouped were left out before writing, so an error here comes from a changed table or price: hover the cell for its message."
      );
    });
  };

  const go = () => {
    if (!tableName || !table) {
      runner.fail(tableError ?? "Choose the activity table, or open an activity extract.");
      return;
    }
    if (kind === "column" && cols.kind < 0) {
      runner.fail("Choose the column that says contact or spell, or say what every row is.");
      return;
    }
    const pre = check();
    if (!pre) return;
    if (pre.rows.length === 0) {
      runner.fail(`Table ${tableName} has no rows of activity.`);
      return;
    }
    if (pre.leftOut.length === 0) write(pre);
  };

  return (
    <div className={styles.form}>
      <Body1>
        Groups each contact or inpatient spell into its mental health resource group (the 2026
        currency) with a live PBR.MHNRG, prices it at the 2026/27 indicative prices (for local
        agreement, not a mandatory tariff), and sums value and units by group.
      </Body1>
      {tablesError && <Body1 role="alert">{tablesError}</Body1>}
      <Field
        label="Open an activity extract (CSV or Excel)"
        hint="Read into a new Activity sheet; nothing leaves this computer."
      >
        {(fieldProps) => (
          <input
            {...fieldProps}
            ref={fileInput}
            type="file"
            accept={ACCEPT}
            onChange={(e) => void openExtract(e.target.files?.[0])}
          />
        )}
      </Field>
      {opening && <Caption1 role="status">{opening}</Caption1>}
      <div className={styles.pair}>
        <TableField
          label="Activity table"
          tables={tables}
          value={tableName}
          onChange={setTableName}
          none="— choose a table —"
          error={tableError}
          required
        />
        <Field label="Each row is">
          <Select value={kind} onChange={(_, d) => setKind(d.value as typeof kind)}>
            <option value="contact">A contact (units = contacts)</option>
            <option value="spell">A spell (units = bed days)</option>
            <option value="column">Given by a column</option>
          </Select>
        </Field>
        {table && kind === "column" && (
          <ColumnField
            label="Contact or spell column"
            header={table.header}
            value={cols.kind}
            onChange={(c) => setCols({ ...cols, kind: c })}
            required
          />
        )}
        {table &&
          FIELDS.map((f) => (
            <ColumnField
              key={f.field}
              label={f.label}
              header={table.header}
              value={cols[f.field]}
              onChange={(c) => setCols({ ...cols, [f.field]: c })}
              none={f.none}
            />
          ))}
      </div>
      {checked && checked.leftOut.length > 0 && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            {checked.leftOut.length.toLocaleString("en-GB")} of{" "}
            {checked.rows.length.toLocaleString("en-GB")} rows cannot be grouped:{" "}
            {checked.leftOut
              .slice(0, 5)
              .map((r) => `sheet row ${r.sheetRow}: ${r.reason_}`)
              .join("; ")}
            {checked.leftOut.length > 5 ? "; …" : ""}. Leave them out (they stay on the sheet,
            marked, with no formulas) or correct the table and try again.
            <div>
              <Button onClick={() => write(checked)} disabled={runner.running}>
                Leave {rowsText(checked.leftOut.length)} out and write
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      <RunFooter label="Group and price activity" onRun={go} runner={runner} />
    </div>
  );
}
