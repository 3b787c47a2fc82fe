/**
 * What the Resource groups pane says about the rows of an activity table, in words with links:
 * each row it names is "Activity row 12" (the table's sheet and row), and a link that selects that
 * row's first cell (rowRefs.ts; the pane shows them with LinkedText). Where the sheet is not known
 * the words are "sheet row 12", with no link.
 *
 * An extract read as a stream (BigExtract.tsx) is not worded here: its rows are on no sheet, so it
 * names file lines in plain text.
 */
import { rowLink, type CellLink } from "../plan/rowRefs";
import { activityRowRef, type CheckedRow, type Preflight } from "./preflight";
import { rowsText } from "./summary";

/** A sentence and the links to the rows it names. */
export interface Finding {
  text: string;
  links: CellLink[];
}

const n = (x: number) => x.toLocaleString("en-GB");

/** The words for a sheet row of the pre-flight's table, and its link (none without a sheet). */
function refs(pre: Preflight) {
  const links = new Map<number, CellLink>();
  const ref = (row: number) => {
    if (pre.sheet && !links.has(row)) links.set(row, rowLink(pre.sheet, row));
    return activityRowRef(pre.sheet, row);
  };
  return { ref, links: () => [...links.values()] };
}

/** "2 of 14 rows cannot be grouped or priced: Activity row 10: units …; Activity row 11: …", or null. */
export function invalidFinding(pre: Preflight, max = 5): Finding | null {
  const rows = pre.invalid;
  if (rows.length === 0) return null;
  const { ref, links } = refs(pre);
  const shown = rows
    .slice(0, max)
    .map((r) => `${ref(r.sheetRow)}: ${r.reason_}`)
    .join("; ");
  const text =
    `${n(rows.length)} of ${n(pre.rows.length)} rows cannot be grouped or priced: ${shown}` +
    `${rows.length > max ? "; …" : ""}. They are left out (they stay on the sheet, marked, with ` +
    `no formulas${pre.sheet ? ", and their Status links back to the row" : ""}); or correct the table and try again.`;
  return { text, links: links() };
}

/** "1 row repeats an earlier row exactly (Activity row 9 = Activity row 8):", or null. */
export function duplicatesFinding(pre: Preflight, max = 5): Finding | null {
  const dups = pre.duplicates;
  if (dups.length === 0) return null;
  const { ref, links } = refs(pre);
  const shown = dups
    .slice(0, max)
    .map((d) => `${ref(d.row.sheetRow)} = ${ref(d.of)}`)
    .join(", ");
  const text =
    `${rowsText(dups.length)} ${dups.length === 1 ? "repeats" : "repeat"} an earlier row exactly ` +
    `(${shown}${dups.length > max ? "…" : ""}):`;
  return { text, links: links() };
}

/** "1 row has no units (contacts or bed days): Activity row 10:", or null. */
export function blankUnitsFinding(pre: Preflight, max = 8): Finding | null {
  const rows = pre.blankUnits;
  if (rows.length === 0) return null;
  const { ref, links } = refs(pre);
  const shown = rows
    .slice(0, max)
    .map((r) => ref(r.sheetRow))
    .join(", ");
  const text =
    `${rowsText(rows.length)} ${rows.length === 1 ? "has" : "have"} no units (contacts or bed ` +
    `days): ${shown}${rows.length > max ? "…" : ""}:`;
  return { text, links: links() };
}

/**
 * Where the outcome says the reasons for rows left out are: "Status says why and links to the
 * row: Activity row 6, Activity row 9 and 3 more", naming the first `max` rows (in sheet order).
 */
export function leftOutWhere(pre: Preflight, max = 3): Finding {
  const rows: readonly CheckedRow[] = pre.leftOut;
  if (!pre.sheet || rows.length === 0) return { text: "Status says why", links: [] };
  const { ref, links } = refs(pre);
  const shown = rows
    .slice(0, max)
    .map((r) => ref(r.sheetRow))
    .join(", ");
  const more = rows.length > max ? ` and ${n(rows.length - max)} more` : "";
  return { text: `Status says why and links to the row: ${shown}${more}`, links: links() };
}
