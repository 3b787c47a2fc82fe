/**
 * The fields of a caseload export: what each holds, whether it is required, the header it gets
 * on the Caseload sheet, and the header spellings clinical-system exports use for it.
 */
import { ITEMS } from "../clusters/items";

export type FieldKind = "id" | "cluster" | "date" | "days" | "text" | "rating";

export interface CaseloadField {
  /** Stable key: "id", "cluster", "start", "end", "admittedDays", "team", "commissioner", "step", "item1"…"itemE". */
  readonly key: string;
  /** Name in messages and the mapping step ("start date", "MHCT item 6"). */
  readonly label: string;
  /** Header on the Caseload sheet. */
  readonly column: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  /** Header spellings (compared after `matchKey`: lower case, letters and digits only). */
  readonly synonyms: readonly string[];
}

const base: CaseloadField[] = [
  {
    key: "id",
    label: "ID",
    column: "ID",
    kind: "id",
    required: true,
    synonyms: [
      "id",
      "referralid",
      "referral",
      "referralno",
      "referralnumber",
      "pseudoid",
      "pseudonymisedid",
      "pseudonymid",
      "pseudonymizedid",
      "pseudonhsnumber",
      "pseudonymisednhsnumber",
      "patientid",
      "patientpseudoid",
      "personid",
      "clientid",
      "serviceuserid",
      "suid",
      "localpatientid",
      "localid",
      "pid",
      "recordid",
      "caseid",
      "episodeid",
      "anonid",
      "anonymisedid",
      "uniqueid",
      "identifier",
      "patientidentifier",
      "rioid",
      "systmoneid",
      "mrn",
    ],
  },
  {
    key: "cluster",
    label: "cluster",
    column: "Cluster",
    kind: "cluster",
    required: true,
    synonyms: [
      "cluster",
      "carecluster",
      "clustercode",
      "careclustercode",
      "mhcluster",
      "mhcarecluster",
      "currentcluster",
      "pbrcluster",
      "allocatedcluster",
      "assignedcluster",
      "finalcluster",
      "clusterno",
      "clusternumber",
      "clusterid",
      "mhctcluster",
      "clusterallocated",
      "clusterassigned",
      "recordedcluster",
      "currency",
      "currencycode",
      "clustercurrency",
    ],
  },
  {
    key: "start",
    label: "start date",
    column: "Start date",
    kind: "date",
    required: true,
    synonyms: [
      "start",
      "startdate",
      "clusterstartdate",
      "clusterstart",
      "careclusterstartdate",
      "periodstart",
      "periodstartdate",
      "clusterperiodstart",
      "clusterperiodstartdate",
      "carestartdate",
      "clusterassigneddate",
      "clusterassignmentdate",
      "clusterdate",
      "clusteringdate",
      "assessmentdate",
      "clusterassessmentdate",
      "fromdate",
      "datefrom",
      "from",
      "datestarted",
      "clusterstarted",
    ],
  },
  {
    key: "end",
    label: "end date",
    column: "End date",
    kind: "date",
    required: false,
    synonyms: [
      "end",
      "enddate",
      "clusterenddate",
      "clusterend",
      "careclusterenddate",
      "periodend",
      "periodenddate",
      "clusterperiodend",
      "clusterperiodenddate",
      "careenddate",
      "todate",
      "dateto",
      "to",
      "dateended",
      "clusterended",
      "clusterclosedate",
      "clustercloseddate",
      "closedate",
      "closeddate",
      "dischargedate",
    ],
  },
  {
    key: "admittedDays",
    label: "admitted days",
    column: "Admitted days",
    kind: "days",
    required: false,
    synonyms: [
      "admitteddays",
      "daysadmitted",
      "inpatientdays",
      "beddays",
      "occupiedbeddays",
      "inpatientbeddays",
      "admissiondays",
      "ipdays",
      "admitteddayscount",
      "numberofadmitteddays",
      "admittedclusterdays",
      "admitted",
    ],
  },
  {
    key: "team",
    label: "team",
    column: "Team",
    kind: "text",
    required: false,
    synonyms: [
      "team",
      "nhsteam",
      "teamname",
      "careteam",
      "serviceteam",
      "service",
      "teamcode",
      "responsibleteam",
      "caseloadteam",
      "clinicalteam",
      "servicename",
      "referralteam",
      "referralservice",
      "teamservice",
      "unit",
      "ward",
    ],
  },
  {
    key: "commissioner",
    label: "commissioner",
    column: "Commissioner",
    kind: "text",
    required: false,
    synonyms: [
      "commissioner",
      "commissionercode",
      "commissionername",
      "commissionerorg",
      "commissionerorganisation",
      "commissioningorganisation",
      "orgcodecommissioner",
      "ccg",
      "ccgcode",
      "ccgname",
      "icb",
      "icbcode",
      "icbname",
      "subicb",
      "subicbcode",
      "subicblocation",
      "purchaser",
      "payer",
    ],
  },
  {
    key: "step",
    label: "step",
    column: "Step",
    kind: "text",
    required: false,
    synonyms: [
      "step",
      "rasstep",
      "budgetstep",
      "needstep",
      "carestep",
      "supportstep",
      "stepno",
      "stepnumber",
      "steplevel",
      "rasband",
      "rasstepno",
      "budgetband",
      "allocationstep",
      "resourcestep",
      "personalbudgetstep",
    ],
  },
];

/**
 * How trust exports name the historical items A–E (SARN = Summary Assessment of Risk and Need):
 * "SARN A", "SARN item A", "Summary Assessment Scale A", "Historical A".
 */
const HISTORICAL_PREFIXES = [
  "sarn",
  "sarnitem",
  "sarnscale",
  "summaryassessment",
  "summaryassessmentitem",
  "summaryassessmentscale",
  "summaryassessmentofriskandneed",
  "summaryassessmentofriskandneeditem",
  "historical",
  "historicalitem",
  "historicalscale",
];

/** The 18 MHCT items as fields "item1"…"item13", "itemA"…"itemE" (matched by `itemHeaderIndex`). */
const items: CaseloadField[] = ITEMS.map((item) => ({
  key: `item${item.id}`,
  label: `MHCT item ${item.id}`,
  column: `MHCT ${item.id}`,
  kind: "rating" as const,
  required: false,
  synonyms: [
    ...[item.name, item.short].map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, "")),
    ...(/^[A-E]$/.test(item.id)
      ? HISTORICAL_PREFIXES.map((p) => `${p}${item.id.toLowerCase()}`)
      : []),
  ],
}));

export const CASELOAD_FIELDS: readonly CaseloadField[] = [...base, ...items];
/** Index of the first MHCT item in CASELOAD_FIELDS. */
export const FIRST_ITEM_FIELD = base.length;

export function fieldByKey(key: string): CaseloadField | undefined {
  return CASELOAD_FIELDS.find((f) => f.key === key);
}
