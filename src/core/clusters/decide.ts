/**
 * PBR.CLUSTERSUPERCLASS: the super class the rules decide for each row of ratings, and why, as
 * [super class, reason] rows. Blank rows give blank rows; rows with too few ratings give the
 * same error as PBR.CLUSTER.
 */
import { PbrError, type ResultCell } from "../errors";
import type { Grid } from "../values";
import { checkRatingsShape, eachRow } from "./allocate";
import type { Profile } from "./profile";
import { decideRule, describeDecision, type SuperclassRules } from "./superclass";

export function decideSuperclassRange(
  ratings: Grid,
  rules: SuperclassRules,
  profile: Profile
): ResultCell[][] | PbrError {
  const shape = checkRatingsShape(ratings);
  if (shape) return shape;
  const reasons: string[] = new Array<string>(ratings.length).fill("");
  const classes = eachRow(ratings, profile, (i, _known, _scorer, r) => {
    const j = decideRule(rules, r, 0);
    reasons[i] = describeDecision(rules, j, r);
    return j < 0 ? "Z" : rules.rules[j].superclass;
  });
  return classes.map((c, i) => (c instanceof PbrError ? [c, c] : [c, reasons[i]]));
}
