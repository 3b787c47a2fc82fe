/* The run's progress with a Cancel button, then its outcome, right under the run button. */
import { useEffect, useRef } from "react";
import { Button, Field, MessageBar, MessageBarBody, ProgressBar } from "@fluentui/react-components";
import type { RunState } from "./runner";
import type { WorkbookPort } from "../../workbook/port";
import { LinkedText } from "./LinkedText";
import { VISUALLY_HIDDEN } from "./visuallyHidden";


/** The run button's outcome, shown right under it (and scrolled into view, so it is never missed). */
export function RunStatus({
  state,
  onCancel,
  port,
}: {
  state: RunState;
  onCancel: () => void;
  /** Where the message's row links lead (none without it). */
  port?: WorkbookPort | null;
}) {
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle" && state.status !== "running") outcome.current?.scrollIntoView?.({ block: "nearest" });
  }, [state]);
  if (state.status === "idle") return null;
  if (state.status === "running") {
    const p = state.progress;
    const value = p && p.total > 0 ? Math.min(1, p.done / p.total) : undefined;
    if (state.waiting) {
      // The workbook holds the journey back (the playground's large paste): say what it waits for.
      const text = `Waiting for ${state.waiting} to finish`;
      return (
        <div>
          <div role="status" aria-live="polite" data-testid="run-announcement">
            {text}
          </div>
          <ProgressBar />
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      );
    }
    // Only the step is announced, when it changes ("Writing table Caseload on Caseload (2)"); the
    // row counts, which change at every chunk, are on the progress bar for whoever looks or asks.
    return (
      <div>
        <div role="status" aria-live="polite" style={VISUALLY_HIDDEN} data-testid="run-announcement">
          {p ? p.step : "Starting…"}
        </div>
        <Field label={p ? `${p.step} (${p.done.toLocaleString("en-GB")} of ${p.total.toLocaleString("en-GB")} rows)` : "Starting…"}>
          <ProgressBar value={value} />
        </Field>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    );
  }
  const intent =
    state.status === "done" ? "success" : state.status === "cancelled" ? "info" : state.status === "written-with-errors" ? "warning" : "error";
  const alert = state.status === "error" || state.status === "written-with-errors";
  return (
    <MessageBar ref={outcome} layout="multiline" intent={intent} role={alert ? "alert" : "status"}>
      <MessageBarBody style={{ whiteSpace: "pre-line" }}>
        <LinkedText text={state.message} links={"links" in state ? state.links : undefined} port={port} />
      </MessageBarBody>
    </MessageBar>
  );
}
