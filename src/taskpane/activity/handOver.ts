/**
 * When the pane groups an extract without writing its rows, and when it hands over instead.
 *
 * The pane's limit is the file's size, PANE_MAX_BYTES (256 MB: about 2–4 million rows of a
 * typical extract at 60–120 bytes a line). Reading is streamed, but finding exact duplicates means
 * remembering every row seen (rowSet.ts): two to four times the file's size in the worker's
 * memory, the more the shorter its lines (measured: 126 MB for the 32 MB, 1,048,600-row test
 * file of 30-byte lines), so about half a gigabyte at the limit, on top of the workbook Excel
 * already holds. An add-in's web view (Edge WebView2, Safari's WebKit
 * on a Mac, a browser tab in Excel on the web) is not the place for gigabytes, and past this size
 * the command line or the warehouse is quicker anyway. Beyond it the pane says so and hands over:
 * the toolkit's command on DuckDB, and the generated SQL for the warehouse (docs/sql.md).
 */

/** Rows in an Excel sheet; the header takes one, so an extract's data rows fit up to one fewer. */
export const EXCEL_ROWS = 1_048_576;

/** Largest CSV file the pane groups itself. */
export const PANE_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Where a CSV extract goes: into a sheet as usual when its data lines fit one (and the user did not
 * ask otherwise), else grouped in the pane up to PANE_MAX_BYTES, else handed over.
 */
export function extractRoute(
  bytes: number,
  dataLines: number,
  asked: boolean
): "sheet" | "pane" | "hand over" {
  if (dataLines + 1 <= EXCEL_ROWS && !asked) return "sheet";
  return bytes > PANE_MAX_BYTES ? "hand over" : "pane";
}

const megabytes = (bytes: number) =>
  `${Math.round(bytes / (1024 * 1024)).toLocaleString("en-GB")} MB`;

/** The output file name the hand-over suggests: "activity.csv" → "activity-groups.csv". */
export const groupedName = (fileName: string) => fileName.replace(/(\.[^.]*)?$/, "-groups.csv");

/**
 * The exact command for this file (quoted for a shell when the name needs it). The pane prices at
 * the national price (it has no Market Forces Factor), while the command would read a per-row MFF
 * column when the file has one (cli/mhnrg/columns.ts): `--map mff=` tells it to read none, so the
 * handed-over prices are the pane's (the command's default MFF is 1).
 */
export function handOverCommand(fileName: string): string {
  const q = (s: string) => (/^[\w.\-/]+$/.test(s) ? s : `"${s.replace(/(["\\$`])/g, "\\$1")}"`);
  return `npx pbr-toolkit mhnrg ${q(fileName)} --out ${q(groupedName(fileName))} --map mff=`;
}

/** Where to go for an extract the pane does not group, in words. */
export function handOverText(fileName: string): string {
  return (
    `On this computer, the toolkit's command groups and prices any size of extract with the same rules ` +
    `(on DuckDB, no row limit) and writes every row with its resource group, price and any error: ` +
    `${handOverCommand(fileName)}. ` +
    `Its --map mff= keeps the pane's prices (no Market Forces Factor); leave it out to apply the file's MFF column, if it has one. ` +
    `In your warehouse (SQL Server or Synapse/UDAL, Databricks, Snowflake, PostgreSQL or DuckDB), run the ` +
    `generated SQL in the toolkit's sql/mhnrg folder: docs/sql.md says how, with a check query to prove it ` +
    `gives the same answers there.`
  );
}

/** Why the pane will not group a file this big, and where to go instead. */
export function tooBigText(fileName: string, bytes: number): string {
  return (
    `${fileName} is ${megabytes(bytes)}, more than the ${megabytes(PANE_MAX_BYTES)} this pane groups itself ` +
    `(finding exact duplicates means remembering every row, two to four times the file's size in memory). ` +
    `Nothing was read into the workbook. ${handOverText(fileName)}`
  );
}
