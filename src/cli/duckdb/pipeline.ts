/**
 * Activity by resource group on DuckDB, the same rules as the task pane's journey
 * (taskpane/activity/preflight.ts), for any relation with the input columns: a file read by
 * readInput.ts, or a view (for example one deriving the inputs from MHSDS tables).
 *
 * The grouping and pricing are the GENERATED query (sql/mhnrg/duckdb, read at run time); the
 * journey's rules around it (kind, units, attendance, messages) are answered by core through
 * lookups.ts. Each row gets one status, in the pane's order: a blank row is skipped; units that
 * cannot be counted, a value the grouper rejects, or attendance that cannot be read leave it out
 * ("invalid"); then an exact duplicate of an earlier row and blank units are left out unless kept;
 * a contact not attended is £0; a specialised code is counted but not priced; else ok.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { ActivityField } from "../../core/mhnrg/activityColumns";
import { readMhnrgSql } from "../paths";
import { ident, literal, runWithProgress, trimmed } from "./engine";
import {
  CHECKS,
  answerTable,
  attendanceAnswers,
  distinctRows,
  kindAnswers,
  mazSpellWithoutBed,
  messageAnswers,
  unitAnswers,
  unlistedAnswers,
} from "./lookups";

export interface PipelineOptions {
  /** A table or view with the input columns and a row-number column. */
  relation: string;
  /** Its row-number column (the number messages give a row). */
  rowColumn: string;
  /** Its input columns: a row is blank, or a duplicate, over all of them. */
  inputColumns: readonly string[];
  /** The column for each field; a field not given is blank on every row. */
  fields: Partial<Record<ActivityField, string>>;
  /** Every row a contact or a spell, when there is no kind column. */
  fixedKind: "contact" | "spell" | null;
  keepDuplicates: boolean;
  keepBlankUnits: boolean;
  /** Market Forces Factor: every price × this (1 = none). */
  mff: number;
  onProgress?: (percent: number) => void;
}

/** The table the pipeline leaves: one row per input row (see RESULT_COLUMNS). */
export const RESULT = "pbr_result";

export type Status =
  "ok" | "specialised" | "not attended" | "invalid" | "duplicate" | "blank units" | "blank";

