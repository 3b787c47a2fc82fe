/**
 * An Excel behaviour layer over the office-addin-mock fake (test/workbook/officePortFake.ts).
 * office-addin-mock stores whatever it is given; Excel reads a written value the way it reads
 * typing. This layer applies the documented rules at write time, so a test fails the way real
 * Excel would:
 * - a leading apostrophe is the text prefix: the rest is stored as text, the apostrophe is not
 *   part of the value (taken to hold in a text-formatted cell too: in the file format the prefix is
 *   a cell style flag, quotePrefix, apart from the number format; still to try in real Excel);
 * - in a cell formatted as text ("@") anything else is stored as written, formulas included;
 * - a leading = + - or @ makes a formula (its value here is 0: it is not evaluated);
 * - TRUE/FALSE become booleans; numeric text ("00123", "1,234", "12%", "£5", "1e3") a number;
 *   date- and time-like text ("11/04/2024", "2024-03-31", "Mar-24", "1 April 2024", "12:30") a
 *   date serial (en-GB, day first), when it names a real day.
 * Written independently of src/workbook/cellText.ts, so the adapter's rule is checked against it
 * rather than against itself. Error literals ("#N/A") are not modelled: a read of `values` shows an
 * error and the text the same way.
 *
 * `callAsExcel` calls a custom function the way Excel decides whether to: without
 * allowErrorForDataTypeAny in functions.json, an error cell in any argument means the function is
 * not called at all and the whole result is that error.
 */
import { parseRange } from "../../src/workbook/address";
import { FakeExcel, type Cell } from "../workbook/officePortFake";

type Entry = { value: Cell | ""; formula: Cell | "" };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** The year Excel assumes for a date typed without one; any fixed year will do for these tests. */
const THIS_YEAR = 2026;

/** Excel's 1900 date serial for a real day, or null. */
function serial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const t = Date.UTC(year, month - 1, day);
  if (new Date(t).getUTCDate() !== day) return null;
  return Math.round(t / 86_400_000) + 25_569;
}

function year(text: string | undefined): number {
  if (text === undefined) return THIS_YEAR;
  const n = Number(text);
  return text.length <= 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

function month(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

const MONTH_NAME = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/** A date or time Excel (en-GB) would read in `text`, as a serial, or null. */
export function excelDate(text: string): number | null {
  const t = text.trim();
  let m = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?$/.exec(t);
  if (m) return serial(year(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(t);
  if (m) return serial(Number(m[1]), Number(m[2]), Number(m[3]));
  m = new RegExp(`^(\\d{1,2})[- ]${MONTH_NAME}(?:[- ](\\d{2}|\\d{4}))?$`, "i").exec(t);
  if (m) return serial(year(m[3]), month(m[2]), Number(m[1]));
  m = new RegExp(`^${MONTH_NAME}[- ](\\d{1,4})$`, "i").exec(t);
  if (m) {
    // "Mar-24": the 24th of March this year; "Mar-2024" or "Mar-45": March of that year.
    const n = Number(m[2]);
    return m[2].length <= 2 && n <= 31 ? serial(THIS_YEAR, month(m[1]), n) : serial(year(m[2]), month(m[1]), 1);
  }
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?$/i.exec(t);
  if (m) {
    const h = (Number(m[1]) % 12) + (m[4]?.toLowerCase() === "pm" ? 12 : m[4] ? 0 : Number(m[1]) >= 12 ? 12 : 0);
    return (h * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86_400;
  }
  return null;
}

/** A number Excel would read in `text`, or null. */
export function excelNumber(text: string): number | null {
  let t = text.trim();
  let sign = 1;
  if (/^\(.*\)$/.test(t)) {
    sign = -1;
    t = t.slice(1, -1);
  }
  const percent = t.endsWith("%");
  if (percent) t = t.slice(0, -1);
  t = t.replace(/^([+-]?)[£$€]/, "$1");
  if (!/^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?$/i.test(t) || !/\d/.test(t)) return null;
  const n = Number(t.replace(/,/g, "")) * sign;
  return Number.isFinite(n) ? (percent ? n / 100 : n) : null;
}

/** What Excel stores for `input` written through `values` or `formulas` into a cell with `format`. */
export function excelEntry(input: Cell | "", format: string | undefined): Entry {
  if (typeof input !== "string" || input === "") return { value: input, formula: input };
  if (input.startsWith("'")) return { value: input.slice(1), formula: input.slice(1) };
  if (format === "@") return { value: input, formula: input };
  if (/^[=+\-@]/.test(input)) {
    const formula = input.startsWith("=") ? input : `=${input}`;
    return { value: 0, formula };
  }
  if (/^\s*(true|false)\s*$/i.test(input)) {
    const b = input.trim().toLowerCase() === "true";
    return { value: b, formula: b };
  }
  const n = excelNumber(input) ?? excelDate(input);
  return n === null ? { value: input, formula: input } : { value: n, formula: n };
}

/** The office-addin-mock fake with Excel's parsing of written values (see the file comment). */
export class ExcelLikeFake extends FakeExcel {
  private readonly typed = new WeakMap<Map<string, Cell>, Map<string, Entry>>();

  /** The last number format set over a cell. */
  formatAt(sheet: string, row: number, col: number): string | undefined {
    for (let i = this.formats.length - 1; i >= 0; i--) {
      const f = this.formats[i];
      if (f.sheet.toLowerCase() !== sheet.toLowerCase()) continue;
      const r = parseRange(f.address);
      if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return String(f.format);
    }
    return undefined;
  }

  protected override put(sheet: string, address: string, data: unknown): void {
    super.put(sheet, address, data);
    const cells = this.sheet(sheet).cells;
    let typed = this.typed.get(cells);
    if (!typed) this.typed.set(cells, (typed = new Map()));
    const r = parseRange(address);
    const rows = data as (Cell | "")[][];
    for (let i = 0; i <= r.bottom - r.top; i++) {
      for (let j = 0; j <= r.right - r.left; j++) {
        const key = `${r.top + i},${r.left + j}`;
        const v = rows[i]?.[j] ?? "";
        if (v === "") typed.delete(key);
        else typed.set(key, excelEntry(v, this.formatAt(sheet, r.top + i, r.left + j)));
      }
    }
  }

  protected override shown(sheet: string, row: number, col: number, stored: Cell | ""): Entry {
    const entry = this.typed.get(this.sheet(sheet).cells)?.get(`${row},${col}`);
    return entry ?? { value: stored, formula: stored };
  }
}

/** An error cell as Excel hands it to a custom function (CustomFunctions.Error's shape). */
export class ExcelErrorCell {
  constructor(public readonly code: string) {}
}

function firstError(value: unknown): ExcelErrorCell | null {
  if (value instanceof ExcelErrorCell) return value;
  if (Array.isArray(value))
    for (const v of value) {
      const e = firstError(v);
      if (e) return e;
    }
  return null;
}

/**
 * Call `fn` with `args` as Excel would under `metadata` (functions.json): without
 * allowErrorForDataTypeAny an error in any argument short-circuits to a 1×1 result of that error.
 */
export function callAsExcel<A extends unknown[]>(
  metadata: { allowErrorForDataTypeAny?: boolean },
  fn: (...args: A) => unknown[][],
  ...args: A
): unknown[][] {
  if (!metadata.allowErrorForDataTypeAny) {
    const error = firstError(args);
    if (error) return [[error]];
  }
  return fn(...args);
}
