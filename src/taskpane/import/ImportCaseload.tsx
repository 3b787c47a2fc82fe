/**
 * Import caseload: choose a CSV or XLSX export → check how its columns map to the fields →
 * import with progress and Cancel → summary (imported, rejected, where the reject report is).
 */
import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import { autoMap, checkMapping, type CaseloadMapping } from "../../core/caseload/headers";
import { asOneStep, type WorkbookPort } from "../../workbook/port";
import { ACCEPT, openCaseloadFile } from "./openFile";
import type { TextEncodingName } from "../../core/caseload/encoding";
import {
  anomalyText,
  columnChoices,
  encodingChoices,
  encodingLines,
  mappingRows,
  mappingWarnings,
  matchedCount,
  summaryLines,
  unmatchedRatings,
  withChoice,
} from "./importView";
import {
  QuoteAnomalyError,
  TooManyRowsError,
  importErrorText,
  runImport,
  type ImportProgress,
  type ImportResult,
} from "./runImport";
import { cleanupText, leftBehind } from "../plan/run";
import { isAbortError, type CaseloadSource, type QuoteAnomaly, type StrayQuoteChoice } from "./source";
import type { SheetReader } from "./xlsxSource";
import { ChoiceOptions, NameOptions } from "../ui/pickers";

export interface ImportCaseloadProps {
  /** The workbook to import into; null outside Excel and the playground. */
  port: WorkbookPort | null;
}

/** Choices the user made after the first try stopped to ask (stray quotes, too many rows). */
interface Choices {
  strayQuotes?: StrayQuoteChoice;
  firstRowsOnly?: boolean;
  splitAcrossSheets?: boolean;
}

/** Why the last try stopped before writing, when the user has to choose. */
type Question = { kind: "quotes"; anomalies: QuoteAnomaly[] } | { kind: "rows"; rows: number; fit: number };

type MapState = {
  kind: "map";
  source: CaseloadSource;
  mapping: CaseloadMapping;
  error: string | null;
  note: string | null;
  choices: Choices;
  question: Question | null;
};

type Step =
  | { kind: "choose"; error: string | null; opening: boolean }
  | MapState
  | { kind: "importing"; source: CaseloadSource; mapping: CaseloadMapping; progress: ImportProgress; cancelling: boolean }
  | { kind: "done"; result: ImportResult; error: string | null };

/** The browser build of read-excel-file, loaded only when an .xlsx is chosen. */
const readXlsx: SheetReader = async (input) => {
  const { default: readWorkbook } = await import("read-excel-file/browser");
  return (await readWorkbook(input)) as { sheet: string; data: unknown[][] }[];
};

const START: Step = { kind: "choose", error: null, opening: false };

