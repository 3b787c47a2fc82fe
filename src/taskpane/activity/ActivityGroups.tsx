/* Activity by resource group: an activity table (or an extract opened here) in; a Resource groups
   sheet with a live =PBR.MHNRG and =PBR.MHNRGPRICE per row, a summary by group with the
   unclassified share and specialised units, and a chart out. Rows that cannot be grouped,
   duplicates and blank units are found before anything is written and listed here with their
   sheet rows, each a link to its row (findings.ts); nothing is left out until the user says so. */
import { useEffect, useRef, useState, type ReactNode } from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
} from "@fluentui/react-components";
import { ACCEPT, fileKind, openCaseloadFile } from "../import/openFile";
import type { SheetReader } from "../import/xlsxSource";
import { useStyles } from "../ui/layout";
import { describeError } from "../ui/describeError";
import { useTable, useTables } from "../ui/tableHooks";
import { TableField } from "../ui/pickers";
import { ColumnField } from "../ui/columnFields";
import { useRunner } from "../ui/runner";
import { RunFooter, journey, type FormProps } from "../ui/journey";
import { preferTable } from "../ui/tables";
import { LinkedText } from "../ui/LinkedText";
import { outcome, readBackErrors } from "../plan/outcome";
import { DEFAULT_CHOICES, preflightActivity, type Choices, type Preflight } from "./preflight";
import { rowsText, summaryText } from "./summary";
import { blankUnitsFinding, duplicatesFinding, invalidFinding, leftOutWhere } from "./findings";
import {
  activityRowsFrom,
  guessActivityColumn,
  importActivity,
  runActivity,
  type ActivityColumns,
  type ActivityField,
} from "./run";
import { ExtractNote, ExtractQuestions, useBigExtract } from "./BigExtract";

const readXlsx: SheetReader = async (input) => {
  const { readSheet } = await import("read-excel-file/browser");
  return (await readSheet(input as Blob)) as unknown[][];
};

const FIELDS: { field: ActivityField; label: string; none: string }[] = [
  { field: "age", label: "Age column", none: "None (everyone adult)" },
  { field: "diagnosis", label: "Primary diagnosis (ICD-10) column", none: "None" },
  { field: "team", label: "Team type column (contacts, e.g. ServTeamTypeRefToMH)", none: "None" },
  { field: "bed", label: "Bed type column (spells, e.g. HospitalBedTypeMH)", none: "None" },
  { field: "reason", label: "Primary referral reason column", none: "None" },
  { field: "crisis", label: "Crisis referral column (TRUE/FALSE)", none: "None" },
  {
    field: "attendance",
    label: "Attendance column (contacts: did-not-attend and cancelled are £0)",
    none: "None (all attended)",
  },
  { field: "units", label: "Units column (contacts or bed days)", none: "None (one per row)" },
];

const NO_COLUMNS: ActivityColumns = {
  kind: -1,
  age: -1,
  diagnosis: -1,
  team: -1,
  bed: -1,
  reason: -1,
  crisis: -1,
  units: -1,
  attendance: -1,
};

export const ActivityGroups = journey("Activity by resource group", ActivityForm);

