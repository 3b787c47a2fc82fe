/* Set up model: one button that adds the seven model sheets, with the financial year to cost in. */
import { useState } from "react";
import { Body1, Button, Field, Input } from "@fluentui/react-components";
import type { WorkbookPort } from "../../workbook/port";
import { NeedsWorkbook, RunStatus, useRunner, useStyles } from "../ui/common";
import { parseYear } from "../ui/parse";
import { currentFinancialYear } from "./plan";
import { runSetup } from "./run";

export function SetupModel({ port }: { port: WorkbookPort | null }) {
  const styles = useStyles();
  const [year, setYear] = useState(String(currentFinancialYear(new Date())));
  const [yearError, setYearError] = useState<string | null>(null);
  const runner = useRunner();

  if (!port) return <NeedsWorkbook feature="Set up model" />;

  const go = () => {
    const fy = parseYear(year);
    if (Number.isNaN(fy)) {
      setYearError("Enter the year the financial year starts, e.g. 2025 for 2025/26.");
      return;
    }
    setYearError(null);
    void runner.start(async (options) => (await runSetup(port, fy, options)).message);
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
        <Button appearance="primary" onClick={go} disabled={runner.running}>
          Set up model
        </Button>
      </div>
      <RunStatus state={runner.state} onCancel={runner.cancel} />
    </div>
  );
}
