/* Running a journey's plan: progress, Cancel, one undo step where the workbook offers it, and the
   outcome in words (shown by RunStatus.tsx). */
import { useCallback, useEffect, useRef, useState } from "react";
import { asOneStep, type WorkbookPort } from "../../workbook/port";
import { cleanupText, isAbort, leftBehind, type RunOptions, type RunProgress } from "../plan/run";
import type { Outcome } from "../plan/outcome";
import type { CellLink } from "../plan/rowRefs";
import { describeError } from "./describeError";
import { JourneyBusyError, journeyLock, type JourneyLock } from "./journeyLock";

export type RunState =
  | { status: "idle" }
  | {
      status: "running";
      progress: RunProgress | null;
      /** What the workbook makes the run wait behind before it writes ("the page's paste"). */
      waiting?: string;
    }
  | { status: "done"; message: string; links?: readonly CellLink[] }
  | { status: "written-with-errors"; message: string; links?: readonly CellLink[] }
  | { status: "cancelled"; message: string }
  | { status: "error"; message: string; links?: readonly CellLink[] };

/**
 * Run a piece of work that writes to the workbook, with progress and cancel. Given the port and
 * the action's name, the work is one undo step where the workbook offers that (the playground),
 * and runs only when no other journey is writing (journeyLock.ts): else it is refused, nothing
 * written, with a sentence naming the journey that is.
 */
export function useRunner(
  port?: WorkbookPort | null,
  label?: string,
  lock: JourneyLock = journeyLock
) {
  const [state, setState] = useState<RunState>({ status: "idle" });
  const controller = useRef<AbortController | null>(null);
  /** The sheets the last successful run added: when one is gone (Undo), its outcome goes too. */
  const [added, setAdded] = useState<readonly string[]>([]);

  const start = useCallback(
    async (work: (options: RunOptions) => Promise<string | Outcome>) => {
      if (port && label && lock.running !== null && lock.running !== label) {
        setState({ status: "error", message: new JourneyBusyError(lock.running).message });
        return;
      }
      const c = new AbortController();
      controller.current = c;
      setState({ status: "running", progress: null });
      try {
        const run = () =>
          work({
            signal: c.signal,
            onProgress: (progress) => setState({ status: "running", progress }),
          });
        const all = async () => {
          const before = port ? await port.listSheets() : [];
          const result = port && label ? await asOneStep(port, label, run) : await run();
          const after = port ? await port.listSheets() : [];
          return { result, before, after };
        };
        const { result, before, after } = port && label ? await lock.run(label, all) : await all();
        setAdded(after.filter((s) => !before.includes(s)));
        if (typeof result === "string") setState({ status: "done", message: result });
        else
          setState({
            status: result.hasErrors ? "written-with-errors" : "done",
            message: result.message,
            ...(result.links ? { links: result.links } : {}),
          });
      } catch (e) {
        if (e instanceof JourneyBusyError) {
          setState({ status: "error", message: e.message });
          return;
        }
        const cleanup = cleanupText(e);
        const complete = leftBehind(e).length === 0;
        if (isAbort(e))
          setState({ status: complete ? "cancelled" : "error", message: `Cancelled. ${cleanup}` });
        else setState({ status: "error", message: `${describeError(e)} ${cleanup}` });
      } finally {
        controller.current = null;
      }
    },
    [port, label, lock]
  );

  // While the run waits for the workbook (the playground's long paste), say so.
  const running = state.status === "running";
  const [waiting, setWaiting] = useState<string | null>(null);
  useEffect(() => {
    if (!port?.subscribe || !running) return;
    const look = () => setWaiting(port.actionWaiting ?? null);
    look();
    const stop = port.subscribe(look);
    return () => {
      stop();
      setWaiting(null);
    };
  }, [port, running]);

  // Follow the workbook: after an Undo of this action (or the sheet deleted by hand) the pane no
  // longer says "Wrote sheet …" over a sheet that is not there.
  const shown = state.status === "done" || state.status === "written-with-errors";
  useEffect(() => {
    if (!port?.subscribe || !shown || added.length === 0) return;
    let live = true;
    const stop = port.subscribe(() => {
      void port.listSheets().then((sheets) => {
        if (live && added.some((s) => !sheets.includes(s))) setState({ status: "idle" });
      });
    });
    return () => {
      live = false;
      stop();
    };
  }, [port, shown, added]);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const fail = useCallback(
    (message: string, links?: readonly CellLink[]) =>
      setState({ status: "error", message, ...(links ? { links } : {}) }),
    []
  );
  const stop = useCallback((message: string) => setState({ status: "cancelled", message }), []);
  const clear = useCallback(() => setState({ status: "idle" }), []);
  return {
    state: state.status === "running" && waiting ? { ...state, waiting } : state,
    start,
    cancel,
    fail,
    stop,
    clear,
    running: state.status === "running",
    /** The journey's name (its undo step's, and the lock's). */
    label: label ?? null,
    /** The workbook the run writes to (its messages' row links select cells there). */
    port: port ?? null,
  };
}
