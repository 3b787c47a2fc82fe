/* The Cluster assistant's explanation of a suggestion: the ratings that counted for and against
   each leading candidate, why the super class and the margin, and the suggested cluster's red rules. */
import { Body1, Caption1 } from "@fluentui/react-components";
import type { ClusterExplanation, RatingsExplanation } from "../../core/clusters/explain";
import type { FitReasons } from "../../core/clusters/reasons";
import { clusterInfo } from "../../core/clusters/reference";

const STATUS_WORDS = { pass: "Passes", fail: "Fails", unrated: "Not confirmed" } as const;

export function percent(fit: number): string {
  return `${Math.round(fit * 100)}%`;
}

const WEIGHT_WORDS = {
  essential: "essential",
  expected: "expected",
  possible: "possible",
  atypical: "atypical",
} as const;

/** The ratings that counted for and against one candidate, and the items not known. */
export function Reasons({ code, fit, reasons }: { code: number; fit: number; reasons: FitReasons }) {
  // Essential ratings, and problems actually present (rated 1 or more) in an expected band, are the
  // ones that make the case; "no problem, as expected" ratings are summarised by count.
  const counted = reasons.for.filter((x) => x.weight !== "possible");
  const forList = counted.filter((x) => x.weight === "essential" || x.rating > 0);
  const quiet = counted.length - forList.length;
  return (
    <div aria-label={`Why cluster ${code}`}>
      <Caption1>
        <strong>
          Cluster {code} {clusterInfo(code)?.name} — fit {percent(fit)}
        </strong>
      </Caption1>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        <li>
          For:{" "}
          {forList.length === 0 && quiet === 0
            ? "no rating in its expected bands"
            : forList
                .map(
                  (x) =>
                    `item ${x.item} (${x.short}) ${x.rating}, ${WEIGHT_WORDS[x.weight]} ${x.band}`
                )
                .join("; ")}
          {quiet > 0 &&
            `${forList.length > 0 ? "; and " : ""}${quiet} item${quiet === 1 ? "" : "s"} rated 0 as the cluster expects`}
        </li>
        <li>
          Against:{" "}
          {reasons.against.length === 0
            ? "no rating outside its typical bands"
            : reasons.against
                .map(
                  (x) =>
                    `item ${x.item} (${x.short}) ${x.rating}, expects ${x.band || "other ratings"}`
                )
                .join("; ")}
        </li>
        {reasons.unknown.length > 0 && <li>Not known: items {reasons.unknown.join(", ")}</li>}
      </ul>
    </div>
  );
}

/** Why the super class, the margin between suggestion and runner-up, and the ratings behind both. */
export function Why({ explanation }: { explanation: RatingsExplanation }) {
  const [first, second] = explanation.candidates;
  return (
    <section aria-label="Why this suggestion" style={{ display: "grid", gap: 6 }}>
      {explanation.superclass && (
        <Body1>
          Super class {explanation.superclass.how === "given" ? "(given)" : "(from the ratings)"}:{" "}
          {explanation.superclass.how === "given"
            ? `${explanation.superclass.code}, given by you`
            : explanation.superclass.reason}
        </Body1>
      )}
      {first && second && explanation.margin !== null && (
        <Body1>
          Cluster {first.code} leads cluster {second.code} by {percent(explanation.margin)} of fit
          {explanation.margin < 0.05 ? ": a close call, check both descriptions." : "."}
        </Body1>
      )}
      {first && <Reasons {...first} />}
      {second && <Reasons {...second} />}
    </section>
  );
}

export function RedRules({ cluster }: { cluster: ClusterExplanation }) {
  if (cluster.rules.length === 0)
    return <Caption1>Cluster {cluster.code} has no red rules in this profile.</Caption1>;
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }} aria-label={`Red rules for cluster ${cluster.code}`}>
      {cluster.rules.map((rule) => (
        <li key={rule.item}>
          <strong>{STATUS_WORDS[rule.status]}</strong>: {rule.reason}
        </li>
      ))}
    </ul>
  );
}
