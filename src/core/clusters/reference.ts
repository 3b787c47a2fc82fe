/**
 * Care cluster reference data: codes and names (NHS Data Dictionary), super classes and maximum
 * review periods (Monitor/NHS England 2014/15 guidance, as tabulated by Jacobs et al. 2019).
 */
import { edate } from "../dates";

export type SuperClass = "A" | "B" | "C" | "Z";
export type ReviewPeriod = "4 weeks" | "12 weeks" | "15 weeks" | "6 months" | "annual";

export interface ClusterInfo {
  readonly code: number;
  readonly name: string;
  readonly superclass: SuperClass;
  readonly review: ReviewPeriod;
}

const row = (
  code: number,
  name: string,
  superclass: SuperClass,
  review: ReviewPeriod
): ClusterInfo => ({
  code,
  name,
  superclass,
  review,
});

export const CLUSTERS: readonly ClusterInfo[] = [
  row(0, "Variance (unable to assign a cluster)", "Z", "6 months"),
  row(1, "Common Mental Health Problems (Low Severity)", "A", "12 weeks"),
  row(2, "Common Mental Health Problems (Low Severity with Greater Need)", "A", "15 weeks"),
  row(3, "Non-Psychotic (Moderate Severity)", "A", "6 months"),
  row(4, "Non-Psychotic (Severe)", "A", "6 months"),
  row(5, "Non-Psychotic Disorders (Very Severe)", "A", "6 months"),
  row(6, "Non-Psychotic Disorder of Over-Valued Ideas", "A", "6 months"),
  row(7, "Enduring Non-Psychotic Disorders (High Disability)", "A", "annual"),
  row(8, "Non-Psychotic Chaotic and Challenging Disorders", "A", "annual"),
  row(10, "First Episode Psychosis", "B", "annual"),
  row(11, "Ongoing Recurrent Psychosis (Low Symptoms)", "B", "annual"),
  row(12, "Ongoing or Recurrent Psychosis (High Disability)", "B", "annual"),
  row(13, "Ongoing or Recurrent Psychosis (High Symptoms and Disability)", "B", "annual"),
  row(14, "Psychotic Crisis", "B", "4 weeks"),
  row(15, "Severe Psychotic Depression", "B", "4 weeks"),
  row(16, "Dual Diagnosis", "B", "6 months"),
  row(17, "Psychosis and Affective Disorder (Difficult to Engage)", "B", "6 months"),
  row(18, "Cognitive Impairment (Low Need)", "C", "annual"),
  row(19, "Cognitive Impairment or Dementia Complicated (Moderate Need)", "C", "6 months"),
  row(20, "Cognitive Impairment or Dementia Complicated (High Need)", "C", "6 months"),
  row(
    21,
    "Cognitive Impairment or Dementia Complicated (High Physical or Engagement)",
    "C",
    "6 months"
  ),
];

/** Cluster code 99 ("not clustered" in reference-cost returns): recorded, but not a cluster. */
export const NOT_CLUSTERED = 99;
/** Cluster 9 was never in use: a record may hold it, but it is not a cluster. */
export const CLUSTER_NINE = 9;

const BY_CODE: (ClusterInfo | undefined)[] = [];
for (const c of CLUSTERS) BY_CODE[c.code] = c;

/** Reference data for a cluster code, or undefined for 9, 99 and anything else unknown. */
export function clusterInfo(code: number): ClusterInfo | undefined {
  return Number.isInteger(code) && code >= 0 && code <= 21 ? BY_CODE[code] : undefined;
}

/** Codes a profile may describe: every cluster except 0 (variance). */
export const ALLOCATABLE_CODES: readonly number[] = CLUSTERS.filter((c) => c.code !== 0).map(
  (c) => c.code
);

export const SUPERCLASS_NAMES: Readonly<Record<"A" | "B" | "C", string>> = {
  A: "non-psychotic",
  B: "psychotic",
  C: "organic",
};

/**
 * How many days "6 months" and "annual" review periods count as. The guidance states them as
 * calendar periods; costing needs a number of days, so it is a visible setting.
 */
export interface ReviewDaySettings {
  halfYearDays: number; // 182, 182.5 or 183
  yearDays: number; // 365, 365.25 or 366
}

export const DEFAULT_REVIEW_DAYS: ReviewDaySettings = { halfYearDays: 182, yearDays: 365 };
export const HALF_YEAR_CHOICES: readonly number[] = [182, 182.5, 183];
export const YEAR_CHOICES: readonly number[] = [365, 365.25, 366];

export function reviewDays(
  info: ClusterInfo,
  settings: ReviewDaySettings = DEFAULT_REVIEW_DAYS
): number {
  switch (info.review) {
    case "4 weeks":
      return 28;
    case "12 weeks":
      return 84;
    case "15 weeks":
      return 105;
    case "6 months":
      return settings.halfYearDays;
    case "annual":
      return settings.yearDays;
  }
}

/** Date the maximum review period ends: weeks add days; months add calendar months (EDATE). */
export function reviewDue(info: ClusterInfo, start: number): number {
  switch (info.review) {
    case "6 months":
      return edate(start, 6);
    case "annual":
      return edate(start, 12);
    default:
      return Math.floor(start) + reviewDays(info);
  }
}
