/**
 * PBR.RASPOINTS: the points-based alternative to stepped budgets.
 *   budget = points × envelope × (1 − contingency) / totalPoints
 * totalPoints is the cohort's total (give it yourself, e.g. =SUM of the points column), so the
 * budgets add up to envelope × (1 − contingency) when the points given add up to totalPoints.
 */
import { PbrError } from "../errors";
import { NumberColumn } from "../results";
import { COLUMN, readArgs, readNonNegative, type ArgValues } from "../args";
import { CONTINGENCY, ENVELOPE, TOTAL_POINTS } from "./inputs";

/** PBR.RASPOINTS's arguments, in its order. */
export const RAS_POINTS = {
  points: COLUMN,
  envelope: ENVELOPE,
  totalPoints: TOTAL_POINTS,
  contingency: CONTINGENCY,
};

/** PBR.RASPOINTS per person; blank points give blank rows. */
export function rasPointsRange(values: ArgValues<typeof RAS_POINTS>): NumberColumn | PbrError {
  const read = readArgs(RAS_POINTS, values);
  if (read instanceof PbrError) return read;
  const { envelope: env, totalPoints: total, contingency: held, points: pts } = read;
  const perPoint = (env * (1 - held)) / total;
  return NumberColumn.map(pts, (p, row) => {
    const n = readNonNegative(p, row, "points");
    return typeof n === "number" ? n * perPoint : n;
  });
}
