/**
 * PBR.RASPOINTS: the points-based alternative to stepped budgets.
 *   budget = points × envelope × (1 − contingency) / totalPoints
 * totalPoints is the cohort's total (give it yourself, e.g. =SUM of the points column), so the
 * budgets add up to envelope × (1 − contingency) when the points given add up to totalPoints.
 */
import { PbrError } from "../errors";
import { NumberColumn } from "../results";
import { readColumns, readNonNegative, readNumbers } from "../args";
import { isBlank, type CellValue } from "../values";
import { CONTINGENCY, ENVELOPE, TOTAL_POINTS } from "./inputs";

export function rasPointsRange(
  points: CellValue,
  envelope: CellValue,
  totalPoints: CellValue,
  contingency: CellValue
): NumberColumn | PbrError {
  const nums = readNumbers(
    [envelope, totalPoints, contingency],
    [ENVELOPE, TOTAL_POINTS, CONTINGENCY]
  );
  if (nums instanceof PbrError) return nums;
  const [env, total, held] = nums;
  const read = readColumns([[points, "points"]]);
  if (read instanceof PbrError) return read;
  const [pts] = read.cols;
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
