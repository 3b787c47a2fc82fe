/**
 * Whether a contact took place, from an attendance column: the grouper's users cost did-not-attend
 * and cancelled contacts at £0 (DOMAIN.md section 10). MHSDS records it as AttendOrDNACode (MHS201,
 * the NHS Data Dictionary's "Attended or did not attend"): 5 attended on time, 6 arrived late but
 * was seen; 2 cancelled by or for the patient, 3 did not attend, 4 cancelled or postponed by the
 * provider, 7 arrived late and could not be seen. Plain English (attended, DNA, cancelled, yes,
 * no) and TRUE/FALSE are read too; a blank cell counts as attended.
 */
import { show } from "../errors";
import type { CellValue } from "../values";

const ATTENDED = new Set(["5", "6", "attended", "yes", "y", "true", "seen"]);
const NOT_ATTENDED = new Set([
  "2",
  "3",
  "4",
  "7",
  "dna",
  "did not attend",
  "cancelled",
  "canceled",
  "no",
  "n",
  "false",
  "not attended",
]);

/** true attended, false did not attend or cancelled, or the reason the value cannot be read. */
export function readAttended(value: CellValue): boolean | string {
  if (value === null || value === undefined || value === "") return true;
  if (value === true || value === false) return value;
  const t = (typeof value === "number" ? String(value) : String(value))
    .trim()
    .toLowerCase()
    .replace(/^0(?=\d$)/, "");
  if (t === "") return true;
  if (ATTENDED.has(t)) return true;
  if (NOT_ATTENDED.has(t)) return false;
  return `attendance ${show(value)} is not an MHSDS attended-or-DNA code (5 or 6 attended; 2, 3, 4 or 7 not) or attended, DNA, cancelled, yes or no`;
}
