/**
 * What every DuckDB subcommand does around its own work: check --memory-limit, open the engine, show
 * progress, turn any failure into one line (CliError), close the engine; and at the end write the
 * grouped rows out and print the summary the pane would state.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { rowsText } from "../core/mhnrg/activitySummary";
import { openEngine } from "./duckdb/engine";
import { writeOutput } from "./duckdb/writeOutput";
import { CliError, failure, oneLine, usageError, type Io } from "./io";
import { summarise, summaryLines } from "./mhnrg/summary";
import { progress, type Progress } from "./progress";

/** The --memory-limit option, as each command declares it. */
export const MEMORY_LIMIT = { "memory-limit": { type: "string" } } as const;

/** Run `work` on a fresh engine; resolves to its exit code. */
export async function withEngine(
  io: Io,
  memoryLimit: string | undefined,
  work: (con: DuckDBConnection, show: Progress) => Promise<number>
): Promise<number> {
  if (memoryLimit !== undefined && !/^\d+(\.\d+)?\s*[KMGT]i?B$/i.test(memoryLimit))
    throw usageError(`--memory-limit ${memoryLimit}: say an amount such as 4GB or 500MB`);
  const show = progress(io);
  const engine = await openEngine(memoryLimit).catch((e: unknown) => {
    throw failure(`the engine could not start: ${oneLine(e)}`);
  });
  try {
    return await work(engine.con, show);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw failure(oneLine(e));
  } finally {
    show.done();
    engine.close();
  }
}

/** Write `relation`'s columns and the grouping's answers to `out`, then print the summary. */
export async function writeAndReport(
  con: DuckDBConnection,
  io: Io,
  show: Progress,
  out: { relation: string; rowColumn: string; columns: readonly string[]; path: string },
  before: string[] = []
): Promise<number> {
  show.step(`Writing ${out.path}…`);
  await writeOutput(con, out.relation, out.rowColumn, out.columns, out.path, show.percent);
  show.done();
  const summary = await summarise(con);
  io.out([...before, ...summaryLines(summary)].join("\n") + "\n");
  io.out(`Wrote ${rowsText(summary.rows)} to ${out.path}.\n`);
  return 0;
}
