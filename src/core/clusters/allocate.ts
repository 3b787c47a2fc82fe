/**
 * Range-level cluster functions: one result per ratings row, errors confined to their row.
 * A fully blank row gives "" (blank). Shape problems (wrong width, mismatched columns) make the
 * whole answer a single error, since no row can be read correctly.
 */
import { PbrError, clusterErrors, shapeErrors, type ResultCell } from "../errors";
import {
  checkLength,
  isBlank,
  pick,
  toColumn,
  toNumber,
  type CellValue,
  type Grid,
} from "../values";
import { ITEMS, ITEM_COUNT } from "./items";
import { Scorer, fitOf } from "./engine";
import { type Profile, redAllowed } from "./profile";
import { BLANK_ROW, MIN_KNOWN, readRatings } from "./ratings";
import { clusterInfo, type SuperClass } from "./reference";

export function checkRatingsShape(ratings: Grid): PbrError | null {
  // Excel always sends a range as rows of cells; a JavaScript caller may send one value or
  // rows of different lengths: each is a width error, never an exception.
  if (!Array.isArray(ratings)) return clusterErrors.ratingsWidth(1);
  if (ratings.length === 0) return clusterErrors.ratingsWidth(0);
  for (let i = 0; i < ratings.length; i++) {
    const row = ratings[i];
    const width = Array.isArray(row) ? row.length : 1;
    if (width !== ITEM_COUNT) return clusterErrors.ratingsWidth(width);
  }
  return null;
}

const SUPERCLASS_WORDS: Record<string, SuperClass> = {
  a: "A",
  nonpsychotic: "A",
  b: "B",
  psychotic: "B",
  c: "C",
  organic: "C",
};

/** "A"/"B"/"C" or the class names (any case, spaces and dashes ignored); null when blank; undefined when unknown. */
export function parseSuperclass(value: CellValue): SuperClass | null | undefined {
  if (isBlank(value)) return null;
  if (typeof value !== "string") return undefined;
  return SUPERCLASS_WORDS[
    value
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, "")
  ];
}

/** Parse a cluster code cell: the ClusterInfo code, or undefined when it is not a cluster. */
export function parseClusterCode(value: CellValue): number | undefined {
  const n = toNumber(value);
  const info = clusterInfo(n);
  return info ? info.code : undefined;
}

function fmtFit(fit: number): string {
  return fit.toFixed(2);
}

/** Iterate rows: reads ratings, handles blank rows and too-few-ratings, calls `each` for the rest. */
function eachRow(
  ratings: Grid,
  profile: Profile,
  each: (i: number, known: number, scorer: Scorer, r: Uint8Array) => ResultCell,
  blankResult: (i: number) => ResultCell = () => ""
): ResultCell[] {
  const scorer = new Scorer(profile);
  const r = new Uint8Array(ITEM_COUNT);
  const out = new Array<ResultCell>(ratings.length);
  for (let i = 0; i < ratings.length; i++) {
    const known = readRatings(ratings[i], i + 1, r, 0);
    if (known instanceof PbrError) out[i] = known;
    else if (known === BLANK_ROW) out[i] = blankResult(i);
    else if (known < MIN_KNOWN) out[i] = clusterErrors.tooFewRatings(i + 1, known);
    else {
      scorer.score(r, 0);
      out[i] = each(i, known, scorer, r);
    }
  }
  return out;
}

/** PBR.CLUSTER: the allocated cluster per row (0 when no candidate passes its red rules). */
export function allocateRange(
  ratings: Grid,
  superclass: CellValue,
  profile: Profile
): ResultCell[] | PbrError {
  const shape = checkRatingsShape(ratings);
  if (shape) return shape;
  const classes = toColumn(superclass, "super class");
  if (classes instanceof PbrError) return classes;
  const mismatch = checkLength(classes, ratings.length, "the super class column");
  if (mismatch) return mismatch;
  // Fast path: one super class for every row.
  if (classes.length === 1) {
    const sc = parseSuperclass(classes[0]);
    if (sc === undefined) return clusterErrors.unknownSuperclass(1, classes[0]);
    const allowed = sc === null ? profile.allMask : profile.classMask[sc];
    return eachRow(ratings, profile, (_i, _k, scorer) => scorer.best(allowed));
  }
  return eachRow(ratings, profile, (i, _k, scorer) => {
    const sc = parseSuperclass(pick(classes, i));
    if (sc === undefined) return clusterErrors.unknownSuperclass(i + 1, pick(classes, i));
    return scorer.best(sc === null ? profile.allMask : profile.classMask[sc]);
  });
}

/** Look up a cluster argument cell for row i: its profile index, "" for blank, or an error. */
function profileIndex(value: CellValue, row: number, profile: Profile): number | "" | PbrError {
  if (isBlank(value)) return "";
  const code = parseClusterCode(value);
  if (code === undefined) return clusterErrors.unknownCluster(row, value);
  const k = profile.indexOf[code];
  return k < 0 ? clusterErrors.noProfile(row, code) : k;
}

