/* Pricing functions: PBR.TARIFF and the costing functions. Each one coerces Excel values, calls core
   and maps results back; the rules live in src/core/tariff. */
import { costPerDayRange } from "../core/tariff/costing";
import { fyCostRange, fyDaysRange } from "../core/tariff/fy";
import { periodPriceRange } from "../core/tariff/period";
import { rebaseRange } from "../core/tariff/rebase";
import { tariffRange } from "../core/tariff/tariff";
import { guard, guardRows, spillColumn, spillNumbers, spillTable, whenOk } from "./host";
import { priceArg } from "./priceArg";

/**
 * Price of care at a code's day prices: (days − admitted days) × Day price + admitted days × Admitted day price, × MFF. Omit prices to use the built-in ILLUSTRATIVE table (not a national tariff).
 * @example =PBR.TARIFF(14, 28, 3) → 2083.40 — 28 days of cluster 14, 3 of them admitted, at the ILLUSTRATIVE prices
 * @customfunction TARIFF
 * @param {any[][]} code Care cluster or other currency code (e.g. 14 or a resource group), one value or a column.
 * @param {any[][]} days Days of care (start and end both counted), one value or a column.
 * @param {any[][]} [admittedDays] Of those days, how many were admitted (inpatient). Default 0.
 * @param {any[][]} [prices] Your price table with a header row: Code | Day price, optional Admitted day price, Period price, Period days, Effective from, Source. Omit for the ILLUSTRATIVE table.
 * @param {any[][]} [mff] Market Forces Factor payment index (1.00 or more), one value or a column. Default 1.
 * @returns {any[][]} Price of care per row, in £ (not rounded).
 */
export function tariff(
  code: any[][],
  days: any[][],
  admittedDays?: any[][],
  prices?: any[][],
  mff?: any[][]
): any[][] {
  return guardRows([code, days, admittedDays, mff], () =>
    spillNumbers(
      whenOk(priceArg(prices), (p) => tariffRange({ code, days, admittedDays, mff, prices: p }))
    )
  );
}

/**
 * What a price is worked out per (Excel offers these as you type the argument).
 * @customenum {string}
 */
export enum PricePer {
  /** Per review period (the default): Period price, else Day price × Period days or the cluster's review period. */
  period = "period",
  /** Per year: the period price × 365 ÷ the period's days. */
  year = "year",
  /** Per day: the Day price. */
  day = "day",
}

/**
 * A code's community (non-admitted) price per review period, per year or per day. Period: Period price, else Day price × Period days, else Day price × the care cluster's maximum review period. Omit prices to use the built-in ILLUSTRATIVE table.
 * @example =PBR.PERIODPRICE(11, , "year") → 2263 — cluster 11 for a year at the ILLUSTRATIVE prices
 * @customfunction PERIODPRICE
 * @param {any[][]} code Care cluster or other currency code, one value or a column.
 * @param {any[][]} [prices] Your price table (Code | Day price | …). Omit for the ILLUSTRATIVE table.
 * @param [per] "period" (default), "year" (period price × 365 ÷ period days) or "day".
 * @returns {any[][]} Price per row, in £.
 */
export function periodprice(code: any[][], prices?: any[][], per?: PricePer): any[][] {
  return guardRows([code], () =>
    spillNumbers(whenOk(priceArg(prices), (p) => periodPriceRange(code, p, per)))
  );
}

/**
 * Days of a cluster period (start and end both counted) that fall in the financial year from 1 April of fyStartYear to 31 March. A blank end means the period is still open: it runs to that year's 31 March.
 * @example =PBR.FYDAYS(DATE(2024,3,1), DATE(2024,4,30), 2024) → 30 — April 2024 only: March falls in 2023/24
 * @customfunction FYDAYS
 * @param {any[][]} start Period start date (an Excel date), one value or a column.
 * @param {any[][]} end Period end date (an Excel date), or blank while the period is open.
 * @param {any[][]} fyStartYear The financial year by the year it starts in: 2024 for 2024/25.
 * @returns {any[][]} Days in that financial year per row (0 when the period is outside it).
 */
