/** Spill a NumberColumn (unboxed numbers plus the odd blank or error) as an n×1 range. */
import { PbrError } from "../core/errors";
import type { NumberColumn } from "../core/results";
import { hostValue, spillColumn, type HostGrid } from "./host";

export function spillNumbers(results: NumberColumn | PbrError): HostGrid {
  if (results instanceof PbrError) return spillColumn(results);
  const n = results.length;
  if (n === 0) return [[""]];
  const { values, tags } = results;
  const out = new Array<unknown[]>(n);
  for (let i = 0; i < n; i++) out[i] = tags[i] === 0 ? [values[i]] : [hostValue(results.at(i))];
  return out;
}