export function ImportCaseload({ port }: ImportCaseloadProps) {
  const [step, setStep] = useState<Step>(START);
  const abort = useRef<AbortController | null>(null);
  const headingId = useId();

  // Stop an import still running if the pane goes away.
  useEffect(() => () => abort.current?.abort(), []);

  const onFile = useCallback(async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ""; // choosing the same file again still fires a change
    if (!file) return;
    setStep({ kind: "choose", error: null, opening: true });
    try {
      setStep(mapStep(await openCaseloadFile(file, readXlsx)));
    } catch (e) {
      setStep({ kind: "choose", error: e instanceof Error ? e.message : String(e), opening: false });
    }
  }, []);

  const start = useCallback(async (more: Choices = {}) => {
    if (step.kind !== "map" || !port) return;
    const { source, mapping } = step;
    const choices = { ...step.choices, ...more };
    const controller = new AbortController();
    abort.current = controller;
    const progress: ImportProgress = { phase: "reading", fraction: 0, message: `Reading ${source.fileName}…` };
    setStep({ kind: "importing", source, mapping, progress, cancelling: false });
    try {
      const result = await asOneStep(port, "Import caseload", () =>
        runImport(port, source, mapping, {
          ...choices,
          signal: controller.signal,
          onProgress: (p) => setStep((s) => (s.kind === "importing" ? { ...s, progress: p } : s)),
        })
      );
      setStep({ kind: "done", result, error: null });
    } catch (e) {
      const base = { kind: "map" as const, source, mapping, note: null, choices };
      if (e instanceof QuoteAnomalyError)
        setStep({ ...base, error: null, question: { kind: "quotes", anomalies: e.anomalies } });
      else if (e instanceof TooManyRowsError)
        setStep({ ...base, error: null, question: { kind: "rows", rows: e.rows, fit: e.fit } });
      else {
        const kept =
          leftBehind(e).length === 0
            ? "Nothing was kept: the workbook is as it was before."
            : cleanupText(e);
        const error = isAbortError(e) ? `Import cancelled. ${kept}` : `${importErrorText(e)} ${kept}`;
        setStep({ ...base, error, question: null });
      }
    } finally {
      abort.current = null;
    }
  }, [port, step]);

  const cancel = useCallback(() => {
    abort.current?.abort();
    setStep((s) => (s.kind === "importing" ? { ...s, cancelling: true } : s));
  }, []);

  return (
    <section aria-labelledby={headingId} style={{ display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: 12 }}>
      <Subtitle2 as="h2" id={headingId}>
        Import caseload
      </Subtitle2>
      {!port && (
        <MessageBar intent="warning">
          <MessageBarBody>Open the pane in Excel or the playground to import a caseload into a workbook.</MessageBarBody>
        </MessageBar>
      )}
      {step.kind === "choose" && <ChooseStep step={step} disabled={!port} onFile={onFile} />}
      {step.kind === "map" && (
        <MapStep
          step={step}
          disabled={!port}
          onChange={(key, value) =>
            setStep((s) => (s.kind === "map" ? { ...s, mapping: withChoice(s.mapping, key, value), error: null, question: null, choices: {} } : s))
          }
          onImport={start}
          onEncoding={(encoding) =>
            setStep((s) => {
              if (s.kind !== "map") return s;
              const reopened = s.source.reopen?.(encoding);
              return reopened
                ? mapStep(reopened)
                : { ...s, error: `The file has no header row when read as ${encoding}.` };
            })
          }
          onSheet={(sheet, headerRow) =>
            setStep((s) => {
              if (s.kind !== "map" || !s.source.workbook) return s;
              try {
                return mapStep(s.source.workbook.reopen(sheet, headerRow));
              } catch (e) {
                return { ...s, error: e instanceof Error ? e.message : String(e) };
              }
            })
          }
          onBack={() => setStep(START)}
        />
      )}
      {step.kind === "importing" && <ProgressStep step={step} onCancel={cancel} />}
      {step.kind === "done" && (
        <DoneStep
          step={step}
          onShow={async (sheet) => {
            try {
              await port?.select(sheet, "A1");
            } catch (e) {
              setStep((s) => (s.kind === "done" ? { ...s, error: `Could not go to "${sheet}": ${importErrorText(e)}` } : s));
            }
          }}
          onAgain={() => setStep(START)}
        />
      )}
    </section>
  );
}

function ChooseStep(props: {
  step: Extract<Step, { kind: "choose" }>;
  disabled: boolean;
  onFile: (e: ChangeEvent<HTMLInputElement>) => void;
}) {
  const { step, disabled, onFile } = props;
  return (
    <>
      <Body1>
        Choose a caseload export from your clinical system: a CSV file (comma or semicolon separated) or an Excel
        .xlsx file, with a header row. The file is read here on your computer; nothing is sent anywhere.
      </Body1>
      <Field
        label="Caseload file (CSV or XLSX)"
        validationState={step.error ? "error" : "none"}
        validationMessage={step.error ?? undefined}
        hint={step.opening ? "Reading the file…" : undefined}
      >
        {(fieldProps) => (
          <input
            {...fieldProps}
            type="file"
            accept={ACCEPT}
            disabled={disabled || step.opening}
            onChange={onFile}
            data-testid="caseload-file"
          />
        )}
      </Field>
    </>
  );
}

/** The mapping step for a freshly opened (or re-decoded) file. */
function mapStep(source: CaseloadSource): MapState {
  const mapping = autoMap(source.header);
  const note =
    `${source.header.length} columns found` +
    (source.delimiter ? ` (${source.delimiter} separated)` : "") +
    `; ${matchedCount(mapping)} matched to fields automatically. Check the matches below.`;
  return { kind: "map", source, mapping, error: null, note, choices: {}, question: null };
}

