/**
 * Import caseload: choose a CSV or XLSX export → check how its columns map to the fields →
 * import with progress and Cancel → summary (imported, rejected, where the reject report is).
 */
import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent } from "react";
import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
} from "@fluentui/react-components";
import type { CaseloadMapping } from "../../core/caseload/headers";
import type { WorkbookPort } from "../../workbook/port";
import { runJourney, useJourneyLock } from "../ui/journeyLock";
import { JourneyBusyNote } from "../ui/journey";
import { ACCEPT, openCaseloadFile } from "./openFile";
import {
  summaryLines,
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
import { isAbortError, type CaseloadSource } from "./source";
import type { SheetReader } from "./xlsxSource";
import { MapStep, mapStep, type Choices, type MapState } from "./MapStep";

export interface ImportCaseloadProps {
  /** The workbook to import into; null outside Excel and the playground. */
  port: WorkbookPort | null;
}

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
  const other = useJourneyLock("Import caseload");
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
      const result = await runJourney(port, "Import caseload", () =>
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
      {step.kind === "map" && <JourneyBusyNote reason={other} />}
      {step.kind === "map" && (
        <MapStep
          step={step}
          disabled={!port || other !== null}
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
          Imported {result.counts.imported.toLocaleString("en-GB")}
          {result.counts.flagged > 0 ? ` (${result.counts.flagged.toLocaleString("en-GB")} flagged)` : ""}, rejected{" "}
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
