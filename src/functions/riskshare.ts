/* Risk-share functions: PBR.RISKSHARE and companions. Each one coerces Excel values, calls core and
   maps results back; the rules live in src/core/riskshare. */
import { blendedRange } from "../core/riskshare/blended";
import { scenariosTable } from "../core/riskshare/scenarios";
import { riskshareRange, settlementRange } from "../core/riskshare/settle";
import { varianceTable } from "../core/riskshare/variance";
import { guard, guardRows, spillColumn, spillTable } from "./host";

/**
 * What the commissioner pays under a risk-share band table: plan plus or minus the shared part of the variance, band by band, then held within the cap and collar.
 * @example =PBR.RISKSHARE(1000000, 1150000, {"From","To","Rate";0,0.03,0;0.03,0.1,0.5;0.1,"",1}) → 1085000 — £150,000 over plan: none of the first 3%, half of 3–10%, all above 10%
 * @customfunction RISKSHARE
 * @param {any[][]} plan Planned contract value P (£). One value or a column, one contract per row.
 * @param {any[][]} actual Value of actual activity at agreed prices V (£). One value or a column matching plan.
 * @param {any[][]} bands Band table with the header From | To | Rate. From and To are fractions of plan (0, 0.03, 0.1…; blank To = no upper limit); Rate is the share paid or refunded in that band (0–1).
 * @param {any[][]} [underBands] Optional separate band table for activity below plan. Omit to use the same bands both ways.
 * @param {any[][]} [cap] Optional most the payment may rise above plan, as a fraction (0.05 = plan + 5%). One value or a column.
 * @param {any[][]} [collar] Optional most the payment may fall below plan, as a fraction (0.05 = plan − 5%). One value or a column.
 * @returns {any[][]} The payment per contract row (£, not rounded).
 */
export function riskshare(
  plan: any[][],
  actual: any[][],
  bands: any[][],
  underBands?: any[][],
  cap?: any[][],
  collar?: any[][]
): any[][] {
  return guardRows([plan, actual, cap, collar], () =>
    spillColumn(riskshareRange({ plan, actual, bands, underBands, cap, collar }))
  );
}

/**
 * The settlement of a contract under a risk-share band table, as one row: payment, activity value, provider gain (payment − activity value) and change against plan (payment − plan).
 * @example =PBR.SETTLEMENT(1000000, 1150000, {"From","To","Rate";0,0.03,0;0.03,0.1,0.5;0.1,"",1}) → 1085000 | 1150000 | -65000 | 85000
 * @customfunction SETTLEMENT
 * @param {any[][]} plan Planned contract value P (£). One value or a column, one contract per row.
 * @param {any[][]} actual Value of actual activity at agreed prices V (£). One value or a column matching plan.
 * @param {any[][]} bands Band table with the header From | To | Rate (fractions of plan; blank To = no upper limit; Rate 0–1).
 * @param {any[][]} [underBands] Optional separate band table for activity below plan. Omit to use the same bands both ways.
 * @param {any[][]} [cap] Optional most the payment may rise above plan, as a fraction (0.05 = plan + 5%).
 * @param {any[][]} [collar] Optional most the payment may fall below plan, as a fraction (0.05 = plan − 5%).
 * @returns {any[][]} Per contract row: payment, activity value, provider gain (negative = activity delivered unfunded), change against plan (positive = the commissioner pays more than planned).
 */
export function settlement(
  plan: any[][],
  actual: any[][],
  bands: any[][],
  underBands?: any[][],
  cap?: any[][],
  collar?: any[][]
): any[][] {
  return guardRows([plan, actual, cap, collar], () =>
    spillTable(settlementRange({ plan, actual, bands, underBands, cap, collar }))
  );
}

