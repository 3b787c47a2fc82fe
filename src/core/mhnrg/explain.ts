/** PBR.MHNRGWHY: per row [code, rule that decided, value that decided, a sentence a finance lead can read]. */
import { PbrError, type ResultCell } from "../errors";
import { isBlank } from "../values";
import type { Column } from "../args";
import { groupRow, type Grouped } from "./group";
import { mhnrgName, type MhnrgRules } from "./tables";

export const WHY_WIDTH = 4;

function sentence(rules: MhnrgRules, g: Grouped): string {
  const name = mhnrgName(g.code) ?? g.code;
  let why: string;
  switch (g.tier) {
    case "diagnosis":
      why = `Diagnosis ${g.value} decides the population group`;
      break;
    case "team type":
      why = `No diagnosis that classifies; team type ${g.value} decides the population group`;
      break;
    case "bed type":
      why = `No diagnosis that classifies; bed type ${g.value} decides the population group`;
      break;
    case "referral reason":
      why = `Neither diagnosis nor ${g.bed !== undefined || g.team === undefined ? "service" : "team type"} classifies; referral reason ${g.value} decides the population group`;
      break;
    case "MHST":
      why = `A child or young person seen by a mental health support team (${g.value})`;
      break;
    default:
      why =
        "Nothing classifies the activity (no mapped diagnosis, service or referral reason): unclassified";
  }
  if (g.cypFrom) why += `; under 18, so ${g.cypFrom} (adults only) becomes MCG`;
  else if (g.code.startsWith("MCG") && g.tier === "unclassified")
    why = "Under 18 and nothing classifies the activity: CYP - Other";
  const setting =
    g.code.endsWith("Z") && !g.code.startsWith("MCS") && !g.code.startsWith("MAZ99Z")
      ? g.code.slice(3, 5) === "97"
        ? "; no team setting, crisis referral"
        : "; setting not known"
      : "";
  void rules;
  return `${why}${setting}: ${g.code} ${name}.`;
}

export function whyRange(
  rules: MhnrgRules,
  cols: readonly Column[],
  rows: number
): ResultCell[][] | PbrError {
  const [kind, age, diag, service, reason, crisis] = cols;
  const out: ResultCell[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const k = kind.at(i);
    const d = diag.at(i);
    const s = service.at(i);
    const a = age.at(i);
    if (isBlank(k) && isBlank(d) && isBlank(s) && isBlank(a)) {
      out[i] = ["", "", "", ""];
      continue;
    }
    const g = groupRow(rules, i + 1, k, a, d, s, reason.at(i), crisis.at(i));
    out[i] = g instanceof PbrError ? [g, g, g, g] : [g.code, g.tier, g.value, sentence(rules, g)];
  }
  return out;
}
