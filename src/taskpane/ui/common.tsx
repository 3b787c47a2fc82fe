/* Shared pieces of the pane: loading tables, pickers with their errors beside them, and running a
   plan with progress, a Cancel button and a plain-English outcome right under the button. */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  makeStyles,
} from "@fluentui/react-components";
import { asOneStep, type TableData, type WorkbookPort } from "../../workbook/port";
import { cleanupText, isAbort, leftBehind, type RunOptions, type RunProgress } from "../plan/run";
import type { Outcome } from "../plan/outcome";
import { describePreflight, type LeftOutRow, type Preflight } from "../plan/preflight";
import { guessColumn, type Field as CaseloadField } from "../plan/columns";
import { PREFERRED_NAMES, TABLE_COLUMNS, preferTable, tablesOfKind, tablesWith } from "./tables";

export const useStyles = makeStyles({
  form: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: "12px", maxWidth: "640px" },
  pair: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(240px, 1fr))",
    gap: "8px 16px",
    alignItems: "end",
    "& > *": { minWidth: 0 },
  },
  actions: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
});

/** An error as a sentence for the pane. */
export function describeError(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string") return error;
  return "Something went wrong and the workbook did not say what. Nothing was left half-written.";
}

export function NeedsWorkbook({ feature }: { feature: string }) {
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        {feature} needs a workbook. Open PbR Toolkit inside Excel, or try it in the playground, to use it.
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * The workbook's table names, newest first, with each table's header (so pickers can offer only
 * the tables that have the columns a journey needs) and any error in words; read again each time
 * the tab is shown.
 */
export function useTables(port: WorkbookPort, active = true) {
  const [tables, setTables] = useState<string[]>([]);
  const [headers, setHeaders] = useState<ReadonlyMap<string, readonly string[]>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      const found = (await port.listTableHeaders()).reverse();
      setTables(found.map((t) => t.name));
      setHeaders(new Map(found.map((t) => [t.name, t.header])));
      setError(null);
    } catch (e) {
      setError(`Could not list the workbook's tables: ${describeError(e)}`);
    }
  }, [port]);
  useEffect(() => {
    if (active) void refresh();
  }, [refresh, active]);
  return { tables, headers, error, refresh };
}

/**
 * A table choice that follows the newest candidate until the user picks one: after an import the
 * pickers move to the imported caseload, but never away from a table the user chose (unless it is
 * gone).
 */
export function useTableChoice(candidates: readonly string[]) {
  const [value, setValue] = useState("");
  const chosen = useRef(false);
  useEffect(() => {
    setValue((current) => {
      if (chosen.current && (current === "" || candidates.includes(current))) return current;
      chosen.current = false;
      return candidates[0] ?? "";
    });
  }, [candidates]);
  const choose = useCallback((name: string) => {
    chosen.current = true;
    setValue(name);
  }, []);
  return [value, choose] as const;
}

/**
 * Read a table when its name changes (for its header, to offer columns); null while none is chosen.
 * Features read the table again when they run, so what they write reflects the workbook as it is then.
 */
export function useTable(port: WorkbookPort, name: string) {
  const [table, setTable] = useState<TableData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    if (!name) {
      setTable(null);
      return;
    }
    port.readTable(name).then(
      (t) => live && setTable(t),
      (e) => {
        if (!live) return;
        setTable(null);
        setError(`Could not read table ${name}: ${describeError(e)}`);
      }
    );
    return () => {
      live = false;
    };
  }, [port, name]);
  return { table, error };
}

/**
 * The caseload a journey works on: the tables whose header has `fields` (and at least `ratings`
 * rating columns), the user's choice (following the newest until they pick), its header read, and
 * the columns of `guess` found in it, which the user can change. `enabled` false reads nothing.
 */