export async function groupActivity(con: DuckDBConnection, o: PipelineOptions): Promise<void> {
  const col = (f: ActivityField) =>
    o.fields[f] !== undefined
      ? `CAST(s.${ident(o.fields[f]!)} AS VARCHAR)`
      : "CAST(NULL AS VARCHAR)";
  const kindExpr = o.fixedKind ? literal(o.fixedKind) : col("kind");
  const v = (expr: string) => `COALESCE(${expr}, '')`;

  // 1. The journey's per-value rules, from core.
  const distinct = (expr: string) =>
    distinctRows(con, `SELECT DISTINCT ${v(expr)} FROM ${o.relation} s`).then((r) =>
      r.map((x) => x[0])
    );
  await answerTable(
    con,
    "pbr_kind",
    [
      ["v", "VARCHAR"],
      ["spell", "BOOLEAN"],
    ],
    kindAnswers(await distinct(kindExpr))
  );
  const unitsMapped = o.fields.units !== undefined;
  await answerTable(
    con,
    "pbr_units",
    [
      ["v", "VARCHAR"],
      ["n", "DOUBLE"],
      ["is_blank", "BOOLEAN"],
      ["problem", "VARCHAR"],
    ],
    unitsMapped ? unitAnswers(await distinct(col("units"))) : [["", 1, false, null]]
  );
  await answerTable(
    con,
    "pbr_att",
    [
      ["v", "VARCHAR"],
      ["attended", "BOOLEAN"],
      ["problem", "VARCHAR"],
    ],
    attendanceAnswers(await distinct(col("attendance")))
  );

  // 2. The generated query over the grouper's six inputs (a spell's service is its bed type).
  await con.run(`CREATE OR REPLACE VIEW mhnrg_input AS
    SELECT s.${ident(o.rowColumn)} AS row_id, ${kindExpr} AS kind, ${col("age")} AS age,
      ${col("diagnosis")} AS diagnosis,
      CASE WHEN k.spell THEN ${col("bed")} ELSE ${col("team")} END AS service,
      ${col("reason")} AS referral_reason, ${col("crisis")} AS crisis_referral
    FROM ${o.relation} s LEFT JOIN pbr_kind k ON k.v = ${v(kindExpr)}`);
  await con.run(readMhnrgSql("duckdb", "seeds.sql"));
  const query = readMhnrgSql("duckdb", "query.sql").replace(/;\s*$/, "");
  await runWithProgress(
    con,
    `CREATE OR REPLACE TABLE pbr_grouped AS
      SELECT g.row_id, g.mhnrg, g.rule, g.unit_price, g.price_unit, g.price_error_kind,
        -- the query leaves a row with no kind, age, diagnosis or service blank; the journey,
        -- which has skipped wholly blank rows, reads such a row's blank kind as an error
        CASE WHEN g.failed_check <> '' THEN g.failed_check WHEN g.mhnrg = '' THEN 'kind' ELSE '' END AS failed_check,
        CASE WHEN g.failed_check <> '' THEN g.error_kind WHEN g.mhnrg = '' THEN '#VALUE!' ELSE '' END AS error_kind,
        i.kind, i.age, i.diagnosis, i.service, i.referral_reason, i.crisis_referral, k.spell
      FROM (${query}) g JOIN mhnrg_input i USING (row_id) LEFT JOIN pbr_kind k ON k.v = ${v("i.kind")}`,
    o.onProgress
  );

  // 3. Messages for the values the grouper rejected, and the "not in the rules" note, from core.
  /** The value a failed check names, from pbr_grouped's columns (`t` a table alias and dot, or ""). */
  const valueOf = (t: string) =>
    `CASE ${t}failed_check ${Object.entries(CHECKS)
      .map(([check, c]) => `WHEN ${literal(check)} THEN ${v(t + c.column)}`)
      .join(" ")} ELSE '' END`;
  await answerTable(
    con,
    "pbr_msg",
    [
      ["check_", "VARCHAR"],
      ["v", "VARCHAR"],
      ["message", "VARCHAR"],
    ],
    messageAnswers(
      await distinctRows(
        con,
        `SELECT DISTINCT failed_check, ${valueOf("")} FROM pbr_grouped WHERE failed_check <> ''`
      )
    )
  );
  await answerTable(
    con,
    "pbr_unlisted",
    [
      ["spell", "BOOLEAN"],
      ["service", "VARCHAR"],
      ["reason", "VARCHAR"],
      ["note", "VARCHAR"],
    ],
    unlistedAnswers(
      await distinctRows(
        con,
        `SELECT DISTINCT COALESCE(spell, false), ${v("service")}, ${v("referral_reason")} FROM pbr_grouped WHERE rule = 'unclassified' AND failed_check = ''`
      )
    )
  );

  // 4. One status per row, in the pane's order, with its price, value and words.
  const all = o.inputColumns.map((c) => v(`CAST(s.${ident(c)} AS VARCHAR)`));
  const blank =
    o.inputColumns.map((c) => `${trimmed(`CAST(s.${ident(c)} AS VARCHAR)`)} = ''`).join(" AND ") ||
    "true";
  const maz = mazSpellWithoutBed();
  const mazPrice = maz ? String(maz.price) : "NULL";
  const money = (x: string) => `CAST(${x} AS DOUBLE) * ${o.mff}`;
  await runWithProgress(
    con,
    `CREATE OR REPLACE TABLE ${RESULT} AS
    WITH f AS (
      SELECT s.${ident(o.rowColumn)} AS row_id, ${blank} AS blank_row,
        min(s.${ident(o.rowColumn)}) OVER (PARTITION BY ${all.join(", ") || "1"}) AS first_row,
        ${v(col("units"))} AS units_v, ${v(col("attendance"))} AS att_v, ${trimmed(col("bed"))} = '' AS no_bed
      FROM ${o.relation} s
    ),
    j AS (
      SELECT f.row_id, f.blank_row, f.first_row, g.mhnrg, g.rule, g.error_kind, g.failed_check,
        COALESCE(g.spell, false) AS spell,
        u.n AS units_n, COALESCE(u.is_blank, false) AS units_blank, u.problem AS units_problem,
        a.attended, a.problem AS att_problem, m.message, l.note AS unlisted,
        (COALESCE(g.spell, false) AND f.no_bed AND g.mhnrg = 'MAZ99Z') AS maz_no_bed,
        g.unit_price, g.price_unit, g.price_error_kind
      FROM f JOIN pbr_grouped g USING (row_id)
        LEFT JOIN pbr_units u ON u.v = ${unitsMapped ? "f.units_v" : "''"}
        LEFT JOIN pbr_att a ON a.v = f.att_v
        LEFT JOIN pbr_msg m ON m.check_ = g.failed_check AND m.v = ${valueOf("g.")}
        LEFT JOIN pbr_unlisted l ON g.rule = 'unclassified' AND l.spell = COALESCE(g.spell, false)
          AND l.service = ${v("g.service")} AND l.reason = ${v("g.referral_reason")}
    ),
    p AS (
      SELECT j.*,
        CASE WHEN maz_no_bed THEN ${mazPrice} ELSE CAST(unit_price AS DOUBLE) END AS price0,
        CASE WHEN maz_no_bed THEN ${literal(maz?.unit ?? "")} ELSE price_unit END AS unit0,
        CASE
          WHEN blank_row THEN 'blank'
          WHEN units_problem IS NOT NULL OR failed_check <> '' THEN 'invalid'
          WHEN NOT spell AND att_problem IS NOT NULL THEN 'invalid'
          WHEN first_row < row_id AND ${!o.keepDuplicates} THEN 'duplicate'
          WHEN units_blank AND ${!o.keepBlankUnits} THEN 'blank units'
          WHEN NOT spell AND NOT attended THEN 'not attended'
          WHEN (CASE WHEN maz_no_bed THEN ${maz ? "false" : "true"} ELSE price_error_kind <> '' END) THEN 'specialised'
          ELSE 'ok'
        END AS status
      FROM j
    )
    SELECT row_id, status,
      CASE WHEN status IN ('ok', 'specialised', 'not attended') THEN mhnrg END AS code,
      CASE status WHEN 'ok' THEN ${money("price0")} WHEN 'not attended' THEN 0 END AS price,
      CASE status WHEN 'ok' THEN unit0 END AS unit,
      CASE WHEN status IN ('ok', 'specialised') THEN CASE WHEN units_blank THEN 1 ELSE units_n END ELSE 0 END AS units,
      CASE status WHEN 'ok' THEN (CASE WHEN units_blank THEN 1 ELSE units_n END) * ${money("price0")}
        WHEN 'specialised' THEN 0 WHEN 'not attended' THEN 0 END AS value,
      (status IN ('ok', 'specialised') AND unlisted <> '') AS unlisted,
      CASE
        WHEN status <> 'invalid' THEN status
        WHEN units_problem IS NOT NULL THEN 'units'
        WHEN failed_check <> '' THEN failed_check
        ELSE 'attendance'
      END AS reason_key,
      CASE status
        WHEN 'invalid' THEN COALESCE(units_problem, message, att_problem)
        WHEN 'duplicate' THEN 'an exact duplicate of row ' || first_row
        WHEN 'blank units' THEN 'units blank (no ' || CASE WHEN spell THEN 'bed days' ELSE 'contacts' END || ' given)'
        WHEN 'not attended' THEN 'did not attend or cancelled: £0'
        WHEN 'specialised' THEN 'specialised service: out of scope, not priced'
        WHEN 'ok' THEN CASE WHEN unlisted <> '' THEN 'unclassified: ' || unlisted || ' is not in the rules' ELSE '' END
        ELSE ''
      END AS reason,
      CASE WHEN status = 'invalid' AND units_problem IS NULL AND failed_check <> '' THEN error_kind ELSE '' END AS error_kind
    FROM p`,
    o.onProgress
  );
}
