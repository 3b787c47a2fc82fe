/**
 * PBR.RASPOINTS: the points-based alternative to stepped budgets.
 *   budget = points × envelope × (1 − contingency) / totalPoints
 * totalPoints is the cohort's total (give it yourself, e.g. =SUM of the points column), so the
 * budgets add up to envelope × (1 − contingency) when the points given add up to totalPoints.
 */
import { PbrError } from "../errors";
import { NumberColumn } from "../results";
import { COLUMN, readArgs, readNonNegative } from "../args";
import { isBlank, type CellValue } from "../values";
import { CONTINGENCY, ENVELOPE, TOTAL_POINTS } from "./inputs";

const RAS_POINTS = {
  envelope: ENVELOPE,
  totalPoints: TOTAL_POINTS,
  contingency: CONTINGENCY,
  points: COLUMN,
};

export function rasPointsRange(
  points: CellValue,
  envelope: CellValue,
  totalPoints: CellValue,
  contingency: CellValue
): NumberColumn | PbrError {
  const read = readArgs(RAS_POINTS, { envelope, totalPoints, contingency, points });
  if (read instanceof PbrError) return read;
  const { envelope: env, totalPoints: total, contingency: held, points: pts } = read;
  const perPoint = (env * (1 - held)) / total;
  const out = new NumberColumn(read.rows);
  for (let i = 0; i < read.rows; i++) {
    const p = pts.at(i);
    if (isBlank(p)) {
      out.setBlank(i);
      continue;
    }
    const n = readNonNegative(p, i + 1, "points");
    out.set(i, typeof n === "number" ? n * perPoint : n);
  }
  return out;
}
