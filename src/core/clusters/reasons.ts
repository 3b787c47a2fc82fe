/**
 * Which ratings made a cluster fit, in words a clinician can check: for each cluster, the ratings
 * that counted for it (inside its essential or expected band, or possible), against it (outside
 * its typical band) and the items not known. Used by the Cluster assistant, PBR.CLUSTERCANDIDATES
 * (detail) and PBR.CLUSTERCHECK.
 */
import { ITEMS, ITEM_COUNT } from "./items";
import type { Mark, Profile } from "./profile";

export interface RatingReason {
  /** Item label ("6", "A"). */
  item: string;
  short: string;
  rating: number;
  /** "essential", "expected", "possible" or "atypical". */
  weight: "essential" | "expected" | "possible" | "atypical";
  /** The ratings the cluster expects on this item ("3–4"), or "" when it has no typical band. */
  band: string;
}

export interface FitReasons {
  for: RatingReason[];
  against: RatingReason[];
  /** Items rated 9 or blank. */
  unknown: string[];
}

/** "0–1", "3", "0, 2 or 4". */
export function describeRatings(allowed: readonly number[]): string {
  if (allowed.length === 0) return "";
  if (allowed.length === 1) return String(allowed[0]);
  const contiguous = allowed.every((v, j) => j === 0 || v === allowed[j - 1] + 1);
  if (contiguous) return `${allowed[0]}–${allowed[allowed.length - 1]}`;
  return `${allowed.slice(0, -1).join(", ")} or ${allowed[allowed.length - 1]}`;
}

function band(marks: readonly Mark[]): string {
  const red = marks.some((m) => m === "R");
  const top: number[] = [];
  marks.forEach((m, rating) => (red ? m === "R" : m === "O") && top.push(rating));
  return describeRatings(top);
}

const WEIGHT: Record<Mark, RatingReason["weight"]> = {
  R: "essential",
  O: "expected",
  Y: "possible",
  "": "atypical",
};

/** Reasons for cluster index k (in profile.codes) given ratings r (0–4, 5 = not known). */
export function fitReasons(profile: Profile, k: number, r: Uint8Array, off = 0): FitReasons {
  const out: FitReasons = { for: [], against: [], unknown: [] };
  for (let item = 0; item < ITEM_COUNT; item++) {
    const it = ITEMS[item];
    const rating = r[off + item];
    if (rating > 4) {
      out.unknown.push(it.id);
      continue;
    }
    const marks = profile.marks[k][item];
    if (marks.every((m) => m === "")) continue; // the cluster says nothing about this item
    const reason: RatingReason = {
      item: it.id,
      short: it.short,
      rating,
      weight: WEIGHT[marks[rating]],
      band: band(marks),
    };
    (marks[rating] === "" ? out.against : out.for).push(reason);
  }
  // Essential ratings first, then expected, then possible.
  const order = { essential: 0, expected: 1, possible: 2, atypical: 3 };
  out.for.sort((a, b) => order[a.weight] - order[b.weight]);
  return out;
}

/** "item 7 (depressed mood) 4" */
const named = (x: RatingReason) => `item ${x.item} (${x.short}) ${x.rating}`;

/** One line: "for: item 6 (…) 3 essential, …; against: item 12 (…) 1, expected 3–4; not known: 9, 10". */
export function describeReasons(reasons: FitReasons, most = 4): string {
  const pick = reasons.for.filter((x) => x.weight !== "possible").slice(0, most);
  const parts: string[] = [];
  if (pick.length > 0)
    parts.push(`for: ${pick.map((x) => `${named(x)} (${x.weight} ${x.band})`).join(", ")}`);
  if (reasons.against.length > 0)
    parts.push(
      `against: ${reasons.against
        .slice(0, most)
        .map((x) => `${named(x)} (expects ${x.band || "other ratings"})`)
        .join(
          ", "
        )}${reasons.against.length > most ? ` and ${reasons.against.length - most} more` : ""}`
    );
  if (reasons.unknown.length > 0) parts.push(`not known: items ${reasons.unknown.join(", ")}`);
  return parts.join("; ");
}

/** Fit 0–1 as a whole percent, the one way fit is written in text. */
export function percent(fit: number): string {
  return `${Math.round(fit * 100)}%`;
}
