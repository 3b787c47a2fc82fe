/**
 * The playground page: the embedded workbook (name box, formula bar, grid, sheet tabs) beside the
 * real task pane, which works on the same workbook through the embedded WorkbookPort.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { Button, FluentProvider, Input, Tab, TabList, Text, webLightTheme } from "@fluentui/react-components";
import { DetailedCellError } from "hyperformula";
import { App } from "../taskpane/App";
import { cellAddress, parseCell, parseRange, splitQualified } from "../workbook/address";
import type { EmbeddedWorkbook } from "../workbook/embeddedPort";
import { Grid } from "./grid/Grid";
import { FilterStatus } from "./grid/filterUi";
import { enteredCell } from "./grid/clipboard";
import { download, fileNameOf, sheetCellsCsv } from "./export/download";
import { existingCells } from "./export/snapshot";
import { SaveRefused, saveNow } from "./export/saveFlow";
import { OpenFailed, openWorkbookFile } from "./open/openFile";
import { FormulaHelpView, type HelpAnchor } from "./help/FormulaHelpView";
import { suggestionKey, type Typed } from "./help/autocomplete";
import { readOffThread, writeOffThread } from "./open/offThread";
import { PLAYGROUND_CSS } from "./styles";
import { useWorkbookVersion } from "./useWorkbook";
import { LongWork, type PageWork } from "./LongWork";

/** The selected cell in words for the status line: its error and message, so no one needs to hover. */
export function cellStatus(address: string, value: unknown): { text: string; error: boolean } {
  if (value instanceof DetailedCellError || (value !== null && typeof value === "object" && "value" in value)) {
    const e = value as { value: unknown; message?: string };
    return { text: `${address}: ${String(e.value)}${e.message ? ` ${e.message}` : ""}`, error: true };
  }
  return { text: "", error: false };
}

