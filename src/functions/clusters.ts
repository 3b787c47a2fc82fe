/* Care cluster functions: PBR.CLUSTER and companions. Each one coerces Excel values, calls core and
   maps results back; the rules live in src/core/clusters. */
import { PbrError } from "../core/errors";
import {
  allocateRange,
  candidatesFor,
  checkRange,
  checkRatingsShape,
  fitRange,
} from "../core/clusters/allocate";
import type { Grid } from "../core/values";
import {
  nameRange,
  reviewDaysRange,
  reviewDueRange,
  superclassRange,
} from "../core/clusters/codes";
import { guard, guardRows, spillColumn, spillTable, whenOk } from "./host";
import type { Profile } from "../core/clusters/profile";
import type { SuperclassRules } from "../core/clusters/superclass";
import { profileArg } from "./profileArg";
import { rulesArg } from "./rulesArg";
import { decideSuperclassRange } from "../core/clusters/decide";
import { checkCounts } from "../core/clusters/checkCounts";
import { defaultProfile } from "../core/clusters/defaultProfile";

/**
 * The ratings' shape checked, then the profile and super class rules read, then `run`; the first
 * problem is the whole answer. The ratings come first, as they are the first argument:
 * =PBR.CLUSTER(1,2,3,4) is about its 1-column ratings, not the profile's header.
 */
function withModel<T>(
  ratings: unknown,
  profile: unknown,
  rules: unknown,
  run: (p: Profile, r: SuperclassRules | null) => T | PbrError
): T | PbrError {
  const shape = checkRatingsShape(ratings as Grid);
  if (shape) return shape;
  return whenOk(profileArg(profile), (p) => whenOk(rulesArg(rules, profile), (r) => run(p, r)));
}

/**
 * Suggests the care cluster for each row of MHCT ratings: super class first, then the best-fitting cluster inside it (decision support: the clinician decides). Uses the built-in INDICATIVE profile and super class rules unless you give your own.
 * @example =PBR.CLUSTER({0,1,1,0,1,0,3,2,2,1,1,2,0,0,0,0,1,1}) → 3 — moderate depression with occasional self-harm thoughts (items 1–13, then A–E)
 * @customfunction CLUSTER
 * @param {any[][]} ratings 18 columns of MHCT ratings in tool order (items 1–13 then A–E), one person per row. 0–4, 9 or blank for not known.
 * @param {any[][]} [superclass] Optional super class to choose within: A (non-psychotic), B (psychotic) or C (organic). One value or a column. Blank: decided by the rules.
 * @param {any[][]} [profile] Optional profile table (Cluster | Item | 0 | 1 | 2 | 3 | 4 with R/O/Y cells). Omit to use the built-in indicative profile.
 * @param {any[][]} [rules] Optional super class rules (Rule | Super class | When | Reason), or FALSE for none. Omitted: the built-in indicative rules with the built-in profile; none with your own profile.
 * @returns {any[][]} The suggested cluster code per row; 0 (variance) when no cluster passes its red rules or the super class cannot be told.
 */
export function cluster(
  ratings: any[][],
  superclass?: any[][],
  profile?: any[][],
  rules?: any[][]
): any[][] {
  return guardRows([ratings, superclass], () =>
    spillColumn(
      withModel(ratings, profile, rules, (p, r) => allocateRange(ratings, superclass, p, r))
    )
  );
}

/**
 * The super class the ratings point to (A non-psychotic, B psychotic, C organic, Z cannot tell) and the rule and ratings that decided it, per row. Uses the built-in INDICATIVE rules unless you give your own.
 * @example =PBR.CLUSTERSUPERCLASS({0,1,1,0,1,0,3,2,2,1,1,2,0,0,0,0,1,1}) → "A" | "A (non-psychotic) by rule 7: no rating points to an organic or psychotic origin: non-psychotic"
 * @customfunction CLUSTERSUPERCLASS
 * @param {any[][]} ratings 18 columns of MHCT ratings (items 1–13 then A–E), one person per row.
 * @param {any[][]} [rules] Optional super class rules: a table Rule | Super class | When | Reason (e.g. When "4 >= 3; 6 <= 2"), tried in order. Omit for the built-in indicative rules.
 * @returns {any[][]} Rows of [super class, reason].
 */
