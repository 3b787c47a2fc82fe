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
import { PbrError, riskErrors, type ResultCell } from "../errors";
import { isBlank, toColumn, type CellValue } from "../values";
import { readAmount } from "./args";
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

export function varianceTable(
  codes: CellValue,
  planActivity: CellValue,
  actualActivity: CellValue,
  prices: CellValue
): ResultCell[][] | PbrError {
  const codeList = toColumn(codes, "codes");
  if (codeList instanceof PbrError) return codeList;
  const planList = toColumn(planActivity, "planActivity");
  if (planList instanceof PbrError) return planList;
  const actualList = toColumn(actualActivity, "actualActivity");
  if (actualList instanceof PbrError) return actualList;
  const rows = codeList.length;
  if (planList.length !== rows)
    return riskErrors.columnLengths("planActivity", planList.length, "codes", rows);
  if (actualList.length !== rows)
    return riskErrors.columnLengths("actualActivity", actualList.length, "codes", rows);
  const source = readPrices(prices);
  if (source instanceof PbrError) return source;
  if (source.kind === "column" && source.values.length !== 1 && source.values.length !== rows) {
    return riskErrors.columnLengths("prices", source.values.length, "codes", rows);
  }

  let sumPlan = 0;
  let sumActual = 0;
  let planValue = 0;
  let actualValue = 0;
  for (let i = 0; i < rows; i++) {
    const code = codeList[i];
    const p = planList[i];
    const a = actualList[i];
    const row = i + 1;
    const ap = isBlank(p) ? 0 : readAmount(p, row, "planned activity");
    if (ap instanceof PbrError) return ap;
    const aa = isBlank(a) ? 0 : readAmount(a, row, "actual activity");
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
