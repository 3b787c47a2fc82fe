/* The pane rendered to HTML in Node (no browser): heading, status, tabs, labels and the
   "needs a workbook" messages. Browser tests of the interactions come with the playground. */
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { App, FEATURES, type FeatureId } from "../../src/taskpane/App";
import { ITEMS } from "../../src/core/clusters/items";
import { MemoryWorkbook } from "../support/memoryPort";

const render = (props: { host: string | null; port: MemoryWorkbook | null; initialTab?: FeatureId; notice?: string }) =>
  renderToString(createElement(App, props));

describe("task pane shell", () => {
  it("keeps the heading and the host status, and lists every feature as a tab", () => {
    const html = render({ host: null, port: null });
    expect(html).toContain("PbR Toolkit");
    expect(html).toMatch(/data-testid="host-status"[^>]*>Running outside Excel/);
    for (const f of FEATURES) expect(html).toContain(f.label);
    expect(html).toContain('role="tablist"');
    expect(html).toContain('role="tabpanel"');
    expect(html).toContain('lang="en-GB"');
    // Every panel stays mounted (inputs survive a change of tab); only the chosen one is shown.
    expect(html.match(/role="tabpanel"/g)).toHaveLength(FEATURES.length);
    expect(html.match(/role="tabpanel"[^>]*hidden=""/g)).toHaveLength(FEATURES.length - 1);
  });

  it("says plainly when this Excel is too old for the add-in", () => {
    const html = render({ host: "Excel", port: null, notice: "This version of Excel does not support what PbR Toolkit needs (ExcelApi 1.4)" });
    expect(html).toMatch(/data-testid="host-notice"[\s\S]*This version of Excel does not support what PbR Toolkit needs \(ExcelApi 1\.4\)/);
  });

  it("says connected when given a host and a workbook", () => {
    expect(render({ host: "Excel", port: new MemoryWorkbook() })).toContain("Connected to Excel.");
  });

  it.each(["setup", "scenario", "budget", "audit"] as FeatureId[])("the %s tab says plainly that it needs a workbook", (tab) => {
    expect(render({ host: null, port: null, initialTab: tab })).toMatch(/needs a workbook\. Open PbR Toolkit inside Excel/);
  });

  it("offers Import caseload, and says it needs a workbook outside Excel", () => {
    const html = render({ host: null, port: null, initialTab: "import" });
    expect(html).toContain("Import caseload");
    expect(html).toContain("Open the pane in Excel or the playground to import a caseload");
  });

  it("the cluster assistant works without a workbook, with all 18 items labelled", () => {
    const html = render({ host: null, port: null, initialTab: "assistant" });
    for (const item of ITEMS) expect(html).toContain(`${item.id}. ${item.name}`.replace(/&/g, "&amp;"));
    expect(html).toContain("Enter the ratings to see a suggested cluster");
    expect(html).toContain("Inserting needs a workbook");
  });

  it("renders every feature's form when there is a workbook", () => {
    const port = new MemoryWorkbook();
    expect(render({ host: "Excel", port, initialTab: "setup" })).toContain("Financial year to cost the caseload in");
    expect(render({ host: "Excel", port, initialTab: "scenario" })).toContain("Planned contract value (£)");
    expect(render({ host: "Excel", port, initialTab: "budget" })).toContain("Budget envelope (£)");
    expect(render({ host: "Excel", port, initialTab: "audit" })).toContain("Audit clusters");
  });
});
