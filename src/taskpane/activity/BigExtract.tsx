/* The Resource groups journey for an extract whose rows are not written: past Excel's 1,048,576
   rows, or when the user asks. The CSV file is read as a stream and grouped and priced in a Web
   Worker on this computer (extractRun.ts), with a progress line and Cancel; then, as in the
   row-by-row journey, rows in error, duplicates and blank units are named and the user chooses;
   only the summary and the rows left out are written (extractPlan.ts). Past the pane's limit it
   hands over to the command line and the warehouse SQL (handOver.ts). */
import { useCallback, useState, type ReactNode } from "react";
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { WorkbookPort } from "../../workbook/port";
import { outcome, readBackErrors } from "../plan/outcome";
import type { RunOptions } from "../plan/run";
import type { useRunner } from "../ui/runner";
import { countLines, readHead, type ExtractHead } from "./extractStream";
import { runExtractPlan, type ExtractRun } from "./extractPlan";
import { EXCEL_ROWS, extractRoute, handOverText, tooBigText } from "./handOver";
import { DEFAULT_CHOICES, type ActivityColumns, type Choices } from "./preflight";
import { rowsText, summaryText } from "./summary";
import {
  blankUnitsCount,
  duplicateCount,
  leftOutRows,
  tallyFigures,
  type ActivityTally,
} from "./tally";

export interface Extract {
  file: File;
  head: ExtractHead;
  /** Data lines (an upper bound on rows: a quoted value can span lines). */
  lines: number;
  why: ExtractRun["why"];
}

interface Grouped {
  tally: ActivityTally;
  seconds: number;
}

const n = (x: number) => x.toLocaleString("en-GB");

/** "in 9.6 s (109,000 rows a second)". */
const speed = (rows: number, seconds: number) =>
  `in ${seconds.toFixed(1)} s (${n(Math.round(rows / Math.max(seconds, 0.001) / 1000) * 1000)} rows a second)`;

/** State and actions of the streamed journey, for ActivityGroups.tsx. */
export function useBigExtract(port: WorkbookPort, runner: ReturnType<typeof useRunner>) {
  const [extract, setExtract] = useState<Extract | null>(null);
  const [grouped, setGrouped] = useState<Grouped | null>(null);
  const [choices, setChoices] = useState<Choices>(DEFAULT_CHOICES);

  const clear = useCallback(() => {
    setExtract(null);
    setGrouped(null);
  }, []);

  /**
   * Look at a chosen CSV file: past the sheet's rows (or when asked) it is taken here and the
   * message says so; past the pane's limit the message hands over. Null: read it as usual.
   */
  const open = async (file: File, asked: boolean): Promise<string | null> => {
    clear();
    const head = await readHead(file, file.name);
    if (!head) return null; // the usual reader says there is no header
    const lines = (await countLines(file, head.encoding)) - head.headerRow;
    const route = extractRoute(file.size, lines, asked);
    if (route === "sheet") return null;
    if (route === "hand over") return tooBigText(file.name, file.size);
    setExtract({ file, head, lines, why: lines + 1 <= EXCEL_ROWS ? "asked" : "too big" });
    return (
      (lines + 1 > EXCEL_ROWS
        ? `${file.name} has ${n(lines)} lines of data, more than Excel's ${n(EXCEL_ROWS)} rows. `
        : `${file.name} has ${n(lines)} lines of data. `) +
      `It will be grouped and priced here, in this pane on this computer (nothing is uploaded), ` +
      `without writing its rows: only the summary and the rows left out are written to a new sheet. ` +
      `Map its columns below, then group and price it.`
    );
  };

  /** Write the summary and the rows left out for these answers (inside a runner's work). */
  const writeSummary = async (g: Grouped, with_: Choices, options: RunOptions) => {
    const { file, why } = extract!;
    const figures = tallyFigures(g.tally, with_);
    const run: ExtractRun = {
      fileName: file.name,
      rows: g.tally.rows,
      why,
      figures,
      leftOut: leftOutRows(g.tally, with_),
    };
    const result = await runExtractPlan(port, run, options);
    const sheet = result.sheets.groups;
    return outcome(
      `Wrote sheet ${sheet}: ${n(g.tally.rows)} rows of ${file.name} grouped and priced in this pane ` +
        `${speed(g.tally.rows, g.seconds)}, by the rules of PBR.MHNRG and PBR.MHNRGPRICE; the rows themselves are not written. ` +
        summaryText(figures, "listed on the sheet with their file lines"),
      await readBackErrors(port, [sheet]),
      "The summary holds values the pane worked out, so an error here is unexpected: please report it."
    );
  };

  const write = (g: Grouped, with_: Choices) => {
    if (!extract) return;
    setGrouped(null);
    void runner.start((options) => writeSummary(g, with_, options));
  };

  const run = (cols: ActivityColumns, fixedKind: "contact" | "spell" | null) => {
    if (!extract) return;
    setGrouped(null);
    const { file, head, lines } = extract;
    void runner.start(async (options) => {
      const { groupInWorker } = await import("./extractRun");
      const started = Date.now();
      const tally = await groupInWorker(
        file,
        { head, cols, fixedKind },
        {
          signal: options.signal,
          onProgress: (_, rows) =>
            options.onProgress?.({
              done: rows,
              total: Math.max(rows, lines),
              step: `Grouping and pricing ${file.name} in this pane; nothing is written until it is done`,
            }),
        }
      );
      const g = { tally, seconds: (Date.now() - started) / 1000 };
      if (tally.rows === 0) return `${file.name} has no rows of activity. Nothing was written.`;
      if (tally.invalid.count > 0 || duplicateCount(tally) > 0 || blankUnitsCount(tally) > 0) {
        setGrouped(g);
        return (
          `Read ${n(tally.rows)} rows of ${file.name} ${speed(tally.rows, g.seconds)}. ` +
          `Nothing is written yet: some rows need your answer (below).`
        );
      }
      return writeSummary(g, choices, options);
    });
  };

  return { extract, grouped, choices, setChoices, open, run, write, clear };
}

