/**
 * Band tables: the tiered corridor of a risk-share agreement.
 *
 * A band table is a range with the header `From | To | Rate` (any order, other columns ignored).
 * From and To are fractions of plan P (0, 0.03, 0.10 …; a blank To means no upper limit) and Rate
 * is the marginal rate (0–1) at which the part of the variance |V − P| inside the band is paid
 * (over-performance) or refunded (under-performance). Bands must start at 0, be listed in
 * ascending order, be contiguous and non-overlapping, and the last one must be open (blank To),
 * so that every variance falls in exactly one band. Blank rows are skipped. A range without a
 * header row is read as From | To | Rate when its first cell is a number.
 *
 * Rows are counted as in the range (the header row is row 1) so messages point at the cell.
 */
import { PbrError, riskErrors, shapeErrors } from "../errors";
import {
  headerKey,
  isBlank,
  isBlankRow,
  isOmitted,
  toNumber,
  type CellValue,
  type Grid,
} from "../values";

export interface Bands {
  /** Lower edge of each band, as a fraction of plan (from[0] = 0). */
  readonly from: Float64Array;
  /** Upper edge of each band (the last is Infinity). */
  readonly to: Float64Array;
  readonly rate: Float64Array;
  /** Share accumulated below each band's lower edge, as a fraction of plan. */
  readonly base: Float64Array;
}

const COLUMNS = ["from", "to", "rate"] as const;
const LABELS = ["From", "To", "Rate"];

/** Column positions of From, To and Rate, and the first data row; or an error. */
function locateColumns(grid: Grid, what: string): { cols: number[]; first: number } | PbrError {
  const header = grid[0].map(headerKey);
  const cols = COLUMNS.map((c) => header.indexOf(c));
  if (cols.every((c) => c >= 0)) return { cols, first: 1 };
  if (cols.every((c) => c < 0) && grid[0].length >= 3 && Number.isFinite(toNumber(grid[0][0]))) {
    return { cols: [0, 1, 2], first: 0 };
  }
  if (grid[0].length < 3 && cols.every((c) => c < 0))
    return riskErrors.bandsNotRange(what, grid[0][0]);
  return shapeErrors.tableMissingColumns(
    what,
    LABELS.filter((_, i) => cols[i] < 0)
  );
}

/** Read and validate a band table. `what` names it in messages ("bands", "under-performance bands"). */
export function parseBands(arg: CellValue, what: string): Bands | PbrError {
  if (isOmitted(arg)) return riskErrors.bandsMissing(what);
  if (!Array.isArray(arg) || arg.length === 0 || !Array.isArray(arg[0]))
    return riskErrors.bandsNotRange(what, arg);
  const grid = arg as Grid;
  const located = locateColumns(grid, what);
  if (located instanceof PbrError) return located;
  const [fc, tc, rc] = located.cols;

  const from: number[] = [];
  const to: number[] = [];
  const rate: number[] = [];
  let prevRow = 0;
  for (let r = located.first; r < grid.length; r++) {
    const cells = grid[r];
    if (isBlankRow(cells)) continue;
    const row = r + 1;
    const f = toNumber(cells[fc]);
    if (!Number.isFinite(f)) return riskErrors.bandNotNumber(what, row, "From", cells[fc]);
    const open = isBlank(cells[tc]);
    const t = open ? Infinity : toNumber(cells[tc]);
    if (Number.isNaN(t)) return riskErrors.bandNotNumber(what, row, "To", cells[tc]);
    const k = rate.length;
    if (k === 0) {
      if (f !== 0) return riskErrors.bandStart(what, row, f);
    } else {
      const prevTo = to[k - 1];
      if (prevTo === Infinity) return riskErrors.bandOpenNotLast(what, prevRow);
      if (f > prevTo) return riskErrors.bandGap(what, row, f, prevRow, prevTo);
      if (f < prevTo) return riskErrors.bandOverlap(what, row, f, prevRow, prevTo);
    }
    if (!(t > f)) return riskErrors.bandEmpty(what, row, f, t);
    const rt = isBlank(cells[rc]) ? NaN : toNumber(cells[rc]);
    if (!(rt >= 0 && rt <= 1)) return riskErrors.bandRate(what, row, cells[rc]);
    from.push(f);
    to.push(t);
    rate.push(rt);
    prevRow = row;
  }
  const n = rate.length;
  if (n === 0) return riskErrors.bandsEmpty(what);
  if (to[n - 1] !== Infinity) return riskErrors.bandLastClosed(what, prevRow, to[n - 1]);

  const base = new Float64Array(n);
  for (let k = 1; k < n; k++) base[k] = base[k - 1] + rate[k - 1] * (to[k - 1] - from[k - 1]);
  return {
    from: Float64Array.from(from),
    to: Float64Array.from(to),
    rate: Float64Array.from(rate),
    base,
  };
}

/**
 * The amount paid (or refunded) for a variance of size `gap` = |V − P| ≥ 0 on a plan of `plan`:
 * Σ over bands of rate × (part of gap inside the band), with band edges at plan × From.
 * With plan 0 every edge is 0, so the whole gap falls in the last (open) band.
 */
export function shared(bands: Bands, plan: number, gap: number): number {
  const { from, to, rate, base } = bands;
  const last = rate.length - 1;
  let k = last;
  for (let j = 0; j < last; j++) {
    if (gap < plan * to[j]) {
      k = j;
      break;
    }
  }
  return plan * base[k] + rate[k] * (gap - plan * from[k]);
}

export interface BandPair {
  /** Applies when activity is above plan. */
  readonly over: Bands;
  /** Applies when activity is below plan (the same table unless one was given). */
  readonly under: Bands;
}

/** The band table, and the under-performance table (defaults to the same table when omitted). */
export function readBandPair(bands: CellValue, underBands: CellValue): BandPair | PbrError {
  const over = parseBands(bands, "bands");
  if (over instanceof PbrError) return over;
  if (isOmitted(underBands)) return { over, under: over };
  const under = parseBands(underBands, "under-performance bands");
  if (under instanceof PbrError) return under;
  return { over, under };
}

/** Clamp a payment to [base × (1 − collar), base × (1 + cap)]; null means no limit that side. */
export function clamp(
  payment: number,
  base: number,
  cap: number | null,
  collar: number | null
): number {
  if (cap !== null) {
    const hi = base * (1 + cap);
    if (payment > hi) return hi;
  }
  if (collar !== null) {
    const lo = base * (1 - collar);
    if (payment < lo) return lo;
  }
  return payment;
}
