/**
 * PBR.VARIANCE: split the change in contract value into volume and case-mix.
 *
 *   P = Σ planned activity × price          V = Σ actual activity × price
 *   planned average price  = P / ΣA_plan    actual average price = V / ΣA_act
 *   volume = (ΣA_act − ΣA_plan) × planned average price
 *   mix    = ΣA_act × (actual average price − planned average price)
 *   total  = V − P = volume + mix
 *
 * mix is computed as V − ΣA_act × planned average price (the same thing, without dividing by
 * ΣA_act), so it is 0, not an error, when there is no actual activity at all.
 * The answer is one row [volume, mix, total]. A blank activity counts as 0; a row with no planned
 * and no actual activity adds nothing, so its code and price are not looked at. Any unreadable row makes the whole answer that row's error, because a
 * total that silently left a row out would be wrong.
 */
import { PbrError, riskErrors, shapeErrors, type ResultCell } from "../errors";
import { isBlank, type CellValue } from "../values";
import { Column, readNonNegative } from "../args";
import { priceFor, readPrices } from "./prices";

export interface VarianceSplit {
  readonly volume: number;
  readonly mix: number;
  readonly total: number;
}

/** The split from totals: planned and actual activity and their values at price. */
export function splitVariance(
  planActivity: number,
  actualActivity: number,
  planValue: number,
  actualValue: number
): VarianceSplit | PbrError {
  if (planActivity === 0) return riskErrors.noPlannedActivity();
  const plannedAverage = planValue / planActivity;
  return {
    volume: (actualActivity - planActivity) * plannedAverage,
    mix: actualValue - actualActivity * plannedAverage,
    total: actualValue - planValue,
  };
}

function sameRows(arg: CellValue, what: string, rows: number): Column | PbrError {
  const col = Column.of(arg, what);
  if (col instanceof PbrError || col.length === rows) return col;
  return shapeErrors.lengthMismatch(what, col.length, "codes", rows);
}

export function varianceTable(
  codes: CellValue,
  planActivity: CellValue,
  actualActivity: CellValue,
  prices: CellValue
): ResultCell[][] | PbrError {
  const codeList = Column.of(codes, "codes");
  if (codeList instanceof PbrError) return codeList;
  const rows = codeList.length;
  // Activity is one value per code: a single value is not spread over several codes.
  const planList = sameRows(planActivity, "planActivity", rows);
  if (planList instanceof PbrError) return planList;
  const actualList = sameRows(actualActivity, "actualActivity", rows);
  if (actualList instanceof PbrError) return actualList;
  const source = readPrices(prices, rows);
  if (source instanceof PbrError) return source;

  let sumPlan = 0;
  let sumActual = 0;
  let planValue = 0;
  let actualValue = 0;
  for (let i = 0; i < rows; i++) {
    const code = codeList.at(i);
    const p = planList.at(i);
    const a = actualList.at(i);
    const row = i + 1;
    const ap = isBlank(p) ? 0 : readNonNegative(p, row, "planned activity");
    if (ap instanceof PbrError) return ap;
    const aa = isBlank(a) ? 0 : readNonNegative(a, row, "actual activity");
    if (aa instanceof PbrError) return aa;
    if (ap === 0 && aa === 0) continue; // adds nothing, so its price is not needed
    const price = priceFor(source, i, code);
    if (price instanceof PbrError) return price;
    sumPlan += ap;
    sumActual += aa;
    planValue += ap * price;
    actualValue += aa * price;
  }
  const split = splitVariance(sumPlan, sumActual, planValue, actualValue);
  if (split instanceof PbrError) return split;
  return [[split.volume, split.mix, split.total]];
}
