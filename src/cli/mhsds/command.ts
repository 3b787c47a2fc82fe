/**
 * `pbr-toolkit mhsds <folder> --out <output>`: raw MHSDS table extracts (MHS101, MHS102, MHS201,
 * MHS202, MHS501, MHS502, MHS603, MHS604 as CSV or Parquet, one file per table named after it)
 * turned into the resource-group inputs by the generated derivation views
 * (sql/mhsds/duckdb/views.sql, the same views an analyst runs in the warehouse), then grouped and
 * priced by the same pipeline as `pbr-toolkit mhnrg`. Prints what the views left out and why, and
 * the pane's summary.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { rowsText } from "../../core/mhnrg/activitySummary";
import { ident, literal, textRows } from "../duckdb/engine";
import { groupActivity } from "../duckdb/pipeline";
import { outputFormat } from "../duckdb/writeOutput";
import { failure, oneLine, usageError, type Command } from "../io";
import { readMhsdsSql } from "../paths";
import { MEMORY_LIMIT, withEngine, writeAndReport } from "../run";

/** The MHSDS tables the views read; a file is matched to one by its name, ignoring case. */
const TABLES = [
  "MHS101Referral",
  "MHS102ServiceTypeReferredTo",
  "MHS201CareContact",
  "MHS202CareActivity",
  "MHS501HospProvSpell",
  "MHS502WardStay",
  "MHS603ProvDiag",
  "MHS604PrimDiag",
  "mhsds_period",
] as const;

/** The derived rows' columns written out (the grouper's inputs, then where each row came from). */
const OUT_COLUMNS = [
  "kind",
  "age",
  "diagnosis",
  "team_type",
  "bed_type",
  "referral_reason",
  "crisis_referral",
  "units",
  "attendance",
  "activity_date",
  "financial_year",
  "person_id",
  "referral_id",
  "contact_id",
  "spell_id",
];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Each table's file in `folder` (CSV or Parquet), by table name. */
function tableFiles(folder: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const f of readdirSync(folder)) {
    const ext = extname(f).toLowerCase();
    if (ext !== ".csv" && ext !== ".parquet") continue;
    const stem = basename(f, extname(f)).toLowerCase();
    const table = TABLES.find((t) => t.toLowerCase() === stem);
    if (!table) continue;
    if (found.has(table))
      throw usageError(`${folder} has two files for ${table}: keep one (CSV or Parquet)`);
    found.set(table, join(folder, f));
  }
  return found;
}

const reader = (path: string) =>
  path.toLowerCase().endsWith(".parquet")
    ? `read_parquet(${literal(path)})`
    : `read_csv(${literal(path)}, header = true, all_varchar = true)`;

