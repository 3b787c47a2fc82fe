/**
 * Running pbr-toolkit in this process (its Io captured) and the task pane's own answer for the
 * same extract (preflightActivity over the same cells, as the pane reads a CSV: every cell text),
 * the oracle every output row is compared with.
 */
import { readFileSync, writeFileSync } from "node:fs";
import Papa from "papaparse";
import { main } from "../../src/cli/main";
import { ACTIVITY_FIELDS, guessActivityColumn } from "../../src/core/mhnrg/activityColumns";
import { isBlankRow } from "../../src/core/values";
import {
  preflightActivity,
  type ActivityRow,
  type Choices,
  type Preflight,
} from "../../src/taskpane/activity/preflight";
import { messy } from "../sql/cases";

export interface Ran {
  code: number;
  out: string;
  err: string;
}

export async function runCli(args: string[]): Promise<Ran> {
  let out = "";
  let err = "";
  const code = await main(args, {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    errIsTty: false,
  });
  return { code, out, err };
}

export function readCsv(path: string): string[][] {
  const text = readFileSync(path, "utf8");
  return Papa.parse<string[]>(text, { skipEmptyLines: false }).data.filter(
    (r, i, all) => !(i === all.length - 1 && r.length === 1 && r[0] === "")
  );
}

export function writeCsv(path: string, rows: string[][]): void {
  writeFileSync(path, Papa.unparse(rows, { newline: "\n" }) + "\n");
}

/** The pane's pre-flight over a CSV's rows (header first), columns found by the pane's own headers. */
export function paneAnswer(
  grid: string[][],
  choices?: Choices
): { pre: Preflight; rows: ActivityRow[] } {
  const [header, ...body] = grid;
  const col = Object.fromEntries(ACTIVITY_FIELDS.map((f) => [f, guessActivityColumn(header, f)]));
  const at = (row: string[], c: number) => (c >= 0 ? (row[c] ?? "") : null);
  const rows: ActivityRow[] = [];
  body.forEach((row, i) => {
    if (isBlankRow(row)) return;
    rows.push({
      sheetRow: i + 2,
      kind: at(row, col.kind),
      age: at(row, col.age),
      diagnosis: at(row, col.diagnosis),
      team: at(row, col.team),
      bed: at(row, col.bed),
      reason: at(row, col.reason),
      crisis: at(row, col.crisis),
      attendance: at(row, col.attendance),
      units: at(row, col.units),
      unitsMapped: col.units >= 0,
      key: JSON.stringify(row),
    });
  });
  return { pre: preflightActivity(rows, choices), rows };
}

const HEADER = [
  "Ref",
  "Kind",
  "Age",
  "Diagnosis",
  "Team type",
  "Bed type",
  "Referral reason",
  "Crisis referral",
  "Attendance",
  "Units",
];

/** A messy trust extract of n rows (seeded): the SQL tests' messy rows plus attendance, units and repeats. */
export function messyExtract(n: number, seed: number): string[][] {
  let s = seed;
  const r = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const out: string[][] = [HEADER];
  for (const [kind, age, diag, service, reason, flag] of messy(n, seed)) {
    if (out.length > 2 && r() < 0.03) {
      out.push([...out[1 + Math.floor(r() * (out.length - 1))]]); // an exact repeat
      continue;
    }
    const spell = /^\s*(spell|bed)/i.test(kind.trim());
    const wrongColumn = r() < 0.05;
    const inBed = spell !== wrongColumn;
    out.push([
      `R${out.length}`,
      kind,
      age,
      diag,
      inBed ? "" : service,
      inBed ? service : "",
      reason,
      flag,
      pick(["", "", "", "5", "6", "05", "3", "dna", "Cancelled", "2", " 7 ", "maybe", "TRUE"]),
      pick(["1", "2", "12", "30", "", "0", "-1", "2.5", "1,000", "£3", " 4 ", "x", "1e2"]),
    ]);
  }
  return out;
}
