/* What a journey does when the pre-flight finds rows it cannot use: write at once, refuse, or
   show the rows and wait for "Leave them out" or "Stop". */
import { useCallback, useState } from "react";
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import {
  describePreflight,
  preflightLinks,
  type LeftOutRow,
  type Preflight,
} from "../plan/preflight";
import type { CellLink } from "../plan/rowRefs";
import type { WorkbookPort } from "../../workbook/port";
import { LinkedText } from "./LinkedText";
import type { useRunner } from "./runner";

/**
 * The pre-flight's choice, shared by the journeys that write over a caseload: write at once when
 * every row can be used; say so and write nothing when none can; otherwise show what cannot be used
 * and wait for "Leave them out" (which calls `write` with those rows) or "Stop".
 */
export function useLeaveOut(runner: ReturnType<typeof useRunner>) {
  const [pending, setPending] = useState<PendingLeaveOut | null>(null);
  const reset = useCallback(() => setPending(null), []);
  // One problem per line: the outcome keeps the line breaks (RunStatus shows them).
  const decide = useCallback(
    (check: Preflight, what: string, table: string, write: (leftOut: readonly LeftOutRow[]) => void) => {
      if (check.leftOut.length === 0) write([]);
      else if (check.leftOut.length === check.rows)
        runner.fail(
          `Nothing was written: none of the ${check.rows.toLocaleString("en-GB")} rows of ${table} can be ${what}. \n${describePreflight(check, what, table).slice(1).join("\n")}`,
          preflightLinks(check)
        );
      else
        setPending({
          lines: describePreflight(check, what, table),
          links: preflightLinks(check),
          leaveOut: () => write(check.leftOut),
        });
    },
    [runner]
  );
  const notice = (
    <PreflightNotice
      pending={pending}
      port={runner.port}
      onStop={() => {
        setPending(null);
        runner.stop("Stopped: nothing was written.");
      }}
    />
  );
  return { decide, reset, notice };
}

/** What a pre-flight found, waiting for the user to leave the rows out or stop. */
export interface PendingLeaveOut {
  lines: string[];
  /** The rows the lines cite, as links to their cells. */
  links?: readonly CellLink[];
  leaveOut: () => void;
}

/**
 * The pre-flight's finding, in words, with the choice: leave the rows out (they are listed on the
 * result sheet) or stop (nothing is written).
 */
export function PreflightNotice({
  pending,
  onStop,
  port,
}: {
  pending: PendingLeaveOut | null;
  onStop: () => void;
  port?: WorkbookPort | null;
}) {
  if (!pending) return null;
  const [first, ...rest] = pending.lines;
  return (
    <MessageBar layout="multiline" intent="warning" role="alert">
      <MessageBarBody>
        <div>
          <LinkedText text={first} links={pending.links} port={port} />
        </div>
        <ul style={{ margin: "4px 0", paddingLeft: 18 }}>
          {rest.map((line, i) => (
            <li key={i}>
              <LinkedText text={line} links={pending.links} port={port} />
            </li>
          ))}
        </ul>
        <div style={{ display: "flex", gap: 8, flexWrap: "wrap", marginTop: 4 }}>
          <Button appearance="primary" onClick={pending.leaveOut}>
            Leave them out and write
          </Button>
          <Button onClick={onStop}>Stop</Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