/** PBR.CLUSTERFIT: fit (0–1) of the given cluster per row. */
export function fitRange(
  ratings: Grid,
  cluster: CellValue,
  profile: Profile
): ResultCell[] | PbrError {
  const shape = checkRatingsShape(ratings);
  if (shape) return shape;
  const clusters = toColumn(cluster, "cluster");
  if (clusters instanceof PbrError) return clusters;
  const mismatch = checkLength(clusters, ratings.length, "the cluster column");
  if (mismatch) return mismatch;
  return eachRow(ratings, profile, (i, known, scorer) => {
    const k = profileIndex(pick(clusters, i), i + 1, profile);
    return typeof k === "number" ? fitOf(scorer.points[k], known) : k;
  });
}

/** PBR.CLUSTERCANDIDATES: for one ratings row, the best `count` passing clusters as [cluster, fit] rows. */
export function candidatesFor(
  ratings: Grid,
  count: CellValue,
  profile: Profile
): ResultCell[][] | PbrError {
  const shape = checkRatingsShape(ratings);
  if (shape) return shape;
  if (ratings.length !== 1) return shapeErrors.singleRowOnly("CLUSTERCANDIDATES", ratings.length);
  const n = isBlank(count) ? 3 : toNumber(count);
  if (!Number.isInteger(n) || n < 1 || n > 20) return clusterErrors.badCount(count);
  const rows: ResultCell[][] = Array.from({ length: n }, () => ["", ""]);
  const [result] = eachRow(ratings, profile, (_i, known, scorer) => {
    const ranked = scorer.ranked(profile.allMask);
    if (ranked.length === 0) rows[0] = [0, ""];
    ranked.slice(0, n).forEach(([code, pts], j) => (rows[j] = [code, fitOf(pts, known)]));
    return "";
  });
  return result instanceof PbrError ? result : rows;
}

function describeAllowed(allowed: number[]): string {
  const contiguous = allowed.every((v, j) => j === 0 || v === allowed[j - 1] + 1);
  if (allowed.length === 1) return String(allowed[0]);
  if (contiguous) return `${allowed[0]}–${allowed[allowed.length - 1]}`;
  return `${allowed.slice(0, -1).join(", ")} or ${allowed[allowed.length - 1]}`;
}

function bestAlternative(scorer: Scorer, known: number, exclude: number): string {
  const ranked = scorer.ranked(scorer.profile.allMask).filter(([code]) => code !== exclude);
  if (ranked.length === 0) return "no cluster passes its red rules (variance, 0)";
  const [code, pts] = ranked[0];
  return `cluster ${code} (fit ${fmtFit(fitOf(pts, known))})`;
}

/**
 * PBR.CLUSTERCHECK: "OK" when the recorded cluster passes its red rules with every red item
 * rated; otherwise a sentence starting "Broken:", "Unconfirmed:", "Variance:" or "Not clustered:".
 */
export function checkRange(
  ratings: Grid,
  recorded: CellValue,
  profile: Profile
): ResultCell[] | PbrError {
  const shape = checkRatingsShape(ratings);
  if (shape) return shape;
  const recs = toColumn(recorded, "recorded cluster");
  if (recs instanceof PbrError) return recs;
  const mismatch = checkLength(recs, ratings.length, "the recorded cluster column");
  if (mismatch) return mismatch;
  return eachRow(
    ratings,
    profile,
    (i, known, scorer, r) => {
      const value = pick(recs, i);
      if (isBlank(value) || toNumber(value) === 99) {
        return `Not clustered: best fit is ${bestAlternative(scorer, known, -1)}`;
      }
      const code = parseClusterCode(value);
      if (code === undefined) return clusterErrors.unknownCluster(i + 1, value);
      if (code === 0) {
        const best = scorer.best(profile.allMask);
        return best === 0
          ? "OK"
          : `Variance: recorded 0 but ${bestAlternative(scorer, known, -1)} passes its red rules`;
      }
      const k = profile.indexOf[code];
      if (k < 0) return clusterErrors.noProfile(i + 1, code);
      let unrated = -1;
      for (let item = 0; item < ITEM_COUNT; item++) {
        const allowed = redAllowed(profile, k, item);
        if (!allowed) continue;
        const rating = r[item];
        if (rating > 4) {
          if (unrated < 0) unrated = item;
          continue;
        }
        if (!allowed.includes(rating)) {
          const it = ITEMS[item];
          return (
            `Broken: item ${it.id} (${it.short}) rated ${rating}; cluster ${code} needs ${describeAllowed(allowed)}. ` +
            `Best fit: ${bestAlternative(scorer, known, code)}`
          );
        }
      }
      if (unrated >= 0) {
        const it = ITEMS[unrated];
        return `Unconfirmed: item ${it.id} (${it.short}) not rated; cluster ${code} needs ${describeAllowed(
          redAllowed(profile, k, unrated)!
        )}`;
      }
      return "OK";
    },
    (i) => {
      const value = pick(recs, i);
      if (isBlank(value)) return "";
      return parseClusterCode(value) === undefined && toNumber(value) !== 99
        ? clusterErrors.unknownCluster(i + 1, value)
        : "";
    }
  );
}