export function fydays(start: any[][], end: any[][], fyStartYear: any[][]): any[][] {
  return guardRows([start, end, fyStartYear], () =>
    spillNumbers(fyDaysRange({ start, end, fyStartYear }))
  );
}

/**
 * Cost of the part of a cluster period inside one financial year, at the price in force on the period's start date. Admitted days are shared pro rata, so the years add up to PBR.TARIFF of the whole period. Omit prices to use the built-in ILLUSTRATIVE table.
 * @example =PBR.FYCOST(14, DATE(2024,3,1), DATE(2024,4,30), 2024) → 1086 — the 30 April days at the ILLUSTRATIVE day price
 * @customfunction FYCOST
 * @param {any[][]} code Care cluster or other currency code, one value or a column.
 * @param {any[][]} start Period start date (an Excel date).
 * @param {any[][]} end Period end date, or blank while the period is open (it then runs to that year's 31 March).
 * @param {any[][]} fyStartYear The financial year by the year it starts in: 2024 for 2024/25.
 * @param {any[][]} [admittedDays] Admitted days in the whole period. Default 0.
 * @param {any[][]} [prices] Your price table (Code | Day price | …). Omit for the ILLUSTRATIVE table.
 * @param {any[][]} [mff] Market Forces Factor payment index (1.00 or more). Default 1.
 * @returns {any[][]} Cost in that financial year per row, in £ (not rounded).
 */
export function fycost(
  code: any[][],
  start: any[][],
  end: any[][],
  fyStartYear: any[][],
  admittedDays?: any[][],
  prices?: any[][],
  mff?: any[][]
): any[][] {
  return guardRows([code, start, end, fyStartYear, admittedDays, mff], () =>
    spillNumbers(
      whenOk(priceArg(prices), (p) =>
        fyCostRange({ code, start, end, fyStartYear, admittedDays, mff, prices: p })
      )
    )
  );
}

/**
 * Cluster costing: shares a cost pool across codes in proportion to days × weight and gives each row's cost per day. Shares are whole pennies adding up to the pool exactly (leftover pennies go to the largest fractions, ties to the earlier row).
 * @example =PBR.COSTPERDAY(1000, {3;14}, {100;300}) → 2.5 — first row; £1,000 over 400 days, £2.50 a day on both rows
 * @customfunction COSTPERDAY
 * @param {any} costPool The cost pool to share, in £.
 * @param {any[][]} codes The codes, one per row (a code may repeat, e.g. one row per team).
 * @param {any[][]} days Cluster days delivered on each row.
 * @param {any[][]} [weights] Relative cost weight of a day on each row (default 1, e.g. 2 for a day costing twice as much).
 * @returns {any[][]} Cost per day for each row, in £; × days gives the row's share of the pool.
 */
export function costperday(
  costPool: any,
  codes: any[][],
  days: any[][],
  weights?: any[][]
): any[][] {
  return guard(() => spillColumn(costPerDayRange({ costPool, codes, days, weights })));
}

/**
 * Cost-neutral local prices: k × cost per code, with k chosen so that the sum of price × planned activity equals the contract value. Spills [price, k] per code so you can see k.
 * @example =PBR.REBASE(10000, {3;14}, {100;200}, {10;30}) → 14.29 | 1.43 — first row: local price and k (the second row is 42.86 and 1.43)
 * @customfunction REBASE
 * @param {any} contractValue The contract value to reproduce, in £.
 * @param {any[][]} codes The codes, each once.
 * @param {any[][]} plannedActivity Planned activity per code (days, periods or people: the unit the price is per).
 * @param {any[][]} costs Cost per unit of activity for each code.
 * @returns {any[][]} Two columns per code: local price (not rounded) and the factor k.
 */
export function rebase(
  contractValue: any,
  codes: any[][],
  plannedActivity: any[][],
  costs: any[][]
): any[][] {
  return guard(() => spillTable(rebaseRange({ contractValue, codes, plannedActivity, costs })));
}
