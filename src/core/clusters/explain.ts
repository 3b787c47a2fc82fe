/**
 * Explaining one row of ratings for the task pane's Cluster assistant: the suggested cluster (the
 * same answer as PBR.CLUSTER), the best candidates with their fit (as PBR.CLUSTERCANDIDATES), and for
 * every cluster in the profile which red rules pass, fail or cannot be confirmed, in words.
 */
import { PbrError, clusterErrors } from "../errors";
import type { CellValue } from "../values";
import { allocateRange, candidatesFor } from "./allocate";
import { Scorer, fitOf } from "./engine";
import { ITEMS, ITEM_COUNT } from "./items";
import { redAllowed, type Profile } from "./profile";
import { BLANK_ROW, MIN_KNOWN, readRatings } from "./ratings";
import { clusterInfo, type SuperClass } from "./reference";

export type RuleStatus = "pass" | "fail" | "unrated";

export interface RedRule {
  /** Item label ("6", "A") and its name. */
  item: string;
  name: string;
  /** The rating given (0–4), or null when not known. */
  rating: number | null;
  allowed: number[];
  status: RuleStatus;
  /** "item 6 (hallucinations and delusions) rated 3; cluster 4 needs 0–1". */
  reason: string;
}

export interface ClusterExplanation {
  code: number;
  name: string;
  fit: number;
  /** Passes every red rule it can check (unrated red items do not exclude it). */
  passes: boolean;
  rules: RedRule[];
}

export interface RatingsExplanation {
  /** Ratings known (0–4), out of 18. */
  known: number;
  /** PBR.CLUSTER's answer: 0 when no cluster passes its red rules. */
  suggested: number;
  /** Best passing clusters, best first, with fit 0–1. */
  candidates: { code: number; fit: number }[];
  /** Every cluster in the profile, in code order. */
  clusters: ClusterExplanation[];
}

/** "0–1", "3", "0, 2 or 4". */
export function describeRatings(allowed: readonly number[]): string {
  if (allowed.length === 1) return String(allowed[0]);
  const contiguous = allowed.every((v, j) => j === 0 || v === allowed[j - 1] + 1);
  if (contiguous) return `${allowed[0]}–${allowed[allowed.length - 1]}`;
  return `${allowed.slice(0, -1).join(", ")} or ${allowed[allowed.length - 1]}`;
}

/**
 * Explain one row of 18 ratings (0–4, 9 or blank). `superclass` limits the suggestion as in
 * PBR.CLUSTER. Returns the row's error (rating out of range, too few ratings) instead when there is one.
 */
export function explainRatings(
  ratings: readonly CellValue[],
  profile: Profile,
  superclass: SuperClass | null = null,
  count = 5
): RatingsExplanation | PbrError {
  const row = [ratings.slice(0, ITEM_COUNT)];
  const r = new Uint8Array(ITEM_COUNT);
  const known = readRatings(row[0], 1, r, 0);
  if (known instanceof PbrError) return known;
  if (known === BLANK_ROW) return clusterErrors.tooFewRatings(1, 0);
  if (known < MIN_KNOWN) return clusterErrors.tooFewRatings(1, known);

  const allocated = allocateRange(row, superclass, profile);
  if (allocated instanceof PbrError) return allocated;
  const suggested = allocated[0];
  if (suggested instanceof PbrError) return suggested;
  const listed = candidatesFor(row, count, profile);
  if (listed instanceof PbrError) return listed;
  const candidates = listed
    .filter(([code, fit]) => typeof code === "number" && typeof fit === "number")
    .map(([code, fit]) => ({ code: code as number, fit: fit as number }));

  const scorer = new Scorer(profile);
  scorer.score(r, 0);
  const clusters = profile.codes.map((code, k): ClusterExplanation => {
    const rules: RedRule[] = [];
    for (let item = 0; item < ITEM_COUNT; item++) {
      const allowed = redAllowed(profile, k, item);
      if (!allowed) continue;
      const it = ITEMS[item];
      const rating = r[item] > 4 ? null : r[item];
      const status: RuleStatus =
        rating === null ? "unrated" : allowed.includes(rating) ? "pass" : "fail";
      const needs = `cluster ${code} needs ${describeRatings(allowed)}`;
      const reason =
        rating === null
          ? `item ${it.id} (${it.short}) not rated; ${needs}`
          : `item ${it.id} (${it.short}) rated ${rating}; ${needs}`;
      rules.push({ item: it.id, name: it.name, rating, allowed, status, reason });
    }
    return {
      code,
      name: clusterInfo(code)?.name ?? `Cluster ${code}`,
      fit: fitOf(scorer.points[k], known),
      passes: (scorer.failed & (1 << k)) === 0,
      rules,
    };
  });
  return { known, suggested: Number(suggested), candidates, clusters };
}
