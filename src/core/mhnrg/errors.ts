/** Messages for the resource-group functions: each names the row, the value and what was expected. */
import { PbrError, outOfRange, show } from "../errors";

const valueError = (m: string) => new PbrError("#VALUE!", m);
const notFound = (m: string) => new PbrError("#N/A", m);

export const mhnrgErrors = {
  badKind: (row: number, value: unknown) =>
    valueError(`row ${row}: kind ${show(value)} is not "contact" or "spell" (a spell's bed days)`),
  ageNotNumber: (row: number, value: unknown) =>
    valueError(
      `row ${row}: age ${show(value)} is not a number of years (leave it blank for an adult)`
    ),
  ageOutOfRange: (row: number, value: unknown) =>
    outOfRange(`row ${row}: age`, value, "an age in years from 0 to 130"),
  badDiagnosis: (row: number, value: unknown) =>
    valueError(
      `row ${row}: diagnosis ${show(value)} is not an ICD-10 code (a letter and two digits, e.g. F20 or F20.0)`
    ),
  // Not a code at all (#VALUE!). A valid MHSDS code that no rule lists is unclassified instead.
  notTeam: (row: number, value: unknown) =>
    valueError(
      `row ${row}: team type ${show(value)} is not an MHSDS service team type (ServTeamTypeRefToMH, e.g. A05, A14, C10, F01)`
    ),
  notBed: (row: number, value: unknown) =>
    valueError(
      `row ${row}: bed type ${show(value)} is not an MHSDS hospital bed type (MHAdmittedPatientClass: v5 10–40, v6 200–213 or 300–311)`
    ),
  notReason: (row: number, value: unknown) =>
    valueError(
      `row ${row}: referral reason ${show(value)} is not an MHSDS primary reason for referral (PrimReasonReferralMH 01–31)`
    ),
  badFlag: (row: number, what: string, value: unknown) =>
    valueError(`row ${row}: ${what} ${show(value)} is not TRUE or FALSE (Y/N, YES/NO or 1/0)`),
  unknownCode: (row: number, value: unknown) =>
    notFound(
      `row ${row}: ${show(value)} is not a mental health resource group code (e.g. MAA98A, MAB96A, MAZ99Z)`
    ),
  specialisedSpell: (row: number, bed: string, code: string) =>
    notFound(
      `row ${row}: a MAZ99Z spell on bed type ${bed} is priced as ${code}, a specialised service (out of scope: commissioned by NHS England) with no indicative price; give fallback TRUE to price it at MBU98Z`
    ),
  specialised: (row: number, code: string) =>
    notFound(
      `row ${row}: ${code} is a specialised service (out of scope: commissioned by NHS England) and has no indicative price; give fallback TRUE to price it at its group's nearest priced setting`
    ),
  noPrice: (row: number, code: string) =>
    notFound(
      `row ${row}: no price for ${code} or any fallback (group Z setting, MBU same setting, MBU Z)`
    ),
  rulesHeader: (found: string) =>
    valueError(
      `resource group rules must have the header Kind | Code | Population | Setting group | Setting | Crisis; found ${found}`
    ),
  rulesRow: (row: number, problem: string) =>
    valueError(`resource group rules row ${row}: ${problem}`),
};
