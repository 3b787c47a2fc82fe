/**
 * A SYNTHETIC caseload for the playground: made-up people, generated from a fixed seed, so
 * nobody's data is ever in the demo. Cluster mix, ratings and dates are plausible, not real:
 * ratings are drawn cluster by cluster from the built-in INDICATIVE profile, redrawn until the
 * built-in super class rules agree with the recorded cluster's super class (so PBR.CLUSTER
 * mostly agrees with the recorded cluster, with some noise and some "not known" ratings), and
 * cluster periods start across 2023/24 and 2024/25. About 6% of people have ratings that break
 * their recorded cluster's red rules (mostly psychotic symptoms rated in a non-psychotic
 * cluster), the kind of mismatch a clustering audit exists to find.
 */
import { defaultProfileGrid } from "../../core/clusters/defaultProfile";
import { ITEMS } from "../../core/clusters/items";
import { defaultSuperclassRules } from "../../core/clusters/defaultSuperclassRules";
import { decideRule } from "../../core/clusters/superclass";
import { CLUSTERS, reviewDays, DEFAULT_REVIEW_DAYS } from "../../core/clusters/reference";
import { fyEnd, fyStart } from "../../core/dates";
import { between, mulberry32, weighted, type Random } from "./random";

export const DEMO_SEED = 20240401;
export const DEMO_PEOPLE = 2000;

/** Share of people recorded in each cluster (a plausible adult caseload mix, not published figures). */
const MIX: Record<number, number> = {
  0: 2,
  1: 4,
  2: 5,
  3: 12,
  4: 9,
  5: 3,
  6: 2,
  7: 6,
  8: 3,
  10: 6,
  11: 12,
  12: 9,
  13: 4,
  14: 2,
  15: 1,
  16: 2,
  17: 3,
  18: 5,
  19: 6,
  20: 3,
  21: 1,
};

const TEAM: Record<string, string> = {
  primary: "Primary Care Mental Health",
  community: "Community Mental Health Team",
  eip: "Early Intervention in Psychosis",
  crisis: "Crisis Resolution",
  outreach: "Assertive Outreach",
  memory: "Memory Service",
};

function teamFor(code: number, random: Random): string {
  if (code <= 2) return TEAM.primary;
  if (code === 10) return TEAM.eip;
  if (code === 14 || code === 15) return TEAM.crisis;
  if (code === 16 || code === 17) return random() < 0.6 ? TEAM.outreach : TEAM.community;
  if (code >= 18) return TEAM.memory;
  return TEAM.community;
}

export const COMMISSIONERS = ["Northshire ICB (fictional)", "Southvale ICB (fictional)"];

const MARK_WEIGHT: Record<string, number> = { R: 6, O: 6, Y: 3, "": 0.25 };
const UNMARKED = [5, 3, 1, 0.3, 0.1];

/** Share of people whose ratings break their recorded cluster's red rules. */
const MISMATCH_RATE = 0.06;
const HALLUCINATIONS = ITEMS.findIndex((it) => it.id === "6");

/** Per cluster, per item: the ratings its red rule allows, for the items that have one. */
function redRules(): Map<number, Map<number, number[]>> {
  const out = new Map<number, Map<number, number[]>>();
  for (const row of defaultProfileGrid().slice(1)) {
    const allowed = [0, 1, 2, 3, 4].filter((r) => row[2 + r] === "R");
    if (allowed.length === 0) continue;
    const code = Number(row[0]);
    if (!out.has(code)) out.set(code, new Map());
    out.get(code)!.set(
      ITEMS.findIndex((it) => it.id === String(row[1])),
      allowed
    );
  }
  return out;
}

/**
 * Make `ratings` break one of cluster `code`'s red rules: psychotic symptoms (item 6 at 2–3) for
 * a non-psychotic cluster, otherwise a rating outside the first red rule's range.
 */
function plantMismatch(
  code: number,
  ratings: number[],
  rules: Map<number, Map<number, number[]>>,
  random: Random
): void {
  if (code >= 1 && code <= 8) {
    ratings[HALLUCINATIONS] = between(random, 2, 3);
    return;
  }
  const first = rules.get(code)?.entries().next().value;
  if (!first) return;
  const [item, allowed] = first;
  const outside = [0, 1, 2, 3, 4].filter((r) => !allowed.includes(r));
  ratings[item] = outside[Math.floor(random() * outside.length)];
}

