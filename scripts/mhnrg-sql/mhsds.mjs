// The MHSDS derivation views: from the raw MHSDS tables as analysts have them (MHS101 referral,
// MHS102 team type, MHS201/MHS202 contacts and care activities, MHS501/MHS502 spells and ward
// stays, MHS603/MHS604 diagnoses) to the grouper's input, one row per contact or per spell piece in
// a financial year. One template for every dialect (dialects.mjs spells the dates). Each step is
// its own view, so an analyst can look at any of them; the conventions are in docs/sql.md.
import { MHSDS_TABLES } from "./mhsdsTables.ts";

export { MHSDS_OUTPUT, MHSDS_TABLES } from "./mhsdsTables.ts";

/** The views in order, as [name, SELECT] in a dialect. */
export function mhsdsViews(d) {
  const s = d.str;
  const T = (x) => `TRIM(CAST(${x} AS ${d.text}))`;
  const fyStart = (x) => `CASE WHEN ${d.month(x)} >= 4 THEN ${d.year(x)} ELSE ${d.year(x)} - 1 END`;
  const fyLabel = (y) =>
    d.cat(`CAST(${y} AS ${d.text})`, s("/"), `SUBSTRING(CAST(${y} + 1 AS ${d.text}), 3, 2)`);
  const digits = Array.from({ length: 10 }, (_, i) => `SELECT ${i} AS n`).join(" UNION ALL ");
  return [
    [
      // One row per referral: MHSDS resubmits an open referral every month; the latest month wins.
      "mhsds_referrals",
      `SELECT person_id, referral_id, referral_reason, age FROM (
  SELECT ${T("r.Person_ID")} AS person_id, ${T("r.UniqServReqID")} AS referral_id,
    COALESCE(${T("r.PrimReasonReferralMH")}, ${s("")}) AS referral_reason,
    COALESCE(CAST(r.AgeServReferRecDate AS ${d.text}), ${s("")}) AS age,
    ROW_NUMBER() OVER (PARTITION BY r.UniqServReqID ORDER BY r.UniqMonthID DESC) AS rn
  FROM MHS101Referral r
) x WHERE rn = 1`,
    ],
    [
      // One row per care contact (latest submission month), in the period, with its referral. Its
      // MHS202 care activities are counted, never joined row by row: a contact is one unit however
      // many activities it has.
      "mhsds_contacts",
      `SELECT c.person_id, c.referral_id, c.contact_id, c.team_id, c.contact_date, c.attendance,
  COALESCE(a.activities, 0) AS care_activities
FROM (
  SELECT ${T("Person_ID")} AS person_id, ${T("UniqServReqID")} AS referral_id,
    ${T("UniqCareContID")} AS contact_id, ${T("UniqCareProfTeamID")} AS team_id,
    ${d.toDate("CareContDate")} AS contact_date,
    COALESCE(${T("AttendOrDNACode")}, ${s("")}) AS attendance,
    ROW_NUMBER() OVER (PARTITION BY UniqCareContID ORDER BY UniqMonthID DESC) AS rn
  FROM MHS201CareContact
) c
  CROSS JOIN mhsds_period p
  LEFT JOIN (
    SELECT ${T("UniqCareContID")} AS contact_id, COUNT(*) AS activities
    FROM MHS202CareActivity GROUP BY ${T("UniqCareContID")}
  ) a ON a.contact_id = c.contact_id
WHERE c.rn = 1 AND c.contact_date >= p.period_start AND c.contact_date <= p.period_end`,
    ],
    [
      // The team type a contact's referral was referred to (MHS102): of the referral's teams open on
      // the contact date (not closed or rejected before it), the contact's own team first, then the
      // lowest code, so the choice never depends on the engine.
      "mhsds_contact_teams",
      `SELECT contact_id, team_type FROM (
  SELECT c.contact_id, ${T("t.ServTeamTypeRefToMH")} AS team_type,
    ROW_NUMBER() OVER (PARTITION BY c.contact_id ORDER BY
      CASE WHEN ${T("t.UniqCareProfTeamID")} = c.team_id THEN 0 ELSE 1 END,
      ${T("t.ServTeamTypeRefToMH")}) AS rn
  FROM mhsds_contacts c
    JOIN MHS102ServiceTypeReferredTo t ON ${T("t.UniqServReqID")} = c.referral_id
  WHERE (t.ReferClosureDate IS NULL OR ${d.toDate("t.ReferClosureDate")} >= c.contact_date)
    AND (t.ReferRejectionDate IS NULL OR ${d.toDate("t.ReferRejectionDate")} >= c.contact_date)
    AND t.ServTeamTypeRefToMH IS NOT NULL
) x WHERE rn = 1`,
    ],
    [
      // One row per spell: the latest submission of each UniqHospProvSpellID (an open spell is
      // resubmitted every month), then one spell per person, provider and admission date (the same
      // stay under two spell ids: the longest, then the lowest id, is kept). A same-day spell is one
      // night. Nights outside the period are not counted; an open spell runs to the period's end.
      "mhsds_spells",
      `SELECT person_id, referral_id, spell_id, provider, start_date, disch_date, night_from, night_to FROM (
  SELECT x.*,
    CASE WHEN x.start_date < p.period_start THEN p.period_start ELSE x.start_date END AS night_from,
    CASE WHEN x.night_end > ${d.addDays("p.period_end", 1)} THEN ${d.addDays("p.period_end", 1)} ELSE x.night_end END AS night_to,
    ROW_NUMBER() OVER (PARTITION BY x.person_id, x.provider, x.start_date
      ORDER BY x.night_end DESC, x.spell_id) AS same_stay
  FROM (
    SELECT ${T("h.Person_ID")} AS person_id, ${T("h.UniqServReqID")} AS referral_id,
      ${T("h.UniqHospProvSpellID")} AS spell_id, COALESCE(${T("h.OrgIDProv")}, ${s("")}) AS provider,
      ${d.toDate("h.StartDateHospProvSpell")} AS start_date,
      ${d.toDate("h.DischDateHospProvSpell")} AS disch_date,
      CASE WHEN h.DischDateHospProvSpell IS NULL THEN ${d.addDays("pp.period_end", 1)}
        WHEN ${d.toDate("h.DischDateHospProvSpell")} <= ${d.toDate("h.StartDateHospProvSpell")} THEN ${d.addDays(d.toDate("h.StartDateHospProvSpell"), 1)}
        ELSE ${d.toDate("h.DischDateHospProvSpell")} END AS night_end,
      ROW_NUMBER() OVER (PARTITION BY h.UniqHospProvSpellID ORDER BY h.UniqMonthID DESC) AS latest
    FROM MHS501HospProvSpell h CROSS JOIN mhsds_period pp
  ) x CROSS JOIN mhsds_period p
  WHERE x.latest = 1
) y WHERE same_stay = 1 AND night_from < night_to`,
    ],
    [
      // A spell's bed type: its first ward stay's (MHS502), as NHS England's admissions measures
      // join the ward stay that starts with the spell.
      "mhsds_spell_beds",
      `SELECT spell_id, bed_type FROM (
  SELECT ${T("w.UniqHospProvSpellID")} AS spell_id, ${T("w.HospitalBedTypeMH")} AS bed_type,
    ROW_NUMBER() OVER (PARTITION BY w.UniqHospProvSpellID
      ORDER BY w.StartDateWardStay, w.UniqWardStayID) AS rn
  FROM MHS502WardStay w
) x WHERE rn = 1`,
    ],
    [
      // Each spell's nights split by financial year (1 April): a night counts in the year it starts.
      "mhsds_spell_pieces",
      `SELECT s.person_id, s.referral_id, s.spell_id, s.disch_date, f.fy,
  CASE WHEN s.night_from > ${d.makeDate("f.fy", 4, 1)} THEN s.night_from ELSE ${d.makeDate("f.fy", 4, 1)} END AS piece_from,
  CASE WHEN s.night_to < ${d.makeDate("f.fy + 1", 4, 1)} THEN s.night_to ELSE ${d.makeDate("f.fy + 1", 4, 1)} END AS piece_to
FROM mhsds_spells s
  JOIN (
    SELECT DISTINCT ${fyStart("s2.night_from")} + 10 * t.n + u.n AS fy, s2.spell_id
    FROM mhsds_spells s2
      CROSS JOIN (${digits}) t
      CROSS JOIN (${digits}) u
    WHERE ${fyStart("s2.night_from")} + 10 * t.n + u.n <= ${fyStart(d.addDays("s2.night_to", -1))}
  ) f ON f.spell_id = s.spell_id`,
    ],
    [
      // Diagnoses as ICD-10 (DiagSchemeInUse 02): primary (MHS604) before provisional (MHS603).
      "mhsds_diagnoses",
      `SELECT ${T("UniqServReqID")} AS referral_id, ${T("PrimDiag")} AS diagnosis,
  ${d.toDate("CodedDiagTimestamp")} AS diag_date, 1 AS source_rank
FROM MHS604PrimDiag
WHERE ${T("DiagSchemeInUse")} IN (${s("02")}, ${s("2")}) AND PrimDiag IS NOT NULL AND CodedDiagTimestamp IS NOT NULL
UNION ALL
SELECT ${T("UniqServReqID")}, ${T("ProvDiag")}, ${d.toDate("CodedProvDiagTimestamp")}, 2
FROM MHS603ProvDiag
WHERE ${T("DiagSchemeInUse")} IN (${s("02")}, ${s("2")}) AND ProvDiag IS NOT NULL AND CodedProvDiagTimestamp IS NOT NULL`,
    ],
    [
      // The latest diagnosis of the referral on or before the activity date (a contact's date; a
      // spell's discharge, or the period's end for an open spell): primary first, then provisional.
      "mhsds_activity_diagnoses",
      `SELECT kind, activity_key, diagnosis FROM (
  SELECT a.kind, a.activity_key, g.diagnosis,
    ROW_NUMBER() OVER (PARTITION BY a.kind, a.activity_key
      ORDER BY g.source_rank, g.diag_date DESC, g.diagnosis) AS rn
  FROM (
    SELECT ${s("contact")} AS kind, contact_id AS activity_key, referral_id, contact_date AS as_of FROM mhsds_contacts
    UNION ALL
    SELECT ${s("spell")}, s.spell_id, s.referral_id, COALESCE(s.disch_date, p.period_end)
    FROM mhsds_spells s CROSS JOIN mhsds_period p
  ) a JOIN mhsds_diagnoses g ON g.referral_id = a.referral_id AND g.diag_date <= a.as_of
) x WHERE rn = 1`,
    ],
    [
      // The grouper's input: mhnrg_input's columns, then units (a contact 1, or 0 when it did not
      // take place: AttendOrDNACode 2, 3, 4 or 7; a spell piece its nights), the attendance code,
      // the activity date (a piece's first night) and financial year, and the MHSDS ids of the row.
      // A contact on a day its referral's spell pays a night for is left out (mhsds_left_out).
      "mhsds_mhnrg_input",
      `SELECT ROW_NUMBER() OVER (ORDER BY kind, person_id, referral_id, activity_date, contact_id, spell_id) AS row_id,
  kind, age, diagnosis, service, referral_reason, crisis_referral, units, attendance,
  activity_date, financial_year, person_id, referral_id, contact_id, spell_id
FROM (
  SELECT CAST(${s("contact")} AS ${d.text}) AS kind, COALESCE(r.age, ${s("")}) AS age,
    COALESCE(dg.diagnosis, ${s("")}) AS diagnosis, COALESCE(t.team_type, ${s("")}) AS service,
    COALESCE(r.referral_reason, ${s("")}) AS referral_reason, CAST(${s("")} AS ${d.text}) AS crisis_referral,
    CASE WHEN c.attendance IN (${["2", "3", "4", "7", "02", "03", "04", "07"].map(s).join(", ")}) THEN 0 ELSE 1 END AS units,
    c.attendance, c.contact_date AS activity_date,
    ${fyLabel(fyStart("c.contact_date"))} AS financial_year,
    c.person_id, c.referral_id, c.contact_id, CAST(NULL AS ${d.text}) AS spell_id
  FROM mhsds_contacts c
    LEFT JOIN mhsds_referrals r ON r.referral_id = c.referral_id
    LEFT JOIN mhsds_contact_teams t ON t.contact_id = c.contact_id
    LEFT JOIN mhsds_activity_diagnoses dg ON dg.kind = ${s("contact")} AND dg.activity_key = c.contact_id
  WHERE NOT EXISTS (SELECT 1 FROM mhsds_spells sp WHERE sp.referral_id = c.referral_id
    AND c.contact_date >= sp.night_from AND c.contact_date < sp.night_to)
  UNION ALL
  SELECT ${s("spell")}, COALESCE(r.age, ${s("")}), COALESCE(dg.diagnosis, ${s("")}),
    COALESCE(b.bed_type, ${s("")}), COALESCE(r.referral_reason, ${s("")}), ${s("")},
    ${d.dayDiff("p.piece_from", "p.piece_to")}, ${s("")}, p.piece_from,
    ${fyLabel("p.fy")},
    p.person_id, p.referral_id, NULL, p.spell_id
  FROM mhsds_spell_pieces p
    LEFT JOIN mhsds_referrals r ON r.referral_id = p.referral_id
    LEFT JOIN mhsds_spell_beds b ON b.spell_id = p.spell_id
    LEFT JOIN mhsds_activity_diagnoses dg ON dg.kind = ${s("spell")} AND dg.activity_key = p.spell_id
) u`,
    ],
    [
      // What the views leave out, with the reason: contacts inside a same-referral spell, and the
      // duplicate spells (the same stay under another spell id).
      "mhsds_left_out",
      `SELECT ${s("contact inside a spell of the same referral")} AS reason, c.person_id, c.referral_id,
  c.contact_id, sp.spell_id, c.contact_date AS activity_date
FROM mhsds_contacts c JOIN mhsds_spells sp ON sp.referral_id = c.referral_id
  AND c.contact_date >= sp.night_from AND c.contact_date < sp.night_to
UNION ALL
SELECT ${s("duplicate spell (same person and provider and admission date as a kept spell)")}, x.person_id,
  x.referral_id, NULL, x.spell_id, x.start_date
FROM (
  SELECT ${T("h.Person_ID")} AS person_id, ${T("h.UniqServReqID")} AS referral_id,
    ${T("h.UniqHospProvSpellID")} AS spell_id, COALESCE(${T("h.OrgIDProv")}, ${s("")}) AS provider,
    ${d.toDate("h.StartDateHospProvSpell")} AS start_date,
    ROW_NUMBER() OVER (PARTITION BY h.UniqHospProvSpellID ORDER BY h.UniqMonthID DESC) AS latest
  FROM MHS501HospProvSpell h
) x JOIN mhsds_spells k ON k.person_id = x.person_id AND k.provider = x.provider
  AND k.start_date = x.start_date AND k.spell_id <> x.spell_id
WHERE x.latest = 1 AND NOT EXISTS (SELECT 1 FROM mhsds_spells k2 WHERE k2.spell_id = x.spell_id)`,
    ],
  ];
}