export function useCaseload<K extends string>(
  port: WorkbookPort,
  tables: readonly string[],
  headers: ReadonlyMap<string, readonly string[]>,
  fields: readonly CaseloadField[],
  guess: Readonly<Record<K, CaseloadField>>,
  { ratings = 0, enabled = true }: { ratings?: number; enabled?: boolean } = {}
) {
  const key = fields.join();
  // `fields` is compared by its text, so a literal array does not recompute every render.
  const candidates = useMemo(
    () => tablesWith(tables, headers, fields, ratings),
    [tables, headers, key, ratings]
  );

  const [name, setName] = useTableChoice(candidates);
  const { table, error } = useTable(port, enabled ? name : "");
  const guessed = (header: readonly string[] | null) =>
    Object.fromEntries(
      Object.entries<CaseloadField>(guess).map(([k, f]) => [k, header ? guessColumn(header, f) : -1])
    ) as Record<K, number>;
  const [cols, setCols] = useState(() => guessed(null));
  useEffect(() => {
    if (table) setCols(guessed(table.header));
    // Guess again only for a new table.
  }, [table]);
  /** Why the journey cannot start on the caseload yet, in words, or undefined. */
  const problem = (): string | undefined =>
    !name
      ? "Choose the caseload table."
      : !table
        ? (error ?? "The caseload table is still being read; try again in a moment.")
        : undefined;
  /** A ColumnField's header, choice and onChange for the column `k` (spread into the field). */
  const column = (k: K) => ({
    header: table?.header ?? [],
    value: cols[k],
    onChange: (c: number) => setCols({ ...cols, [k]: c }),
  });
  return { candidates, name, setName, table, error, cols, setCols, problem, column };
}

/** Each lookup picker's label, the header its table needs, and what "no table" means. */
const LOOKUP_FIELDS: Record<
  keyof typeof TABLE_COLUMNS,
  { readonly label: string; readonly hint?: string; readonly none: string }
> = {
  prices: { label: "Price table", none: "Built-in illustrative prices" },
  steps: { label: "Step table", hint: "Header Step | Percent", none: "Built-in illustrative steps" },
  bands: {
    label: "Band table",
    hint: "Header From | To | Rate",
    none: "Illustrative bands (written on the sheet)",
  },
  profile: {
    label: "Profile table",
    hint: "Header Cluster | Item | 0 | 1 | 2 | 3 | 4",
    none: "Built-in indicative profile",
  },
  rules: {
    label: "Super class rules table",
    hint: "Header Rule | Super class | When | Reason. With the built-in profile the built-in rules apply; with a profile table of your own, choose rules to decide the super class first.",
    none: "Built-in indicative rules",
  },
};

/**
 * A lookup table picker (prices, bands, steps, profile, rules): a TableField's props (spread them
 * into one), offering the tables of that kind and starting at the first whose name begins with one
 * of its PREFERRED_NAMES ("" for none). `value` is the table chosen.
 */
export function useLookupTable(
  tables: readonly string[],
  headers: ReadonlyMap<string, readonly string[]>,
  kind: keyof typeof TABLE_COLUMNS
) {
  const options = useMemo(() => tablesOfKind(tables, headers, kind), [tables, headers, kind]);
  const [name, setName] = useState("");
  const first = preferTable(options, ...PREFERRED_NAMES[kind]);
  useEffect(() => setName((n) => n || first), [first]);
  return { ...LOOKUP_FIELDS[kind], tables: options, value: name, onChange: setName };
}

/** Read a table afresh at run time, or null when none is chosen. */
export function readChosen(port: WorkbookPort, name: string): Promise<TableData | null> {
  return name ? port.readTable(name) : Promise.resolve(null);
}

export function TableField(props: {
  label: string;
  hint?: string;
  tables: readonly string[];
  value: string;
  onChange: (name: string) => void;
  /** Text of the "no table" choice, e.g. "Built-in illustrative prices". */
  none: string;
  error?: string | null;
  /** The error is a warning: the journey can go on without the table (the built-in one is used). */
  warning?: boolean;
  required?: boolean;
}) {
  return (
    <Field
      label={props.label}
      hint={props.hint}
      validationMessage={props.error ?? undefined}
      validationState={props.warning ? (props.error ? "warning" : "none") : undefined}
      required={props.required}
    >
      <Select value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        <option value="">{props.none}</option>
        <NameOptions names={props.tables} />
      </Select>
    </Field>
  );
}

