/**
 * Grouping an extract in a Web Worker (extractWorker.ts), from the pane: webpack bundles the worker
 * beside the pane (new Worker(new URL(…, import.meta.url))), so it loads from the add-in's own
 * host and nothing is uploaded. Cancel (the signal) terminates the worker at once; nothing has
 * been written to the workbook by then. Loaded on demand by ActivityGroups.tsx.
 */
import { abortError } from "../../workbook/port";
import type { GroupRequest } from "./groupExtract";
import type { FromWorker, ToWorker } from "./extractWorker";
import type { ActivityTally } from "./tally";

export function groupInWorker(
  file: Blob,
  request: GroupRequest,
  options: { signal?: AbortSignal; onProgress?: (bytes: number, rows: number) => void } = {}
): Promise<ActivityTally> {
  const { signal, onProgress } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError("Grouping the extract was cancelled"));
      return;
    }
    const worker = new Worker(new URL("./extractWorker.ts", import.meta.url));
    const stop = () => {
      worker.terminate();
      signal?.removeEventListener("abort", cancel);
    };
    const cancel = () => {
      stop();
      reject(abortError("Grouping the extract was cancelled"));
    };
    signal?.addEventListener("abort", cancel);
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      if (m.type === "progress") onProgress?.(m.bytes, m.rows);
      else {
        stop();
        if (m.type === "done") resolve(m.tally);
        else reject(new Error(m.message));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      stop();
      reject(
        new Error(
          `the pane could not finish reading the extract (${event.message || "its worker stopped, most likely out of memory"})`
        )
      );
    };
    const message: ToWorker = { ...request, file };
    worker.postMessage(message);
  });
}
