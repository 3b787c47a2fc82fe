/**
 * Import caseload's mapping step: how the file's columns map to the caseload fields, its text
 * encoding or XLSX sheet and header row, and the questions a first try can stop to ask (stray
 * quotes, more rows than one sheet holds). ImportCaseload.tsx runs the steps.
 */
import { useState } from "react";
import { Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text } from "@fluentui/react-components";
import { autoMap, checkMapping, type CaseloadMapping } from "../../core/caseload/headers";
import type { TextEncodingName } from "../../core/caseload/encoding";
import {
  anomalyText,
  columnChoices,
  encodingChoices,
  encodingLines,
  mappingRows,
  mappingWarnings,
  matchedCount,
  unmatchedRatings,
} from "./importView";
import type { CaseloadSource, QuoteAnomaly, StrayQuoteChoice } from "./source";
import { ChoiceOptions, NameOptions } from "../ui/pickers";

/** Choices the user made after the first try stopped to ask (stray quotes, too many rows). */
export interface Choices {
  strayQuotes?: StrayQuoteChoice;
  firstRowsOnly?: boolean;
  splitAcrossSheets?: boolean;
  /** Import and flag rows whose only problem is recoverable, instead of leaving them out. */
  flagRecoverable?: boolean;
}

/** Why the last try stopped before writing, when the user has to choose. */
export type Question = { kind: "quotes"; anomalies: QuoteAnomaly[] } | { kind: "rows"; rows: number; fit: number };

export type MapState = {
  kind: "map";
  source: CaseloadSource;
  mapping: CaseloadMapping;
  error: string | null;
  note: string | null;
  choices: Choices;
  question: Question | null;
};


/** The mapping step for a freshly opened (or re-decoded) file. */
export function mapStep(source: CaseloadSource): MapState {
  const mapping = autoMap(source.header);
  const note =
    `${source.header.length} columns found` +
    (source.delimiter ? ` (${source.delimiter} separated)` : "") +
    `; ${matchedCount(mapping)} matched to fields automatically. Check the matches below.`;
  return { kind: "map", source, mapping, error: null, note, choices: {}, question: null };
}

const fmt = (n: number) => n.toLocaleString("en-GB");

export function MapStep(props: {
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
  // Import and flag, or leave out: asked before every import (kept across a stop to ask more).
  const [flag, setFlag] = useState(step.choices.flagRecoverable === true);
  const importWith = (more?: Choices) => onImport({ ...more, flagRecoverable: flag });
  return (
    <>
      <Body1>
        <Text weight="semibold">{step.source.fileName}</Text>
        {step.note ? `: ${step.note}` : ""}
      </Body1>
      {encoding && step.source.encoding && (
        <Field label="Text encoding" hint={encoding.note} validationState={encoding.warning ? "warning" : "none"} validationMessage={encoding.warning ?? undefined}>
          <Select value={step.source.encoding.encoding} onChange={(_, data) => onEncoding(data.value as TextEncodingName)} data-testid="encoding" {...FIT}>
            <ChoiceOptions choices={encodingChoices()} />
          </Select>
        </Field>
      )}
      {book && (
        <div style={{ display: "grid", gridTemplateColumns: "minmax(0, 2fr) minmax(0, 1fr)", gap: 8 }}>
          <Field label="Sheet" hint={book.sheets.length > 1 ? `${book.sheets.length} sheets in this workbook` : undefined} style={{ minWidth: 0 }}>
            <Select value={book.sheet} onChange={(_, d) => onSheet(d.value)} data-testid="xlsx-sheet" {...FIT}>
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
            style={{ minWidth: 0 }}
          >
            <Select value={row.value} onChange={(_, data) => onChange(row.field.key, data.value)} data-field={row.field.key} {...FIT}>
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
      <RecoverableChoice flag={flag} onChange={setFlag} />
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        {question?.kind === "quotes" ? (
          <>
            <Button appearance="primary" disabled={disabled || blocked} onClick={() => importWith({ strayQuotes: "split" })}>
              Split at the stray quotes and import
            </Button>
            <Button disabled={disabled || blocked} onClick={() => importWith({ strayQuotes: "keep" })}>
              Keep as text and import
            </Button>
          </>
        ) : question?.kind === "rows" ? (
          <>
            <Button appearance="primary" disabled={disabled || blocked} onClick={() => importWith({ firstRowsOnly: true })}>
              Import the first {fmt(question.fit)} rows
            </Button>
            <Button disabled={disabled || blocked} onClick={() => importWith({ splitAcrossSheets: true })}>
              Split across sheets
            </Button>
          </>
        ) : (
          <Button appearance="primary" disabled={disabled || blocked} onClick={() => importWith()}>
            Import
          </Button>
        )}
        <Button onClick={onBack}>Choose another file</Button>
      </div>
    </>
  );
}

/**
 * A dropdown as wide as the pane allows, not as its longest option: a native select is otherwise
 * as wide as "Not in this file" or a long header and runs past a 350 px pane (ui/pickers.tsx).
 */
const FIT = {
  style: { minWidth: 0, maxWidth: "100%" },
  select: { style: { minWidth: 0, width: "100%", textOverflow: "ellipsis" } },
} as const;

/**
 * What to do with a row whose only problem is recoverable (its value still means what it says:
 * admitted days more than the period's days): leave the person out, or import and flag them.
 */
function RecoverableChoice({ flag, onChange }: { flag: boolean; onChange: (flag: boolean) => void }) {
  return (
    <Field
      label="Rows whose admitted days are more than the days between their dates"
      hint="Every other problem (a date or rating that cannot be read, an end before the start, a repeated row) always leaves the row out."
    >
      <RadioGroup value={flag ? "flag" : "leave"} onChange={(_, d) => onChange(d.value === "flag")} data-testid="recoverable-choice">
        <Radio value="leave" label="Leave the person out (listed on the rejects sheet)" />
        <Radio value="flag" label="Import and flag (value kept, the problem named in the Note column and on the rejects sheet)" />
      </RadioGroup>
    </Field>
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
    <Field label="Header row" validationMessage={error ?? undefined} style={{ minWidth: 0 }}>
      <Input
        value={text}
        style={{ minWidth: 0, maxWidth: "100%" }}
        input={{ style: { minWidth: 0, width: "100%" } }}
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
