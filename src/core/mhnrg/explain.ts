/** PBR.MHNRGWHY: per row [code, rule that decided, value that decided, a sentence a finance lead can read]. */
import { PbrError, type ResultCell } from "../errors";
import { groupAt, type Activity, type Grouped } from "./group";
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
        g.unlisted !== ""
          ? `Nothing classifies the activity: ${g.unlisted} is a valid MHSDS code that the rules do not list (reason not in the rules), so unclassified`
          : "Nothing classifies the activity (no mapped diagnosis, service or referral reason): unclassified";
  }
  if (g.cypFrom) why += `; under 18, so ${g.cypFrom} (adults only) becomes MCG`;
  else if (g.code.startsWith("MCG") && g.tier === "unclassified")
    why =
      g.unlisted !== ""
        ? `Under 18 and nothing classifies the activity (${g.unlisted} is a valid MHSDS code that the rules do not list): CYP - Other`
        : "Under 18 and nothing classifies the activity: CYP - Other";
  const setting =
    g.code.endsWith("Z") && !g.code.startsWith("MCS") && !g.code.startsWith("MAZ99Z")
      ? g.code.slice(3, 5) === "97"
        ? "; no team setting, crisis referral"
        : "; setting not known"
      : "";
  void rules;
  return `${why}${setting}: ${g.code} ${name}.`;
}

export function whyRange(rules: MhnrgRules, activity: Activity): ResultCell[][] {
  const out: ResultCell[][] = new Array(activity.rows);
  for (let i = 0; i < activity.rows; i++) {
    const g = groupAt(rules, activity, i);
    out[i] =
      g === null
        ? ["", "", "", ""]
        : g instanceof PbrError
          ? [g, g, g, g]
          : [g.code, g.tier, g.value, sentence(rules, g)];
  }
  return out;
}
