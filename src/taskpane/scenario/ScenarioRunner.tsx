/* Scenario runner: plan value (typed or from a caseload), bands, cap/collar and a variance range in;
   a Scenario sheet driven by =PBR.SCENARIOS(...) and a line chart out. */
import { useEffect, useRef, useState } from "react";
import { Body1, Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import { PbrError } from "../../core/errors";
import type { TableData } from "../../workbook/port";
import { preflightFyCost, type LeftOutRow } from "../plan/preflight";
import { guessColumn } from "../plan/columns";
import { columnRef, tableRef } from "../plan/refs";
import { Section, useStyles } from "../ui/layout";
import { describeError } from "../ui/describeError";
import { readChosen, useTables } from "../ui/tableHooks";
import { useLookupTable } from "../ui/lookupTable";
import { useCaseload } from "../ui/useCaseload";
import { useModelYear } from "../ui/modelYear";
import { CaseloadTableField, TableField } from "../ui/pickers";
import { ColumnFields, type ColumnChoice } from "../ui/columnFields";
import { useRunner } from "../ui/runner";
import { useLeaveOut } from "../ui/leaveOut";
import { RunFooter, journey, type FormProps } from "../ui/journey";
import { formatMoney, parseMoney, parseOptionalPercent, parsePercent, parseYear } from "../ui/parse";
import { currentFinancialYear } from "../setup/plan";
import { caseloadPlanValue, checkScenarioInputs, suggestYear, variances, type ScenarioField, type ScenarioInputs } from "./plan";
import { outcome, readBackErrors } from "../plan/outcome";
import { runScenario } from "./run";

type Errors = Partial<Record<ScenarioField | "caseload" | "code" | "start" | "end" | "year", string>>;

const SCENARIO_COLUMNS = { code: "cluster", start: "start", end: "end", admitted: "admitted" } as const;
const CHOICES: ColumnChoice<keyof typeof SCENARIO_COLUMNS>[] = [
  { column: "code", label: "Cluster code column" },
  { column: "start", label: "Start date column" },
  { column: "end", label: "End date column" },
  { column: "admitted", label: "Admitted days column", none: "None (no admitted days)" },
];

export const ScenarioRunner = journey("The Scenario runner", ScenarioForm);

function ScenarioForm({ port, active }: FormProps) {
  const styles = useStyles();
  const { tables, headers, error: tablesError } = useTables(port, active);
  const [source, setSource] = useState<"typed" | "caseload">("typed");
  const [planText, setPlanText] = useState("");
  const picker = useCaseload(port, tables, headers, ["cluster", "start"], SCENARIO_COLUMNS, { enabled: source === "caseload" });
  const { table: caseload, cols } = picker;
  const prices = useLookupTable(tables, headers, "prices");
  const bands = useLookupTable(tables, headers, "bands");
  const [underName, setUnderName] = useState("");
  const [year, setYear] = useState(String(currentFinancialYear(new Date())));
  const [yearHint, setYearHint] = useState<string | undefined>(undefined);
  const yearTouched = useRef(false);
  const [cap, setCap] = useState("");
  const [collar, setCollar] = useState("");
  const [from, setFrom] = useState("-15");
  const [to, setTo] = useState("15");
  const [step, setStep] = useState("2.5");
  const [errors, setErrors] = useState<Errors>({});
  const runner = useRunner(port, "Scenario run");
  const leaveOut = useLeaveOut(runner);

  // The year Set up model costs the caseload in is the year the user stated: start there.
  const modelYear = useModelYear().year;
  useEffect(() => {
    if (modelYear === null || yearTouched.current) return;
    setYear(String(modelYear));
    setYearHint(`The financial year Set up model costs the caseload in (${modelYear}/${String((modelYear + 1) % 100).padStart(2, "0")}).`);
  }, [modelYear]);

  useEffect(() => {
    if (!caseload || modelYear !== null) return;
    const start = guessColumn(caseload.header, "start");
    const suggested = start >= 0 ? suggestYear(caseload.rows.map((r) => r[start])) : null;
    if (suggested !== null && !yearTouched.current) {
      setYear(String(suggested));
      setYearHint(`Most periods in this caseload start in ${suggested}/${String((suggested + 1) % 100).padStart(2, "0")}.`);
    } else setYearHint(undefined);
  }, [caseload, modelYear]);

  const go = () => {
    const found: Errors = {};
    const fy = parseYear(year);
    if (source === "caseload") {
      const problem = picker.problem();
      if (problem) found.caseload = problem;
      if (Number.isNaN(fy)) found.year = "Enter the year the financial year starts, e.g. 2025.";
      if (caseload && cols.code < 0) found.code = "Choose the column holding the cluster (or currency) code.";
      if (caseload && cols.start < 0) found.start = "Choose the column holding the period start date.";
      if (caseload && cols.end < 0) found.end = "Choose the column holding the period end date (blank means still open).";
    }
    const settings: ScenarioInputs = {
      plan: source === "typed" ? parseMoney(planText) : "=0",
      bands: null,
      cap: parseOptionalPercent(cap),
      collar: parseOptionalPercent(collar),
      from: parsePercent(from),
      to: parsePercent(to),
      step: parsePercent(step),
    };
    Object.assign(found, checkScenarioInputs(settings));
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    leaveOut.reset();
    runner.clear();
    void (async () => {
      // Read the chosen tables now, so the check and the references match the workbook as it is.
      let cl: TableData | null, pr: TableData | null, bd: TableData | null, un: TableData | null;
      try {
        [cl, pr, bd, un] = await Promise.all([
          source === "caseload" ? port.readTable(picker.name) : null,
          source === "caseload" ? readChosen(port, prices.value) : null,
          readChosen(port, bands.value),
          readChosen(port, underName),
        ]);
      } catch (e) {
        runner.fail(`Could not read the tables: ${describeError(e)}`);
        return;
      }
      const refs = cl
        ? {
            codes: columnRef(cl, cols.code),
            starts: columnRef(cl, cols.start),
            ends: columnRef(cl, cols.end),
            admitted: cols.admitted >= 0 ? columnRef(cl, cols.admitted) : null,
            fyStartYear: fy,
            prices: pr ? tableRef(pr) : null,
          }
        : null;
      const write = (leftOut: readonly LeftOutRow[]) => {
        picker.keep();
        void runner.start(async (options) => {
          leaveOut.reset();
          const leaving = leftOut.length > 0;
          const costed = refs ? caseloadPlanValue(refs, leaving) : null;
          const plan = costed ? costed.plan : settings.plan;
          const inputs: ScenarioInputs = {
            ...settings,
            plan,
            bands: bd ? tableRef(bd) : null,
            underBands: un ? tableRef(un) : null,
            leftOut,
            leftOutCount: costed?.leftOutCount,
            workings: costed?.workings,
            source: picker.name,
          };
          const result = await runScenario(port, inputs, options);
          const what = typeof plan === "number" ? `a plan value of ${formatMoney(plan)}` : "the plan value costed from the caseload";
          const success = `Wrote sheet ${result.sheets.scenario}: ${variances(inputs.from, inputs.to, inputs.step).length} scenarios from ${from}% to ${to}% with ${what}, and a line chart.${
            inputs.bands ? "" : " No band table was chosen, so the illustrative bands were written on the sheet."
          }${
            leaving
              ? ` ${leftOut.length.toLocaleString("en-GB")} caseload ${leftOut.length === 1 ? "row that cannot be priced was" : "rows that cannot be priced were"} left out of the plan value; they are listed on the sheet and counted live in B8.`
              : ""
          }`;
          // Read the sheet back: one unpriceable caseload row turns the plan value and every scenario into an error.
          return outcome(
            success,
            await readBackErrors(port, [result.sheets.scenario]),
            cl
              ? "The plan value (B5) sums PBR.FYCOST over the caseload, so one row that cannot be priced makes every scenario an error: hover B5 to read which row."
              : undefined
          );
        });
      };
      if (!cl) return write([]);
      // Pre-flight with the same core code as PBR.FYCOST: which caseload rows cannot be priced?
      const check = preflightFyCost(cl, { ...cols, id: guessColumn(cl.header, "id") }, fy, pr);
      if (check instanceof PbrError) {
        runner.fail(`Nothing was written: ${check.message}.`);
        return;
      }
      leaveOut.decide(check, "priced", picker.name, write);
    })();
  };

  return (
    <div className={styles.form}>
      <Body1>
        Writes a Scenario sheet: the payment, provider gain and change against plan for each variance, all from one
        live PBR.SCENARIOS formula, with a line chart of payment and provider gain.
      </Body1>
      {tablesError && <Body1 role="alert">{tablesError}</Body1>}
      <Section title="Plan value">
        <RadioGroup value={source} onChange={(_, d) => setSource(d.value as "typed" | "caseload")} aria-label="Where the plan value comes from">
          <Radio value="typed" label="Type the planned contract value" />
          <Radio value="caseload" label="Cost a caseload with a price table (live formulas)" />
        </RadioGroup>
        {source === "typed" ? (
          <Field label="Planned contract value (£)" validationMessage={errors.plan} required>
            <Input value={planText} onChange={(_, d) => setPlanText(d.value)} placeholder="e.g. 12,500,000" inputMode="decimal" />
          </Field>
        ) : (
          <div className={styles.pair}>
            <CaseloadTableField picker={picker} error={errors.caseload} />
            <TableField {...prices} />
            {caseload && (
              <ColumnFields picker={picker} choices={CHOICES} errors={errors} />
            )}
            <Field label="Financial year (year it starts)" validationMessage={errors.year} hint={yearHint}>
              <Input
                value={year}
                onChange={(_, d) => {
                  yearTouched.current = true;
                  setYear(d.value);
                }}
                inputMode="numeric"
              />
            </Field>
          </div>
        )}
      </Section>
      <Section title="Risk share">
        <div className={styles.pair}>
          <TableField {...bands} />
          <TableField label="Bands for under-performance" tables={bands.tables} value={underName} onChange={setUnderName} none="Same as above" />
          <Field label="Cap (% of plan, optional)" validationMessage={errors.cap}>
            <Input value={cap} onChange={(_, d) => setCap(d.value)} placeholder="e.g. 5" inputMode="decimal" />
          </Field>
          <Field label="Collar (% of plan, optional)" validationMessage={errors.collar}>
            <Input value={collar} onChange={(_, d) => setCollar(d.value)} placeholder="e.g. 5" inputMode="decimal" />
          </Field>
        </div>
      </Section>
      <Section title="Variance of activity against plan">
        <div className={styles.pair}>
          <Field label="From (%)" validationMessage={errors.from}>
            <Input value={from} onChange={(_, d) => setFrom(d.value)} inputMode="decimal" />
          </Field>
          <Field label="To (%)" validationMessage={errors.to}>
            <Input value={to} onChange={(_, d) => setTo(d.value)} inputMode="decimal" />
          </Field>
          <Field label="Step (%)" validationMessage={errors.step}>
            <Input value={step} onChange={(_, d) => setStep(d.value)} inputMode="decimal" />
          </Field>
        </div>
      </Section>
      <RunFooter label="Write scenarios" onRun={go} runner={runner} notice={leaveOut.notice} />
    </div>
  );
}
