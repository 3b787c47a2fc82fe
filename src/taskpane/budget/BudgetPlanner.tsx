/* Budget planner: a caseload's codes and steps plus an envelope and contingency in; a Budgets sheet
   with k (=PBR.RASCALIBRATE) and one budget per person (=PBR.RASBUDGET) with its build-up out. */
import { useState } from "react";
import { Body1, Field, Input, Select } from "@fluentui/react-components";
import { PbrError } from "../../core/errors";
import type { TableData } from "../../workbook/port";
import { preflightBudgets, type LeftOutRow } from "../plan/preflight";
import { outcome, readBackErrors } from "../plan/outcome";
import { tableRef } from "../plan/refs";
import { useStyles } from "../ui/layout";
import { describeError } from "../ui/describeError";
import { readChosen, useTables } from "../ui/tableHooks";
import { useLookupTable } from "../ui/lookupTable";
import { useCaseload } from "../ui/useCaseload";
import { CaseloadTableField, TableField } from "../ui/pickers";
import { ColumnFields, type ColumnChoice, ID_COLUMN } from "../ui/columnFields";
import { useRunner } from "../ui/runner";
import { useLeaveOut } from "../ui/leaveOut";
import { RunFooter, journey, type FormProps } from "../ui/journey";
import { formatMoney, parseMoney, parsePercent } from "../ui/parse";
import { checkBudgetInputs, type BudgetField, type BudgetInputs } from "./plan";
import { cohortRows, peopleFrom, runBudget } from "./run";

type Errors = Partial<Record<BudgetField | "caseload" | "code" | "step", string>>;

const BUDGET_COLUMNS = { id: "id", code: "cluster", step: "step" } as const;
const CHOICES: ColumnChoice<keyof typeof BUDGET_COLUMNS>[] = [
  ID_COLUMN,
  { column: "code", label: "Cluster code column" },
  { column: "step", label: "Step column" },
];

export const BudgetPlanner = journey("The Budget planner", BudgetForm);

