/**
 * A deliberately simple reference implementation of allocation, written straight from the rules
 * (no packed tables, no bit masks), used to check the fast engine in property tests and benchmarks.
 */
import type { Profile } from "../../src/core/clusters/profile";
import { clusterInfo } from "../../src/core/clusters/reference";
import type { SuperclassRules } from "../../src/core/clusters/superclass";

/** ratings: 18 numbers, 0–4 known, anything else unknown. Returns the cluster, or null when < 12 known. */
export function referenceAllocate(profile: Profile, ratings: readonly number[], superclass?: "A" | "B" | "C"): number | null {
  const known = ratings.filter((r) => r >= 0 && r <= 4).length;
  if (known < 12) return null;
  let best = 0;
  let bestFit = -1;
  for (const code of [...profile.codes].sort((a, b) => a - b)) {
    if (superclass && clusterInfo(code)!.superclass !== superclass) continue;
    const marks = profile.marks[profile.indexOf[code]];
    let passes = true;
    let points = 0;
    for (let item = 0; item < 18; item++) {
      const r = ratings[item];
      const m = marks[item];
      const hasRed = m.includes("R");
      if (!(r >= 0 && r <= 4)) continue;
      if (hasRed && m[r] !== "R") passes = false;
      points += m[r] === "R" || m[r] === "O" ? 2 : m[r] === "Y" ? 1 : 0;
    }
    const fit = points / (2 * known);
    if (passes && fit > bestFit) {
      bestFit = fit;
      best = code;
    }
  }
  return best;
}

/**
 * The super class rules, read plainly: the first rule whose every condition holds. A condition
 * holds when each of its items' ratings (0–4, anything else = not known, slot 5) is in its mask.
 */
export function referenceSuperclass(rules: SuperclassRules, ratings: readonly number[]): "A" | "B" | "C" | "Z" {
  for (const rule of rules.rules) {
    const holds = rule.when.every((c) =>
      c.items.every((item) => {
        const r = ratings[item];
        const slot = r >= 0 && r <= 4 ? r : 5;
        return ((c.mask >> slot) & 1) === 1;
      })
    );
    if (holds) return rule.superclass;
  }
  return "Z";
}

/** Allocation with the super class step: the decided class, then the best cluster in it (Z: 0). */
export function referenceAllocateWithRules(
  profile: Profile,
  rules: SuperclassRules,
  ratings: readonly number[]
): number | null {
  const known = ratings.filter((r) => r >= 0 && r <= 4).length;
  if (known < 12) return null;
  const sc = referenceSuperclass(rules, ratings);
  return sc === "Z" ? 0 : referenceAllocate(profile, ratings, sc);
}
