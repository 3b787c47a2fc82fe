// The MHSDS tables and columns the derivation views read (mhsds.mjs), and the final view's
// columns: shared by the generator (tables.sql) and the tests, which load fixtures into them.

/** The MHSDS columns the views read, with the types a loaded extract gets (tables.sql). */
export const MHSDS_TABLES: [string, [string, "text" | "int" | "date" | "timestamp"][]][] = [
  [
    "MHS101Referral",
    [
      ["Person_ID", "text"],
      ["UniqServReqID", "text"],
      ["UniqMonthID", "int"],
      ["PrimReasonReferralMH", "text"],
      ["AgeServReferRecDate", "int"],
    ],
  ],
  [
    "MHS102ServiceTypeReferredTo",
    [
      ["UniqServReqID", "text"],
      ["UniqCareProfTeamID", "text"],
      ["ServTeamTypeRefToMH", "text"],
      ["ReferClosureDate", "date"],
      ["ReferRejectionDate", "date"],
      ["UniqMonthID", "int"],
    ],
  ],
  [
    "MHS201CareContact",
    [
      ["Person_ID", "text"],
      ["UniqServReqID", "text"],
      ["UniqCareContID", "text"],
      ["UniqCareProfTeamID", "text"],
      ["CareContDate", "date"],
      ["AttendOrDNACode", "text"],
      ["UniqMonthID", "int"],
    ],
  ],
  [
    "MHS202CareActivity",
    [
      ["UniqCareContID", "text"],
      ["UniqCareActID", "text"],
    ],
  ],
  [
    "MHS501HospProvSpell",
    [
      ["Person_ID", "text"],
      ["UniqServReqID", "text"],
      ["UniqHospProvSpellID", "text"],
      ["OrgIDProv", "text"],
      ["StartDateHospProvSpell", "date"],
      ["DischDateHospProvSpell", "date"],
      ["UniqMonthID", "int"],
    ],
  ],
  [
    "MHS502WardStay",
    [
      ["UniqHospProvSpellID", "text"],
      ["UniqWardStayID", "text"],
      ["StartDateWardStay", "date"],
      ["HospitalBedTypeMH", "text"],
    ],
  ],
  [
    "MHS603ProvDiag",
    [
      ["Person_ID", "text"],
      ["UniqServReqID", "text"],
      ["ProvDiag", "text"],
      ["DiagSchemeInUse", "text"],
      ["CodedProvDiagTimestamp", "timestamp"],
    ],
  ],
  [
    "MHS604PrimDiag",
    [
      ["Person_ID", "text"],
      ["UniqServReqID", "text"],
      ["PrimDiag", "text"],
      ["DiagSchemeInUse", "text"],
      ["CodedDiagTimestamp", "timestamp"],
    ],
  ],
  [
    "mhsds_period",
    [
      ["period_start", "date"],
      ["period_end", "date"],
    ],
  ],
];

/** The final view's columns: mhnrg_input's, then the derivation's. */
export const MHSDS_OUTPUT = [
  "row_id",
  "kind",
  "age",
  "diagnosis",
  "service",
  "referral_reason",
  "crisis_referral",
  "units",
  "attendance",
  "activity_date",
  "financial_year",
  "person_id",
  "referral_id",
  "contact_id",
  "spell_id",
];
