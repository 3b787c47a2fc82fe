/**
 * Profile tables: which rating on each MHCT item is essential (R, red), expected (O, orange),
 * possible (Y) or atypical (blank) for each cluster. The allocation engine is driven entirely by
 * a profile; the national grids (Clustering Booklet Appendix 3) could not be read as text here, so
 * nothing here hard-codes them. Columns after the seventh (the built-in profile's Source) are not read.
 *
 * A profile is compiled into lookup tables so that scoring a row is 18 table reads:
 * - `packed[(item * 6 + slot) * 4 + group]` holds the fit points (0, 1 or 2) of five clusters per
 *   32-bit int, six bits each (a cluster's total is at most 36, so a group never overflows);
 * - `redFail[item * 6 + slot]` is a bit mask of the clusters whose red rules exclude that rating.
 * Slot 5 stands for "not known" (9 or blank) and contributes nothing.
 */
import { PbrError, clusterErrors } from "../errors";
import { isBlank, isBlankRow, headerKey, toNumber, type Grid } from "../values";
import { ITEMS, ITEM_COUNT, itemIndex } from "./items";
import { clusterInfo, type SuperClass } from "./reference";

export type Mark = "R" | "O" | "Y" | "";
export const SLOTS = 6;
export const UNKNOWN = 5;
export const GROUPS = 4;
export const PER_GROUP = 5;
export const BITS = 6;

export interface Profile {
  /** Cluster codes in the profile, ascending; a cluster's index k is its bit in the masks. */
  readonly codes: readonly number[];
  /** code → index k, or -1 when the cluster has no rows. */
  readonly indexOf: Int8Array;
  /** marks[k][item] is five marks, one per rating 0–4 (all "" when the cluster has no row for the item). */
  readonly marks: readonly (readonly (readonly Mark[])[])[];
  readonly packed: Int32Array;
  readonly redFail: Int32Array;
  /** Bit mask of clusters that have red cells on each item. */
  readonly redItems: Int32Array;
  readonly classMask: Readonly<Record<SuperClass, number>>;
  readonly allMask: number;
}

export interface ProfileRow {
  /** Row number in the source range (the header is row 1). */
  readonly row: number;
  readonly cluster: number;
  readonly item: number;
  readonly marks: readonly Mark[];
}

function parseMark(value: unknown): Mark | null {
  if (isBlank(value)) return "";
  const text = String(value).trim().toUpperCase();
  if (text === "R" || text === "RED") return "R";
  if (text === "O" || text === "ORANGE" || text === "AMBER") return "O";
  if (text === "Y" || text === "YELLOW") return "Y";
  return null;
}

const HEADER = ["cluster", "item", "0", "1", "2", "3", "4"];

/** Read a profile range (header row first). Returns the rows or the first error, naming its row. */
export function readProfileRows(grid: Grid): ProfileRow[] | PbrError {
  if (grid.length === 0) return clusterErrors.profileEmpty();
  const header = grid[0].map(headerKey);
  if (header.length < 7 || HEADER.some((h, i) => header[i] !== h)) {
    return clusterErrors.profileHeader(
      grid[0].map((c) => (isBlank(c) ? "(blank)" : String(c))).join(" | ")
    );
  }
  const rows: ProfileRow[] = [];
  const seen = new Map<string, number>();
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r];
    const rowNo = r + 1;
    if (isBlankRow(cells)) continue;
    const code = toNumber(cells[0]);
    const info = clusterInfo(code);
    if (!info || info.code === 0) return clusterErrors.profileCluster(rowNo, cells[0]);
    const item = itemIndex(cells[1]);
    if (item < 0) return clusterErrors.profileItem(rowNo, cells[1]);
    const marks: Mark[] = [];
    for (let rating = 0; rating <= 4; rating++) {
      const mark = parseMark(cells[2 + rating]);
      if (mark === null) return clusterErrors.profileCell(rowNo, rating, cells[2 + rating]);
      marks.push(mark);
    }
    const key = `${code}/${item}`;
    const first = seen.get(key);
    if (first !== undefined)
      return clusterErrors.profileDuplicate(rowNo, first, code, ITEMS[item].id);
    seen.set(key, rowNo);
    rows.push({ row: rowNo, cluster: code, item, marks });
  }
  if (rows.length === 0) return clusterErrors.profileEmpty();
  return rows;
}

const POINTS: Record<Mark, number> = { R: 2, O: 2, Y: 1, "": 0 };

/** Compile validated profile rows into the engine's lookup tables. */
export function compileProfile(rows: readonly ProfileRow[]): Profile {
  const codes = [...new Set(rows.map((r) => r.cluster))].sort((a, b) => a - b);
  const indexOf = new Int8Array(22).fill(-1);
  codes.forEach((code, k) => (indexOf[code] = k));
  const blank: Mark[] = ["", "", "", "", ""];
  const marks: Mark[][][] = codes.map(() => Array.from({ length: ITEM_COUNT }, () => blank));
  for (const r of rows) marks[indexOf[r.cluster]][r.item] = [...r.marks];

  const packed = new Int32Array(ITEM_COUNT * SLOTS * GROUPS);
  const redFail = new Int32Array(ITEM_COUNT * SLOTS);
  const redItems = new Int32Array(ITEM_COUNT);
  const classMask: Record<SuperClass, number> = { A: 0, B: 0, C: 0, Z: 0 };
  codes.forEach((code, k) => {
    const bit = 1 << k;
    classMask[clusterInfo(code)!.superclass] |= bit;
    const group = Math.floor(k / PER_GROUP);
    const shift = BITS * (k % PER_GROUP);
    for (let item = 0; item < ITEM_COUNT; item++) {
      const m = marks[k][item];
      const hasRed = m.includes("R");
      if (hasRed) redItems[item] |= bit;
      for (let rating = 0; rating <= 4; rating++) {
        const slot = item * SLOTS + rating;
        packed[slot * GROUPS + group] += POINTS[m[rating]] << shift;
        if (hasRed && m[rating] !== "R") redFail[slot] |= bit;
      }
    }
  });
  return {
    codes,
    indexOf,
    marks,
    packed,
    redFail,
    redItems,
    classMask,
    allMask: (1 << codes.length) - 1,
  };
}

/** Read and compile a profile range. */
export function parseProfile(grid: Grid): Profile | PbrError {
  const rows = readProfileRows(grid);
  return rows instanceof PbrError ? rows : compileProfile(rows);
}

/** The ratings (0–4) a cluster's red rule on an item allows, or null when the item has no red rule. */
export function redAllowed(profile: Profile, k: number, item: number): number[] | null {
  const m = profile.marks[k][item];
  if (!m.includes("R")) return null;
  const allowed: number[] = [];
  m.forEach((mark, rating) => mark === "R" && allowed.push(rating));
  return allowed;
}
