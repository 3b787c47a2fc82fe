/**
 * Range-level cluster functions: one result per ratings row, errors confined to their row.
 * A fully blank row gives "" (blank). Shape problems (wrong width, mismatched columns) make the
 * whole answer a single error, since no row can be read correctly.
 */
import { PbrError, clusterErrors, shapeErrors, type ResultCell } from "../errors";
import { isBlank, toNumber, type CellValue, type Grid } from "../values";
import { readColumnOf, type Column } from "../args";
import { ITEMS, ITEM_COUNT } from "./items";
import { Scorer, fitOf } from "./engine";
import { allocateRows } from "./allocateRows";
import { type Profile, redAllowed } from "./profile";
import { BLANK_ROW, MIN_KNOWN, readRatings } from "./ratings";
import { NOT_CLUSTERED, SUPERCLASS_NAMES, clusterInfo, type SuperClass } from "./reference";
import { decideRule, describeDecision, ruleRatings, type SuperclassRules } from "./superclass";
import { fitReasons, percent } from "./reasons";

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

/** Ratings checked for shape, then a column argument with one row per ratings row (or one value). */
function ratingsAndColumn(ratings: Grid, arg: CellValue, what: string): Column | PbrError {
  return checkRatingsShape(ratings) ?? readColumnOf(arg, what, ratings.length, "ratings");
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

// Module-local copies for the row loop: under CommonJS (jest, tsx: the benchmarks) each imported
// binding read is a getter call, a fifth of eachRow's time over a million rows. The webpack
// bundles bind them directly either way.
const ROW_IS_BLANK = BLANK_ROW;
const ENOUGH_KNOWN = MIN_KNOWN;
const readRow = readRatings;
const ErrorValue = PbrError;

/** Iterate rows: reads ratings, handles blank rows and too-few-ratings, calls `each` for the rest. */
export function eachRow(
  ratings: Grid,
  profile: Profile,
  each: (i: number, known: number, scorer: Scorer, r: Uint8Array) => ResultCell,
  blankResult: (i: number) => ResultCell = () => ""
): ResultCell[] {
  const scorer = new Scorer(profile);
  const r = new Uint8Array(ITEM_COUNT);
  const out = new Array<ResultCell>(ratings.length);
  for (let i = 0; i < ratings.length; i++) {
    const known = readRow(ratings[i], i + 1, r, 0);
    if (known instanceof ErrorValue) out[i] = known;
    else if (known === ROW_IS_BLANK) out[i] = blankResult(i);
    else if (known < ENOUGH_KNOWN) out[i] = clusterErrors.tooFewRatings(i + 1, known);
    else {
      scorer.score(r, 0);
      out[i] = each(i, known, scorer, r);
    }
  }
  return out;
}

/**
 * The clusters a row may be allocated to once its super class is known: the decided class's
 * clusters, none for Z (cannot tell: variance) or when no rule holds.
 */
export function decidedMask(profile: Profile, rules: SuperclassRules, r: Uint8Array): number {
  const j = decideRule(rules, r, 0);
  if (j < 0) return 0;
  const sc = rules.rules[j].superclass;
  return sc === "Z" ? 0 : profile.classMask[sc];
}

/**
 * PBR.CLUSTER: the allocated cluster per row (0 when no candidate passes its red rules). With
 * `rules` and no super class given, each row's super class is decided by the rules first. One
 * super class for every row (or none) takes the one-pass row loop (allocateRows.ts).
 */
export function allocateRange(
  ratings: Grid,
  superclass: CellValue,
  profile: Profile,
  rules: SuperclassRules | null = null
): ResultCell[] | PbrError {
  if (!Array.isArray(ratings) || ratings.length === 0)
    return clusterErrors.ratingsWidth(Array.isArray(ratings) ? 0 : 1);
  // The shape is checked as the rows are read; a problem found before that (a super class column
  // of the wrong length, an unknown super class) gives way to a shape problem, as it always has.
  const classes = readColumnOf(superclass, "super class", ratings.length, "ratings");
  if (classes instanceof PbrError) return checkRatingsShape(ratings) ?? classes;
  if (classes.single) {
    const sc = parseSuperclass(classes.at(0));
    if (sc === undefined)
      return checkRatingsShape(ratings) ?? clusterErrors.unknownSuperclass(1, classes.at(0));
    if (sc === null && rules) return allocateRows(ratings, profile, 0, rules);
    return allocateRows(
      ratings,
      profile,
      sc === null ? profile.allMask : profile.classMask[sc],
      null
    );
  }
  const shape = checkRatingsShape(ratings);
  if (shape) return shape;
  return eachRow(ratings, profile, (i, _k, scorer, r) => {
    const sc = parseSuperclass(classes.at(i));
    if (sc === undefined) return clusterErrors.unknownSuperclass(i + 1, classes.at(i));
    if (sc === null && rules) return scorer.best(decidedMask(profile, rules, r));
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
  const clusters = ratingsAndColumn(ratings, cluster, "cluster");
  if (clusters instanceof PbrError) return clusters;
  return eachRow(ratings, profile, (i, known, scorer) => {
    const k = profileIndex(clusters.at(i), i + 1, profile);
    return typeof k === "number" ? fitOf(scorer.points[k], known) : k;
  });
}

/** Width of PBR.CLUSTERCANDIDATES rows with detail: cluster, fit, margin, for, against, not known, super class. */
export const CANDIDATE_DETAIL_WIDTH = 7;

/**
 * PBR.CLUSTERCANDIDATES: for one ratings row, the best `count` passing clusters as [cluster, fit]
 * rows. With `rules` (and no super class given) only the decided super class's clusters are listed.
 * With `detail`, each row also holds the margin in fit to the next row, the ratings for and against,
 * the items not known, and (first row) why the super class was chosen.
 */
export function candidatesFor(
  ratings: Grid,
  count: CellValue,
  profile: Profile,
  rules: SuperclassRules | null = null,
  detail: CellValue = null
): ResultCell[][] | PbrError {
  const shape = checkRatingsShape(ratings);
  if (shape) return shape;
  if (ratings.length !== 1) return shapeErrors.singleRowOnly("CLUSTERCANDIDATES", ratings.length);
  const n = isBlank(count) ? 3 : toNumber(count);
  if (!Number.isInteger(n) || n < 1 || n > 20) return clusterErrors.badCount(count);
  const wantDetail = readFlag(detail);
  if (wantDetail instanceof PbrError) return wantDetail;
  const width = wantDetail ? CANDIDATE_DETAIL_WIDTH : 2;
  const rows: ResultCell[][] = Array.from({ length: n }, () => Array<ResultCell>(width).fill(""));
  const [result] = eachRow(ratings, profile, (_i, known, scorer, r) => {
    const allowed = rules ? decidedMask(profile, rules, r) : profile.allMask;
    const ranked = scorer.ranked(allowed);
    if (ranked.length === 0) rows[0][0] = 0;
    ranked.slice(0, n).forEach(([code, pts], j) => {
      rows[j][0] = code;
      rows[j][1] = fitOf(pts, known);
      if (!wantDetail) return;
      const next = ranked[j + 1];
      rows[j][2] = next ? fitOf(pts - next[1], known) : "";
      const why = fitReasons(profile, profile.indexOf[code], r);
      rows[j][3] = why.for
        .filter((x) => x.weight !== "possible")
        .map((x) => `${x.item}=${x.rating}`)
        .join(", ");
      rows[j][4] = why.against.map((x) => `${x.item}=${x.rating}`).join(", ");
      rows[j][5] = why.unknown.join(", ");
    });
    if (wantDetail && rules) rows[0][6] = describeDecision(rules, decideRule(rules, r, 0), r);
    return "";
  });
  return result instanceof PbrError ? result : rows;
}

/** TRUE/FALSE, 1/0 or blank (FALSE). */
function readFlag(value: CellValue): boolean | PbrError {
  const v = Array.isArray(value) ? (value as unknown[][])[0]?.[0] : value;
  if (isBlank(v)) return false;
  if (typeof v === "boolean") return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === "string" && /^(true|false)$/i.test(v.trim())) return /^true$/i.test(v.trim());
  return shapeErrors.badOption("detail", v, ["TRUE", "FALSE"]);
}

function describeAllowed(allowed: number[]): string {
  const contiguous = allowed.every((v, j) => j === 0 || v === allowed[j - 1] + 1);
  if (allowed.length === 1) return String(allowed[0]);
  if (contiguous) return `${allowed[0]}–${allowed[allowed.length - 1]}`;
  return `${allowed.slice(0, -1).join(", ")} or ${allowed[allowed.length - 1]}`;
}

function bestAlternative(
  scorer: Scorer,
  known: number,
  exclude: number,
  allowed = scorer.profile.allMask
): string {
  const ranked = scorer.ranked(allowed).filter(([code]) => code !== exclude);
  if (ranked.length === 0) return "no cluster passes its red rules (variance, 0)";
  const [code, pts] = ranked[0];
  return `cluster ${code} (fit ${percent(fitOf(pts, known))})`;
}

/** "organic (item 4 cognitive problems rated 3, item 6 … rated 0)" — the decided class and the ratings behind it. */
function classReason(
  rules: SuperclassRules,
  r: Uint8Array
): { sc: SuperClass | null; text: string } {
  const j = decideRule(rules, r, 0);
  if (j < 0) return { sc: null, text: "no super class rule holds" };
  const rule = rules.rules[j];
  const ratings = ruleRatings(rule, r);
  const name = rule.superclass === "Z" ? "no super class" : SUPERCLASS_NAMES[rule.superclass];
  return {
    sc: rule.superclass,
    text: `${name} (rule ${rule.label}${ratings.length ? `: ${ratings.join(", ")}` : ""})`,
  };
}

/**
 * PBR.CLUSTERCHECK: "OK" when the recorded cluster passes its red rules with every red item
 * rated; otherwise a sentence starting "Broken:", "Unconfirmed:", "Variance:" or "Not clustered:".
 * With super class `rules`, a recorded cluster outside the super class the ratings point to is
 * "Super class:", and the best fit offered is the best inside that super class.
 */
export function checkRange(
  ratings: Grid,
  recorded: CellValue,
  profile: Profile,
  rules: SuperclassRules | null = null
): ResultCell[] | PbrError {
  const recs = ratingsAndColumn(ratings, recorded, "recorded cluster");
  if (recs instanceof PbrError) return recs;
  return eachRow(
    ratings,
    profile,
    (i, known, scorer, r) => {
      const allowed = rules ? decidedMask(profile, rules, r) : profile.allMask;
      const value = recs.at(i);
      if (isBlank(value) || toNumber(value) === NOT_CLUSTERED) {
        return `Not clustered: best fit is ${bestAlternative(scorer, known, -1, allowed)}`;
      }
      // Cluster 9 was never in use: a record holding it has no valid cluster.
      if (toNumber(value) === 9) {
        return `Not clustered: 9 is not a cluster in use; best fit is ${bestAlternative(scorer, known, -1, allowed)}`;
      }
      const code = parseClusterCode(value);
      if (code === undefined) return clusterErrors.unknownCluster(i + 1, value);
      if (code === 0) {
        const best = scorer.best(allowed);
        return best === 0
          ? "OK"
          : `Variance: recorded 0 but ${bestAlternative(scorer, known, -1, allowed)} passes its red rules`;
      }
      const k = profile.indexOf[code];
      if (k < 0) return clusterErrors.noProfile(i + 1, code);
      const where = rules ? classReason(rules, r) : null;
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
            (where ? `The ratings point to ${where.text}; best fit there: ` : "Best fit: ") +
            bestAlternative(
              scorer,
              known,
              code,
              rules ? decidedMask(profile, rules, r) : profile.allMask
            )
          );
        }
      }
      if (unrated >= 0) {
        const it = ITEMS[unrated];
        return `Unconfirmed: item ${it.id} (${it.short}) not rated; cluster ${code} needs ${describeAllowed(
          redAllowed(profile, k, unrated)!
        )}`;
      }
      const recordedClass = clusterInfo(code)!.superclass;
      if (where && where.sc !== null && where.sc !== recordedClass) {
        const alt = bestAlternative(scorer, known, code, decidedMask(profile, rules!, r));
        return (
          `Super class: cluster ${code} is ${SUPERCLASS_NAMES[recordedClass as "A" | "B" | "C"]} but the ratings point to ${where.text}; ` +
          `best fit there: ${alt}. Check the origin of the presenting problem`
        );
      }
      return "OK";
    },
    (i) => {
      const value = recs.at(i);
      if (isBlank(value)) return "";
      return parseClusterCode(value) === undefined && toNumber(value) !== NOT_CLUSTERED
        ? clusterErrors.unknownCluster(i + 1, value)
        : "";
    }
  );
}
