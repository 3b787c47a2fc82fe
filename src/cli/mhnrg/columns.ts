/**
 * Which column of the extract holds each field: the headers the task pane recognises (core's one
 * table of MHSDS names and plain English), then the user's --map field=Header, then --kind.
 */
import {
  ACTIVITY_FIELDS,
  guessActivityColumn,
  type ActivityField,
} from "../../core/mhnrg/activityColumns";
import { headerKey } from "../../core/values";
import { usageError } from "../io";

export type Fields = Partial<Record<ActivityField, string>>;

const list = (xs: readonly string[]) => xs.map((x) => JSON.stringify(x)).join(", ");

/** `maps` as given: "field=Header" (an empty Header: the field has no column). */
export function resolveFields(
  columns: readonly string[],
  maps: readonly string[],
  fixedKind: "contact" | "spell" | null,
  file: string
): Fields {
  const fields: Fields = {};
  for (const f of ACTIVITY_FIELDS) {
    const i = guessActivityColumn(columns, f);
    if (i >= 0) fields[f] = columns[i];
  }
  for (const m of maps) {
    const eq = m.indexOf("=");
    const field = (eq < 0 ? m : m.slice(0, eq)).trim().toLowerCase() as ActivityField;
    if (eq < 0 || !ACTIVITY_FIELDS.includes(field))
      throw usageError(
        `--map ${m}: say field=Header, the field one of ${ACTIVITY_FIELDS.join(", ")}`
      );
    const header = m.slice(eq + 1);
    if (header.trim() === "") {
      delete fields[field];
      continue;
    }
    const found =
      columns.find((c) => c === header) ?? columns.find((c) => headerKey(c) === headerKey(header));
    if (found === undefined)
      throw usageError(
        `--map ${m}: ${file} has no column "${header}" (its columns: ${list(columns)})`
      );
    fields[field] = found;
  }
  if (fixedKind) delete fields.kind;
  else if (fields.kind === undefined)
    throw usageError(
      `${file} has no column saying contact or spell (its columns: ${list(columns)}); name it with --map kind=Header, or say --kind contact or --kind spell`
    );
  return fields;
}

/** "kind ← Activity, age ← AgeAtCareContact, …; not found: crisis" for the terminal. */
export function fieldsText(fields: Fields, fixedKind: string | null): string {
  const found = ACTIVITY_FIELDS.filter((f) => fields[f] !== undefined).map(
    (f) => `${f} ← ${JSON.stringify(fields[f])}`
  );
  if (fixedKind) found.unshift(`kind: every row a ${fixedKind}`);
  const missing = ACTIVITY_FIELDS.filter(
    (f) => fields[f] === undefined && !(f === "kind" && fixedKind)
  );
  return `Columns: ${found.join(", ")}${missing.length ? `; none for ${missing.join(", ")}` : ""}`;
}
