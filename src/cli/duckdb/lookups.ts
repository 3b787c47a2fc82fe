/**
 * The journey's row rules, asked of core itself: DuckDB finds the distinct values of a column
 * (an extract of millions of rows holds a few hundred kinds, units or attendance codes), core reads
 * each one (readKind, readActivityUnits, readAttended, the grouper's own error messages, groupRow's
 * "not in the rules" note), and the answers go back as a small table to join. So the command
 * applies the same rules as the task pane without a hand-written SQL copy of them.
 */
import type { DuckDBAppender, DuckDBConnection } from "@duckdb/node-api";
import { PbrError } from "../../core/errors";
import { readAttended } from "../../core/mhnrg/attendance";
import { readActivityUnits } from "../../core/mhnrg/activityUnits";
import { mhnrgErrors } from "../../core/mhnrg/errors";
import { groupRow, newGrouped, readKind } from "../../core/mhnrg/group";
import { priceActivity } from "../../core/mhnrg/price";
import { textRows } from "./engine";
import { defaultMhnrgPrices, defaultMhnrgRules } from "../../core/mhnrg/tables";
import { readMff } from "../../core/tariff/mff";
import { isBlank } from "../../core/values";

type Cell = string | number | boolean | null;
type SqlType = "VARCHAR" | "DOUBLE" | "BOOLEAN";

/** Distinct rows of a query, every value as text ('' for NULL), intact (engine.ts textRows). */
export async function distinctRows(con: DuckDBConnection, sql: string): Promise<string[][]> {
  return (await textRows(con, sql)).map((row) => row.map((v) => v ?? ""));
}

function append(app: DuckDBAppender, type: SqlType, v: Cell): void {
  if (v === null) app.appendNull();
  else if (type === "DOUBLE") app.appendDouble(v as number);
  else if (type === "BOOLEAN") app.appendBoolean(v as boolean);
  else app.appendVarchar(String(v));
}

/** A small table of answers, replaced if it exists. */
export async function answerTable(
  con: DuckDBConnection,
  name: string,
  columns: readonly (readonly [string, SqlType])[],
  rows: readonly Cell[][]
): Promise<void> {
  await con.run(
    `CREATE OR REPLACE TABLE ${name} (${columns.map(([c, t]) => `${c} ${t}`).join(", ")})`
  );
  const app = await con.createAppender(name);
  for (const row of rows) {
    columns.forEach(([, t], i) => append(app, t, row[i]));
    app.endRow();
  }
  app.closeSync();
}

/** kind text → whether it is a spell (the row's service is then its bed type). */
export const kindAnswers = (values: string[]): Cell[][] =>
  values.map((v) => [v, readKind(v) === 1]);

/** units text → count, blank, or why it cannot be counted. */
export const unitAnswers = (values: string[]): Cell[][] =>
  values.map((v) => {
    const u = readActivityUnits(v, true);
    return typeof u === "number"
      ? [v, u, false, null]
      : u === "blank"
        ? [v, null, true, null]
        : [v, null, false, u];
  });

/** attendance text → attended, or why it cannot be read. */
export const attendanceAnswers = (values: string[]): Cell[][] =>
  values.map((v) => {
    const a = readAttended(v);
    return typeof a === "string" ? [v, null, a] : [v, a, null];
  });

/**
 * MFF text → the factor, or core's error (its kind and message, as PBR.MHNRGPRICE reads a row's
 * MFF with readMff, without "row N: "). A blank cell takes `fallback`, the command's --mff
 * (already read by readMff itself), so a file with no MFF column is one blank value.
 */
export const mffAnswers = (values: string[], fallback: number): Cell[][] =>
  values.map((v) => {
    if (isBlank(v)) return [v, fallback, null, null];
    const f = readMff(v, null);
    return f instanceof PbrError ? [v, null, f.kind, f.message] : [v, f, null, null];
  });

/**
 * The generated query's failed check → the input column it names and the core's own message for
 * that value (what PBR.MHNRG says, without "row N: ").
 */
export const CHECKS: Record<string, { column: string; error: (v: string) => PbrError }> = {
  kind: { column: "kind", error: (v) => mhnrgErrors.badKind(0, v) },
  age: { column: "age", error: (v) => mhnrgErrors.ageNotNumber(0, v) },
  "age range": { column: "age", error: (v) => mhnrgErrors.ageOutOfRange(0, v) },
  diagnosis: { column: "diagnosis", error: (v) => mhnrgErrors.badDiagnosis(0, v) },
  "team type": { column: "service", error: (v) => mhnrgErrors.notTeam(0, v) },
  "bed type": { column: "service", error: (v) => mhnrgErrors.notBed(0, v) },
  "referral reason": { column: "referral_reason", error: (v) => mhnrgErrors.notReason(0, v) },
  "crisis referral": {
    column: "crisis_referral",
    error: (v) => mhnrgErrors.badFlag(0, "crisisReferral", v),
  },
};

/** (check, value) → the core's message. */
export const messageAnswers = (pairs: string[][]): Cell[][] =>
  pairs.map(([check, v]) => {
    const known = CHECKS[check];
    const message = known
      ? known.error(v).message.replace(/^row \d+: /, "")
      : `${check} ${JSON.stringify(v)} failed its check`;
    return [check, v, message];
  });

const scratch = newGrouped();

/** (spell, service, referral reason) of an unclassified row → the valid codes the rules do not list. */
export const unlistedAnswers = (triples: string[][]): Cell[][] =>
  triples.map(([spell, service, reason]) => {
    const g = groupRow(
      defaultMhnrgRules(),
      0,
      spell === "true" ? "spell" : "contact",
      null,
      null,
      service,
      reason,
      null,
      scratch
    );
    return [spell === "true", service, reason, g instanceof PbrError ? "" : g.unlisted];
  });

/**
 * A MAZ99Z spell with no bed type: the journey prices it at the unclassified bed day of an unknown
 * setting (MBU98Z), where PBR.MHNRGPRICE (and so the generated query) prices a MAZ99Z with no bed
 * type as a contact. Asked of priceActivity once.
 */
export function mazSpellWithoutBed(): { price: number; unit: string } | null {
  const p = priceActivity(defaultMhnrgPrices(), "MAZ99Z", "unknown", 0, false);
  return p instanceof PbrError ? null : { price: p.price, unit: p.unit };
}
