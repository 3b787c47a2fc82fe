/**
 * Single-value number arguments (k, roundTo, contingency, an envelope, a cost pool…), declared as
 * data: what the argument is called, what blank means, the rule its value must keep and a hint for
 * the messages. One reader applies every spec, so each rule has one wording in errors.ts.
 */
import { PbrError, argErrors } from "../errors";
import { isBlank, toNumber, type CellValue } from "../values";
import { readSingle } from "./columns";

export interface NumberSpec {
  /** The argument's name in messages ("k", "envelope"). */
  readonly what: string;
  /** The value a blank (or omitted) argument stands for; absent when the argument is required. */
  readonly blank?: number;
  /**
   * positive: more than 0. nonNegative: 0 or more. fraction: from 0 up to (not including) 1.
   */
  readonly rule: "positive" | "nonNegative" | "fraction";
  /** The largest value allowed, and how messages show it ("£90,000,000,000"). */
  readonly max?: { readonly value: number; readonly text: string; readonly why: string };
  /** What 0 means when it cannot be used (a #DIV/0! explaining why), checked before `rule`. */
  readonly zero?: () => PbrError;
  /** Appended to the messages, e.g. " (e.g. 10 for whole £10s)". */
  readonly hint?: string;
}

/** Read a single-value number argument (a 1×1 range is fine) by its spec. */
export function readNumber(arg: CellValue, spec: NumberSpec): number | PbrError {
  const value = readSingle(arg, spec.what);
  if (value instanceof PbrError) return value;
  if (spec.blank !== undefined && isBlank(value)) return spec.blank;
  const n = toNumber(value);
  if (n !== n) return argErrors.notNumber(spec.what, value, spec.hint, spec.max?.text);
  if (n === 0 && spec.zero) return spec.zero();
  switch (spec.rule) {
    case "positive":
      if (!(n > 0)) return argErrors.notPositive(spec.what, n, spec.hint);
      break;
    case "nonNegative":
      if (n < 0) return argErrors.negative(spec.what, n);
      break;
    case "fraction":
      if (!(n >= 0 && n < 1)) return argErrors.notFraction(spec.what, n, spec.hint);
      break;
  }
  if (spec.max && n > spec.max.value)
    return argErrors.tooLarge(spec.what, n, spec.max.text, spec.max.why);
  return n;
}
