/* Table pickers and the options of a Select: a table field with its error beside it, the caseload
   picker, and options from choices or names. */
import { Field, Select } from "@fluentui/react-components";
import { useTableSummaries } from "./tableHooks";
import { tableLabel } from "./tables";

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
      style={{ minWidth: 0 }}
    >
      {/* A long label (name, sheet and size) is cut inside the pane, never widening it. */}
      <Select
        value={props.value}
        onChange={(_, d) => props.onChange(d.value)}
        style={{ minWidth: 0, maxWidth: "100%" }}
        select={{ style: { minWidth: 0, width: "100%", textOverflow: "ellipsis" } }}
      >
        <option value="">{props.none}</option>
        <TableOptions names={props.tables} />
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

/** One option per table: its name as the value, its name, sheet and size as the text. */
function TableOptions({ names }: { names: readonly string[] }) {
  const summaries = useTableSummaries();
  return (
    <>
      {names.map((name) => (
        <option key={name} value={name}>
          {tableLabel(name, summaries.get(name))}
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
  picker: {
    candidates: readonly string[];
    name: string;
    setName: (name: string) => void;
    error: string | null;
  };
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
