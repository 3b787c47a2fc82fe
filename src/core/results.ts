/**
 * A column of results that are mostly numbers, kept unboxed: a Float64Array of values plus a tag
 * per row for the few that are blank ("") or an error. Range functions over a million rows fill
 * one of these instead of an array of boxed values; the Excel adapter spills it directly.
 */
import { PbrError, type ResultCell } from "./errors";
import { isBlank, type CellValue } from "./values";

const NUMBER = 0;
const BLANK = 1;
const ERROR = 2;

export class NumberColumn {
  readonly values: Float64Array;
  /** 0 number, 1 blank, 2 error (see `errors`). */
  readonly tags: Uint8Array;
  readonly errors = new Map<number, PbrError>();

  constructor(readonly length: number) {
    this.values = new Float64Array(length);
    this.tags = new Uint8Array(length);
  }

  /**
   * One number (or error) per value of a column argument (`at` and `length`, as core/args'
   * Column); a blank value gives a blank row, and `each` is not called for it.
   */
  static map(
    column: { readonly length: number; at(i: number): CellValue },
    each: (value: CellValue, row: number) => number | PbrError
  ): NumberColumn {
    const out = new NumberColumn(column.length);
    for (let i = 0; i < column.length; i++) {
      const value = column.at(i);
      if (isBlank(value)) out.setBlank(i);
      else out.set(i, each(value, i + 1));
    }
    return out;
  }

  setNumber(i: number, value: number): void {
    this.values[i] = value;
  }

  setBlank(i: number): void {
    this.tags[i] = BLANK;
  }

  set(i: number, value: number | PbrError): void {
    if (typeof value === "number") this.values[i] = value;
    else {
      this.tags[i] = ERROR;
      this.errors.set(i, value);
    }
  }

  /**
   * Record `value` in row i when it is an error, and say so; a number is left for the caller to
   * use: `if (out.failed(i, days)) continue;`.
   */
  failed(i: number, value: number | PbrError): value is PbrError {
    if (typeof value === "number") return false;
    this.tags[i] = ERROR;
    this.errors.set(i, value);
    return true;
  }

  /** Row i as a result cell. */
  at(i: number): ResultCell {
    const tag = this.tags[i];
    return tag === NUMBER ? this.values[i] : tag === BLANK ? "" : this.errors.get(i)!;
  }

  /** All rows as result cells (for tests and callers that want plain arrays). */
  toCells(): ResultCell[] {
    const out = new Array<ResultCell>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.at(i);
    return out;
  }
}
