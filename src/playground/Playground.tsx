/**
 * The playground page: the embedded workbook (name box, formula bar, grid, sheet tabs) beside the
 * real task pane, which works on the same workbook through the embedded WorkbookPort.
 */
import { useEffect, useRef, useState } from "react";
import { FluentProvider, Input, Tab, TabList, Text, webLightTheme } from "@fluentui/react-components";
import { App } from "../taskpane/App";
import { cellAddress, parseCell, parseRange, splitQualified } from "../workbook/address";
import type { EmbeddedWorkbook } from "../workbook/embeddedPort";
import { Grid } from "./grid/Grid";
import { PLAYGROUND_CSS } from "./styles";
import { useWorkbookVersion } from "./useWorkbook";

export function Playground({ workbook, status }: { workbook: EmbeddedWorkbook; status: string }) {
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

  useEffect(() => {
    setNameBox(cellAddress(active.top, active.left));
    setFormula(content === null ? "" : String(content));
  }, [sheet, active.top, active.left, version]);

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
              onChange={(_, d) => setFormula(d.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && sheet) {
                  const t = formula.trim();
                  workbook.setCell(sheet, active.top, active.left, t === "" ? null : !t.startsWith("=") && /^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : formula);
                  setFocusToken((n) => n + 1);
                }
              }}
            />
            {nameError && (
              <Text role="alert" size={200} style={{ gridColumn: "1 / 4", color: "#b10e1c" }}>
                {nameError}
              </Text>
            )}
          </div>
          {sheet ? <Grid workbook={workbook} sheet={sheet} version={version} focusToken={focusToken} /> : <div />}
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
