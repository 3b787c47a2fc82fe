/* The frame every journey tab shares: the "needs a workbook" notice when there is no port, and the
   run button with the pre-flight notice and the run's outcome under it. */
import type { ComponentType, ReactNode } from "react";
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { WorkbookPort } from "../../workbook/port";
import { NeedsWorkbook, useStyles } from "./layout";
import { useRunner } from "./runner";
import { useJourneyLock } from "./journeyLock";
import { RunStatus } from "./RunStatus";

/** What App hands each journey tab: the workbook (null outside one) and whether the tab shows. */
export interface JourneyProps {
  port: WorkbookPort | null;
  active?: boolean;
}

/** What a journey's form gets: the workbook, and whether its tab shows (to read tables afresh). */
export interface FormProps {
  port: WorkbookPort;
  active: boolean;
}

/** A journey tab: `Form` with the workbook, or the "needs a workbook" notice naming `feature`. */
export function journey(
  feature: string,
  Form: ComponentType<FormProps>
): ComponentType<JourneyProps> {
  return function Journey({ port, active = true }: JourneyProps) {
    if (!port) return <NeedsWorkbook feature={feature} />;
    return <Form port={port} active={active} />;
  };
}

/** Why the run button is disabled: another journey is writing (journeyLock.ts). */
export function JourneyBusyNote({ reason }: { reason: string | null }) {
  if (reason === null) return null;
  return (
    <MessageBar intent="info" data-testid="journey-busy">
      <MessageBarBody>{reason}</MessageBarBody>
    </MessageBar>
  );
}

/** The journey's run button, then any pre-flight notice, then the run's progress or outcome. */
export function RunFooter({
  label,
  onRun,
  runner,
  notice,
}: {
  label: string;
  onRun: () => void;
  runner: ReturnType<typeof useRunner>;
  notice?: ReactNode;
}) {
  const styles = useStyles();
  const busy = useJourneyLock(runner.label);
  return (
    <>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onRun} disabled={runner.running || busy !== null}>
          {label}
        </Button>
      </div>
      <JourneyBusyNote reason={busy} />
      {notice}
      <RunStatus state={runner.state} onCancel={runner.cancel} port={runner.port} />
    </>
  );
}
