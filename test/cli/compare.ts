/** Every output row of pbr-toolkit mhnrg against the task pane's pre-flight for the same row. */
import { ADDED } from "../../src/cli/duckdb/writeOutput";
import { PbrError } from "../../src/core/errors";
import type { CheckedRow, Preflight } from "../../src/taskpane/activity/preflight";

export interface RowMismatch {
  row: number;
  column: string;
  expected: unknown;
  actual: unknown;
}

/** The Note the command writes for a row the pane checked. */
export function expectedNote(p: CheckedRow): string {
  if (p.status === "ok") return p.reason_ ? `OK: ${p.reason_}` : "OK";
  if (p.status === "specialised") return "OK: specialised (out of scope), not priced";
  if (p.status === "not attended") return "Not attended: £0";
  return `Left out: ${p.reason_.replace("sheet row", "row")}`;
}

const num = (t: string) => (t === "" ? null : Number(t));

/**
 * A row's MFF as core reads it (`row` the sheet row): the factor, or core's error for the row, whose
 * message names it ("row 5: MFF …").
 */
export type MffOf = (row: number) => number | PbrError;

/**
 * Mismatches between the output grid (header first) and the pane, row for row. `mff`: one factor
 * for every row, or each row's from core; a row the pane would price whose MFF core refuses is in
 * error with core's kind and message (without "row N: "), after the pane's own checks.
 */
export function compareWithPane(
  input: string[][],
  output: string[][],
  pre: Preflight,
  mff: number | MffOf = 1
): RowMismatch[] {
  const out: RowMismatch[] = [];
  const width = input[0].length;
  const add = (row: number, column: string, expected: unknown, actual: unknown) =>
    out.push({ row, column, expected, actual });
  const header = [...input[0], ...ADDED];
  if (JSON.stringify(output[0]) !== JSON.stringify(header)) add(1, "header", header, output[0]);
  if (output.length !== input.length) add(0, "rows", input.length, output.length);
  const pane = new Map(pre.rows.map((r) => [r.sheetRow, r]));
  const invalid = new Set(pre.invalid.map((r) => r.sheetRow));
  for (let i = 1; i < Math.min(input.length, output.length); i++) {
    const row = i + 1;
    const o = output[i];
    if (JSON.stringify(o.slice(0, width)) !== JSON.stringify(input[i]))
      add(row, "input cells", input[i], o.slice(0, width));
    const [code, price, unit, value, note, error] = o.slice(width);
    const p = pane.get(row);
    if (!p) {
      if (note !== "Blank row: skipped" || code !== "")
        add(row, "blank row", "Blank row: skipped", note);
      continue;
    }
    const f = typeof mff === "number" ? mff : mff(row);
    if (f instanceof PbrError && !invalid.has(row)) {
      const message = f.message.replace(`row ${row}: `, "");
      const want = ["", "", "", "", `Left out: ${message}`, `${f.kind} ${message}`];
      if (JSON.stringify(o.slice(width)) !== JSON.stringify(want))
        add(row, "MFF error", want, o.slice(width));
      continue;
    }
    const factor = f instanceof PbrError ? NaN : f; // (an invalid row has no price to multiply)
    if (code !== (p.code ?? "")) add(row, "MHNRG", p.code ?? "", code);
    if (note !== expectedNote(p)) add(row, "Note", expectedNote(p), note);
    const wantPrice =
      p.status === "ok" ? p.price! * factor : p.status === "not attended" ? 0 : null;
    const gotPrice = num(price);
    if (
      (wantPrice === null) !== (gotPrice === null) ||
      (wantPrice !== null && Math.abs(wantPrice - gotPrice!) > 1e-9)
    )
      add(row, "Price", wantPrice, price);
    if (p.status === "ok" && unit === "") add(row, "Unit", "a unit", unit);
    const wantValue = p.status === "left out" ? null : p.value * factor;
    const gotValue = num(value);
    if (
      (wantValue === null) !== (gotValue === null) ||
      (wantValue !== null && Math.abs(wantValue - gotValue!) > 0.005 + 1e-9)
    )
      add(row, "Value", wantValue, value);
    const wantError = invalid.has(row) ? p.reason_ : "";
    if (error.replace(/^#(VALUE!|NUM!|N\/A) /, "") !== wantError)
      add(row, "Error", wantError, error);
  }
  return out;
}

/** "£1,234.50"-style figures by group, as the pane's sheet sums them. */
export function paneGroups(pre: Preflight): Map<string, { value: number; units: number }> {
  const groups = new Map<string, { value: number; units: number }>();
  for (const r of pre.rows) {
    if (!r.code) continue;
    const g = groups.get(r.code) ?? { value: 0, units: 0 };
    g.value += r.value;
    if (r.status === "ok" || r.status === "specialised") g.units += r.unitCount;
    groups.set(r.code, g);
  }
  return groups;
}
