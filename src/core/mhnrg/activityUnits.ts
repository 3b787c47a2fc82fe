/**
 * The units on a row of activity (contacts, or a spell's bed days), as the Resource groups journey
 * and the pbr-toolkit command read them: a whole number 0 or more, "blank" (the user chooses keep
 * as 1 or leave out), or the reason the value cannot be counted.
 */
import { isBlank, toNumber, type CellValue } from "../values";

/** `mapped`: whether the extract has a units column (without one, every row is one unit). */
export function readActivityUnits(value: CellValue, mapped: boolean): number | "blank" | string {
  if (!mapped) return 1;
  if (isBlank(value)) return "blank";
  const n = toNumber(value);
  if (!(n >= 0) || !Number.isInteger(n))
    return `units ${JSON.stringify(value)} is not a whole number of contacts or bed days`;
  return n;
}
