/* Task pane entry: waits for Office (or runs without it in a plain browser) and renders the pane. */
import { createRoot } from "react-dom/client";
import { App } from "./App";

function start(host: string | null): void {
  const root = document.getElementById("root");
  if (root) createRoot(root).render(<App host={host} />);
}

const office = (globalThis as { Office?: typeof Office }).Office;
if (office && typeof office.onReady === "function") {
  office.onReady((info) => start(info.host ? String(info.host) : null));
} else {
  start(null);
}
