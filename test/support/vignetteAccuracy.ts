/**
 * How the built-in default (super class rules + indicative profile) places the vignettes: used by
 * the vignette test and printed by `npm run bench`.
 */
import { allocateRange } from "../../src/core/clusters/allocate";
import { defaultProfile } from "../../src/core/clusters/defaultProfile";
import { defaultSuperclassRules } from "../../src/core/clusters/defaultSuperclassRules";
import { decideRule } from "../../src/core/clusters/superclass";
import { VIGNETTES, ratingsOf, type Vignette } from "../core/clusters/vignettes";

export interface VignetteResult {
  vignette: Vignette;
  superclass: string;
  cluster: unknown;
}

export function placeVignettes(list: readonly Vignette[] = VIGNETTES): VignetteResult[] {
  const rules = defaultSuperclassRules();
  const profile = defaultProfile();
  return list.map((v) => {
    const ratings = ratingsOf(v);
    const r = Uint8Array.from(ratings, (x) => (x > 4 ? 5 : x));
    const j = decideRule(rules, r, 0);
    const superclass = j < 0 ? "?" : rules.rules[j].superclass;
    const [cluster] = allocateRange([ratings], null, profile, rules) as unknown[];
    return { vignette: v, superclass, cluster };
  });
}

export function accuracyTable(results: VignetteResult[]): string {
  const sc = results.filter((r) => r.superclass === r.vignette.superclass).length;
  const cl = results.filter((r) => r.cluster === r.vignette.cluster).length;
  const n = results.length;
  const lines = [
    `Vignettes: ${n}; super class right ${sc}/${n} (${((100 * sc) / n).toFixed(0)}%); ` +
      `cluster right ${cl}/${n} (${((100 * cl) / n).toFixed(1)}%)`,
  ];
  for (const r of results) {
    if (r.cluster === r.vignette.cluster && r.superclass === r.vignette.superclass) continue;
    lines.push(
      `  miss ${r.vignette.id}: expected ${r.vignette.superclass}/${r.vignette.cluster}, got ` +
        `${r.superclass}/${String(r.cluster)} — ${r.vignette.rationale}`
    );
  }
  return lines.join("\n");
}