export function clustersuperclass(ratings: any[][], rules?: any[][]): any[][] {
  return guardRows([ratings], () => {
    const r = rulesArg(rules, null);
    if (r instanceof PbrError) return spillTable(r);
    if (r === null)
      return spillTable(
        new PbrError(
          "#VALUE!",
          "rules FALSE: give a rules range, or omit it for the built-in rules"
        )
      );
    return spillTable(decideSuperclassRange(ratings, r, defaultProfile()));
  });
}

/**
 * How well each row of ratings fits a cluster, from 0 to 1 (points: 2 for an essential or expected rating, 1 for a possible one, over 2 per known rating).
 * @example =PBR.CLUSTERFIT({0,1,1,0,1,0,3,2,2,1,1,2,0,0,0,0,1,1}, 3) → 1 — every rating fits cluster 3's profile
 * @customfunction CLUSTERFIT
 * @param {any[][]} ratings 18 columns of MHCT ratings (items 1–13 then A–E), one person per row.
 * @param {any[][]} cluster The cluster to score against: one code or a column matching the rows.
 * @param {any[][]} [profile] Optional profile table. Omit to use the built-in indicative profile.
 * @returns {any[][]} Fit from 0 to 1 per row.
 */
export function clusterfit(ratings: any[][], cluster: any[][], profile?: any[][]): any[][] {
  return guardRows([ratings, cluster], () =>
    spillColumn(
      checkRatingsShape(ratings) ??
        whenOk(profileArg(profile), (p) => fitRange(ratings, cluster, p))
    )
  );
}

/**
 * The best-fitting clusters that pass their red rules for one person's ratings, best first, as rows of cluster and fit; with detail, the margin to the next, the ratings for and against, unknown items and why the super class was chosen.
 * @example =PBR.CLUSTERCANDIDATES({0,1,1,0,1,0,3,2,2,1,1,2,0,0,0,0,1,1}, 2) → 3 | 1 — first row; the second is cluster 2 with fit 0.94
 * @customfunction CLUSTERCANDIDATES
 * @param {any[][]} ratings One row of 18 MHCT ratings (items 1–13 then A–E).
 * @param {any} [count] How many candidates to list (1–20, default 3). Unused rows are blank.
 * @param {any[][]} [profile] Optional profile table. Omit to use the built-in indicative profile.
 * @param {any[][]} [rules] Optional super class rules, or FALSE for none. Omitted: the built-in rules with the built-in profile (candidates inside the decided super class); none with your own profile.
 * @param {any} [detail] TRUE for seven columns: cluster, fit, margin over the next, items for (item=rating), items against, items not known, super class reason.
 * @returns {any[][]} Rows of [cluster, fit], best first (fit 0–1: format as %).
 */
export function clustercandidates(
  ratings: any[][],
  count?: any,
  profile?: any[][],
  rules?: any[][],
  detail?: any
): any[][] {
  return guard(() =>
    spillTable(
      withModel(ratings, profile, rules, (p, r) => candidatesFor(ratings, count, p, r, detail))
    )
  );
}

/**
 * Audits recorded clusters against ratings: OK, or a short reason naming the first broken red rule and the best-fitting alternative.
 * @example =PBR.CLUSTERCHECK({0,1,1,0,1,0,3,2,2,1,1,2,0,0,0,0,1,1}, 10) → "Broken: item 6 (hallucinations and delusions) rated 0; cluster 10 needs 2–4. The ratings point to non-psychotic (rule 7); best fit there: cluster 3 (fit 100%)"
 * @customfunction CLUSTERCHECK
 * @param {any[][]} ratings 18 columns of MHCT ratings (items 1–13 then A–E), one person per row.
 * @param {any[][]} recorded The cluster recorded for each person: one code or a column matching the rows.
 * @param {any[][]} [profile] Optional profile table. Omit to use the built-in indicative profile.
 * @param {any[][]} [rules] Optional super class rules, or FALSE for none. Omitted: the built-in rules with the built-in profile; none with your own profile.
 * @returns {any[][]} "OK", or a sentence starting Broken:, Unconfirmed:, Super class:, Variance: or Not clustered:.
 */