/** One option per choice: its value, and the text shown for it. */
export function ChoiceOptions({
  choices,
}: {
  choices: readonly { readonly value: string; readonly text: string }[];
}) {
  return (
    <>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.text}
        </option>
      ))}
    </>
  );
}

/** One option per name (a table, a sheet), the name as both its value and its text. */
export function NameOptions({ names }: { names: readonly string[] }) {
  return (
    <>
      {names.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </>
  );
}

/** The caseload picker of a journey (from useCaseload), with the journey's own error first. */
export function CaseloadTableField({
  picker,
  error,
}: {
  picker: { candidates: readonly string[]; name: string; setName: (name: string) => void; error: string | null };
  error?: string;
}) {
  return (
    <TableField
      label="Caseload table"
      tables={picker.candidates}
      value={picker.name}
      onChange={picker.setName}
      none="— choose a table —"
      error={error ?? picker.error}
      required
    />
  );
}

/** One caseload column a journey asks for: required unless it offers `none`. */
export interface ColumnChoice<K extends string> {
  readonly column: K;
  readonly label: string;
  /** The choice for "no column" when the column may be left out. */
  readonly none?: string;
}

/** The id column every caseload journey offers (rows are numbered without it). */
export const ID_COLUMN = { column: "id", label: "Id column", none: "None (number the rows)" } as const;

/** A journey's caseload column fields, in order, each with its error from the last check. */
export function ColumnFields<K extends string>({
  picker,
  choices,
  errors,
}: {
  picker: { column: (k: K) => Pick<ColumnFieldProps, "header" | "value" | "onChange"> };
  choices: readonly ColumnChoice<K>[];
  errors: Partial<Record<string, string | null>>;
}) {
  return (
    <>
      {choices.map((c) => (
        <ColumnField
          key={c.column}
          label={c.label}
          {...picker.column(c.column)}
          none={c.none}
          error={errors[c.column]}
          required={c.none === undefined}
        />
      ))}
    </>
  );
}

interface ColumnFieldProps {
  label: string;
  header: readonly string[];
  value: number;
  onChange: (column: number) => void;
  none?: string;
  error?: string | null;
  required?: boolean;
}

export function ColumnField(props: ColumnFieldProps) {
  return (
    <Field label={props.label} validationMessage={props.error ?? undefined} required={props.required}>
      <Select value={String(props.value)} onChange={(_, d) => props.onChange(Number(d.value))}>
        <option value="-1">{props.none ?? "— choose a column —"}</option>
        {props.header.map((h, i) => (
          <option key={`${i}:${h}`} value={String(i)}>
            {h || `(column ${i + 1}, no header)`}
          </option>
        ))}
      </Select>
    </Field>
  );
}

type RunState =
  | { status: "idle" }
  | { status: "running"; progress: RunProgress | null }
  | { status: "done"; message: string }
  | { status: "written-with-errors"; message: string }
  | { status: "cancelled"; message: string }
  | { status: "error"; message: string };

/**
 * Run a piece of work that writes to the workbook, with progress and cancel. Given the port and
 * the action's name, the work is one undo step where the workbook offers that (the playground).
 */
export function useRunner(port?: WorkbookPort | null, label?: string) {
  const [state, setState] = useState<RunState>({ status: "idle" });
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(async (work: (options: RunOptions) => Promise<string | Outcome>) => {
    const c = new AbortController();
    controller.current = c;
    setState({ status: "running", progress: null });
    try {
      const run = () => work({ signal: c.signal, onProgress: (progress) => setState({ status: "running", progress }) });
      const result = port && label ? await asOneStep(port, label, run) : await run();
      if (typeof result === "string") setState({ status: "done", message: result });
      else setState({ status: result.hasErrors ? "written-with-errors" : "done", message: result.message });
    } catch (e) {
      const cleanup = cleanupText(e);
      const complete = leftBehind(e).length === 0;
      if (isAbort(e)) setState({ status: complete ? "cancelled" : "error", message: `Cancelled. ${cleanup}` });
      else setState({ status: "error", message: `${describeError(e)} ${cleanup}` });
    } finally {
      controller.current = null;
    }
  }, [port, label]);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const fail = useCallback((message: string) => setState({ status: "error", message }), []);
  const stop = useCallback((message: string) => setState({ status: "cancelled", message }), []);
  const clear = useCallback(() => setState({ status: "idle" }), []);
  return { state, start, cancel, fail, stop, clear, running: state.status === "running" };
}

/** The run button's outcome, shown right under it (and scrolled into view, so it is never missed). */
export function RunStatus({ state, onCancel }: { state: RunState; onCancel: () => void }) {
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle" && state.status !== "running") outcome.current?.scrollIntoView?.({ block: "nearest" });
  }, [state]);
  if (state.status === "idle") return null;
  if (state.status === "running") {
    const p = state.progress;
    const value = p && p.total > 0 ? Math.min(1, p.done / p.total) : undefined;
    return (
      <div role="status" aria-live="polite">
        <Field label={p ? `${p.step} (${p.done.toLocaleString("en-GB")} of ${p.total.toLocaleString("en-GB")} rows)` : "Starting…"}>
          <ProgressBar value={value} />
        </Field>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    );
  }
  const intent =
    state.status === "done" ? "success" : state.status === "cancelled" ? "info" : state.status === "written-with-errors" ? "warning" : "error";
  const alert = state.status === "error" || state.status === "written-with-errors";
  return (
    <MessageBar ref={outcome} layout="multiline" intent={intent} role={alert ? "alert" : "status"}>
      <MessageBarBody>{state.message}</MessageBarBody>
    </MessageBar>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset style={{ border: "none", margin: 0, padding: 0, minWidth: 0, display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: 8 }}>
      <legend style={{ fontWeight: 600, marginBottom: 4 }}>{title}</legend>
      {children}
    </fieldset>
  );
}

