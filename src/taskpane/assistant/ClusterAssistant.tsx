/* Cluster assistant: rate the 18 MHCT items, see the suggested cluster, the best candidates and the
   red rules behind them (the same core as PBR.CLUSTER), and insert ratings + a live formula. */
import { useEffect, useMemo, useRef, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { explainRatings } from "../../core/clusters/explain";
import { defaultSuperclassRules } from "../../core/clusters/defaultSuperclassRules";
import { parseSuperclassRules } from "../../core/clusters/superclass";
import { defaultProfile } from "../../core/clusters/defaultProfile";
import { ITEMS, RATING_SCALE } from "../../core/clusters/items";
import { parseProfile } from "../../core/clusters/profile";
import type { Grid } from "../../core/values";
import { clusterInfo } from "../../core/clusters/reference";
import { PbrError } from "../../core/errors";
import type { WorkbookPort } from "../../workbook/port";
import { runJourney, useJourneyLock } from "../ui/journeyLock";
import { JourneyBusyNote } from "../ui/journey";
import { tableRef } from "../plan/refs";
import { useStyles } from "../ui/layout";
import { describeError } from "../ui/describeError";
import { ChoiceOptions, TableField } from "../ui/pickers";
import { PREFERRED_NAMES, preferTable } from "../ui/tables";
import type { RatingInput } from "./plan";
import { insertAtSelection } from "./run";
import { BookletNotes } from "./BookletNotes";
import { RedRules, Why, percent } from "./Explanation";
import { VISUALLY_HIDDEN } from "../ui/visuallyHidden";

const RATING_CHOICES: { value: string; text: string }[] = [
  { value: "", text: "Not rated" },
  ...Object.entries(RATING_SCALE).map(([r, meaning]) => ({ value: r, text: `${r} ${meaning}` })),
];

const parseProfileGrid = (grid: Grid) => parseProfile(grid);
const profileUnusable = (name: string, message: string) =>
  `Table ${name} is not a usable profile: ${message}. Using the built-in indicative profile.`;
const rulesUnusable = (name: string, message: string) =>
  `Table ${name} is not usable super class rules: ${message}.`;

/**
 * A table chosen in a picker, read and parsed (a profile, super class rules): its parsed value and
 * reference, or the reason it cannot be used. No table chosen: nothing, and no error.
 */
function useChosenTable<T>(
  port: WorkbookPort | null,
  name: string,
  parse: (grid: Grid) => T | PbrError,
  unusable: (name: string, message: string) => string
): { value: T | null; ref: string | null; error: string | null } {
  const [state, setState] = useState<{ value: T | null; ref: string | null; error: string | null }>(
    { value: null, ref: null, error: null }
  );
  useEffect(() => {
    if (!port || !name) {
      setState({ value: null, ref: null, error: null });
      return;
    }
    let live = true;
    port.readTable(name).then(
      (t) => {
        if (!live) return;
        const parsed = parse([t.header, ...t.rows]);
        setState(
          parsed instanceof PbrError
            ? { value: null, ref: null, error: unusable(name, parsed.message) }
            : { value: parsed, ref: tableRef(t), error: null }
        );
      },
      (e) =>
        live &&
        setState({
          value: null,
          ref: null,
          error: `Could not read table ${name}: ${describeError(e)}`,
        })
    );
    return () => {
      live = false;
    };
  }, [port, name, parse, unusable]);
  return state;
}


export function ClusterAssistant({
  port,
  active = true,
}: {
  port: WorkbookPort | null;
  active?: boolean;
}) {
  const styles = useStyles();
  const [ratings, setRatings] = useState<RatingInput[]>(() => Array(18).fill(null));
  const [superclass, setSuperclass] = useState<"" | "A" | "B" | "C">("");
  const [tables, setTables] = useState<string[]>([]);
  const [profileTable, setProfileTable] = useState("");
  const [tablesError, setTablesError] = useState<string | null>(null);
  const [rulesTable, setRulesTable] = useState("");
  const [insertMessage, setInsertMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const other = useJourneyLock("Insert cluster formula");
  const messageRef = useRef<HTMLDivElement>(null);
  // The outcome appears under the button at the foot of a long form: bring it into view.
  useEffect(() => {
    if (insertMessage) messageRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [insertMessage]);

  useEffect(() => {
    if (!port || !active) return;
    port.listTables().then(
      (t) => {
        setTables(t);
        setProfileTable((current) => current || preferTable(t, ...PREFERRED_NAMES.profile));
        setRulesTable(
          (current) => current || preferTable(t, ...PREFERRED_NAMES.rules)
        );
      },
      (e) => setTablesError(`Could not list the workbook's tables: ${describeError(e)}`)
    );
  }, [port, active]);

  const chosenProfile = useChosenTable(port, profileTable, parseProfileGrid, profileUnusable);
  const chosenRules = useChosenTable(port, rulesTable, parseSuperclassRules, rulesUnusable);
  const profile = chosenProfile.value ?? defaultProfile();
  const profileRef = chosenProfile.ref;
  const profileError = tablesError ?? chosenProfile.error;
  const rules = chosenRules.value;
  const rulesRef = chosenRules.ref;
  const rulesError = chosenRules.error;

  // As in PBR.CLUSTER: a rules table when one is chosen; otherwise the built-in rules with the
  // built-in profile, and none with a trust's own profile table (so its answers match its formulas).
  const activeRules = rules ?? (profileRef === null ? defaultSuperclassRules() : null);
  const explanation = useMemo(
    () => explainRatings(ratings, profile, superclass || null, 5, activeRules),
    [ratings, profile, superclass, activeRules]
  );
  const known = ratings.filter((r) => r !== null && r !== 9).length;

  const setRating = (i: number, value: string) => {
    setRatings((prev) => prev.map((r, j) => (j === i ? (value === "" ? null : Number(value)) : r)));
    setInsertMessage(null);
  };

  const insert = async () => {
    if (!port) return;
    setBusy(true);
    try {
      const outcome = await runJourney(port, "Insert cluster formula", () =>
        insertAtSelection(port, ratings, superclass || null, profileRef, rulesRef)
      );
      setInsertMessage({ ok: outcome.ok, text: outcome.message });
    } catch (e) {
      setInsertMessage({ ok: false, text: `Nothing was inserted: ${describeError(e)}` });
    } finally {
      setBusy(false);
    }
  };

  const suggested =
    explanation instanceof PbrError
      ? null
      : explanation.clusters.find((c) => c.code === explanation.suggested);
  const excluded =
    explanation instanceof PbrError ? [] : explanation.clusters.filter((c) => !c.passes);

  return (
    <div className={styles.form}>
      <Body1>
        Rate each item 0–4 (9 or “Not rated” when not known). The suggestion is decision support
        from the profile’s red rules and fit: the clinician decides.
      </Body1>
      <div className={styles.pair} role="group" aria-label="MHCT ratings">
        {ITEMS.map((item, i) => (
          <Field key={item.id} label={`${item.id}. ${item.name}`}>
            <Select
              value={ratings[i] === null ? "" : String(ratings[i])}
              onChange={(_, d) => setRating(i, d.value)}
            >
              <ChoiceOptions choices={RATING_CHOICES} />
            </Select>
          </Field>
        ))}
      </div>
      <div className={styles.pair}>
        <Field
          label="Super class (optional)"
          hint="Limits the suggestion, as PBR.CLUSTER's superclass argument does. Left on “From the ratings”, the built-in rules decide it."
        >
          <Select
            value={superclass}
            onChange={(_, d) => setSuperclass(d.value as "" | "A" | "B" | "C")}
          >
            <option value="">From the ratings</option>
            <option value="A">A Non-psychotic</option>
            <option value="B">B Psychotic</option>
            <option value="C">C Organic</option>
          </Select>
        </Field>
        <TableField
          label="Profile"
          tables={tables}
          value={profileTable}
          onChange={setProfileTable}
          none="Built-in indicative profile"
          error={profileError}
          warning
        />
        <TableField
          label="Super class rules"
          tables={tables}
          value={rulesTable}
          onChange={setRulesTable}
          none={profileTable ? "None (every cluster in the profile)" : "Built-in indicative rules"}
          error={rulesError}
          warning
        />
      </div>

      {/* Only the one-line answer is announced when it changes, not the whole explanation below. */}
      <div role="status" aria-live="polite" style={VISUALLY_HIDDEN} data-testid="suggestion-announcement">
        {explanation instanceof PbrError
          ? known === 0
            ? ""
            : explanation.message.replace(/^row 1[:,] /, "")
          : `Suggested cluster ${explanation.suggested}${suggested ? `, fit ${percent(suggested.fit)}` : ""}.`}
      </div>
      <section aria-label="Suggestion">
        {explanation instanceof PbrError ? (
          <MessageBar intent={known === 0 ? "info" : "warning"}>
            <MessageBarBody>
              {known === 0
                ? "Enter the ratings to see a suggested cluster (at least 12 of the 18 must be known)."
                : explanation.message.replace(/^row 1[:,] /, "")}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <div style={{ display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: 8 }}>
            <Subtitle2 as="h3">
              Suggested cluster: {explanation.suggested}{" "}
              {clusterInfo(explanation.suggested)?.name ?? ""}
              {suggested ? ` (fit ${percent(suggested.fit)})` : ""}
            </Subtitle2>
            <Caption1>{explanation.known} of 18 ratings known.</Caption1>
            {explanation.suggested === 0 && (
              <Body1>
                {explanation.superclass?.code === "Z"
                  ? "The super class cannot be told from these ratings, so this is variance (cluster 0): choose the super class above."
                  : "No cluster passes its red rules, so this is variance (cluster 0)."}
              </Body1>
            )}
            <Why explanation={explanation} />
            {suggested && <RedRules cluster={suggested} />}
            <BookletNotes
              suggested={explanation.suggested}
              superclass={explanation.superclass?.code ?? null}
              ratings={ratings}
            />
            <Table size="small" aria-label="Best candidates">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Cluster</TableHeaderCell>
                  <TableHeaderCell>Name</TableHeaderCell>
                  <TableHeaderCell>Fit</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {explanation.candidates.map((c) => (
                  <TableRow key={c.code}>
                    <TableCell>{c.code}</TableCell>
                    <TableCell>{clusterInfo(c.code)?.name}</TableCell>
                    <TableCell>{percent(c.fit)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {excluded.length > 0 && (
              <details>
                <summary>Clusters ruled out by a red rule ({excluded.length})</summary>
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {excluded.map((c) => (
                    <li key={c.code}>
                      Cluster {c.code}:{" "}
                      {c.rules
                        .filter((r) => r.status === "fail")
                        .map((r) => r.reason)
                        .join("; ")}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        )}
      </section>

      <JourneyBusyNote reason={other} />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={insert} disabled={!port || busy || other !== null}>
          Insert ratings and formula at selection
        </Button>
        {!port && (
          <Caption1>
            Inserting needs a workbook: open PbR Toolkit inside Excel or the playground.
          </Caption1>
        )}
      </div>
      {insertMessage && (
        <MessageBar
          ref={messageRef}
          layout="multiline"
          intent={insertMessage.ok ? "success" : "error"}
          role={insertMessage.ok ? "status" : "alert"}
        >
          <MessageBarBody>{insertMessage.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
