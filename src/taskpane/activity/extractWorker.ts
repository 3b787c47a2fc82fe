/**
 * The Web Worker that groups and prices an extract too big for the sheet (groupExtract.ts), so the
 * pane stays responsive. Bundled by webpack beside the pane (extractRun.ts starts it), it loads
 * nothing from elsewhere and sends nothing anywhere but back to the pane: progress after each
 * slice of the file, then the tally or the reason it failed. Cancel terminates it.
 */
import { groupExtract, type GroupRequest } from "./groupExtract";
import type { ActivityTally } from "./tally";

export type ToWorker = GroupRequest & { file: Blob };
export type FromWorker =
  | { type: "progress"; bytes: number; rows: number }
  | { type: "done"; tally: ActivityTally }
  | { type: "failed"; message: string };

const post = (message: FromWorker) => (self as unknown as Worker).postMessage(message);

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const { file, ...request } = event.data;
  groupExtract(file, request, {
    onProgress: (bytes, rows) => post({ type: "progress", bytes, rows }),
  })
    .then((tally) => {
      if (tally) post({ type: "done", tally });
    })
    .catch((e: unknown) =>
      post({ type: "failed", message: e instanceof Error ? e.message : String(e) })
    );
};