/** The super class the built-in rules give these ratings (Z when they cannot tell). */
function decidedClass(ratings: readonly number[]): string {
  const rules = defaultSuperclassRules();
  const j = decideRule(
    rules,
    Uint8Array.from(ratings, (x) => (x > 4 ? 5 : x)),
    0
  );
  return j < 0 ? "Z" : rules.rules[j].superclass;
}

/** Per cluster, per item: weights for ratings 0–4 drawn from the profile's markings. */
function ratingWeights(): Map<number, number[][]> {
  const grid = defaultProfileGrid();
  const out = new Map<number, number[][]>();
  for (const c of CLUSTERS)
    out.set(
      c.code,
      ITEMS.map(() => UNMARKED.slice())
    );
  for (const row of grid.slice(1)) {
    const code = Number(row[0]);
    const item = ITEMS.findIndex((it) => it.id === String(row[1]));
    const marks = row.slice(2, 7).map((m) => String(m ?? ""));
    const red = marks.some((m) => m === "R");
    out.get(code)![item] = marks.map((m) => (red ? (m === "R" ? 1 : 0) : (MARK_WEIGHT[m] ?? 0.25)));
  }
  return out;
}

export const CASELOAD_HEADER = [
  "Id",
  "Team",
  "Commissioner",
  "Recorded cluster",
  "Start date",
  "End date",
  "Admitted days",
  "Budget step",
  ...ITEMS.map((it) => `MHCT ${it.id}`),
];

/** 2,000 synthetic rows in CASELOAD_HEADER order; dates are Excel serials, blank end = still open. */
export function syntheticCaseload(
  seed = DEMO_SEED,
  people = DEMO_PEOPLE
): (string | number | null)[][] {
  const random = mulberry32(seed);
  // A second stream for the planted mismatches, so the rest of the demo stays as it was.
  const audit = mulberry32(seed ^ 0x5eed);
  const redraw = mulberry32(seed ^ 0x0c1a55);
  const rules = redRules();
  const codes = Object.keys(MIX).map(Number);
  const mix = codes.map((c) => MIX[c]);
  const weights = ratingWeights();
  const first = fyStart(2023);
  const last = fyEnd(2024);
  const rows: (string | number | null)[][] = [];
  for (let i = 0; i < people; i++) {
    const code = codes[weighted(random, mix)];
    const info = CLUSTERS.find((c) => c.code === code)!;
    const period = reviewDays(info, DEFAULT_REVIEW_DAYS);
    const start = between(random, first, last - 14);
    const length = Math.max(7, Math.round(period * (0.4 + random() * 0.7)));
    const open = random() < 0.12 || start + length - 1 > last;
    const end = open ? null : start + length - 1;
    const days = (end ?? last) - start + 1;
    const admitChance =
      code === 14 || code === 15 ? 0.6 : [13, 16, 17, 20].includes(code) ? 0.15 : 0.03;
    const admitted = random() < admitChance ? Math.min(days, between(random, 3, 45)) : 0;
    const step = 1 + weighted(random, [1, 2, 4, 2, 1]);
    let ratings = ITEMS.map((_, item) => {
      if (random() < 0.03) return 9; // not known
      return code === 0 ? weighted(random, UNMARKED) : weighted(random, weights.get(code)![item]);
    });
    // A clinician records a cluster in the super class the picture shows: redraw (from a separate
    // stream, so the rest of the demo stays as it was) until the built-in rules agree.
    for (
      let tries = 0;
      code !== 0 && tries < 40 && decidedClass(ratings) !== info.superclass;
      tries++
    ) {
      ratings = ITEMS.map((_, item) =>
        redraw() < 0.03 ? 9 : weighted(redraw, weights.get(code)![item])
      );
    }
    if (code !== 0 && audit() < MISMATCH_RATE) plantMismatch(code, ratings, rules, audit);
    rows.push([
      `SYN-${String(i + 1).padStart(4, "0")}`,
      teamFor(code, random),
      COMMISSIONERS[random() < 0.6 ? 0 : 1],
      code,
      start,
      end,
      admitted,
      step,
      ...ratings,
    ]);
  }
  return rows;
}
