/* Playground entry: an embedded workbook opened on the synthetic demo, beside the task pane. */
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { createEmbeddedWorkbook } from "../workbook/embeddedPort";
import { openDemo } from "./demo/demoWorkbook";
import { Playground } from "./Playground";

const { port } = createEmbeddedWorkbook();

/** For browser tests and curious developers: the workbook behind the page. */
(globalThis as { pbrPlayground?: unknown }).pbrPlayground = { workbook: port, engine: port.engine };

function Root() {
  const [status, setStatus] = useState("Opening the demo workbook…");
  const [ready, setReady] = useState(false);
  useEffect(() => {
    openDemo(port, (p) => setStatus(`${p.step}…`)).then(
      () => {
        setStatus("Demo workbook ready");
        setReady(true);
      },
      (e) => setStatus(`Could not open the demo: ${e instanceof Error ? e.message : String(e)}`)
    );
  }, []);
  return <Playground workbook={port} status={status} ready={ready} />;
}

const root = document.getElementById("root");
if (root) createRoot(root).render(<Root />);
