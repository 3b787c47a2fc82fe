/**
 * PBR.CLUSTER's row loop: one pass over the rows that reads each row's ratings, checks its width,
 * scores it against the packed profile (engine.ts's layout), decides its super class by the rules
 * and picks the best passing cluster in that class, all inline: no closure or method call per row,
 * and one result array. The super class decision is folded into the scoring: each item's rating
 * looks up, beside its points, which rule conditions it meets (foldRules), so a rule holds when
 * the row has met all of its conditions' bits. Rows that are not plain numbers (text, blanks, errors) go through
 * readRatings, so every answer and message is the general path's (Scorer.score, Scorer.best,
 * decideRule); the property tests hold the two to each other.
 */
import { PbrError, clusterErrors, type ResultCell } from "../errors";
import type { Grid } from "../values";
import * as items from "./items";
import * as layout from "./profile";
import type { Profile } from "./profile";
import * as ratingRows from "./ratings";
import { decideRule, type SuperclassRules } from "./superclass";

// Module-local copies: under CommonJS (jest, tsx) an imported binding read is a getter call.
const ITEM_COUNT = items.ITEM_COUNT;
const SLOTS = layout.SLOTS;
const GROUPS = layout.GROUPS;
const PER_GROUP = layout.PER_GROUP;
const BITS = layout.BITS;
const UNKNOWN = layout.UNKNOWN;
const MASK = (1 << BITS) - 1;
const BLANK_ROW = ratingRows.BLANK_ROW;
const MIN_KNOWN = ratingRows.MIN_KNOWN;
const readRatings = ratingRows.readRatings;
const ErrorValue = PbrError;

/**
 * The allocated cluster per row. `allowed` is the mask of clusters every row may go to; with
 * `rules`, each row's mask is instead that of the first rule that holds for it (none: variance).
 * Returns the width error (the whole answer) at the first row that is not 18 cells wide.
 */
export function allocateRows(
  ratings: Grid,
  profile: Profile,
  allowed: number,
  rules: SuperclassRules | null
): ResultCell[] | PbrError {
  const n = ratings.length;
  const out = new Array<ResultCell>(n);
  const r = new Uint8Array(ITEM_COUNT);
  const { packed, redFail, codes } = profile;
  const ruleMask = rules
    ? Int32Array.from(rules.rules, (rule) =>
        rule.superclass === "Z" ? 0 : profile.classMask[rule.superclass]
      )
    : new Int32Array(0);
  const ruleCount = ruleMask.length;
  const folded = rules ? foldRules(rules) : null;
  const condBits = folded ? folded.condBits : new Int32Array(ITEM_COUNT * SLOTS);
  const ruleBits = folded ? folded.ruleBits : new Int32Array(0);
  for (let i = 0; i < n; i++) {
    const row = ratings[i] as unknown[];
    if (!Array.isArray(row) || row.length !== ITEM_COUNT)
      return clusterErrors.ratingsWidth(Array.isArray(row) ? row.length : 1);
    // Read and score in one loop while every cell is a number 0–4 or 9.
    let known = 0;
    let fail = 0;
    let held = 0;
    let g0 = 0;
    let g1 = 0;
    let g2 = 0;
    let g3 = 0;
    let item = 0;
    for (; item < ITEM_COUNT; item++) {
      const v = row[item];
      let rating: number;
      if (typeof v !== "number") break;
      if (v >= 0 && v <= 4 && (v | 0) === v) {
        rating = v;
        known++;
      } else if (v === 9) rating = UNKNOWN;
      else break;
      r[item] = rating;
      const slot = item * SLOTS + rating;
      fail |= redFail[slot];
      held |= condBits[slot];
      const p = slot * GROUPS;
      g0 += packed[p];
      g1 += packed[p + 1];
      g2 += packed[p + 2];
      g3 += packed[p + 3];
    }
    if (item < ITEM_COUNT) {
      // Text, blanks or a value out of range: the general reader says what the row holds.
      const read = readRatings(row, i + 1, r, 0);
      if (read instanceof ErrorValue) {
        out[i] = read;
        continue;
      }
      if (read === BLANK_ROW) {
        out[i] = "";
        continue;
      }
      known = read;
      fail = held = g0 = g1 = g2 = g3 = 0;
      for (let j = 0; j < ITEM_COUNT; j++) {
        const slot = j * SLOTS + r[j];
        fail |= redFail[slot];
        held |= condBits[slot];
        const p = slot * GROUPS;
        g0 += packed[p];
        g1 += packed[p + 1];
        g2 += packed[p + 2];
        g3 += packed[p + 3];
      }
    }
    if (known < MIN_KNOWN) {
      out[i] = clusterErrors.tooFewRatings(i + 1, known);
      continue;
    }
    // The super class: the first rule all of whose conditions hold (decideRule, from the bits).
    let mask = allowed;
    if (folded) {
      mask = 0;
      for (let j = 0; j < ruleCount; j++) {
        const bits = ruleBits[j];
        if ((held & bits) === bits) {
          mask = ruleMask[j];
          break;
        }
      }
    } else if (rules) {
      const j = decideRule(rules, r, 0);
      mask = j < 0 ? 0 : ruleMask[j];
    }
    // The best passing cluster in it (Scorer.best, inline): ties go to the lower code.
    let candidates = mask & ~fail;
    if (candidates === 0) {
      out[i] = 0;
      continue;
    }
    let bestK = -1;
    let bestPts = -1;
    for (let k = 0; candidates !== 0; k++, candidates >>>= 1) {
      if ((candidates & 1) === 0) continue;
      const group = k < PER_GROUP ? g0 : k < 2 * PER_GROUP ? g1 : k < 3 * PER_GROUP ? g2 : g3;
      const pts = (group >>> (BITS * (k % PER_GROUP))) & MASK;
      if (pts > bestPts) {
        bestPts = pts;
        bestK = k;
      }
    }
    out[i] = codes[bestK];
  }
  return out;
}

/**
 * The rules as bits for the row loop: `condBits[item * SLOTS + slot]` has bit c set when that
 * rating of that item meets condition c (the rules' flattened conditions, one item each), and rule
 * j holds when a row has met every bit of `ruleBits[j]`. Rules with more than 31 conditions in all
 * do not fit one int: null, and each row is decided by decideRule instead.
 */
function foldRules(rules: SuperclassRules): { condBits: Int32Array; ruleBits: Int32Array } | null {
  const { condItem, condMask, start } = rules;
  if (condItem.length > 31) return null;
  const condBits = new Int32Array(ITEM_COUNT * SLOTS);
  for (let c = 0; c < condItem.length; c++)
    for (let slot = 0; slot < SLOTS; slot++)
      if ((condMask[c] >> slot) & 1) condBits[condItem[c] * SLOTS + slot] |= 1 << c;
  const ruleBits = new Int32Array(rules.rules.length);
  for (let j = 0; j < ruleBits.length; j++)
    for (let c = start[j]; c < start[j + 1]; c++) ruleBits[j] |= 1 << c;
  return { condBits, ruleBits };
}
