/* One journey writes at a time (issue "Nothing is lost"). Every task pane journey writes through
   `runJourney`; while one runs, another is refused with a sentence naming it, and the other tabs'
   run buttons are disabled with that sentence beside them (`useJourneyLock`). Refusing, not
   queueing: a journey's pre-flight checked the workbook as it was when it was clicked, and a queued
   run would write over what the first journey just wrote without that check, on a click the user
   may have forgotten by the time it runs. Both hosts: Excel interleaves two add-in writers too. */
import { useSyncExternalStore } from "react";
import { asOneStep, type WorkbookPort } from "../../workbook/port";

/** The sentence the pane shows while `running` writes ("Set up model is running: wait for it to finish"). */
export function busyText(running: string): string {
  return `${running} is running: wait for it to finish.`;
}

/** A journey refused because another is writing (its message is `busyText`). */
export class JourneyBusyError extends Error {
  constructor(readonly running: string) {
    super(busyText(running));
    this.name = "JourneyBusyError";
  }
}

/** Which journey holds the workbook, with listeners for the pane's buttons. */
export class JourneyLock {
  private holder: string | null = null;
  private readonly listeners = new Set<() => void>();

  /** The journey writing now, or null. */
  get running(): string | null {
    return this.holder;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  private set(holder: string | null): void {
    this.holder = holder;
    for (const l of [...this.listeners]) l();
  }

  /**
   * Run `work` as the only journey writing: refused (JourneyBusyError, nothing run) while another
   * runs. The lock is held until `work` has settled, failed or cancelled included.
   */
  async run<T>(label: string, work: () => Promise<T>): Promise<T> {
    if (this.holder !== null) throw new JourneyBusyError(this.holder);
    this.set(label);
    try {
      return await work();
    } finally {
      this.set(null);
    }
  }
}

/** The pane's one lock (one pane, one workbook). */
export const journeyLock = new JourneyLock();

/**
 * Run a journey's writes as one undo step where the workbook offers that, and only when no other
 * journey is writing (else JourneyBusyError, before anything is written).
 */
export function runJourney<T>(
  port: WorkbookPort,
  label: string,
  work: () => Promise<T>,
  lock: JourneyLock = journeyLock
): Promise<T> {
  return lock.run(label, () => asOneStep(port, label, work));
}

/** Why `label`'s run button is disabled now (another journey is writing), or null. */
export function useJourneyLock(
  label: string | null,
  lock: JourneyLock = journeyLock
): string | null {
  const snapshot = () => lock.running;
  const running = useSyncExternalStore(lock.subscribe, snapshot, snapshot);
  return running !== null && running !== label ? busyText(running) : null;
}
