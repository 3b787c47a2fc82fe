/**
 * What the Import caseload pane shows, worked out without React so it can be tested directly:
 * the mapping step's choices, and the summary sentences after an import.
 */
import { CASELOAD_FIELDS, type CaseloadField } from "../../core/caseload/fields";
import {
  checkMapping,
  columnName,
  duplicateMatches,
  type CaseloadMapping,
} from "../../core/caseload/headers";
import { ENCODINGS, ENCODING_LABEL, type TextEncodingName } from "../../core/caseload/encoding";
import { columnLetters } from "../../workbook/address";
import type { CaseloadSource, QuoteAnomaly } from "./source";
import type { ImportResult } from "./runImport";

/** Value of the "not in this file" choice in a mapping dropdown. */
export const NOT_PRESENT = "";

export interface ColumnChoice {
  value: string;
  text: string;
}

export interface MappingRow {
  field: CaseloadField;
  /** Current choice: a column index as text, or NOT_PRESENT. */
  value: string;
  /** Plain-English problem with this field's choice, or null. */
  error: string | null;
}

const fmt = (n: number) => n.toLocaleString("en-GB");

function example(source: CaseloadSource, column: number): string {
  for (const row of source.sample) {
    const v = row[column];
    if (v === null || v === undefined || String(v).trim() === "") continue;
    const text =
      v instanceof Date ? v.toISOString().slice(0, 10) : String(v).replace(/\s+/g, " ").trim();
    return text.length > 24 ? `${text.slice(0, 23)}…` : text;
  }
  return "";
}

/** Choices for every mapping dropdown: "not in this file", then each column ("C · Care Cluster (e.g. 11)"). */
export function columnChoices(source: CaseloadSource): ColumnChoice[] {
  const choices: ColumnChoice[] = [{ value: NOT_PRESENT, text: "Not in this file" }];
  source.header.forEach((_, column) => {
    const ex = example(source, column);
    choices.push({
      value: String(column),
      text: `${columnLetters(column)} · ${columnName(source.header, column)}${ex ? ` (e.g. ${ex})` : ""}`,
    });
  });
  return choices;
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1) + (/[.?!]$/.test(text) ? "" : ".");
}

export function mappingRows(source: CaseloadSource, mapping: CaseloadMapping): MappingRow[] {
  const problems = checkMapping(mapping, source.header);
  return CASELOAD_FIELDS.map((field) => {
    const column = mapping[field.key];
    return {
      field,
      value: column === null || column === undefined ? NOT_PRESENT : String(column),
      error: problems[field.key] ? sentence(problems[field.key].message) : null,
    };
  });
}

/** A copy of `mapping` with one field changed from a dropdown value. */
export function withChoice(
  mapping: CaseloadMapping,
  fieldKey: string,
  value: string
): CaseloadMapping {
  return { ...mapping, [fieldKey]: value === NOT_PRESENT ? null : Number(value) };
}

/**
 * A warning before import when some of the 18 MHCT ratings have no column (the cluster audit and
 * PBR.CLUSTER need all 18), naming them: "5 of 18 MHCT ratings have no column: A, B, C, D and E…".
 * Null when all 18 are matched, and a gentler note when the file has none at all.
 */
export function unmatchedRatings(mapping: CaseloadMapping): string | null {
  const items = CASELOAD_FIELDS.filter((f) => f.kind === "rating");
  const missing = items.filter((f) => mapping[f.key] === null || mapping[f.key] === undefined);
  if (missing.length === 0) return null;
  if (missing.length === items.length)
    return "No MHCT rating columns were matched: the caseload can be priced and budgeted, but the cluster audit needs the 18 ratings. If the file has them, choose their columns below.";
  const ids = missing.map((f) => f.key.slice(4));
  const list =
    ids.length === 1 ? ids[0] : `${ids.slice(0, -1).join(", ")} and ${ids[ids.length - 1]}`;
  return `${missing.length} of ${items.length} MHCT ratings have no column: ${list}. The cluster audit needs all 18, so choose their columns below if the file has them; rows imported without them are audited as "too few ratings".`;
}

/**
 * Warnings for the mapping step: two columns that both match one field (naming both, and which
 * one is used), so a second ID or Cluster column is never dropped without a word.
 */
export function mappingWarnings(source: CaseloadSource, mapping: CaseloadMapping): string[] {
  return duplicateMatches(source.header).map(({ key, label, columns }) => {
    const names = columns.map((c) => `${columnLetters(c)} (“${columnName(source.header, c)}”)`);
    const list =
      names.length === 2
        ? `${names[0]} and ${names[1]}`
        : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
    const used = mapping[key];
    const which =
      used === null || used === undefined
        ? "none is used yet"
        : `column ${columnLetters(used)} is used`;
    return `Columns ${list} both look like the ${label}; ${which}. Check that it is the right one.`;
  });
}

/** Choices for the encoding dropdown, in the order most exports use them. */
export function encodingChoices(): ColumnChoice[] {
  return ENCODINGS.map((e) => ({ value: e, text: ENCODING_LABEL[e] }));
}

