/* Pricing benchmarks: PBR.TARIFF and PBR.FYCOST over 1,000,000 rows through the Excel adapter
   (ranges in, spilled ranges out), with every answer checked against a plain re-computation. */
import type { Bench } from "./harness";
import { fycost, tariff } from "../../src/functions/tariff";
import { ILLUSTRATIVE_PRICES } from "../../src/core/tariff/illustrative";
import { fyEnd, fyStart, ymdToSerial } from "../../src/core/dates";

const ROWS = 1_000_000;
const TABLE = [ILLUSTRATIVE_PRICES.header, ...ILLUSTRATIVE_PRICES.rows];
const CODES = ILLUSTRATIVE_PRICES.rows.map((r) => r[0] as number);
const DAY = new Map(ILLUSTRATIVE_PRICES.rows.map((r) => [r[0] as number, r[1] as number]));
const ADM = new Map(ILLUSTRATIVE_PRICES.rows.map((r) => [r[0] as number, r[2] as number]));

let code: number[][] = [];
let days: number[][] = [];
let admitted: number[][] = [];
let start: number[][] = [];
let end: (number | string)[][] = [];
const FY = 2024;

function setup(): void {
  if (code.length === ROWS) return;
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const base = ymdToSerial(2023, 1, 1);
  code = new Array(ROWS);
  days = new Array(ROWS);
  admitted = new Array(ROWS);
  start = new Array(ROWS);
  end = new Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    const d = 1 + Math.floor(rand() * 400);
    const s = base + Math.floor(rand() * 900);
    code[i] = [CODES[i % CODES.length]];
    days[i] = [d];
    admitted[i] = [i % 10 === 0 && i % 7 !== 0 ? Math.floor(d / 3) : 0];
    start[i] = [s];
    end[i] = [i % 7 === 0 ? "" : s + d - 1];
  }
}

function close(a: unknown, b: number): boolean {
  return typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

export const benches: Bench[] = [
  {
    name: "PBR.TARIFF via adapter, 1,000,000 rows",
    setup,
    run: () => tariff(code, days, admitted, TABLE, [[1.05]]),
    check: (output) => {
      const out = output as unknown[][];
      if (out.length !== ROWS) return `expected ${ROWS} rows, got ${out.length}`;
      for (let i = 0; i < ROWS; i++) {
        const c = code[i][0];
        const want = ((days[i][0] - admitted[i][0]) * DAY.get(c)! + admitted[i][0] * ADM.get(c)!) * 1.05;
        if (!close(out[i][0], want)) return `row ${i + 1}: got ${String(out[i][0])}, expected ${want}`;
      }
    },
    items: ROWS,
    unit: "rows",
    target: { kind: "rate", min: 10_000_000 },
  },
  {
    name: "PBR.FYCOST via adapter, 1,000,000 rows",
    setup,
    run: () => fycost(code, start, end, [[FY]], admitted, TABLE, [[1.05]]),
    check: (output) => {
      const out = output as unknown[][];
      if (out.length !== ROWS) return `expected ${ROWS} rows, got ${out.length}`;
      const first = fyStart(FY);
      const last = fyEnd(FY);
      for (let i = 0; i < ROWS; i++) {
        const c = code[i][0];
        const s = start[i][0];
        const e = end[i][0] === "" ? last : (end[i][0] as number);
        const total = e - s + 1;
        const inYear = Math.max(0, Math.min(e, last) - Math.max(s, first) + 1);
        const adm = total > 0 ? (admitted[i][0] * inYear) / total : 0;
        const want = inYear === 0 ? 0 : ((inYear - adm) * DAY.get(c)! + adm * ADM.get(c)!) * 1.05;
        if (!close(out[i][0], want)) return `row ${i + 1}: got ${String(out[i][0])}, expected ${want}`;
      }
    },
    items: ROWS,
    unit: "rows",
    target: { kind: "rate", min: 5_000_000 },
  },
];
