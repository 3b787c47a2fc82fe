/**
 * The columns of an activity extract, by header: one table of MHSDS names and plain English for
 * each field of the resource-group journey, shared by the task pane's Resource groups journey and
 * the pbr-toolkit command, so both recognise the same headers.
 */
import { headerKey } from "../values";

export type ActivityField =
  "kind" | "age" | "diagnosis" | "team" | "bed" | "reason" | "crisis" | "units" | "attendance";

/**
 * MHSDS-style and everyday header names for each column, matched ignoring case, spaces, _ and -:
 * ServTeamTypeRefToMH (MHS102) for a contact's team type, HospitalBedTypeMH (MHS502) or
 * MHAdmittedPatientClass for a spell's bed type, AttendOrDNACode (MHS201) for attendance.
 */
export const ACTIVITY_SYNONYMS: Record<ActivityField, string[]> = {
  kind: ["kind", "activitytype", "activity", "type", "contactorspell"],
  age: [
    "age",
    "ageatcarecontact",
    "agecarecontdate",
    "ageatcontact",
    "ageatadmission",
    "agerepperend",
    "ageyears",
  ],
  diagnosis: [
    "diagnosis",
    "primdiag",
    "primarydiagnosis",
    "icd10",
    "icd10code",
    "primarydiagnosiscode",
    "diag",
    "diagcode",
  ],
  team: [
    "teamtype",
    "servteamtypereftomh",
    "servteamtyperefttomh",
    "servteamtypemh",
    "serviceteamtype",
    "teamtypecode",
    "serviceteamtypereferredto",
    "team",
  ],
  bed: [
    "bedtype",
    "hospitalbedtypemh",
    "mhadmittedpatientclass",
    "admittedpatientclass",
    "hospitalbedtype",
    "bedtypecode",
    "wardbedtype",
  ],
  reason: ["referralreason", "primreasonreferralmh", "primaryreferralreason", "reasonforreferral"],
  crisis: ["crisis", "crisisreferral", "iscrisisreferral", "urgent"],
  attendance: [
    "attendance",
    "attendordnacode",
    "attendedordidnotattend",
    "attended",
    "attendancestatus",
    "attendstatus",
    "dna",
  ],
  units: [
    "units",
    "contacts",
    "beddays",
    "beddayscount",
    "days",
    "count",
    "activitycount",
    "quantity",
    "beddaysinyear",
    "numberofcontacts",
  ],
};

/** Index of the column for a field, or -1. */
export function guessActivityColumn(header: readonly string[], field: ActivityField): number {
  const keys = header.map(headerKey);
  for (const s of ACTIVITY_SYNONYMS[field]) {
    const i = keys.indexOf(s.replace(/\s+/g, ""));
    if (i >= 0) return i;
  }
  return -1;
}

/** The fields in the order a reader meets them. */
export const ACTIVITY_FIELDS = Object.keys(ACTIVITY_SYNONYMS) as ActivityField[];
