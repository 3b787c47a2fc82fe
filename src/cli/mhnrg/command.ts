/**
 * `pbr-toolkit mhnrg <input> --out <output>`: an activity extract (CSV, Parquet or .xlsx, any
 * number of rows) grouped into mental health resource groups and priced on the embedded engine
 * (DuckDB), with the task pane's rules, written out with MHNRG, Price, Unit, Value, Note and Error
 * beside every input column, and the pane's summary printed.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { PbrError } from "../../core/errors";
import { rowsText } from "../../core/mhnrg/activitySummary";
import { readMff } from "../../core/tariff/mff";
import { groupActivity } from "../duckdb/pipeline";
import { ENCODINGS, ROW, formatOf, readInput } from "../duckdb/readInput";
import { outputFormat } from "../duckdb/writeOutput";
import { checkXlsx, unnamedText } from "../duckdb/xlsxInput";
import { usageError, type Command } from "../io";
import { MEMORY_LIMIT, withEngine, writeAndReport } from "../run";
import { fieldsText, resolveFields } from "./columns";

export const mhnrgCommand: Command = {
  summary:
    "group and price an activity extract (CSV, Parquet or .xlsx) past Excel's row limit; prints the summary",
  usage:
    "pbr-toolkit mhnrg <input> --out <output.csv|output.parquet> [--map field=Header ...] [--kind contact|spell] [--mff N] [--keep-duplicates] [--keep-blank-units] [--encoding latin-1] [--memory-limit 4GB] [--force]",
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: "string", short: "o" },
        map: { type: "string", multiple: true, default: [] },
        kind: { type: "string" },
        mff: { type: "string" },
        "keep-duplicates": { type: "boolean", default: false },
        "keep-blank-units": { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        encoding: { type: "string", default: "utf-8" },
        ...MEMORY_LIMIT,
      },
    });
    if (positionals.length !== 1)
      throw usageError(`give one input file (got ${positionals.length})`);
    const input = positionals[0];
    if (!values.out)
      throw usageError("say where to write the output: --out <file.csv|file.parquet>");
    // An .xlsx is checked before the engine starts, so a refused file is its one line alone.
    const xlsx = formatOf(input) === "xlsx" ? checkXlsx(input) : undefined;
    outputFormat(values.out);
    if (resolve(values.out) === resolve(input))
      throw usageError("--out must not be the input file (nothing is overwritten)");
    if (existsSync(values.out) && !values.force)
      throw usageError(`${values.out} exists; give --force to replace it`);
    const kind = values.kind?.toLowerCase() ?? null;
    if (kind !== null && kind !== "contact" && kind !== "spell")
      throw usageError(`--kind ${values.kind}: say contact or spell`);
    const encoding = values.encoding?.toLowerCase() as (typeof ENCODINGS)[number];
    if (!ENCODINGS.includes(encoding))
      throw usageError(`--encoding ${values.encoding}: say one of ${ENCODINGS.join(", ")}`);
    const mff = values.mff === undefined ? 1 : readMff(values.mff, null);
    if (mff instanceof PbrError) throw usageError(`--mff: ${mff.message}`);

    return withEngine(io, values["memory-limit"], async (con, show) => {
      show.step(`Reading ${input}…`);
      const read = await readInput(con, input, show.percent, encoding, xlsx);
      const fields = resolveFields(
        read.columns,
        values.map ?? [],
        kind as "contact" | "spell" | null,
        input
      );
      show.step(`${rowsText(read.rows)} read. ${fieldsText(fields, kind, mff)}`);
      if (read.rejectedCount > 0)
        show.step(
          `${read.rejectedCount.toLocaleString("en-GB")} lines could not be read and are not in the output: ` +
            read.rejected
              .slice(0, 5)
              .map((r) => `line ${r.line} (${r.reason})`)
              .join("; ") +
            (read.rejectedCount > 5 ? "…" : "")
        );
      show.step("Grouping and pricing…");
      await groupActivity(con, {
        relation: "pbr_src",
        rowColumn: ROW,
        inputColumns: read.columns,
        fields,
        fixedKind: kind as "contact" | "spell" | null,
        keepDuplicates: values["keep-duplicates"] ?? false,
        keepBlankUnits: values["keep-blank-units"] ?? false,
        mff,
        mffColumn: fields.mff,
        onProgress: show.percent,
      });
      return writeAndReport(
        con,
        io,
        show,
        {
          relation: "pbr_src",
          rowColumn: ROW,
          columns: read.columns,
          path: values.out!,
        },
        unnamedText(input, read.unnamed)
      );
    });
  },
};
