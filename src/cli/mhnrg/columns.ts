/**
 * Which column of the extract holds each field: the headers the task pane recognises (core's one
 * table of MHSDS names and plain English), then the user's --map field=Header, then --kind. Beside
 * the pane's fields, the command reads each row's MFF (the pane prices with one MFF, or none).
 */
import {
  ACTIVITY_FIELDS,
  guessActivityColumn,
  type ActivityField,
} from "../../core/mhnrg/activityColumns";
import { headerKey } from "../../core/values";
import { usageError } from "../io";

export type Field = ActivityField | "mff";
export type Fields = Partial<Record<Field, string>>;

/** Headers of a Market Forces Factor column, as header keys (case, spaces, _ and - ignored). */
export const MFF_SYNONYMS = [
  "mff",
  "marketforcesfactor",
  "mffindex",
  "mffpaymentindex",
  "marketforcesfactorpaymentindex",
];

export const FIELDS: readonly Field[] = [...ACTIVITY_FIELDS, "mff"];

/** Index of the column for a field, or -1. */
function guessColumn(columns: readonly string[], field: Field): number {
  if (field !== "mff") return guessActivityColumn(columns, field);
  const keys = columns.map(headerKey);
  for (const s of MFF_SYNONYMS) {
    const i = keys.indexOf(s);
    if (i >= 0) return i;
  }
  return -1;
}

const list = (xs: readonly string[]) => xs.map((x) => JSON.stringify(x)).join(", ");

/** `maps` as given: "field=Header" (an empty Header: the field has no column). */
export function resolveFields(
  columns: readonly string[],
  maps: readonly string[],
  fixedKind: "contact" | "spell" | null,
  file: string
): Fields {
  const fields: Fields = {};
  for (const f of FIELDS) {
    const i = guessColumn(columns, f);
    if (i >= 0) fields[f] = columns[i];
  }
  for (const m of maps) {
    const eq = m.indexOf("=");
    const field = (eq < 0 ? m : m.slice(0, eq)).trim().toLowerCase() as Field;
    if (eq < 0 || !FIELDS.includes(field))
      throw usageError(`--map ${m}: say field=Header, the field one of ${FIELDS.join(", ")}`);
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

/**
 * "kind ← Activity, age ← AgeAtCareContact, …; none for crisis. MFF 1 where a row has none" for
 * the terminal (`mff` the command's --mff).
 */
export function fieldsText(fields: Fields, fixedKind: string | null, mff: number): string {
  const found = FIELDS.filter((f) => fields[f] !== undefined).map(
    (f) => `${f} ← ${JSON.stringify(fields[f])}`
  );
  if (fixedKind) found.unshift(`kind: every row a ${fixedKind}`);
  const missing = ACTIVITY_FIELDS.filter(
    (f) => fields[f] === undefined && !(f === "kind" && fixedKind)
  );
  const factor = fields.mff
    ? `MFF ${mff} where a row's MFF cell is blank`
    : `MFF ${mff} for every row (no MFF column)`;
  return `Columns: ${found.join(", ")}${missing.length ? `; none for ${missing.join(", ")}` : ""}. ${factor}.`;
}
