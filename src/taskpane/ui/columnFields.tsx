/* Choosing a caseload's columns: one field per column a journey asks for, each with its error. */
import { Field, Select } from "@fluentui/react-components";

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
