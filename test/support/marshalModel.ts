/**
 * A model of what Excel hands a custom function: every range argument of every PBR.* call is
 * marshalled to the add-in on each call. Counting calls × cells per call shows why one spilled call
 * per column beats one call per row (Excel's recalculation cannot be timed here; the cells it has to
 * copy can be counted).
 */
import { parseRange } from "../../src/workbook/address";

export interface MarshalCount {
  calls: number;
  cells: number;
}

/** The top-level arguments of the call whose "(" is at `open`. */
function args(text: string, open: number): { list: string[]; end: number } {
  const list: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = open + 1;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    if (quoted) continue;
    if (c === "(") depth++;
    else if (c === ")") {
      if (depth === 0) {
        list.push(text.slice(start, i));
        return { list, end: i };
      }
      depth--;
    } else if (c === "," && depth === 0) {
      list.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return { list, end: text.length };
}

/** Cells in a reference such as $D$5:$U$8, Prices!$A$4:$D$25 or C5 (0 for anything else). */
export function cellsIn(arg: string): number {
  const ref = arg.trim().replace(/^.*!/, "").replace(/\$/g, "");
  if (!/^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/.test(ref)) return 0;
  const r = parseRange(ref.includes(":") ? ref : `${ref}:${ref}`);
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** Each PBR.* call in a formula: its name and its top-level argument texts. */
export function callsIn(formula: string): { name: string; args: string[] }[] {
  const out: { name: string; args: string[] }[] = [];
  const re = /PBR\.([A-Z]+)\(/g;
  for (let m = re.exec(formula); m; m = re.exec(formula))
    out.push({ name: m[1], args: args(formula, m.index + m[0].length - 1).list });
  return out;
}

/** PBR.* calls in a set of formulas and the cells their range arguments marshal, in total. */
export function marshalled(formulas: Iterable<unknown>): MarshalCount {
  let calls = 0;
  let cells = 0;
  for (const f of formulas) {
    if (typeof f !== "string" || !f.startsWith("=")) continue;
    const re = /PBR\.[A-Z]+\(/g;
    for (let m = re.exec(f); m; m = re.exec(f)) {
      calls++;
      for (const a of args(f, m.index + m[0].length - 1).list) cells += cellsIn(a);
    }
  }
  return { calls, cells };
}