export function clustercheck(
  ratings: any[][],
  recorded: any[][],
  profile?: any[][],
  rules?: any[][]
): any[][] {
  return guardRows([ratings, recorded], () =>
    spillColumn(withModel(ratings, profile, rules, (p, r) => checkRange(ratings, recorded, p, r)))
  );
}

/**
 * Counts PBR.CLUSTERCHECK's answers by group (recorded cluster, team…) in one pass: per group how many are OK, Broken, Unconfirmed, Super class, Variance, Not clustered and Too few ratings, then Other and People, with an All row last.
 * @example =PBR.CHECKCOUNTS({"OK";"Broken: item 6 rated 0";"OK"}, {3;3;11}) → 3 | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 2 — first row: cluster 3, one OK and one Broken of 2 people; then 11, then All
 * @customfunction CHECKCOUNTS
 * @param {any[][]} checks A column of PBR.CLUSTERCHECK answers (a result is read from how the text starts, e.g. "Broken:").
 * @param {any[][]} [groups] Optional column to count by, matching checks (recorded cluster, team). Numbers ascending, then text (case ignored), then (blank). Omit for the All row only.
 * @returns {any[][]} One row per group: group, OK, Broken, Unconfirmed, Super class, Variance, Not clustered, Too few ratings, Other, People; the last row is All.
 */
export function checkcounts(checks: any[][], groups?: any[][]): any[][] {
  return guard(() => spillTable(checkCounts(checks, groups)));
}

/**
 * The NHS Data Dictionary name of each care cluster code.
 * @example =PBR.CLUSTERNAME(14) → "Psychotic Crisis"
 * @customfunction CLUSTERNAME
 * @param {any[][]} code Cluster code (0–8, 10–21), one value or a column.
 * @returns {any[][]} The cluster name per row.
 */
export function clustername(code: any[][]): any[][] {
  return guardRows([code], () => spillColumn(nameRange(code)));
}

/**
 * The super class of each cluster code: A non-psychotic, B psychotic, C organic, Z for 0 (variance).
 * @example =PBR.SUPERCLASS(14) → "B"
 * @customfunction SUPERCLASS
 * @param {any[][]} code Cluster code (0–8, 10–21), one value or a column.
 * @returns {any[][]} A, B, C or Z per row.
 */
export function superclass(code: any[][]): any[][] {
  return guardRows([code], () => spillColumn(superclassRange(code)));
}

/**
 * Maximum review period of each cluster in days (4 weeks 28, 12 weeks 84, 15 weeks 105, 6 months, annual).
 * @example =PBR.REVIEWDAYS(14) → 28
 * @customfunction REVIEWDAYS
 * @param {any[][]} code Cluster code (0–8, 10–21), one value or a column.
 * @param {any} [halfYearDays] Days counted for "6 months": 182 (default), 182.5 or 183.
 * @param {any} [yearDays] Days counted for "annual": 365 (default), 365.25 or 366.
 * @returns {any[][]} Days per row.
 */
export function reviewdays(code: any[][], halfYearDays?: any, yearDays?: any): any[][] {
  return guardRows([code], () => spillColumn(reviewDaysRange(code, halfYearDays, yearDays)));
}

/**
 * The date each cluster's maximum review period ends: weeks add days; 6 months and annual add calendar months like EDATE.
 * @example =PBR.REVIEWDUE(14, DATE(2025,4,1)) → 45776 — 29/04/2025 once the cell is formatted as a date
 * @customfunction REVIEWDUE
 * @param {any[][]} code Cluster code (0–8, 10–21), one value or a column.
 * @param {any[][]} startDate Cluster start date (an Excel date), one value or a column.
 * @returns {any[][]} Review due date (format the cells as dates).
 */
export function reviewdue(code: any[][], startDate: any[][]): any[][] {
  return guardRows([code, startDate], () => spillColumn(reviewDueRange(code, startDate)));
}