const fmt = (n: number) => n.toLocaleString("en-GB");

function MapStep(props: {
  step: MapState;
  disabled: boolean;
  onChange: (fieldKey: string, value: string) => void;
  onImport: (more?: Choices) => void;
  onEncoding: (encoding: TextEncodingName) => void;
  onSheet: (sheet: string, headerRow?: number) => void;
  onBack: () => void;
}) {
  const { step, disabled, onChange, onImport, onEncoding, onSheet, onBack } = props;
  const book = step.source.workbook;
  const choices = columnChoices(step.source);
  const rows = mappingRows(step.source, step.mapping);
  const blocked = Object.keys(checkMapping(step.mapping, step.source.header)).length > 0;
  const ratingsWarning = unmatchedRatings(step.mapping);
  const encoding = encodingLines(step.source);
  const warnings = mappingWarnings(step.source, step.mapping);
  const { question } = step;
  return (
    <>
      <Body1>
        <Text weight="semibold">{step.source.fileName}</Text>
        {step.note ? `: ${step.note}` : ""}
      </Body1>
      {encoding && step.source.encoding && (
        <Field label="Text encoding" hint={encoding.note} validationState={encoding.warning ? "warning" : "none"} validationMessage={encoding.warning ?? undefined}>
          <Select value={step.source.encoding.encoding} onChange={(_, data) => onEncoding(data.value as TextEncodingName)} data-testid="encoding">
            <ChoiceOptions choices={encodingChoices()} />
          </Select>
        </Field>
      )}
      {book && (
        <div style={{ display: "grid", gridTemplateColumns: "minmax(0, 2fr) minmax(0, 1fr)", gap: 8 }}>
          <Field label="Sheet" hint={book.sheets.length > 1 ? `${book.sheets.length} sheets in this workbook` : undefined}>
            <Select value={book.sheet} onChange={(_, d) => onSheet(d.value)} data-testid="xlsx-sheet">
              <NameOptions names={book.sheets} />
            </Select>
          </Field>
          <HeaderRowField
            key={`${book.sheet}:${step.source.headerRow}`}
            row={step.source.headerRow}
            max={book.rows}
            onChange={(row) => onSheet(book.sheet, row)}
          />
        </div>
      )}
      {warnings.map((w) => (
        <MessageBar key={w} intent="warning" data-testid="mapping-warning">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
      <Caption1>ID, cluster and start date are required; choose “Not in this file” for anything the file lacks.</Caption1>
      {ratingsWarning && (
        <MessageBar intent="warning" layout="multiline" data-testid="ratings-warning">
          <MessageBarBody>{ratingsWarning}</MessageBarBody>
        </MessageBar>
      )}
      <div role="group" aria-label="Match the file's columns to the caseload fields" style={{ display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: 8 }}>
        {rows.map((row) => (
          <Field
            key={row.field.key}
            label={row.field.required ? `${capital(row.field.label)} (required)` : capital(row.field.label)}
            required={row.field.required}
            validationState={row.error ? "error" : "none"}
            validationMessage={row.error ?? undefined}
          >
            <Select value={row.value} onChange={(_, data) => onChange(row.field.key, data.value)} data-field={row.field.key}>
              <ChoiceOptions choices={choices} />
            </Select>
          </Field>
        ))}
      </div>
      {step.error && (
        <MessageBar intent={step.error.startsWith("Import cancelled") ? "info" : "error"} role="alert">
          <MessageBarBody>{step.error}</MessageBarBody>
        </MessageBar>
      )}
      {question?.kind === "quotes" && (
        <MessageBar intent="warning" role="alert" layout="multiline" data-testid="stray-quotes">
          <MessageBarBody>
            Nothing was imported yet. {question.anomalies.length === 1 ? "A quoted value runs" : `${fmt(question.anomalies.length)} quoted values run`} on
            over lines that look like rows of their own, most likely a stray quote in the export:
            <ul style={{ margin: "4px 0", paddingLeft: 20 }}>
              {question.anomalies.slice(0, 5).map((a) => (
                <li key={a.line}>{anomalyText(step.source, a)}</li>
              ))}
              {question.anomalies.length > 5 && <li>and {fmt(question.anomalies.length - 5)} more.</li>}
            </ul>
            Split them (the line with the stray quote is rejected and the lines after it are read as rows), or keep each value as text as
            written?
          </MessageBarBody>
        </MessageBar>
      )}
      {question?.kind === "rows" && (
        <MessageBar intent="warning" role="alert" layout="multiline" data-testid="too-many-rows">
          <MessageBarBody>
            Nothing was imported yet: {fmt(question.rows)} rows to write, but an Excel sheet has room for {fmt(question.fit)} below the
            header. Import the first {fmt(question.fit)} rows, or split the rows across as many Caseload sheets as they need.
          </MessageBarBody>
        </MessageBar>
      )}
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        {question?.kind === "quotes" ? (
          <>
            <Button appearance="primary" disabled={disabled || blocked} onClick={() => onImport({ strayQuotes: "split" })}>
              Split at the stray quotes and import
            </Button>
            <Button disabled={disabled || blocked} onClick={() => onImport({ strayQuotes: "keep" })}>
              Keep as text and import
            </Button>
          </>
        ) : question?.kind === "rows" ? (
          <>
            <Button appearance="primary" disabled={disabled || blocked} onClick={() => onImport({ firstRowsOnly: true })}>
              Import the first {fmt(question.fit)} rows
            </Button>
            <Button disabled={disabled || blocked} onClick={() => onImport({ splitAcrossSheets: true })}>
              Split across sheets
            </Button>
          </>
        ) : (
          <Button appearance="primary" disabled={disabled || blocked} onClick={() => onImport()}>
            Import
          </Button>
        )}
        <Button onClick={onBack}>Choose another file</Button>
      </div>
    </>
  );
}

function ProgressStep(props: { step: Extract<Step, { kind: "importing" }>; onCancel: () => void }) {
  const { step, onCancel } = props;
  return (
    <>
      <Field label="Import progress" validationMessage={step.progress.message} validationState="none">
        <ProgressBar value={step.progress.fraction} max={1} thickness="large" />
      </Field>
      <div>
        <Button onClick={onCancel} disabled={step.cancelling}>
          {step.cancelling ? "Cancelling…" : "Cancel"}
        </Button>
      </div>
    </>
  );
}

function DoneStep(props: {
  step: Extract<Step, { kind: "done" }>;
  onShow: (sheet: string) => void;
  onAgain: () => void;
}) {
  const { step, onShow, onAgain } = props;
  const { result } = step;
  return (
    <>
      <MessageBar intent={result.counts.rejected > 0 ? "warning" : "success"}>
        <MessageBarBody>
          Imported {result.counts.imported.toLocaleString("en-GB")}, rejected{" "}
          {result.counts.rejected.toLocaleString("en-GB")}.
        </MessageBarBody>
      </MessageBar>
      <ul style={{ margin: 0, paddingLeft: 20 }} aria-label="Import summary" data-testid="import-summary">
        {summaryLines(result).map((line) => (
          <li key={line}>
            <Body1>{line}</Body1>
          </li>
        ))}
      </ul>
      {step.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{step.error}</MessageBarBody>
        </MessageBar>
      )}
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        {result.rejectSheet && (
          <Button appearance="primary" onClick={() => onShow(result.rejectSheet!)}>
            Show the rejected rows
          </Button>
        )}
        {result.sheet && <Button onClick={() => onShow(result.sheet!)}>Show the caseload</Button>}
        <Button onClick={onAgain}>Import another file</Button>
      </div>
    </>
  );
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The header row of an XLSX sheet, as the file shows it; applied when the field is left or Enter is pressed. */
function HeaderRowField({ row, max, onChange }: { row: number; max: number; onChange: (row: number) => void }) {
  const [text, setText] = useState(String(row));
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > Math.max(1, max)) {
      setError(`Enter a row number from 1 to ${Math.max(1, max)}.`);
      return;
    }
    setError(null);
    if (n !== row) onChange(n);
  };
  return (
    <Field label="Header row" validationMessage={error ?? undefined}>
      <Input
        value={text}
        inputMode="numeric"
        onChange={(_, d) => setText(d.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === "Enter") apply();
        }}
        data-testid="xlsx-header-row"
      />
    </Field>
  );
}
