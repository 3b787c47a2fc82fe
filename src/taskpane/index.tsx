/* Task pane entry: waits for Office, gives the pane the Office.js WorkbookPort when the host is
   Excel, and otherwise (a plain browser) renders it without a workbook. */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createOfficePort } from "../workbook/officePort";
import { missingRequirements, unsupportedText } from "../workbook/requirements";
import { refreshDateSystem, startDateSystem } from "../workbook/office/dateSystemOwner";

/**
 * Run `then` each time the task pane is shown again (Office.addin.onVisibilityModeChanged,
 * SharedRuntime 1.1: https://learn.microsoft.com/javascript/api/office/office.addin).
 */
function onPaneShown(then: () => void): void {
  const addin = (globalThis as { Office?: { addin?: Partial<typeof Office.addin> } }).Office?.addin;
  if (typeof addin?.onVisibilityModeChanged !== "function") return;
  void Promise.resolve(
    addin.onVisibilityModeChanged((args) => {
      if (String(args.visibilityMode) === "Taskpane") then();
    })
  ).catch(() => undefined);
}

function start(host: string | null): void {
  const root = document.getElementById("root");
  // Check the requirement sets first: on an Excel too old for them, say so plainly.
  const office = (globalThis as { Office?: typeof Office }).Office;
  const missing =
    host === "Excel" && office?.context?.requirements
      ? missingRequirements((name, version) => office.context.requirements.isSetSupported(name, version))
      : [];
  const port = host === "Excel" && missing.length === 0 ? createOfficePort() : null;
  // The workbook's date system (1900 or 1904) for the journeys' dates: this bundle's core joins the
  // one owner (shared with the functions), and the system is read again whenever the pane is shown,
  // in case the user has added or changed the PBR_DATE_SYSTEM name since.
  if (port) {
    void startDateSystem(office);
    onPaneShown(() => void refreshDateSystem());
  }
  const notice = missing.length > 0 ? unsupportedText(missing) : undefined;
  if (root) createRoot(root).render(<App host={host} port={port} notice={notice} />);
}

const office = (globalThis as { Office?: typeof Office }).Office;
if (office && typeof office.onReady === "function") {
  office.onReady((info) => start(info.host ? String(info.host) : null));
} else {
  start(null);
}
