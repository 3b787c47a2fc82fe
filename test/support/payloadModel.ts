/**
 * The payload model applied to formulas as written (test side): for each PBR.* call, the bytes
 * Excel hands it (every cell of its range arguments, at the bound for what that argument holds) and
 * the bytes it hands back (its result's rows × the bound for what each result cell holds). It reads
 * only the formula text, not how a plan sized its blocks, so a plan that writes a call over too many
 * rows fails here. Bounds: src/taskpane/plan/payload.ts (Microsoft's 5 MB payload limit, office-js
 * issue 4654; we keep each call under CALL_PAYLOAD_BUDGET).
 */
import { CELL_BYTES, ROW_BYTES } from "../../src/taskpane/plan/payload";
import { parseRange } from "../../src/workbook/address";
import { callsIn } from "./marshalModel";

const C = CELL_BYTES;
const GROUP = 64; // a group cell: a recorded cluster or a team name (60 characters)
const RATING = 4; // an MHCT rating 0–4 or blank, with its comma

/** Per function: bytes per cell of each argument (by position), and of each result cell per row. */
const SHAPES: Record<string, { args: number[]; result: number[]; resultRows?: "groups" }> = {
  CLUSTERCHECK: { args: [RATING, GROUP, C.table, C.table], result: [C.check] },
  CHECKCOUNTS: { args: [C.check, GROUP], result: Array(10).fill(C.number), resultRows: "groups" },
  RASBUILDUP: { args: [C.code, C.code, C.table, C.table, C.number, C.code, C.number], result: Array(4).fill(C.number) },
  RASBUDGET: { args: [C.code, C.code, C.table, C.table, C.number, C.code, C.number], result: [C.number] },
  RASCALIBRATE: { args: [C.code, C.code, C.number, C.number, C.table, C.table, C.code], result: [C.number] },
  FYCOST: { args: [C.code, C.serial, C.serial, C.number, C.serial, C.table], result: [C.number] },
  SCENARIOS: { args: [C.number, C.number, C.table, C.table, C.number, C.number], result: Array(5).fill(C.number) },
};

/** Rows and columns of a reference (Sheet!$A$1:$B$9, $C5, a name → 0 × 0). */
function shape(arg: string): { rows: number; cols: number } {
  const ref = arg.trim().replace(/^.*!/, "").replace(/\$/g, "");
  if (!/^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/.test(ref)) return { rows: 0, cols: 0 };
  const r = parseRange(ref.includes(":") ? ref : `${ref}:${ref}`);
  return { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 };
}

export interface CallPayload {
  formula: string;
  name: string;
  bytesIn: number;
  bytesOut: number;
}

/** The modelled payload of every PBR.* call in `formula`. `groups` bounds a grouped result's rows. */
export function callPayloads(formula: string, groups = 1000): CallPayload[] {
  return callsIn(formula).map(({ name, args }) => {
    const s = SHAPES[name] ?? { args: [], result: [C.number] };
    let bytesIn = 0;
    let rows = 1;
    args.forEach((a, i) => {
      const { rows: r, cols } = shape(a);
      if (i === 0 || (rows === 1 && r > 1)) rows = Math.max(rows, r);
      if (r > 0) bytesIn += r * (cols * (s.args[i] ?? C.number) + ROW_BYTES);
      else bytesIn += C.number; // a single value or an omitted argument
    });
    const resultRows = s.resultRows === "groups" ? Math.min(rows, groups) + 1 : rows;
    const bytesOut = resultRows * s.result.reduce((sum, b) => sum + b, ROW_BYTES);
    return { formula, name, bytesIn, bytesOut };
  });
}

/** Every formula a plan writes (cells and table rows). */
export function planFormulas(plan: { sheets: { blocks: unknown[] }[] }): string[] {
  const out: string[] = [];
  for (const sheet of plan.sheets)
    for (const block of sheet.blocks as { kind: string; values?: unknown[][]; rows?: unknown[][] }[]) {
      const grid = block.kind === "cells" ? block.values : block.kind === "table" ? block.rows : undefined;
      for (const row of grid ?? []) for (const v of row) if (typeof v === "string" && v.startsWith("=")) out.push(v);
    }
  return out;
}

/** The largest call in a set of formulas, by the larger of its two directions. */
export function largestCall(formulas: Iterable<string>, groups?: number): CallPayload | null {
  let best: CallPayload | null = null;
  for (const f of formulas)
    for (const p of callPayloads(f, groups))
      if (!best || Math.max(p.bytesIn, p.bytesOut) > Math.max(best.bytesIn, best.bytesOut)) best = p;
  return best;
}
