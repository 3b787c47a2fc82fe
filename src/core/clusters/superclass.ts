/**
 * Super class first: the Data Dictionary allocates a cluster by choosing the super class
 * (non-psychotic, psychotic or organic, by the origin of the presenting condition) and then the
 * best-fitting cluster inside it. When the user gives no super class, a rule table decides it from
 * the ratings. The table is data a trust can read and replace (header Rule | Super class | When |
 * Reason), tried in order; the first rule whose conditions all hold decides.
 *
 * "When" holds conditions separated by ";" (all must hold), each `ITEMS OP VALUE`:
 *   4 >= 3        item 4 rated 3 or 4            6 <= 1     item 6 rated 0 or 1
 *   4 = 3         item 4 rated exactly 3         6 = 2-4    item 6 rated 2, 3 or 4
 *   6 = ?         item 6 not known (9 or blank)  1,2,3 <= 1 every one of items 1, 2 and 3 at most 1
 * A numeric condition never holds for an item that is not known. A blank "When" always holds
 * (use it for the last rule). Super class A, B or C, or Z for "cannot tell" (cluster 0, variance).
 */
import { PbrError, clusterErrors } from "../errors";
import { headerMismatch, isBlankRow, toKey, type Grid } from "../values";
import { ITEMS, itemIndex } from "./items";
import { SUPERCLASS_NAMES, type SuperClass } from "./reference";
import { UNKNOWN } from "./profile";

export interface Condition {
  readonly items: readonly number[];
  /** Bit r set when rating r (0–4, 5 = not known) satisfies the condition. */
  readonly mask: number;
  readonly text: string;
}

export interface SuperclassRule {
  /** Row in the source range (header = row 1). */
  readonly row: number;
  readonly label: string;
  readonly superclass: SuperClass;
  readonly when: readonly Condition[];
  readonly reason: string;
}

export interface SuperclassRules {
  readonly rules: readonly SuperclassRule[];
  /** Flattened for the per-row loop: rule j's conditions are conds[start[j] … start[j+1]). */
  readonly condItem: Int8Array;
  readonly condMask: Int8Array;
  readonly start: Int32Array;
}

const HEADER = ["rule", "superclass", "when", "reason"];
const CLASSES: Record<string, SuperClass> = { A: "A", B: "B", C: "C", Z: "Z" };

function ratingMask(op: string, value: string): number | null {
  if (value === "?") return op === "=" ? 1 << UNKNOWN : null;
  const range = /^([0-4])(?:-([0-4]))?$/.exec(value);
  if (!range) return null;
  const lo = Number(range[1]);
  const hi = range[2] === undefined ? lo : Number(range[2]);
  if (hi < lo) return null;
  let mask = 0;
  for (let r = 0; r <= 4; r++) {
    const ok =
      op === "="
        ? r >= lo && r <= hi
        : op === ">="
          ? r >= lo
          : op === "<="
            ? r <= lo
            : op === ">"
              ? r > lo
              : op === "<"
                ? r < lo
                : false;
    if (ok) mask |= 1 << r;
  }
  return range[2] !== undefined && op !== "=" ? null : mask;
}

/** Parse one "When" cell into conditions, or a message saying what is wrong. */
export function parseWhen(text: string): Condition[] | string {
  const out: Condition[] = [];
  if (text.trim() === "" || /^(always|otherwise)$/i.test(text.trim())) return out;
  for (const part of text.split(/;|\band\b/i)) {
    const t = part.trim();
    if (t === "") continue;
    const m = /^([0-9A-Ea-e,\s]+?)\s*(>=|<=|=|>|<)\s*(\?|[0-4](?:\s*-\s*[0-4])?)$/.exec(t);
    if (!m) return `"${t}" is not a condition like "4 >= 3", "6 <= 1", "6 = 2-4" or "6 = ?"`;
    const items: number[] = [];
    for (const label of m[1].split(",")) {
      const k = itemIndex(label.trim());
      if (k < 0) return `"${label.trim()}" is not an MHCT item (1–13, A–E)`;
      items.push(k);
    }
    const mask = ratingMask(m[2], m[3].replace(/\s+/g, ""));
    if (mask === null)
      return `"${t}": use = with a range (2-4) or ?, and >=, <=, >, < with one rating`;
    out.push({ items, mask, text: t });
  }
  return out;
}

function compile(rules: SuperclassRule[]): SuperclassRules {
  const items: number[] = [];
  const masks: number[] = [];
  const start = new Int32Array(rules.length + 1);
  rules.forEach((rule, j) => {
    start[j] = items.length;
    for (const c of rule.when) for (const i of c.items) (items.push(i), masks.push(c.mask));
  });
  start[rules.length] = items.length;
  return { rules, condItem: Int8Array.from(items), condMask: Int8Array.from(masks), start };
}

/** Read a super class rule range (header Rule | Super class | When | Reason). */
export function parseSuperclassRules(grid: Grid): SuperclassRules | PbrError {
  const found = headerMismatch(grid, HEADER);
  if (found !== null) return clusterErrors.rulesHeader(found);
  const rules: SuperclassRule[] = [];
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r];
    if (!Array.isArray(cells) || isBlankRow(cells)) continue;
    const row = r + 1;
    const sc = CLASSES[toKey(cells[1]).toUpperCase()];
    if (!sc) return clusterErrors.rulesClass(row, cells[1]);
    const when = parseWhen(toKey(cells[2]));
    if (typeof when === "string") return clusterErrors.rulesWhen(row, when);
    rules.push({
      row,
      label: toKey(cells[0]) || String(row - 1),
      superclass: sc,
      when,
      reason: toKey(cells[3]),
    });
  }
  if (rules.length === 0) return clusterErrors.rulesEmpty();
  return compile(rules);
}

/** The index of the first rule that holds for ratings r[off…off+17] (0–4, 5 = not known), or -1. */
export function decideRule(rules: SuperclassRules, r: Uint8Array, off: number): number {
  const { condItem, condMask, start } = rules;
  const n = start.length - 1;
  for (let j = 0; j < n; j++) {
    let ok = true;
    for (let c = start[j], end = start[j + 1]; c < end; c++) {
      if (((condMask[c] >> r[off + condItem[c]]) & 1) === 0) {
        ok = false;
        break;
      }
    }
    if (ok) return j;
  }
  return -1;
}

/** The ratings a rule's conditions looked at, once each: "item 4 (cognitive problems) rated 3". */
export function ruleRatings(rule: SuperclassRule, r: Uint8Array, off = 0, named = false): string[] {
  const seen = new Set<number>();
  const out: string[] = [];
  for (const c of rule.when)
    for (const i of c.items) {
      if (seen.has(i)) continue;
      seen.add(i);
      const v = r[off + i];
      const item = named ? `item ${ITEMS[i].id} (${ITEMS[i].short})` : `item ${ITEMS[i].id}`;
      out.push(`${item} ${v > 4 ? "not known" : `rated ${v}`}`);
    }
  return out;
}

/** Words for the super class a rule chose and why, naming the ratings that made it hold. */
export function describeDecision(
  rules: SuperclassRules,
  j: number,
  r: Uint8Array,
  off = 0
): string {
  if (j < 0) return "no super class rule holds for these ratings: variance (cluster 0)";
  const rule = rules.rules[j];
  const name = rule.superclass === "Z" ? "cannot tell" : SUPERCLASS_NAMES[rule.superclass];
  const ratings = ruleRatings(rule, r, off, true);
  const because = ratings.length > 0 ? `; ${ratings.join(", ")}` : "";
  return `${rule.superclass} (${name}) by rule ${rule.label}: ${rule.reason}${because}`;
}