function BudgetForm({ port, active }: FormProps) {
  const styles = useStyles();
  const { tables, headers, error: tablesError } = useTables(port, active);
  const picker = useCaseload(port, tables, headers, ["cluster", "step"], BUDGET_COLUMNS);
  const { table: caseload, cols } = picker;
  const prices = useLookupTable(tables, headers, "prices");
  const steps = useLookupTable(tables, headers, "steps");
  const [envelope, setEnvelope] = useState("");
  const [contingency, setContingency] = useState("0");
  const [basis, setBasis] = useState<"year" | "period" | "day">("year");
  const [roundTo, setRoundTo] = useState("0.01");
  const [errors, setErrors] = useState<Errors>({});
  const runner = useRunner(port, "Budget planner");
  const leaveOut = useLeaveOut(runner);

  const go = () => {
    const found: Errors = {};
    const problem = picker.problem();
    if (problem) found.caseload = problem;
    if (caseload && cols.code < 0)
      found.code = "Choose the column holding each person's cluster (or currency) code.";
    if (caseload && cols.step < 0) found.step = "Choose the column holding each person's step.";
    const inputs: BudgetInputs = {
      people: caseload && cols.code >= 0 && cols.step >= 0 ? peopleFrom(caseload, cols) : [],
      envelope: parseMoney(envelope),
      contingency: parsePercent(contingency),
      prices: null,
      steps: null,
      basis,
      roundTo: Number(roundTo),
    };
    const checked = checkBudgetInputs(inputs);
    if (Object.keys(found).length > 0) delete checked.people;
    Object.assign(found, checked);
    if (found.people) {
      found.caseload = found.people;
      delete found.people;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    leaveOut.reset();
    runner.clear();
    void (async () => {
      // Read the chosen tables now, so what is checked and written matches the workbook as it is.
      let cl: TableData, pr: TableData | null, st: TableData | null;
      try {
        [cl, pr, st] = await Promise.all([
          port.readTable(picker.name),
          readChosen(port, prices.value),
          readChosen(port, steps.value),
        ]);
      } catch (e) {
        runner.fail(`Could not read the tables: ${describeError(e)}`);
        return;
      }
      // Pre-flight with the same core code as PBR.RASBUDGET: which people cannot be budgeted?
      const check = preflightBudgets(cohortRows(cl, cols), cl, cols.id, pr, st);
      if (check instanceof PbrError) {
        runner.fail(`Nothing was written: ${check.message}.`);
        return;
      }
      const write = (leftOut: readonly LeftOutRow[]) => {
        picker.keep();
        void runner.start(async (options) => {
          leaveOut.reset();
          inputs.people = peopleFrom(cl, cols, new Set(leftOut.map((r) => r.index)));
          inputs.prices = pr ? tableRef(pr) : null;
          inputs.steps = st ? tableRef(st) : null;
          inputs.leftOut = leftOut;
          inputs.source = picker.name;
          const late = checkBudgetInputs(inputs).people;
          if (late) throw new Error(late);
          const result = await runBudget(port, inputs, options);
          const left =
            leftOut.length > 0
              ? ` ${leftOut.length.toLocaleString("en-GB")} ${leftOut.length === 1 ? "person was" : "people were"} left out (listed on the sheet from J11).`
              : "";
          const success = `Wrote sheet ${result.sheets.budgets}: ${inputs.people.length.toLocaleString("en-GB")} indicative budgets calibrated to ${formatMoney(
            inputs.envelope
          )} less ${contingency.replace(/%$/, "")}% contingency. k is in cell B7.${left}`;
          return outcome(
            success,
            await readBackErrors(port, [result.sheets.budgets]),
            "A step or code that is not in its table makes that person's budget an error, and k (B7) an error for everyone: hover the first error cell to read which."
          );
        });
      };
      leaveOut.decide(check, "budgeted", picker.name, write);
    })();
  };

  return (
    <div className={styles.form}>
      <Body1>
        Writes a Budgets sheet: the calibration factor k (PBR.RASCALIBRATE) so the cohort’s budgets
        add up to the envelope less contingency, and each person’s indicative budget (PBR.RASBUDGET)
        with how it was built.
      </Body1>
      {tablesError && <Body1 role="alert">{tablesError}</Body1>}
      <div className={styles.pair}>
        <CaseloadTableField picker={picker} error={errors.caseload} />
        {caseload && (
          <ColumnFields picker={picker} choices={CHOICES} errors={errors} />
        )}
        <TableField {...prices} />
        <TableField {...steps} />
        <Field label="Budget envelope (£)" validationMessage={errors.envelope} required>
          <Input
            value={envelope}
            onChange={(_, d) => setEnvelope(d.value)}
            placeholder="e.g. 80,000"
            inputMode="decimal"
          />
        </Field>
        <Field label="Contingency held back (%)" validationMessage={errors.contingency}>
          <Input
            value={contingency}
            onChange={(_, d) => setContingency(d.value)}
            inputMode="decimal"
          />
        </Field>
        <Field label="Cluster average per">
          <Select value={basis} onChange={(_, d) => setBasis(d.value as "year" | "period" | "day")}>
            <option value="year">Year (annual budget)</option>
            <option value="period">Review period</option>
            <option value="day">Day</option>
          </Select>
        </Field>
        <Field
          label="Round budgets to"
          hint="Budgets are rounded together (largest remainders), so they add up to the envelope less contingency to that unit and never more; any gap is shown under the total."
        >
          <Select value={roundTo} onChange={(_, d) => setRoundTo(d.value)}>
            <option value="0.01">Pennies (adds up to the penny)</option>
            <option value="1">Whole £1</option>
            <option value="10">Whole £10</option>
            <option value="100">Whole £100</option>
          </Select>
        </Field>
      </div>
      <RunFooter label="Write budgets" onRun={go} runner={runner} notice={leaveOut.notice} />
    </div>
  );
}
