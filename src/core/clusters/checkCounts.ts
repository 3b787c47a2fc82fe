/**
 * PBR.CHECKCOUNTS: PBR.CLUSTERCHECK's answers counted by group (recorded cluster, team…), in one
 * pass over the column. An audit summary written as COUNTIFS reads the whole check column once per
 * group and result (a cluster summary over 100,000 people is about 180 passes); this reads it once,
 * so the summary follows an edited rating at the cost of one pass.
 */
import { Column, readColumnOf } from "../args/columns";
import { PbrError, inputErrorCode } from "../errors";
import { isBlank, type CellValue } from "../values";

/**
 * The results counted, each by how the check's text starts: "OK" is the whole text, the others
 * their label and a colon ("Broken: item 6 …").
 */
export const CHECK_RESULTS: readonly { label: string; prefix: string }[] = [
  "OK",
  "Broken",
  "Unconfirmed",
  "Super class",
  "Variance",
  "Not clustered",
  "Too few ratings",
].map((label) => ({ label, prefix: label === "OK" ? label : `${label}:` }));

/** The columns of each answer row after the group: the results, Other, People. */
export const CHECK_COUNT_HEADER: readonly string[] = [
  ...CHECK_RESULTS.map((r) => r.label),
  "Other",
  "People",
];

/** The label of the group of rows whose group cell is blank, as a pivot table shows it. */
export const BLANK_GROUP = "(blank)";
/** The label of the last row, the counts over every group. */
export const ALL_GROUPS = "All";

const OTHER = CHECK_RESULTS.length;
const PEOPLE = OTHER + 1;

/** Which result a check is: its index in CHECK_RESULTS, or OTHER (an error, a number, blank…). */
function resultOf(check: CellValue): number {
  if (typeof check !== "string") return OTHER;
  if (check === "OK") return 0;
  for (let k = 1; k < CHECK_RESULTS.length; k++)
    if (check.startsWith(CHECK_RESULTS[k].prefix)) return k;
  return OTHER;
}

interface Group {
  label: string | number;
  counts: number[];
}

/**
 * A group cell's key and label: a number, or text that is exactly how that number is written
 * ("11" is cluster 11, as an export may hold it); other text trimmed and matched without regard to
 * case, as COUNTIFS does ("007" stays apart from 7); blank; an error cell named by its code.
 */
function groupOf(value: CellValue): { key: string; label: string | number } {
  if (isBlank(value)) return { key: "b", label: BLANK_GROUP };
  if (typeof value === "number") return { key: `n${value}`, label: value };
  const code = inputErrorCode(value);
  if (code !== null) return { key: `e${code}`, label: `${code} (error)` };
  const text = typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value).trim();
  const n = Number(text);
  if (text !== "" && String(n) === text) return { key: `n${n}`, label: n };
  return { key: `t${text.toLowerCase()}`, label: text };
}

/** Numbers first, ascending; then text in en-GB order; the blank group last. */
function compareGroups(a: Group, b: Group): number {
  if (a.label === BLANK_GROUP) return b.label === BLANK_GROUP ? 0 : 1;
  if (b.label === BLANK_GROUP) return -1;
  if (typeof a.label === "number" && typeof b.label === "number") return a.label - b.label;
  if (typeof a.label === "number") return -1;
  if (typeof b.label === "number") return 1;
  return a.label.localeCompare(b.label, "en-GB");
}

/** The groups PBR.CHECKCOUNTS would show for these group cells, in its order (blank rows included). */
export function checkGroups(values: readonly CellValue[]): (string | number)[] {
  const byKey = new Map<string, Group>();
  for (const value of values) {
    const { key, label } = groupOf(value);
    if (!byKey.has(key)) byKey.set(key, { label, counts: [] });
  }
  return [...byKey.values()].sort(compareGroups).map((g) => g.label);
}

/**
 * One row per group: the group, how many checks are OK, Broken, Unconfirmed, Super class,
 * Variance, Not clustered and Too few ratings, Other (any other answer, an error cell, a blank
 * check) and People; then the All row. Without groups, only the All row. A row whose check and
 * group are both blank is not counted.
 */
export function checkCounts(
  checks: CellValue,
  groups: CellValue
): (string | number)[][] | PbrError {
  const checkCol = Column.of(checks, "checks");
  if (checkCol instanceof PbrError) return checkCol;
  const rows = checkCol.length;
  let groupCol: Column | null = null;
  if (!isBlank(groups) && !(Array.isArray(groups) && groups.length === 0)) {
    const col = readColumnOf(groups, "groups", rows, "checks");
    if (col instanceof PbrError) return col;
    groupCol = col;
  }
  const all = new Array<number>(PEOPLE + 1).fill(0);
  const byKey = new Map<string, Group>();
  let last: { value: CellValue; group: Group } | null = null;
  for (let i = 0; i < rows; i++) {
    const check = checkCol.at(i);
    const value = groupCol === null ? null : groupCol.at(i);
    if (isBlank(check) && isBlank(value)) continue;
    const result = resultOf(check);
    all[result]++;
    all[PEOPLE]++;
    if (groupCol === null) continue;
    // Rows of one group usually come together (a sorted caseload, one team's rows): reuse the
    // last row's group when the cell is the same value.
    let group: Group;
    if (last !== null && last.value === value) group = last.group;
    else {
      const { key, label } = groupOf(value);
      let found = byKey.get(key);
      if (!found) {
        found = { label, counts: new Array<number>(PEOPLE + 1).fill(0) };
        byKey.set(key, found);
      }
      group = found;
      last = { value, group };
    }
    group.counts[result]++;
    group.counts[PEOPLE]++;
  }
  const out: (string | number)[][] = [...byKey.values()]
    .sort(compareGroups)
    .map((g) => [g.label, ...g.counts]);
  out.push([ALL_GROUPS, ...all]);
  return out;
}
