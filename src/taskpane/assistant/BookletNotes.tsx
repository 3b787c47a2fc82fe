/* The Cluster assistant's "What the booklet says" section: the notes from
   core/clusters/booklet-guidance.json that apply to the suggestion, each with its source. Only
   statements that were read are shown; where the booklet's own criteria are not held, the note
   says so. */
import { Body1, Caption1 } from "@fluentui/react-components";
import { guidanceFor } from "../../core/clusters/guidance";
import type { SuperClass } from "../../core/clusters/reference";

export function BookletNotes({
  suggested,
  superclass,
  ratings,
}: {
  suggested: number;
  superclass: SuperClass | null;
  ratings: readonly unknown[];
}) {
  const notes = guidanceFor(suggested, superclass, ratings);
  // Notes about this suggestion open; the general ones (decision tree, step-down, timing) folded.
  const general = new Set(["decision-tree", "step-down", "timing"]);
  const specific = notes.filter((n) => !general.has(n.id));
  const rest = notes.filter((n) => general.has(n.id));
  const item = (n: (typeof notes)[number]) => (
    <li key={n.id}>
      <Body1>
        <strong>{n.title}:</strong> {n.text}
      </Body1>{" "}
      <Caption1>Source: {n.source}</Caption1>
    </li>
  );
  return (
    <section aria-label="What the booklet says" style={{ display: "grid", gap: 4 }}>
      {specific.length > 0 && <ul style={{ margin: 0, paddingLeft: 20 }}>{specific.map(item)}</ul>}
      <details>
        <summary>Clustering Booklet: decision tree, step-down and timing</summary>
        <ul style={{ margin: 0, paddingLeft: 20 }}>{rest.map(item)}</ul>
      </details>
    </section>
  );
}
