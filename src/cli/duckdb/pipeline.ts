/**
 * Activity by resource group on DuckDB, the same rules as the task pane's journey
 * (taskpane/activity/preflight.ts), for any relation with the input columns: a file read by
 * readInput.ts, or a view (for example one deriving the inputs from MHSDS tables).
 *
 * The grouping and pricing are the GENERATED query (sql/mhnrg/duckdb, read at run time); the
 * journey's rules around it (kind, units, attendance, messages) are answered by core through
 * lookups.ts. Each row gets one status, in the pane's order: a blank row is skipped; units that
 * cannot be counted, a value the grouper rejects, attendance that cannot be read, or (the
 * command's addition) an MFF that core's readMff refuses leave it out ("invalid"); then an exact
 * duplicate of an earlier row and blank units are left out unless kept; a contact not attended is
 * £0; a specialised code is counted but not priced; else ok.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { ActivityField } from "../../core/mhnrg/activityColumns";
import { readMhnrgSql } from "../paths";
import { blankSql, ident, literal, runWithProgress } from "./engine";
import {
  CHECKS,
  answerTable,
  attendanceAnswers,
  distinctRows,
  kindAnswers,
  mazSpellWithoutBed,
  messageAnswers,
  mffAnswers,
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
  /** Market Forces Factor for a row with no MFF of its own: its price × this (1 = none). */
  mff: number;
  /** A column with each row's MFF (read as PBR.MHNRGPRICE reads it; blank → `mff`). */
  mffColumn?: string;
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
  const mffCol =
    o.mffColumn !== undefined
      ? `CAST(s.${ident(o.mffColumn)} AS VARCHAR)`
      : "CAST(NULL AS VARCHAR)";
  await answerTable(
    con,
    "pbr_mff",
    [
      ["v", "VARCHAR"],
      ["n", "DOUBLE"],
      ["kind", "VARCHAR"],
      ["problem", "VARCHAR"],
    ],
    mffAnswers(await distinct(mffCol), o.mff)
  );

  // 2. One pass over the input: the grouper's six inputs (a spell's service is its bed type) and
  // what the journey needs beside them, kept as a table so the input is scanned once.
  const all = o.inputColumns.map((c) => v(`CAST(s.${ident(c)} AS VARCHAR)`));
  const blank =
    o.inputColumns.map((c) => blankSql(`CAST(s.${ident(c)} AS VARCHAR)`)).join(" AND ") || "true";
  const row = `s.${ident(o.rowColumn)}`;
  await runWithProgress(
    con,
    `CREATE OR REPLACE TABLE pbr_in AS
    SELECT ${row} AS row_id, ${kindExpr} AS kind, ${col("age")} AS age, ${col("diagnosis")} AS diagnosis,
      CASE WHEN k.spell THEN ${col("bed")} ELSE ${col("team")} END AS service,
      ${col("reason")} AS referral_reason, ${col("crisis")} AS crisis_referral,
      COALESCE(k.spell, false) AS spell, ${v(col("units"))} AS units_v, ${v(col("attendance"))} AS att_v, ${v(mffCol)} AS mff_v,
      ${blankSql(col("bed"))} AS no_bed, ${blank} AS blank_row,
      -- the whole row's identity for exact duplicates: two 64-bit hashes (the columns forwards,
      -- and backwards after a salt); rows that differ share both with odds near 1 in 10^25 at 10 M rows
      hash(${all.join(", ") || "''"}) AS h1, hash('pbr', ${[...all].reverse().join(", ") || "''"}) AS h2
    FROM ${o.relation} s LEFT JOIN pbr_kind k ON k.v = ${v(kindExpr)}`,
    o.onProgress
  );
  // The first row of each set of identical rows (blank rows are skipped, never duplicates).
  await runWithProgress(
    con,
    `CREATE OR REPLACE TABLE pbr_first AS
      SELECT h1, h2, min(row_id) AS first_row FROM pbr_in WHERE NOT blank_row GROUP BY h1, h2`,
    o.onProgress
  );
  await con.run(`CREATE OR REPLACE VIEW mhnrg_input AS
    SELECT row_id, kind, age, diagnosis, service, referral_reason, crisis_referral FROM pbr_in`);
  await con.run(readMhnrgSql("duckdb", "seeds.sql"));
  const query = readMhnrgSql("duckdb", "query.sql").replace(/;\s*$/, "");
  await runWithProgress(
    con,
    `CREATE OR REPLACE TABLE pbr_grouped AS
      SELECT g.row_id, g.mhnrg, g.rule, g.unit_price, g.price_unit, g.price_error_kind,
        -- the query leaves a row with no kind, age, diagnosis or service blank; the journey,
        -- which has skipped wholly blank rows, reads such a row's blank kind as an error
        CASE WHEN g.failed_check <> '' THEN g.failed_check WHEN g.mhnrg = '' THEN 'kind' ELSE '' END AS failed_check,
        CASE WHEN g.failed_check <> '' THEN g.error_kind WHEN g.mhnrg = '' THEN '#VALUE!' ELSE '' END AS error_kind
      FROM (${query}) g`,
    o.onProgress
  );

  // 3. Messages for the values the grouper rejected, and the "not in the rules" note, from core.
  /** The input value a failed check names (`check` its column; `t` pbr_in's alias and a dot, or ""). */
  const valueOf = (check: string, t: string) =>
    `CASE ${check} ${Object.entries(CHECKS)
      .map(([name, c]) => `WHEN ${literal(name)} THEN ${v(t + c.column)}`)
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
        `SELECT DISTINCT failed_check, ${valueOf("failed_check", "")} FROM pbr_grouped JOIN pbr_in USING (row_id) WHERE failed_check <> ''`
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
        `SELECT DISTINCT spell, ${v("service")}, ${v("referral_reason")} FROM pbr_grouped JOIN pbr_in USING (row_id) WHERE rule = 'unclassified' AND failed_check = ''`
      )
    )
  );

  // 4. One status per row, in the pane's order, with its price, value and words.
  const maz = mazSpellWithoutBed();
  const mazPrice = maz ? String(maz.price) : "NULL";
  const money = (x: string) => `CAST(${x} AS DOUBLE) * mff_n`;
  await runWithProgress(
    con,
    `CREATE OR REPLACE TABLE ${RESULT} AS
    WITH j AS (
      SELECT i.row_id, i.blank_row, d.first_row, g.mhnrg, g.rule, g.error_kind, g.failed_check, i.spell,
        u.n AS units_n, COALESCE(u.is_blank, false) AS units_blank, u.problem AS units_problem,
        a.attended, a.problem AS att_problem, m.message, l.note AS unlisted,
        f.n AS mff_n, f.kind AS mff_kind, f.problem AS mff_problem,
        (i.spell AND i.no_bed AND g.mhnrg = 'MAZ99Z') AS maz_no_bed,
        g.unit_price, g.price_unit, g.price_error_kind
      FROM pbr_in i JOIN pbr_grouped g USING (row_id)
        LEFT JOIN pbr_first d ON d.h1 = i.h1 AND d.h2 = i.h2
        LEFT JOIN pbr_units u ON u.v = ${unitsMapped ? "i.units_v" : "''"}
        LEFT JOIN pbr_att a ON a.v = i.att_v
        LEFT JOIN pbr_mff f ON f.v = i.mff_v
        LEFT JOIN pbr_msg m ON m.check_ = g.failed_check AND m.v = ${valueOf("g.failed_check", "i.")}
        -- equality joins only (a condition on the left row alone in ON makes DuckDB loop)
        LEFT JOIN pbr_unlisted l ON l.spell = i.spell AND l.reason = ${v("i.referral_reason")}
          AND l.service = CASE WHEN g.rule = 'unclassified' THEN ${v("i.service")} END
    ),
    p AS (
      SELECT j.*,
        CASE WHEN maz_no_bed THEN ${mazPrice} ELSE CAST(unit_price AS DOUBLE) END AS price0,
        CASE WHEN maz_no_bed THEN ${literal(maz?.unit ?? "")} ELSE price_unit END AS unit0,
        CASE
          WHEN blank_row THEN 'blank'
          WHEN units_problem IS NOT NULL OR failed_check <> '' THEN 'invalid'
          WHEN NOT spell AND att_problem IS NOT NULL THEN 'invalid'
          WHEN mff_problem IS NOT NULL THEN 'invalid'
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
      (status = 'ok' AND unlisted <> '') AS unlisted, -- a specialised row counts as specialised only, as the pane and sheet do
      CASE
        WHEN status <> 'invalid' THEN status
        WHEN units_problem IS NOT NULL THEN 'units'
        WHEN failed_check <> '' THEN failed_check
        WHEN NOT spell AND att_problem IS NOT NULL THEN 'attendance'
        ELSE 'mff'
      END AS reason_key,
      CASE status
        WHEN 'invalid' THEN CASE
          WHEN units_problem IS NOT NULL THEN units_problem
          WHEN failed_check <> '' THEN message
          WHEN NOT spell AND att_problem IS NOT NULL THEN att_problem
          ELSE mff_problem END
        WHEN 'duplicate' THEN 'an exact duplicate of row ' || first_row
        WHEN 'blank units' THEN 'units blank (no ' || CASE WHEN spell THEN 'bed days' ELSE 'contacts' END || ' given)'
        WHEN 'not attended' THEN 'did not attend or cancelled: £0'
        WHEN 'specialised' THEN 'specialised service: out of scope, not priced'
        WHEN 'ok' THEN CASE WHEN unlisted <> '' THEN 'unclassified: ' || unlisted || ' is not in the rules' ELSE '' END
        ELSE ''
      END AS reason,
      CASE WHEN status <> 'invalid' OR units_problem IS NOT NULL THEN ''
        WHEN failed_check <> '' THEN error_kind
        WHEN NOT spell AND att_problem IS NOT NULL THEN ''
        ELSE mff_kind END AS error_kind
    FROM p`,
    o.onProgress
  );
}
