/**
 * Cluster assistant: what "Insert at selection" writes. The 18 ratings go in a row starting at the
 * selected cell, followed by a live =PBR.CLUSTER(...) formula over them, so the answer stays
 * recalculable when a rating is edited in the sheet.
 */
import { ITEM_COUNT } from "../../core/clusters/items";
import { parseRange, rangeAddress } from "../../workbook/address";
import type { CellInput, Selection } from "../../workbook/port";
import { call, text } from "../plan/formula";

/** A rating input: 0–4, 9 (not known) or null (left blank). */
export type RatingInput = number | null;

export interface InsertPlan {
  sheet: string;
  /** The 19 cells written (ratings then the formula). */
  address: string;
  values: CellInput[][];
  /** The formula's cell. */
  formulaCell: string;
}

export function insertPlan(
  selection: Selection,
  ratings: readonly RatingInput[],
  superclass: "A" | "B" | "C" | null,
  profileRef: string | null,
  rulesRef: string | null = null
): InsertPlan {
  const { top, left } = parseRange(selection.address);
  const ratingsAddress = rangeAddress(top, left, 1, ITEM_COUNT);
  const formula = call("PBR.CLUSTER", [
    ratingsAddress,
    superclass ? text(superclass) : null,
    profileRef,
    rulesRef,
  ]);
  return {
    sheet: selection.sheet,
    address: rangeAddress(top, left, 1, ITEM_COUNT + 1),
    values: [[...ratings.slice(0, ITEM_COUNT).map((r) => (r === null ? null : r)), formula]],
    formulaCell: rangeAddress(top, left + ITEM_COUNT, 1, 1),
  };
}
