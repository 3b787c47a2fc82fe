/* The Import rejects sheet as a trust can act on it: each line leads with the person's ID and the
   reason in words, and lines are grouped by the kind of problem, largest group first, with the
   group's size on every line (so a filter on Problem shows one fix at a time). */
import type { CaseloadReject } from "../../core/caseload/validator";
import type { CellInput } from "../../workbook/port";

export const REJECT_HEADER = [
  "ID",
  "Reason",
  "Problem",
  "Rows with this problem",
  "Field",
  "Value",
  "Row",
  "Line",
  "Outcome",
];
/** The Outcome column's words: the row was left out, or imported and flagged (import and flag). */
export const LEFT_OUT = "Left out";
export const IMPORTED_FLAGGED = "Imported and flagged";
/** The Value column (0-based), kept as text so a rejected "11/04/2024" or "007" shows as written. */
export const REJECT_VALUE_COLUMN = 5;

/**
 * The kind of problem a reason describes, without the row and the values it names:
 * "row 12, admitted days: 30 is more than the 13 days from 01/04/2024 to 13/04/2024" →
 * "admitted days: … is more than the … days from … to …". Rows with the same kind group together.
 */
export function problemKind(reason: string): string {
  return reason
    .replace(/^row \d+(, )?/i, "")
    .replace(/"[^"]*"/g, "…")
    .replace(/\d{1,2}\/\d{1,2}\/\d{2,4}/g, "…")
    .replace(/-?\d[\d,]*(\.\d+)?/g, "…")
    .replace(/^(\s*:\s*)/, "")
    .trim();
}

/**
 * The reject report's lines, grouped by problem (largest group first, then in file order within a
 * group, and groups of equal size in the order they first appear).
 */
export function rejectLines(rejects: readonly CaseloadReject[]): CellInput[][] {
  const groups = new Map<string, CaseloadReject[]>();
  for (const r of rejects) {
    const kind = problemKind(r.reason);
    const group = groups.get(kind);
    if (group) group.push(r);
    else groups.set(kind, [r]);
  }
  const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
  const lines: CellInput[][] = [];
  for (const [kind, group] of ordered)
    for (const r of group)
      lines.push([
        r.id,
        r.reason,
        kind,
        group.length,
        r.field,
        r.value,
        r.row,
        r.line,
        r.flagged ? IMPORTED_FLAGGED : LEFT_OUT,
      ]);
  return lines;
}
