/* Cluster audit: a caseload with recorded clusters and the 18 ratings in; a sheet with one spilled
   PBR.CLUSTERCHECK over the people, counts by cluster and team, and a bar chart out. */
import { useState } from "react";
import { Body1, Caption1 } from "@fluentui/react-components";
import { outcome, readBackErrors } from "../plan/outcome";
import { guessRatingColumns, missingRatings } from "../plan/columns";
import { tableRef } from "../plan/refs";
import { rowLink } from "../plan/rowRefs";
import { useStyles } from "../ui/layout";
import { readChosen, useTables } from "../ui/tableHooks";
import { useLookupTable } from "../ui/lookupTable";
import { useCaseload } from "../ui/useCaseload";
import { CaseloadTableField, TableField } from "../ui/pickers";
import { ColumnFields, type ColumnChoice, ID_COLUMN } from "../ui/columnFields";
import { useRunner } from "../ui/runner";
import { RunFooter, journey, type FormProps } from "../ui/journey";
import { auditRowsFrom, runAudit } from "./run";
import { CHECK_BLOCK, assessProblem } from "./plan";

type Errors = Partial<Record<"caseload" | "recorded" | "ratings", string>>;

const AUDIT_COLUMNS = { id: "id", team: "team", recorded: "cluster" } as const;
const CHOICES: ColumnChoice<keyof typeof AUDIT_COLUMNS>[] = [
  { column: "recorded", label: "Recorded cluster column" },
  ID_COLUMN,
  { column: "team", label: "Team column", none: "None (no summary by team)" },
];

export const ClusterAudit = journey("Cluster audit", AuditForm);

function AuditForm({ port, active }: FormProps) {
  const styles = useStyles();
  const { tables, headers, error: tablesError } = useTables(port, active);
  const picker = useCaseload(port, tables, headers, ["cluster"], AUDIT_COLUMNS, { ratings: 1 });
  const { table: caseload, cols } = picker;
  const profile = useLookupTable(tables, headers, "profile");
  const rules = useLookupTable(tables, headers, "rules");
  const [errors, setErrors] = useState<Errors>({});
  const runner = useRunner(port, "Cluster audit");
  const ratingCols = caseload ? guessRatingColumns(caseload.header) : [];
  const missing = caseload ? missingRatings(ratingCols) : null;

  const go = () => {
    const found: Errors = {};
    const problem = picker.problem();
    if (problem) found.caseload = problem;
    else if (caseload && caseload.rows.length === 0)
      found.caseload = `Table ${picker.name} has no rows to audit.`;
    if (caseload && cols.recorded < 0)
      found.recorded = "Choose the column holding the recorded cluster.";
    if (caseload && missing) {
      found.ratings = `No column found for ${missing}. Rating columns need headers 1–13 and A–E (or 14–18, “Item 1”, “MHCT 1”): rename them in the table and choose it again.`;
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || !caseload) return;
    picker.keep();
    void runner.start(async (options) => {
      // Read the caseload and profile now, so the audit reflects the workbook as it is.
      const [cl, pf, rl] = await Promise.all([
        port.readTable(picker.name),
        readChosen(port, profile.value),
        readChosen(port, rules.value),
      ]);
      const rows = auditRowsFrom(cl, { ...cols, ratings: guessRatingColumns(cl.header) });
      if (rows.length === 0) throw new Error(`Table ${picker.name} has no rows to audit.`);
      const result = await runAudit(
        port,
        {
          rows,
          profile: pf ? tableRef(pf) : null,
          rules: rl ? tableRef(rl) : null,
          byTeam: cols.team >= 0,
        },
        options
      );
      const unassessed = rows.filter((row, i) => assessProblem(row, i) !== null);
      const notAssessed = unassessed.length;
      // The first few, by the caseload row each stands on, as links to it.
      const links = unassessed.slice(0, 3).map((r) => rowLink(cl.sheet, r.sheetRow ?? 0));
      const more = notAssessed > links.length ? ` and ${notAssessed - links.length} more` : "";
      const assessed = rows.length - notAssessed;
      const blocks = Math.ceil(rows.length / CHECK_BLOCK);
      const checks =
        blocks <= 1
          ? "one live PBR.CLUSTERCHECK"
          : `${blocks} live PBR.CLUSTERCHECK formulas (one per ${CHECK_BLOCK.toLocaleString("en-GB")} people)`;
      const success =
        `Wrote sheet ${result.sheets.audit}: checks for ${assessed.toLocaleString("en-GB")} people from ${checks} over the caseload, counts by recorded cluster${
          cols.team >= 0 ? " and by team" : ""
        } (live PBR.CHECKCOUNTS), and a bar chart.` +
        (notAssessed > 0
          ? ` ${notAssessed.toLocaleString("en-GB")} ${notAssessed === 1 ? "person was" : "people were"} not assessed (fewer than 12 ratings known or unreadable): ${links.map((l) => l.text).join(", ")}${more}. Their Check says why and links to their caseload row; they are counted under Too few ratings.`
          : "");
      const done = outcome(
        success,
        await readBackErrors(port, [result.sheets.audit]),
        "A person whose check is an error could not be assessed (the cell's error message says why), and is counted under Other."
      );
      return done.hasErrors ? done : { ...done, links };
    });
  };

  return (
    <div className={styles.form}>
      <Body1>
        Checks each recorded cluster against the person’s ratings with PBR.CLUSTERCHECK (OK, Broken,
        Unconfirmed, Super class, Variance or Not clustered) and counts the results by cluster and
        team. Decision support: the clinician decides.
      </Body1>
      {tablesError && <Body1 role="alert">{tablesError}</Body1>}
      <div className={styles.pair}>
        <CaseloadTableField picker={picker} error={errors.caseload} />
        <TableField {...profile} />
        <TableField
          {...rules}
          none={profile.value ? "None (every cluster in the profile is a candidate)" : rules.none}
        />
        {caseload && (
          <ColumnFields picker={picker} choices={CHOICES} errors={errors} />
        )}
      </div>
      {caseload && (
        <Caption1
          role={missing ? "alert" : undefined}
          style={missing ? { color: "#a4262c" } : undefined}
        >
          {errors.ratings ??
            (missing
              ? `Rating columns: no column found for ${missing}.`
              : "Rating columns: all 18 found (1–13 and A–E).")}
        </Caption1>
      )}
      <RunFooter label="Audit clusters" onRun={go} runner={runner} />
    </div>
  );
}