/**
 * A blended payment (the 2019/20 shape): the fixed element plus a variable rate times the difference between actual and planned activity value, held within the cap and collar.
 * @example =PBR.BLENDED(800000, 1000000, 1100000, 0.2) → 820000 — fixed £800,000 plus 20% of the £100,000 over plan
 * @customfunction BLENDED
 * @param {any[][]} fixed Fixed element (£): what is paid when activity is exactly on plan. One value or a column.
 * @param {any[][]} planValue Planned activity value (£).
 * @param {any[][]} actualValue Actual activity value at agreed prices (£).
 * @param {any[][]} variableRate Share of the difference paid or refunded, 0–1 (e.g. 0.2 for 20%).
 * @param {any[][]} [cap] Optional most the payment may rise above the fixed element, as a fraction (0.05 = fixed + 5%).
 * @param {any[][]} [collar] Optional most the payment may fall below the fixed element, as a fraction (0.05 = fixed − 5%).
 * @returns {any[][]} The payment per row (£, not rounded).
 */
export function blended(
  fixed: any[][],
  planValue: any[][],
  actualValue: any[][],
  variableRate: any[][],
  cap?: any[][],
  collar?: any[][]
): any[][] {
  return guardRows([fixed, planValue, actualValue, variableRate, cap, collar], () =>
    spillColumn(blendedRange({ fixed, planValue, actualValue, variableRate, cap, collar }))
  );
}

/**
 * Sweeps one contract over a column of activity variances (e.g. −0.15 to +0.15) and settles each under the band table, as a table with a header row.
 * @example =PBR.SCENARIOS(1000000, {-0.15;0;0.15}, {"From","To","Rate";0,0.03,0;0.03,0.1,0.5;0.1,"",1}) → row 2: -0.15 | 850000 | 915000 | 65000 | -85000 — row 1 is the header
 * @customfunction SCENARIOS
 * @param {any[][]} plan Planned contract value P (£).
 * @param {any[][]} variances Column of variances as fractions of plan (−0.1 = 10% below plan, 0.05 = 5% above). Activity value = plan × (1 + variance).
 * @param {any[][]} bands Band table with the header From | To | Rate (fractions of plan; blank To = no upper limit; Rate 0–1).
 * @param {any[][]} [underBands] Optional separate band table for activity below plan. Omit to use the same bands both ways.
 * @param {any[][]} [cap] Optional most the payment may rise above plan, as a fraction (0.05 = plan + 5%).
 * @param {any[][]} [collar] Optional most the payment may fall below plan, as a fraction (0.05 = plan − 5%).
 * @returns {any[][]} Header row, then per variance: variance, activity value, payment, provider gain, change against plan.
 */
export function scenarios(
  plan: any[][],
  variances: any[][],
  bands: any[][],
  underBands?: any[][],
  cap?: any[][],
  collar?: any[][]
): any[][] {
  return guard(() =>
    spillTable(scenariosTable({ plan, variances, bands, underBands, cap, collar }))
  );
}

/**
 * Splits the change from planned to actual contract value into volume (more or less activity at the planned average price) and case-mix (a different mix of codes), which add up to the total.
 * @example =PBR.VARIANCE({3;14}, {100;100}, {150;100}, {10;30}) → 1000 | -500 | 500 — volume, mix, total
 * @customfunction VARIANCE
 * @param {any[][]} codes Column of currency codes (care cluster or resource group), one per row.
 * @param {any[][]} planActivity Planned activity per code (days, periods or people), a column matching codes. Blank counts as 0.
 * @param {any[][]} actualActivity Actual activity per code, a column matching codes. Blank counts as 0.
 * @param {any[][]} prices A column of prices matching codes, or a price table whose header row has Code and Price (or Day price).
 * @returns {any[][]} One row: volume, mix, total (£; total = actual value − planned value = volume + mix).
 */
export function variance(
  codes: any[][],
  planActivity: any[][],
  actualActivity: any[][],
  prices: any[][]
): any[][] {
  return guard(() => spillTable(varianceTable(codes, planActivity, actualActivity, prices)));
}
