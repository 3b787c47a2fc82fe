/**
 * ILLUSTRATIVE price table: made-up prices per cluster day, chosen inside the published 2014/15
 * national ranges (admitted £324.2–£396.4, non-admitted £3.4–£37.3 per day; Jacobs et al. 2019).
 * It is NOT a national tariff and must be called illustrative wherever it appears.
 */
export interface BuiltInTable {
  title: string;
  note: string;
  header: string[];
  rows: (string | number)[][];
}

const SOURCE = "Illustrative only: not a national tariff";

// [code, non-admitted day price, admitted day price]
const PRICES: [number, number, number][] = [
  [0, 9.2, 361.9],
  [1, 4.1, 326.0],
  [2, 5.3, 330.5],
  [3, 6.9, 338.0],
  [4, 9.8, 352.4],
  [5, 14.6, 371.2],
  [6, 12.1, 366.8],
  [7, 11.4, 359.3],
  [8, 16.9, 377.5],
  [10, 24.8, 384.6],
  [11, 6.2, 349.7],
  [12, 9.1, 357.1],
  [13, 17.3, 379.9],
  [14, 36.2, 392.8],
  [15, 29.5, 388.1],
  [16, 21.7, 396.4],
  [17, 19.4, 381.3],
  [18, 3.4, 324.2],
  [19, 6.8, 341.6],
  [20, 12.7, 363.5],
  [21, 15.9, 369.0],
];

export const ILLUSTRATIVE_PRICES: BuiltInTable = {
  title: "Illustrative cluster prices (not a national tariff)",
  note: "Illustrative prices per cluster day, inside the published 2014/15 national ranges. Replace with your own agreed local prices.",
  header: ["Code", "Day price", "Admitted day price", "Source"],
  rows: PRICES.map(([code, day, admitted]) => [code, day, admitted, SOURCE]),
};