function ActivityForm({ port, active }: FormProps) {
  const styles = useStyles();
  const { tables, error: tablesError, refresh } = useTables(port, active);
  const [tableName, setTableName] = useState("");
  const [cols, setCols] = useState<ActivityColumns>(NO_COLUMNS);
  const [kind, setKind] = useState<"column" | "contact" | "spell">("contact");
  const [checked, setChecked] = useState<Preflight | null>(null);
  const [choices, setChoices] = useState<Choices>(DEFAULT_CHOICES);
  const [opening, setOpening] = useState<string | null>(null);
  const runner = useRunner(port, "Resource groups");
  const { table, error: tableError } = useTable(port, tableName);
  const fileInput = useRef<HTMLInputElement>(null);
  // An extract past Excel's rows (or, when asked, any CSV extract) is grouped without writing its rows.
  const [asked, setAsked] = useState(false);
  const big = useBigExtract(port, runner);
  const header = big.extract ? big.extract.head.header : table?.header;

  useEffect(() => {
    setTableName((t) => t || preferTable(tables, "Activity"));
  }, [tables]);

  useEffect(() => {
    setChecked(null);
    if (!header) return;
    const guessed = { ...NO_COLUMNS };
    for (const f of Object.keys(NO_COLUMNS) as ActivityField[])
      guessed[f] = guessActivityColumn(header, f);
    setCols(guessed);
    if (guessed.kind >= 0) setKind("column");
  }, [header]);

  const openExtract = async (file: File | undefined) => {
    if (!file) return;
    setOpening(`Reading ${file.name}…`);
    try {
      const csv = fileKind(file.name) === "csv";
      if (csv) {
        const taken = await big.open(file, asked);
        if (taken) {
          setOpening(taken);
          return;
        }
      } else big.clear();
      const source = await openCaseloadFile(file, readXlsx);
      const result = await importActivity(port, source);
      await refresh(); // so the new table is in the picker (Excel does not tell the pane)
      setTableName(result.table);
      setOpening(
        `Read ${result.rows.toLocaleString("en-GB")} rows of ${file.name} into table ${result.table} on a new sheet.` +
          (result.skipped.length > 0
            ? ` ${result.skipped.length} rows were not read (more cells than the header, or unreadable): file rows ${result.skipped.slice(0, 5).join(", ")}${result.skipped.length > 5 ? "…" : ""}.`
            : "") +
          (asked && !csv
            ? " Grouping without writing the rows takes CSV extracts; an Excel sheet already fits in the workbook, so it was read in as usual."
            : "")
      );
    } catch (e) {
      setOpening(`Nothing was read from ${file.name}: ${describeError(e)}`);
    }
  };

  const check = (with_: Choices = choices): Preflight | null => {
    if (!table) return null;
    const rows = activityRowsFrom(table, cols, kind === "column" ? null : kind);
    const result = preflightActivity(rows, with_, table.sheet);
    setChecked(result);
    return result;
  };

  const choose = (next: Choices) => {
    setChoices(next);
    check(next);
  };

  const write = (pre: Preflight) => {
    setChecked(null);
    void runner.start(async (options) => {
      const result = await runActivity(port, pre, tableName, options);
      const grouped = pre.rows.length - pre.leftOut.length;
      // The first rows left out, named and linked ("Status says why and links to the row: Activity row 6, …").
      const where = leftOutWhere(pre);
      const success =
        `Wrote sheet ${result.sheets.groups}: ${grouped.toLocaleString("en-GB")} rows grouped by a live PBR.MHNRG, ` +
        `priced at the 2026/27 indicative prices, with a summary by resource group and a chart. ` +
        summaryText(pre, where.text);
      const done = outcome(
        success,
        await readBackErrors(port, [result.sheets.groups]),
        "Rows that could not be grouped were left out before writing, so an error here comes from a changed table or price: hover the cell for its message."
      );
      return done.hasErrors ? done : { ...done, links: where.links };
    });
  };

  const go = () => {
    if (big.extract) {
      if (kind === "column" && cols.kind < 0)
        runner.fail("Choose the column that says contact or spell, or say what every row is.");
      else big.run(cols, kind === "column" ? null : kind);
      return;
    }
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
    if (pre.invalid.length === 0 && pre.duplicates.length === 0 && pre.blankUnits.length === 0)
      write(pre);
  };

  const flagged =
    checked &&
    (checked.invalid.length > 0 || checked.duplicates.length > 0 || checked.blankUnits.length > 0);
  const invalid = checked && invalidFinding(checked);
  const duplicates = checked && duplicatesFinding(checked);
  const blankUnits = checked && blankUnitsFinding(checked);

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
        hint="Read into a new Activity sheet; nothing leaves this computer. A CSV extract past Excel's 1,048,576 rows is grouped here without writing its rows."
      >
        {(fieldProps) => (
          <input
            {...fieldProps}
            ref={fileInput}
            type="file"
            accept={ACCEPT}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = ""; // choosing the same file again reads it again
              void openExtract(file);
            }}
          />
        )}
      </Field>
      <Checkbox
        checked={asked}
        onChange={(_, d) => setAsked(d.checked === true)}
        label="Group a CSV extract without writing its rows (only the summary and the rows left out)"
      />
      {opening && <Caption1 role="status">{opening}</Caption1>}
      {big.extract && <ExtractNote extract={big.extract} onTable={big.clear} />}
      <div className={styles.pair}>
        {!big.extract && (
          <TableField
            label="Activity table"
            tables={tables}
            value={tableName}
            onChange={setTableName}
            none="— choose a table —"
            error={tableError}
            required
          />
        )}
        <Field label="Each row is">
          <Select value={kind} onChange={(_, d) => setKind(d.value as typeof kind)}>
            <option value="contact">A contact (units = contacts)</option>
            <option value="spell">A spell (units = bed days)</option>
            <option value="column">Given by a column</option>
          </Select>
        </Field>
        {header && kind === "column" && (
          <ColumnField
            label="Contact or spell column"
            header={header}
            value={cols.kind}
            onChange={(c) => setCols({ ...cols, kind: c })}
            required
          />
        )}
        {header &&
          FIELDS.map((f) => (
            <ColumnField
              key={f.field}
              label={f.label}
              header={header}
              value={cols[f.field]}
              onChange={(c) => setCols({ ...cols, [f.field]: c })}
              none={f.none}
            />
          ))}
      </div>
      {checked && flagged && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            {invalid && (
              <div>
                <LinkedText text={invalid.text} links={invalid.links} port={port} />
              </div>
            )}
            {duplicates && (
              <KeepOrLeave
                label="Duplicate rows"
                value={choices.duplicates}
                onChange={(duplicates) => choose({ ...choices, duplicates })}
                leave="Leave duplicates out"
                keep="Keep duplicates (count them again)"
              >
                <LinkedText text={duplicates.text} links={duplicates.links} port={port} />
              </KeepOrLeave>
            )}
            {blankUnits && (
              <KeepOrLeave
                label="Blank units"
                value={choices.blankUnits}
                onChange={(blankUnits) => choose({ ...choices, blankUnits })}
                leave="Leave rows with blank units out"
                keep="Keep them as 1 (one contact; a same-day spell is 1 bed day)"
              >
                <LinkedText text={blankUnits.text} links={blankUnits.links} port={port} />
              </KeepOrLeave>
            )}
            <div>
              <Button onClick={() => write(checked)} disabled={runner.running}>
                {checked.leftOut.length > 0
                  ? `Leave ${rowsText(checked.leftOut.length)} out and write`
                  : "Write"}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      <ExtractQuestions
        big={big}
        running={runner.running}
        question={(p) => <KeepOrLeave {...p} />}
      />
      <RunFooter label="Group and price activity" onRun={go} runner={runner} />
    </div>
  );
}

type KeepChoice = Choices["duplicates"];

/** A pre-flight question with two answers: leave such rows out, or keep them. */
function KeepOrLeave(props: {
  label: string;
  value: KeepChoice;
  onChange: (value: KeepChoice) => void;
  leave: string;
  keep: string;
  children: ReactNode;
}) {
  return (
    <RadioGroup
      aria-label={props.label}
      value={props.value}
      onChange={(_, d) => props.onChange(d.value as KeepChoice)}
    >
      <div>{props.children}</div>
      <Radio value="leave out" label={props.leave} />
      <Radio value="keep" label={props.keep} />
    </RadioGroup>
  );
}