/** views.sql: every view, in dependency order. */
export function mhsdsViewsSql(d) {
  return (
    [
      `-- MHSDS derivation views (${d.title}): from the raw MHSDS tables to the resource-group input`,
      "-- mhsds_mhnrg_input (mhnrg_input's columns plus units, attendance, activity_date, financial_year",
      "-- and the MHSDS ids). Needs the tables in tables.sql (your extracts, or views over them) and a",
      "-- one-row mhsds_period(period_start, period_end). Conventions and their sources: docs/sql.md.",
      "-- GENERATED by scripts/author-mhnrg-sql.mjs: do not edit.",
      ...mhsdsViews(d).map(([name, body]) => d.view(name, body)),
    ].join("\n") + "\n"
  );
}

/** tables.sql: the MHSDS tables with the columns the views read (to load extracts into). */
export function mhsdsTablesSql(d) {
  return (
    [
      `-- The MHSDS tables the derivation views read (${d.title}): only the columns they use; your`,
      "-- extracts may have more. Drops and re-creates them: skip this file where the tables exist.",
      "-- GENERATED by scripts/author-mhnrg-sql.mjs: do not edit.",
      // PostgreSQL will not drop a table a view reads: the views go first (views.sql makes them).
      ...(d.materializeSteps
        ? [
            `DROP VIEW IF EXISTS ${mhsdsViews(d)
              .map(([name]) => name)
              .join(", ")} CASCADE;`,
          ]
        : []),
      ...MHSDS_TABLES.map(([name, cols]) =>
        d.create(
          name,
          cols.map(([c, type]) => `${c} ${d[type]}`)
        )
      ),
    ].join("\n") + "\n"
  );
}