export function Playground({ workbook, status, ready = true }: { workbook: EmbeddedWorkbook; status: string; ready?: boolean }) {
  const version = useWorkbookVersion(workbook);
  const sheets = workbook.engine.getSheetNames();
  const selection = workbook.currentSelection;
  const sheet = sheets.includes(selection.sheet) ? selection.sheet : sheets[0];
  const active = parseRange(selection.address);
  const [focusToken, setFocusToken] = useState(0);
  const [nameBox, setNameBox] = useState(selection.address);
  const content = sheet ? workbook.getContent(sheet, active.top, active.left) : null;
  const [formula, setFormula] = useState<string>(content === null ? "" : String(content));
  const [nameError, setNameError] = useState("");
  // The text being typed (in the cell or the formula bar) and where the caret is, for help.
  const [typing, setTyping] = useState<{ text: string; caret: number; at?: HelpAnchor } | null>(null);
  const onEditing = useCallback((text: string | null, at?: HelpAnchor) => {
    setTyping(text === null ? null : { text, caret: text.length, at });
    if (text !== null) setFormula(text);
  }, []);
  // The listed function that Tab or Enter accepts; the first again whenever the text changes.
  const [highlight, setHighlight] = useState(0);
  useEffect(() => setHighlight(0), [typing?.text]);
  /** A key pressed while typing: the text after it when it was for the help list, else null. */
  const suggestionFor = (key: string, typed: Typed): Typed | null => {
    const effect = suggestionKey(key, typed, highlight, workbook.functions);
    if (!effect) return null;
    if (effect.kind === "move") {
      setHighlight(effect.highlight);
      return typed;
    }
    setHighlight(0);
    return effect.typed;
  };
  // A sentence about something the grid could not do (a paste with nothing usable), until the next move.
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => setNotice(null), [sheet, selection.address]);
  const cell = sheet ? cellStatus(cellAddress(active.top, active.left), workbook.getValue(sheet, active.top, active.left)) : { text: "", error: false };

  // Nothing is saved outside the tab: once the demo is open, any change makes leaving ask first.
  const readyVersion = useRef<number | null>(null);
  useEffect(() => {
    if (ready && readyVersion.current === null) readyVersion.current = version;
  }, [ready, version]);
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (readyVersion.current !== null && workbook.version > readyVersion.current) {
        e.preventDefault();
        e.returnValue = "";
      }
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [workbook]);

  const [saveProblem, setSaveProblem] = useState("");
  // Opening or saving a file, for the progress line (LongWork.tsx).
  const [pageWork, setPageWork] = useState<PageWork | null>(null);
  const saveXlsx = () => {
    setSaveProblem("");
    setPageWork({ label: "Saving", fraction: null });
    saveNow(workbook, writeOffThread).then(
      ({ blob, version, notes }) => {
        setPageWork(null);
        download(blob, "PbR Toolkit workbook.xlsx");
        // Saved as it was at the click: an edit made since is still unsaved (leaving still asks).
        if (readyVersion.current !== null) readyVersion.current = Math.max(readyVersion.current, version);
        if (notes.length > 0) setSaveProblem(`Saved. Not saved as in the playground: ${notes.join("; ")}.`);
      },
      (e) => {
        setPageWork(null);
        setSaveProblem(
          e instanceof SaveRefused
            ? `Not saved: ${e.message}`
            : "Could not save the workbook: the browser could not write the file. Try again, or export the sheets as CSV."
        );
      }
    );
  };

  // Open workbook…: a local .xlsx replaces this workbook, after asking when there are unsaved changes.
  const picker = useRef<HTMLInputElement>(null);
  const [opening, setOpening] = useState<{ text: string; error: boolean } | null>(null);
  const openFile = (file: File) => {
    const unsaved = () => readyVersion.current !== null && workbook.version > readyVersion.current;
    setOpening({ text: `Opening ${file.name}…`, error: false });
    // Reading runs in a worker and can be cancelled; the engine then takes the book in slices.
    const cancel = new AbortController();
    setPageWork({ label: `Reading ${file.name}`, fraction: null, cancel: () => cancel.abort() });
    openWorkbookFile(
      workbook,
      file,
      () => unsaved() ? window.confirm(`Open ${file.name} in place of this workbook? Changes you have not saved as .xlsx will be lost.`) : true,
      { read: readOffThread, signal: cancel.signal, loading: () => setPageWork(null) }
    ).then(
      (opened) => {
        setPageWork(null);
        if (!opened) {
          setOpening(null);
          return;
        }
        // Opened from a file: nothing to lose until it is changed (after the engine settles).
        setTimeout(() => {
          readyVersion.current = workbook.version;
        }, 0);
        setFocusToken((n) => n + 1);
        const counts = `${opened.sheets} ${opened.sheets === 1 ? "sheet" : "sheets"}, ${opened.cells.toLocaleString("en-GB")} cells, ${opened.formulas.toLocaleString("en-GB")} formulas`;
        const notes = opened.notes.length > 0 ? ` Not opened as in the file: ${opened.notes.join("; ")}.` : "";
        setOpening({ text: `Opened ${file.name}: ${counts}.${notes}`, error: false });
      },
      (e) => {
        setPageWork(null);
        const kept = e instanceof OpenFailed && e.replaced ? "The workbook may be incomplete: reload the page to start again from the demo." : "The workbook is as it was.";
        // Only OpenFailed's sentences are for people; anything else is an internal error, said plainly.
        if (!(e instanceof OpenFailed)) console.error(e);
        const why = e instanceof OpenFailed ? e.message : "something went wrong in the page while opening it.";
        setOpening({ text: `Could not open ${file.name}: ${why} ${kept}`, error: true });
      }
    );
  };

  const exportCsv = () => {
    if (!sheet) return;
    setSaveProblem("");
    let text: string;
    try {
      // Sized by the cells that exist, not the used range's corners (A1 and XFD1048576 are two cells).
      const cells = existingCells(workbook.engine, workbook.sheetId(sheet));
      text = sheetCellsCsv(cells, (r, c) => workbook.getValue(sheet, r, c), (r, c) => workbook.formatAt(sheet, r, c));
    } catch (e) {
      console.error(e);
      setSaveProblem(`Could not export ${sheet} as CSV: the sheet is too large to write here. Save the workbook as .xlsx instead.`);
      return;
    }
    download(new Blob([text], { type: "text/csv;charset=utf-8" }), fileNameOf(sheet, "csv"));
  };
  // Keep the current sheet's tab in view when there are more tabs than fit.
  const tabs = useRef<HTMLElement>(null);
  useEffect(() => {
    const tab = tabs.current?.querySelector<HTMLElement>(`[data-sheet="${CSS.escape(sheet ?? "")}"]`);
    const bar = tabs.current;
    if (!tab || !bar) return;
    const t = tab.getBoundingClientRect();
    const b = bar.getBoundingClientRect();
    if (t.left < b.left) bar.scrollLeft -= b.left - t.left;
    else if (t.right > b.right) bar.scrollLeft += t.right - b.right;
  }, [sheet, sheets.length]);

  // A new selection shows its address and content. A change to the workbook (a recalculation, a
  // task pane action writing in slices) refreshes the formula bar only when nobody is typing in
  // it, and never the name box: what the user is typing there is not wiped.
  const typingIn = useRef<"name" | "formula" | null>(null);
  useEffect(() => {
    setNameBox(cellAddress(active.top, active.left));
    setFormula(content === null ? "" : String(content));
  }, [sheet, active.top, active.left]);
  useEffect(() => {
    if (typingIn.current !== "formula") setFormula(content === null ? "" : String(content));
  }, [version]);

  const jump = () => {
    try {
      const text = nameBox.trim();
      const parts = splitQualified(text);
      const [target, address] = [parts.sheet ?? sheet, parts.address];
      parseCell(address.split(":")[0]);
      const found = sheets.find((s) => s.toLowerCase() === target.toLowerCase());
      if (!found) throw new Error(`no sheet named ${target}`);
      setNameError("");
      void workbook.select(found, address.toUpperCase()).then(() => setFocusToken((n) => n + 1));
    } catch (e) {
      setNameError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <FluentProvider theme={webLightTheme} lang="en-GB" style={{ height: "100%" }}>
      <style>{PLAYGROUND_CSS}</style>
      <div className="pbr-page">
        <header className="pbr-banner">
          <strong>PbR Toolkit playground</strong>
          <span>Runs entirely in this browser: nothing leaves your machine. Demo data is SYNTHETIC; prices, steps and bands are illustrative.</span>
          <span role="status" data-testid="playground-status" style={{ marginLeft: "auto" }}>
            {status}
          </span>
        </header>
        <section className="pbr-book" aria-label="Workbook">
          <div className="pbr-bar">
            <Input
              aria-label="Name box (cell address)"
              value={nameBox}
              size="small"
              onFocus={() => (typingIn.current = "name")}
              onBlur={() => {
                typingIn.current = null;
                setNameBox(cellAddress(active.top, active.left));
              }}
              onChange={(_, d) => setNameBox(d.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") jump();
              }}
            />
            <span className="pbr-fx" aria-hidden="true">
              fx
            </span>
            <Input
              aria-label="Formula bar"
              value={formula}
              size="small"
              onChange={(e, d) => {
                setFormula(d.value);
                const input = e.target as HTMLInputElement;
                setTyping({ text: d.value, caret: input.selectionStart ?? d.value.length, at: input.getBoundingClientRect() });
              }}
              onFocus={() => (typingIn.current = "formula")}
              onBlur={() => {
                typingIn.current = null;
                setTyping(null);
              }}
              onKeyDown={(e) => {
                const input = e.currentTarget;
                const typed = e.shiftKey || e.ctrlKey || e.metaKey || e.altKey ? null : suggestionFor(e.key, { text: formula, caret: input.selectionStart ?? formula.length });
                if (typed) {
                  e.preventDefault();
                  setFormula(typed.text);
                  setTyping({ text: typed.text, caret: typed.caret, at: input.getBoundingClientRect() });
                  requestAnimationFrame(() => input.setSelectionRange(typed.caret, typed.caret));
                  return;
                }
                if (e.key === "Enter" && sheet) {
                  // Read as the grid reads what is typed in a cell (numbers, dates, text-formatted cells).
                  const entered = enteredCell(formula, workbook.isTextCell(sheet, active.top, active.left));
                  workbook.setCell(sheet, active.top, active.left, entered.input, entered.format);
                  setFocusToken((n) => n + 1);
                }
              }}
            />
            <div style={{ gridColumn: "1 / 4", display: "flex", gap: 6, alignItems: "center", flexWrap: "wrap" }}>
              <Button
                size="small"
                onClick={() => workbook.undo()}
                disabled={!workbook.canUndo}
                aria-keyshortcuts="Control+Z"
                title={workbook.undoRefused ?? (workbook.undoLabel ? `Undo ${workbook.undoLabel}` : undefined)}
              >
                Undo
              </Button>
              <Button size="small" onClick={() => workbook.redo()} disabled={!workbook.canRedo} aria-keyshortcuts="Control+Y" title={workbook.undoRefused ?? undefined}>
                Redo
              </Button>
              <Button size="small" onClick={() => picker.current?.click()} disabled={!ready}>
                Open workbook…
              </Button>
              <input
                ref={picker}
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-label="Workbook file to open (.xlsx)"
                data-testid="open-workbook"
                hidden
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = ""; // the same file can be picked again
                  if (file) openFile(file);
                }}
              />
              <Button size="small" onClick={saveXlsx}>
                Save workbook as .xlsx
              </Button>
              <Button size="small" onClick={exportCsv} disabled={!sheet}>
                Export sheet as CSV
              </Button>
              <LongWork workbook={workbook} work={pageWork} />
              {opening && (
                <Text role={opening.error ? "alert" : "status"} size={200} data-testid="open-outcome" style={opening.error ? { color: "#b10e1c" } : undefined}>
                  {opening.text}
                </Text>
              )}
              {saveProblem && (
                <Text role="alert" size={200} data-testid="save-outcome" style={{ color: "#b10e1c" }}>
                  {saveProblem}
                </Text>
              )}
            </div>
            {nameError && (
              <Text role="alert" size={200} style={{ gridColumn: "1 / 4", color: "#b10e1c" }}>
                {nameError}
              </Text>
            )}
          </div>
          <FormulaHelpView typing={typing} functions={workbook.functions} highlight={highlight} />
          <div className="pbr-cell-status" role="status" aria-live="polite" data-testid="cell-status" data-error={cell.error || notice !== null}>
            {notice ?? cell.text}
          </div>
          <FilterStatus workbook={workbook} sheet={sheet} />
          {sheet ? <Grid workbook={workbook} sheet={sheet} version={version} focusToken={focusToken} onEditing={onEditing} onEditorKey={(key, text) => suggestionFor(key, { text, caret: text.length })?.text ?? null} onNotice={setNotice} /> : <div />}
          <nav className="pbr-tabs" aria-label="Sheets" ref={tabs}>
            <TabList
              size="small"
              selectedValue={sheet}
              onTabSelect={(_, d) => {
                void workbook.select(String(d.value), "A1").then(() => setFocusToken((n) => n + 1));
              }}
            >
              {sheets.map((s) => (
                <Tab key={s} value={s} data-sheet={s}>
                  {s}
                </Tab>
              ))}
            </TabList>
          </nav>
        </section>
        <aside className="pbr-pane" aria-label="PbR Toolkit task pane">
          <App host="Playground" port={workbook} />
        </aside>
      </div>
    </FluentProvider>
  );
}
