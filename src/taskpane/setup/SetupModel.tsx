/* Set up model: one button that adds the seven model sheets, with the financial year to cost in. */
import { useState } from "react";
import { Body1, Button, Field, Input, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { WorkbookPort } from "../../workbook/port";
import { NeedsWorkbook, useStyles } from "../ui/layout";
import { describeError } from "../ui/describeError";
import { useRunner } from "../ui/runner";
import { JourneyBusyNote } from "../ui/journey";
import { useJourneyLock } from "../ui/journeyLock";
import { RunStatus } from "../ui/RunStatus";
import { parseYear } from "../ui/parse";
import { useModelYear } from "../ui/modelYear";
import { currentFinancialYear } from "./plan";
import { findReusable, runSetup, type Reusable } from "./run";

export function SetupModel({ port }: { port: WorkbookPort | null }) {
  const styles = useStyles();
  const [year, setYear] = useState(String(currentFinancialYear(new Date())));
  const [yearError, setYearError] = useState<string | null>(null);
  const modelYear = useModelYear();
  const runner = useRunner(port, "Set up model");
  const busy = useJourneyLock(runner.label);
  const [offer, setOffer] = useState<{ fy: number; reusable: Reusable[] } | null>(null);

  if (!port) return <NeedsWorkbook feature="Set up model" />;

  const go = () => {
    const fy = parseYear(year);
    if (Number.isNaN(fy)) {
      setYearError("Enter the year the financial year starts, e.g. 2025 for 2025/26.");
      return;
    }
    setYearError(null);
    setOffer(null);
    runner.clear();
    void (async () => {
      let reusable: Reusable[];
      try {
        reusable = await findReusable(port);
      } catch (e) {
        runner.fail(`Could not read the workbook's tables: ${describeError(e)}`);
        return;
      }
      if (reusable.length === 0) write(fy, []);
      else setOffer({ fy, reusable });
    })();
  };

  const write = (fy: number, reuse: Reusable[]) => {
    setOffer(null);
    void runner.start(async (options) => {
      const result = await runSetup(port, fy, options, reuse);
      modelYear.setYear(fy);
      return result.message;
    });
  };

  return (
    <div className={styles.form}>
      <Body1>
        Adds the sheets Prices, Profile, Steps, RiskBands, Caseload, Scenario and Summary, each an Excel table with a
        named range, filled with the built-in tables so every PBR function works straight away. The prices, steps and
        bands are illustrative and the cluster profile is indicative: replace them with your own. Sheets and names you
        already have are never overwritten; a clash gets a new name such as Prices (2).
      </Body1>
      <Field
        label="Financial year to cost the caseload in (year it starts on 1 April)"
        validationMessage={yearError ?? undefined}
      >
        <Input value={year} onChange={(_, d) => setYear(d.value)} inputMode="numeric" />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={go} disabled={runner.running || busy !== null}>
          Set up model
        </Button>
      </div>
      <JourneyBusyNote reason={busy} />
      {offer && (
        <MessageBar layout="multiline" intent="info" role="alert">
          <MessageBarBody>
            <div>
              This workbook already has the built-in{" "}
              {offer.reusable.map((r) => `${r.key} (sheet ${r.sheet})`).join(", ")}, unchanged. Use them for the new model, or add new
              copies beside them?
            </div>
            <div style={{ display: "flex", gap: 8, flexWrap: "wrap", marginTop: 4 }}>
              <Button appearance="primary" onClick={() => write(offer.fy, offer.reusable)}>
                Use the tables already here
              </Button>
              <Button onClick={() => write(offer.fy, [])}>Add new copies</Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      <RunStatus state={runner.state} onCancel={runner.cancel} port={runner.port} />
    </div>
  );
}
