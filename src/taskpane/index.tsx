/* Task pane entry: waits for Office, gives the pane the Office.js WorkbookPort when the host is
   Excel, and otherwise (a plain browser) renders it without a workbook. */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createOfficePort } from "../workbook/officePort";
import { missingRequirements, unsupportedText } from "../workbook/requirements";
import { applyDateSystem } from "../workbook/office/dateSystem";

function start(host: string | null): void {
  const root = document.getElementById("root");
  // Check the requirement sets first: on an Excel too old for them, say so plainly.
  const office = (globalThis as { Office?: typeof Office }).Office;
  const missing =
    host === "Excel" && office?.context?.requirements
      ? missingRequirements((name, version) => office.context.requirements.isSetSupported(name, version))
      : [];
  const port = host === "Excel" && missing.length === 0 ? createOfficePort() : null;
  // The workbook's date system (1900 or 1904) for the journeys' dates, read once per workbook.
  if (port) void applyDateSystem();
  const notice = missing.length > 0 ? unsupportedText(missing) : undefined;
  if (root) createRoot(root).render(<App host={host} port={port} notice={notice} />);
}

const office = (globalThis as { Office?: typeof Office }).Office;
if (office && typeof office.onReady === "function") {
  office.onReady((info) => start(info.host ? String(info.host) : null));
} else {
  start(null);
}