/** What the tally found that needs the user's answer, with the keep-or-leave-out questions. */
export function ExtractQuestions(props: {
  big: ReturnType<typeof useBigExtract>;
  running: boolean;
  question: (p: {
    label: string;
    value: Choices["duplicates"];
    onChange: (v: Choices["duplicates"]) => void;
    leave: string;
    keep: string;
    children: ReactNode;
  }) => ReactNode;
}) {
  const { big, running, question } = props;
  const g = big.grouped;
  if (!g) return null;
  const { tally } = g;
  const { choices } = big;
  const dups = duplicateCount(tally);
  const blanks = blankUnitsCount(tally);
  const leftOut = tallyFigures(tally, choices).leftOut;
  // These rows are on no sheet (the extract is not written), so they are named by file line, in
  // plain text: there is no cell to link to, unlike a table's "Activity row 12" (findings.ts).
  const first = (rows: { line: number; reason: string }[]) =>
    rows
      .slice(0, 5)
      .map((r) => `file line ${r.line}: ${r.reason}`)
      .join("; ");
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        {tally.invalid.count > 0 && (
          <div>
            {n(tally.invalid.count)} of {n(tally.rows)} rows cannot be grouped or priced:{" "}
            {first(tally.invalid.listed)}
            {tally.invalid.count > 5 ? "; …" : ""}. They are left out and listed on the sheet with
            their file line and reason; or correct the file and open it again.
          </div>
        )}
        {dups > 0 &&
          question({
            label: "Duplicate rows",
            value: choices.duplicates,
            onChange: (duplicates) => big.setChoices({ ...choices, duplicates }),
            leave: "Leave duplicates out",
            keep: "Keep duplicates (count them again)",
            children: `${rowsText(dups)} ${dups === 1 ? "repeats" : "repeat"} an earlier row exactly (${[
              ...tally.parts[1].listed,
              ...tally.parts[3].listed,
            ]
              .slice(0, 5)
              .map((r) => `file line ${r.line} = ${r.duplicateOf}`)
              .join(", ")}${dups > 5 ? "…" : ""}):`,
          })}
        {blanks > 0 &&
          question({
            label: "Blank units",
            value: choices.blankUnits,
            onChange: (blankUnits) => big.setChoices({ ...choices, blankUnits }),
            leave: "Leave rows with blank units out",
            keep: "Keep them as 1 (one contact; a same-day spell is 1 bed day)",
            children: `${rowsText(blanks)} ${blanks === 1 ? "has" : "have"} no units (contacts or bed days): file lines ${[
              ...tally.parts[2].listed,
              ...tally.parts[3].listed,
            ]
              .map((r) => r.line)
              .sort((a, b) => a - b)
              .slice(0, 8)
              .join(", ")}${blanks > 8 ? "…" : ""}:`,
          })}
        <div>
          <Button onClick={() => big.write(g, choices)} disabled={running}>
            {leftOut > 0
              ? `Leave ${rowsText(leftOut)} out and write the summary`
              : "Write the summary"}
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

/** The note shown while an extract is taken here: what happens, and the hand-over. */
export function ExtractNote({ extract, onTable }: { extract: Extract; onTable: () => void }) {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <div>
          Grouping {extract.file.name} here ({n(extract.lines)} lines of data) without writing its
          rows. For an extract bigger than this pane takes, or to get every row with its group and
          price: {handOverText(extract.file.name)}
        </div>
        <Button onClick={onTable}>Use a table in the workbook instead</Button>
      </MessageBarBody>
    </MessageBar>
  );
}
