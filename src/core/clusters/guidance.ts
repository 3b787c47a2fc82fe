/**
 * What the Clustering Booklet and the guidance around it say about a suggestion, as notes with
 * their source (booklet-guidance.json). Only statements that were read are held; where the booklet's
 * own criteria (decision tree questions, step-down criteria, bipolar guidance note) could not be read,
 * the note says where they are and that they are not held here. Used by the Cluster assistant.
 */
import data from "./booklet-guidance.json";
import type { SuperClass } from "./reference";

export interface GuidanceNote {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  /** The source in full (publication, page where known). */
  readonly source: string;
}

type When = "always" | "psychotic-item6-0" | number[];
interface RawNote {
  id: string;
  when: When;
  title: string;
  text: string;
  source: keyof typeof data.sources;
}

const NOTES = data.notes as RawNote[];
export const GUIDANCE_NOTE: string = data.note;
export const GUIDANCE_SOURCES: Readonly<Record<string, string>> = data.sources;

/** Item 6 (hallucinations and delusions) is the sixth rating. */
const ITEM6 = 5;

/**
 * The notes for a suggestion: `suggested` is PBR.CLUSTER's answer (0 = variance), `superclass` the
 * super class given or decided (null when none), `ratings` the 18 ratings (0–4; anything else is
 * not known). Notes that apply to every suggestion come last.
 */
export function guidanceFor(
  suggested: number,
  superclass: SuperClass | null,
  ratings: readonly unknown[]
): GuidanceNote[] {
  const item6Zero = ratings[ITEM6] === 0;
  const picked = NOTES.filter((n) =>
    n.when === "always"
      ? false
      : n.when === "psychotic-item6-0"
        ? item6Zero && (superclass === "B" || (suggested >= 10 && suggested <= 17))
        : n.when.includes(suggested)
  );
  const always = NOTES.filter((n) => n.when === "always");
  return [...picked, ...always].map((n) => ({
    id: n.id,
    title: n.title,
    text: n.text,
    source: data.sources[n.source],
  }));
}
