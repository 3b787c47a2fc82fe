/**
 * `pbr-toolkit sql mhnrg --dialect duckdb|postgres|tsql|spark|snowflake [--seeds]`: prints the
 * checked-in generated resource-group query (and with --seeds the seed tables first), to paste
 * into SSMS, UDAL or a Databricks notebook.
 */
import { parseArgs } from "node:util";
import { DIALECTS, readMhnrgSql, type Dialect } from "./paths";
import { usageError, type Command } from "./io";

export const sqlCommand: Command = {
  summary: "print the generated resource-group SQL for a warehouse",
  usage: `pbr-toolkit sql mhnrg --dialect ${DIALECTS.join("|")} [--seeds]`,
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { dialect: { type: "string" }, seeds: { type: "boolean", default: false } },
    });
    if (positionals.length !== 1 || positionals[0] !== "mhnrg")
      throw usageError(`sql takes one query name, mhnrg (got ${positionals.join(" ") || "none"})`);
    const dialect = values.dialect as Dialect | undefined;
    if (!dialect || !DIALECTS.includes(dialect))
      throw usageError(`--dialect must be one of ${DIALECTS.join(", ")}`);
    if (values.seeds) io.out(readMhnrgSql(dialect, "seeds.sql"));
    io.out(readMhnrgSql(dialect, "query.sql"));
    return 0;
  },
};
