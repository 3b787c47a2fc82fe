/**
 * ILLUSTRATIVE five-step table for stepped personal budgets (50/75/100/125/150% of the cluster
 * average). The exact steps of Duffy et al. (2011) were not obtainable; this is not a published table.
 */
import type { BuiltInTable } from "../tariff/illustrative";

export const ILLUSTRATIVE_STEPS: BuiltInTable = {
  title: "Illustrative budget steps (not a published step table)",
  note: "Illustrative five steps around the cluster average. Replace with your local step table.",
  header: ["Step", "Percent", "Label"],
  rows: [
    [1, 0.5, "Well below average need"],
    [2, 0.75, "Below average need"],
    [3, 1, "Average need for the cluster"],
    [4, 1.25, "Above average need"],
    [5, 1.5, "Well above average need"],
  ],
};
