/* A run's progress is announced by its step, not re-read at every chunk: the live region holds the
   step only, and the row counts sit on the progress bar outside it. */
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { RunStatus } from "../../src/taskpane/ui/RunStatus";

const live = (html: string) =>
  /<div role="status" aria-live="polite"[^>]*>([^<]*)<\/div>/.exec(html)?.[1];

describe("RunStatus while running", () => {
  it("announces the step, not the row counts that change at every chunk", () => {
    const at = (done: number) =>
      renderToString(
        createElement(RunStatus, {
          state: {
            status: "running",
            progress: { step: "Writing table Caseload on Caseload (2)", done, total: 5343 },
          },
          onCancel: () => undefined,
        } as never)
      );
    const early = at(500);
    const later = at(4000);
    expect(live(early)).toBe("Writing table Caseload on Caseload (2)");
    expect(live(later)).toBe(live(early)); // nothing new to say between chunks
    expect(early).toContain("500 of 5,343 rows"); // still shown, on the progress bar's label
    expect(live(early)).not.toContain("rows");
    // One live region only: the progress bar and Cancel button are not inside it.
    expect(early.match(/aria-live/g)).toHaveLength(1);
  });

  it("says Starting… before the first step", () => {
    const html = renderToString(
      createElement(RunStatus, {
        state: { status: "running", progress: null },
        onCancel: () => undefined,
      } as never)
    );
    expect(live(html)).toBe("Starting…");
  });
});