/** "Read as Windows-1252 (…): why." and a warning when characters could not be read; [] for XLSX. */
export function encodingLines(
  source: CaseloadSource
): { note: string; warning: string | null } | null {
  const enc = source.encoding;
  if (!enc) return null;
  const label = ENCODING_LABEL[enc.encoding as TextEncodingName];
  const note = enc.detected
    ? `Read as ${label}: ${enc.reason}.`
    : `Read as ${label}, as you chose (the file looked like ${enc.reason.replace(/^the file /, "")}).`;
  const warning =
    enc.replacements > 0
      ? `${enc.replacements >= 1000 ? "1,000 or more" : fmt(enc.replacements)} ${enc.replacements === 1 ? "character" : "characters"} could not be read as ${label} (shown as \u{FFFD}); the rows holding them will be rejected. Try another encoding.`
      : null;
  return { note, warning };
}

/** One anomaly as a sentence naming both lines. */
export function anomalyText(source: CaseloadSource, a: QuoteAnomaly): string {
  return (
    `Row ${a.row} (line ${a.line}): the quoted ${columnName(source.header, a.column)} value that starts here runs on to ` +
    `line ${a.recordLine}, which looks like a row of its own: “${a.preview}”.`
  );
}

/** How many fields were matched automatically, for the mapping step's introduction. */
export function matchedCount(mapping: CaseloadMapping): number {
  return Object.values(mapping).filter((c) => c !== null && c !== undefined).length;
}

/** The summary after an import, one sentence per line. */
export function summaryLines(result: ImportResult): string[] {
  const { counts } = result;
  const lines = [
    `${fmt(result.dataRows)} data ${result.dataRows === 1 ? "row" : "rows"} in ${result.fileName}: ` +
      `${fmt(counts.imported)} imported, ${fmt(counts.rejected)} rejected.`,
  ];
  if (result.linesRead !== result.dataRows + counts.blankSkipped) {
    const { imported, rejected, blank } = result.lines;
    lines.push(
      `Some rows span several lines: ${fmt(result.linesRead)} lines of the file after the header were read, ` +
        `${fmt(imported)} in imported rows and ${fmt(rejected)} in rejected rows` +
        (blank > 0 ? `, ${fmt(blank)} blank.` : ".")
    );
  }
  if (result.quoteAnomalies.length > 0) {
    const n = result.quoteAnomalies.length;
    lines.push(
      result.strayQuotes === "split"
        ? `${fmt(n)} stray ${n === 1 ? "quote was" : "quotes were"} split off, as you chose: the line where each quote opened is rejected and the lines after it were read again as rows.`
        : `${fmt(n)} quoted ${n === 1 ? "value runs" : "values run"} over lines that look like rows; kept as text, as you chose.`
    );
  }
  if (result.rowsLeftOut > 0)
    lines.push(
      `${fmt(result.rowsLeftOut)} valid ${result.rowsLeftOut === 1 ? "row was" : "rows were"} left out, as you chose: an Excel sheet holds ${fmt(1_048_575)} rows below the header.`
    );
  if (result.sheet && result.moreSheets.length > 0) {
    const parts = [{ sheet: result.sheet, table: result.table }, ...result.moreSheets];
    lines.push(
      `Imported rows are split across ${parts.length} sheets, as you chose: ` +
        parts.map((p) => `"${p.sheet}" (table ${p.table})`).join(", ") +
        "."
    );
  } else if (result.sheet)
    lines.push(`Imported rows are on the sheet "${result.sheet}" (table ${result.table}).`);
  else lines.push("No row could be imported, so no Caseload sheet was made.");
  const flaggedLines = result.flaggedLines ?? 0;
  const left = result.rejectLines - flaggedLines;
  if (result.rejectSheet && left > 0) {
    lines.push(
      `${left === 1 ? "The problem" : `The ${fmt(left)} problems`} found in the rejected ` +
        `${result.counts.rejected === 1 ? "row" : "rows"} ${left === 1 ? "is" : "are"} listed on the sheet ` +
        `"${result.rejectSheet}", with the row number in the file.` +
        (flaggedLines > 0 ? " The flagged rows are listed there too, marked as imported." : "")
    );
  } else if (result.rejectSheet && flaggedLines > 0) {
    lines.push(
      `The flagged ${counts.flagged === 1 ? "row is" : "rows are"} listed on the sheet "${result.rejectSheet}", ` +
        `marked as imported, with the row number in the file.`
    );
  }
  if (counts.flagged > 0) {
    lines.push(
      `${fmt(counts.flagged)} imported ${counts.flagged === 1 ? "row has" : "rows have"} a recoverable problem ` +
        `(admitted days more than the period's days): imported and flagged, as you chose, with the value kept ` +
        `as in the file and the problem named in the Note column.`
    );
  }
  if (result.rejectLinesLeftOut > 0)
    lines.push(
      `The reject report lists the first ${fmt(result.rejectLines)} problems; ${fmt(result.rejectLinesLeftOut)} more did not fit on its sheet.`
    );
  if (counts.notClustered > 0) {
    lines.push(
      `${fmt(counts.notClustered)} imported ${counts.notClustered === 1 ? "row has" : "rows have"} cluster 99 ` +
        `(not clustered): kept as 99 and flagged in the Note column; pricing journeys leave them out.`
    );
  }
  if (counts.clusterNine > 0) {
    lines.push(
      `${fmt(counts.clusterNine)} imported ${counts.clusterNine === 1 ? "row has" : "rows have"} cluster 9, ` +
        `which is not in use: kept as 9 and flagged in the Note column for checking.`
    );
  }
  if (counts.blankSkipped > 0) {
    lines.push(
      `${fmt(counts.blankSkipped)} blank ${counts.blankSkipped === 1 ? "line was" : "lines were"} skipped ` +
        `(not counted as data rows).`
    );
  }
  return lines;
}
