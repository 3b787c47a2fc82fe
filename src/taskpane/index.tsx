/* Task pane entry: waits for Office, gives the pane the Office.js WorkbookPort when the host is
   Excel, and otherwise (a plain browser) renders it without a workbook. */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createOfficePort } from "../workbook/officePort";

function start(host: string | null): void {
  const root = document.getElementById("root");
  const port = host === "Excel" ? createOfficePort() : null;
  if (root) createRoot(root).render(<App host={host} port={port} />);
}

const office = (globalThis as { Office?: typeof Office }).Office;
if (office && typeof office.onReady === "function") {
  office.onReady((info) => start(info.host ? String(info.host) : null));
} else {
  start(null);
}
