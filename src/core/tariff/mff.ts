/**
 * The Market Forces Factor (MFF): price paid = price × the provider's MFF payment index, which
 * never goes below 1.00 (published example: £168 × 1.0461 → £176). Whether MFF applies to a local
 * price built from the provider's own costs is a local choice, so it is always an explicit argument
 * (blank = 1), never applied behind the user's back.
 */
import { PbrError, tariffErrors } from "../errors";
import { isBlank, toNumber, type CellValue } from "../values";

/**
 * Read an MFF payment index: blank means 1; anything that is not a number of at
 * least 1.00 is #NUM! (the index never goes below 1.00). `row` null for a single value.
 */
export function readMff(value: CellValue, row: number | null): number | PbrError {
  if (isBlank(value)) return 1;
  const n = toNumber(value);
  if (!(n >= 1)) return tariffErrors.badMff(row, value);
  return n;
}
