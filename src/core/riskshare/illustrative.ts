/**
 * ILLUSTRATIVE risk-share band table. No published NHS mental health example with exact band
 * percentages was found, so this is a made-up corridor and must be called illustrative.
 */
import type { BuiltInTable } from "../tariff/illustrative";

export const ILLUSTRATIVE_BANDS: BuiltInTable = {
  title: "Illustrative risk-share bands (not a published agreement)",
  note:
    "Illustrative tiered corridor: variance within 3% of plan is absorbed, 3–10% is shared at 50%, beyond 10% is paid at 100%. Replace with your agreed bands.",
  header: ["From", "To", "Rate"],
  rows: [
    [0, 0.03, 0],
    [0.03, 0.1, 0.5],
    [0.1, "", 1],
  ],
};