export const mhsdsCommand: Command = {
  summary:
    "derive resource-group activity from raw MHSDS table extracts (a folder of CSV or Parquet files), then group and price it",
  usage:
    "pbr-toolkit mhsds <folder> --out <output.csv|output.parquet> [--from YYYY-MM-DD --to YYYY-MM-DD] [--memory-limit 4GB] [--force]",
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: "string", short: "o" },
        from: { type: "string" },
        to: { type: "string" },
        force: { type: "boolean", default: false },
        ...MEMORY_LIMIT,
      },
    });
    if (positionals.length !== 1)
      throw usageError(`give one folder of MHSDS extracts (got ${positionals.length})`);
    const folder = positionals[0];
    if (!existsSync(folder) || !statSync(folder).isDirectory())
      throw usageError(`${folder} is not a folder`);
    if (!values.out)
      throw usageError("say where to write the output: --out <file.csv|file.parquet>");
    outputFormat(values.out);
    if (existsSync(values.out) && !values.force)
      throw usageError(`${values.out} exists; give --force to replace it`);
    if ((values.from === undefined) !== (values.to === undefined))
      throw usageError("give both --from and --to (the reporting period), or neither");
    for (const d of [values.from, values.to])
      if (d !== undefined && !ISO_DATE.test(d)) throw usageError(`${d}: give dates as YYYY-MM-DD`);

    const files = tableFiles(resolve(folder));
    if (!files.has("MHS101Referral"))
      throw usageError(`${folder} has no MHS101Referral file (.csv or .parquet)`);
    if (!files.has("MHS201CareContact") && !files.has("MHS501HospProvSpell"))
      throw usageError(
        `${folder} has neither MHS201CareContact nor MHS501HospProvSpell: no activity`
      );
    if (values.from === undefined && !files.has("mhsds_period"))
      throw usageError(
        "say the reporting period: --from YYYY-MM-DD --to YYYY-MM-DD (or an mhsds_period file)"
      );
    return withEngine(io, values["memory-limit"], async (con, show) => {
      await con.run(readMhsdsSql("tables.sql"));
      for (const table of TABLES) {
        const path = files.get(table);
        if (!path) continue;
        show.step(`Reading ${basename(path)}…`);
        const names = async (sql: string) =>
          (await textRows(con, `SELECT column_name FROM (${sql})`)).map((r) => r[0] ?? "");
        const wanted = await names(`DESCRIBE ${ident(table)}`);
        // A file's own names, intact: a first header with a byte-order mark (a CSV saved by Excel
        // and passed through pandas, say) still matches, and is selected by its real name.
        const given = await names(`DESCRIBE SELECT * FROM ${reader(path)}`);
        const byKey = new Map(given.map((g) => [g.replace(/^\uFEFF/, "").toLowerCase(), g]));
        const missing = wanted.filter((w) => !byKey.has(w.toLowerCase()));
        if (missing.length > 0)
          throw failure(
            `${basename(path)} has no column ${missing.join(", ")} (MHSDS field names)`
          );
        const select = wanted.map(
          (w) => `NULLIF(TRIM(CAST(${ident(byKey.get(w.toLowerCase())!)} AS VARCHAR)), '')`
        );
        try {
          await con.run(
            `INSERT INTO ${ident(table)} (${wanted.map(ident).join(", ")}) SELECT ${select.join(", ")} FROM ${reader(path)}`
          );
        } catch (e) {
          throw failure(`${basename(path)} could not be read as ${table}: ${oneLine(e)}`);
        }
      }
      if (values.from !== undefined) {
        await con.run("DELETE FROM mhsds_period");
        await con.run(
          `INSERT INTO mhsds_period VALUES (DATE ${literal(values.from)}, DATE ${literal(values.to!)})`
        );
      }
      const period = (
        await con.runAndReadAll(
          "SELECT CAST(period_start AS VARCHAR), CAST(period_end AS VARCHAR) FROM mhsds_period"
        )
      ).getRowsJS();
      if (period.length !== 1)
        throw failure(`the reporting period must be one row (mhsds_period has ${period.length})`);
      show.step(`Deriving activity for ${period[0][0]} to ${period[0][1]}…`);
      await con.run(readMhsdsSql("views.sql"));
      await con.run(`CREATE TEMP VIEW pbr_mhsds AS SELECT row_id, kind, age, diagnosis,
        CASE WHEN kind = 'contact' THEN service END AS team_type, CASE WHEN kind = 'spell' THEN service END AS bed_type,
        referral_reason, crisis_referral, units, attendance, activity_date, financial_year,
        person_id, referral_id, contact_id, spell_id FROM mhsds_mhnrg_input`);
      const leftOut = (
        await con.runAndReadAll(
          "SELECT reason, count(*) FROM mhsds_left_out GROUP BY reason ORDER BY 2 DESC, 1"
        )
      ).getRowsJS();

      show.step("Grouping and pricing…");
      await groupActivity(con, {
        relation: "pbr_mhsds",
        rowColumn: "row_id",
        inputColumns: OUT_COLUMNS,
        fields: {
          kind: "kind",
          age: "age",
          diagnosis: "diagnosis",
          team: "team_type",
          bed: "bed_type",
          reason: "referral_reason",
          crisis: "crisis_referral",
          attendance: "attendance",
          units: "units",
        },
        fixedKind: null,
        // Rows are distinct MHSDS contacts and spells (the views de-duplicate them); two contacts
        // alike in every column but their ids are two contacts.
        keepDuplicates: true,
        keepBlankUnits: false,
        mff: 1,
        onProgress: show.percent,
      });
      const notUsed =
        leftOut.length > 0
          ? [
              "MHSDS rows not used as activity (mhsds_left_out):",
              ...leftOut.map(([why, n]) => `  ${rowsText(Number(n))}: ${String(why)}`),
            ]
          : [];
      return writeAndReport(
        con,
        io,
        show,
        { relation: "pbr_mhsds", rowColumn: "row_id", columns: OUT_COLUMNS, path: values.out! },
        notUsed
      );
    });
  },
};
