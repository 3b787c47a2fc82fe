/**
 * ILLUSTRATIVE risk-share band table. No published NHS mental health example with exact band
 * percentages was found, so this is a made-up corridor and must be called illustrative.
 */
import type { BuiltInTable } from "../tariff/illustrative";

export const ILLUSTRATIVE_BANDS: BuiltInTable = {
  title: "Illustrative risk-share bands (not a published agreement)",
  note: "Illustrative tiered corridor (not a published agreement): From and To are fractions of plan. Variance within 3% of plan is neither paid nor refunded, the part between 3% and 10% is paid or refunded at 50%, and the part beyond 10% in full. Used both ways unless you give a separate under-performance table. Replace with your agreed bands.",
  header: ["From", "To", "Rate"],
  rows: [
    [0, 0.03, 0],
    [0.03, 0.1, 0.5],
    [0.1, "", 1],
  ],
};