/**
 * The pre-flight's choice, shared by the journeys that write over a caseload: write at once when
 * every row can be used; say so and write nothing when none can; otherwise show what cannot be used
 * and wait for "Leave them out" (which calls `write` with those rows) or "Stop".
 */
export function useLeaveOut(runner: ReturnType<typeof useRunner>) {
  const [pending, setPending] = useState<PendingLeaveOut | null>(null);
  const reset = useCallback(() => setPending(null), []);
  const decide = useCallback(
    (check: Preflight, what: string, table: string, write: (leftOut: readonly LeftOutRow[]) => void) => {
      if (check.leftOut.length === 0) write([]);
      else if (check.leftOut.length === check.rows)
        runner.fail(
          `Nothing was written: none of the ${check.rows.toLocaleString("en-GB")} rows of ${table} can be ${what}. ${describePreflight(check, what, table).slice(1).join(" ")}`
        );
      else setPending({ lines: describePreflight(check, what, table), leaveOut: () => write(check.leftOut) });
    },
    [runner]
  );
  const notice = (
    <PreflightNotice
      pending={pending}
      onStop={() => {
        setPending(null);
        runner.stop("Stopped: nothing was written.");
      }}
    />
  );
  return { decide, reset, notice };
}

/** What a pre-flight found, waiting for the user to leave the rows out or stop. */
export interface PendingLeaveOut {
  lines: string[];
  leaveOut: () => void;
}

/**
 * The pre-flight's finding, in words, with the choice: leave the rows out (they are listed on the
 * result sheet) or stop (nothing is written).
 */
export function PreflightNotice({
  pending,
  onStop,
}: {
  pending: PendingLeaveOut | null;
  onStop: () => void;
}) {
  if (!pending) return null;
  const [first, ...rest] = pending.lines;
  return (
    <MessageBar layout="multiline" intent="warning" role="alert">
      <MessageBarBody>
        <div>{first}</div>
        <ul style={{ margin: "4px 0", paddingLeft: 18 }}>
          {rest.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
        <div style={{ display: "flex", gap: 8, flexWrap: "wrap", marginTop: 4 }}>
          <Button appearance="primary" onClick={pending.leaveOut}>
            Leave them out and write
          </Button>
          <Button onClick={onStop}>Stop</Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
