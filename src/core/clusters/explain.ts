/**
 * Explaining one row of ratings for the task pane's Cluster assistant: the suggested cluster (the
 * same answer as PBR.CLUSTER), the best candidates with their fit (as PBR.CLUSTERCANDIDATES), and for
 * every cluster in the profile which red rules pass, fail or cannot be confirmed, in words.
 */
import { PbrError, clusterErrors } from "../errors";
import type { CellValue } from "../values";
import { allocateRange } from "./allocate";
import { Scorer, fitOf } from "./engine";
import { ITEMS, ITEM_COUNT } from "./items";
import { redAllowed, type Profile } from "./profile";
import { BLANK_ROW, MIN_KNOWN, readRatings } from "./ratings";
import { clusterInfo, type SuperClass } from "./reference";
import { describeRatings, fitReasons, type FitReasons } from "./reasons";
import { decideRule, describeDecision, type SuperclassRules } from "./superclass";

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
  /** Best passing clusters (inside the decided super class), best first, with fit 0–1 and the ratings behind it. */
  candidates: { code: number; fit: number; reasons: FitReasons }[];
  /** Fit of the suggestion minus fit of the runner-up (0–1), or null with fewer than two candidates. */
  margin: number | null;
  /** How the super class was chosen: given by the user, decided by a rule (with its reason), or not used. */
  superclass: { code: SuperClass; how: "given" | "rule"; reason: string } | null;
  /** Every cluster in the profile, in code order. */
  clusters: ClusterExplanation[];
}

export { describeRatings };

/**
 * Explain one row of 18 ratings (0–4, 9 or blank). `superclass` limits the suggestion as in
 * PBR.CLUSTER. Returns the row's error (rating out of range, too few ratings) instead when there is one.
 */
export function explainRatings(
  ratings: readonly CellValue[],
  profile: Profile,
  superclass: SuperClass | null = null,
  count = 5,
  rules: SuperclassRules | null = null
): RatingsExplanation | PbrError {
  const row = [ratings.slice(0, ITEM_COUNT)];
  const r = new Uint8Array(ITEM_COUNT);
  const known = readRatings(row[0], 1, r, 0);
  if (known instanceof PbrError) return known;
  if (known === BLANK_ROW) return clusterErrors.tooFewRatings(1, 0);
  if (known < MIN_KNOWN) return clusterErrors.tooFewRatings(1, known);

  const allocated = allocateRange(row, superclass, profile, rules);
  if (allocated instanceof PbrError) return allocated;
  const suggested = allocated[0];
  if (suggested instanceof PbrError) return suggested;

  const scorer = new Scorer(profile);
  scorer.score(r, 0);
  let decided: RatingsExplanation["superclass"] = null;
  let allowed = profile.allMask;
  if (superclass !== null) {
    decided = { code: superclass, how: "given", reason: "given by the user" };
    allowed = profile.classMask[superclass];
  } else if (rules) {
    const j = decideRule(rules, r, 0);
    const code: SuperClass = j < 0 ? "Z" : rules.rules[j].superclass;
    decided = { code, how: "rule", reason: describeDecision(rules, j, r) };
    allowed = code === "Z" ? 0 : profile.classMask[code];
  }
  const candidates = scorer
    .ranked(allowed)
    .slice(0, count)
    .map(([code, pts]) => ({
      code,
      fit: fitOf(pts, known),
      reasons: fitReasons(profile, profile.indexOf[code], r),
    }));
  const margin = candidates.length >= 2 ? candidates[0].fit - candidates[1].fit : null;
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
  return { known, suggested: Number(suggested), candidates, margin, superclass: decided, clusters };
}
