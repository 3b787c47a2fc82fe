/**
 * Property tests for the risk-share money maths. Tolerances are relative to the amounts involved
 * (1e-9 of the larger of plan and activity), i.e. far below a penny on any real contract.
 */
import fc from "fast-check";
import { PbrError } from "../../../src/core/errors";
import { readBandPair, type BandPair } from "../../../src/core/riskshare/bands";
import { payment, settlementRow, type Limits } from "../../../src/core/riskshare/settle";
import { scenariosTable } from "../../../src/core/riskshare/scenarios";
import { varianceTable } from "../../../src/core/riskshare/variance";

const NONE: Limits = { cap: null, collar: null };

interface Table {
  grid: unknown[][];
  /** Finite band edges (fractions of plan). */
  edges: number[];
}

/** A valid band table of 1–5 bands: contiguous from 0, last one open. */
const table = (rate: fc.Arbitrary<number> = fc.double({ min: 0, max: 1, noNaN: true })): fc.Arbitrary<Table> =>
  fc
    .array(fc.record({ width: fc.double({ min: 0.001, max: 0.4, noNaN: true }), rate }), { minLength: 1, maxLength: 5 })
    .map((bands) => {
      const grid: unknown[][] = [["From", "To", "Rate"]];
      const edges: number[] = [];
      let from = 0;
      bands.forEach((b, i) => {
        const last = i === bands.length - 1;
        const to = last ? "" : from + b.width;
        grid.push([from, to, b.rate]);
        if (!last) edges.push(to as number);
        if (!last) from = to as number;
      });
      return { grid, edges };
    });

function pairOf(over: Table, under?: Table): BandPair {
  const p = readBandPair(over.grid, under ? under.grid : null);
  if (p instanceof PbrError) throw new Error(p.message);
  return p;
}

const plan = fc.oneof(fc.constant(0), fc.double({ min: 1, max: 1e9, noNaN: true }));
const fraction = fc.double({ min: 0, max: 3, noNaN: true });
const limit = fc.option(fc.double({ min: 0, max: 0.5, noNaN: true }), { nil: null });
const tol = (...xs: number[]) => 1e-9 * Math.max(1, ...xs.map(Math.abs));

describe("risk-share properties", () => {
  it("payment is continuous at every band edge, above and below plan", () => {
    fc.assert(
      fc.property(table(), table(), fc.double({ min: 1, max: 1e9, noNaN: true }), (over, under, P) => {
        const b = pairOf(over, under);
        const d = P * 1e-7;
        const check = (edges: number[], sign: number) => {
          for (const e of edges) {
            if (sign < 0 && e >= 1) continue; // activity cannot fall below 0
            const at = P * (1 + sign * e);
            const below = payment(b, P, at - d, NONE);
            const above = payment(b, P, at + d, NONE);
            // a jump would show as a difference larger than the slope (≤ 1) allows across 2d
            expect(Math.abs(above - below)).toBeLessThanOrEqual(2 * d + tol(P));
          }
        };
        check(over.edges, 1);
        check(under.edges, -1);
      })
    );
  });

  it("payment never decreases as actual activity rises", () => {
    fc.assert(
      fc.property(table(), table(), plan, fraction, fraction, limit, limit, (over, under, P, x, y, cap, collar) => {
        const b = pairOf(over, under);
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const limits = { cap, collar };
        expect(payment(b, P, P * lo, limits)).toBeLessThanOrEqual(payment(b, P, P * hi, limits) + tol(P, P * hi));
      })
    );
  });

  it("with every rate 1 and no cap or collar, payment = activity value", () => {
    fc.assert(
      fc.property(table(fc.constant(1)), plan, fc.double({ min: 0, max: 1e9, noNaN: true }), (t, P, V) => {
        expect(Math.abs(payment(pairOf(t), P, V, NONE) - V)).toBeLessThanOrEqual(tol(P, V));
      })
    );
  });

  it("with every rate 0, payment = plan exactly", () => {
    fc.assert(
      fc.property(table(fc.constant(0)), table(fc.constant(0)), plan, fc.double({ min: 0, max: 1e9, noNaN: true }), (o, u, P, V) => {
        expect(payment(pairOf(o, u), P, V, NONE)).toBe(P);
      })
    );
  });

  it("payment is always within the cap and collar", () => {
    fc.assert(
      fc.property(table(), table(), plan, fraction, limit, limit, (over, under, P, x, cap, collar) => {
        const paid = payment(pairOf(over, under), P, P * x, { cap, collar });
        if (cap !== null) expect(paid).toBeLessThanOrEqual(P * (1 + cap));
        if (collar !== null) expect(paid).toBeGreaterThanOrEqual(P * (1 - collar));
      })
    );
  });

  it("without limits, payment lies between plan and activity value (no rate exceeds 1)", () => {
    fc.assert(
      fc.property(table(), table(), plan, fraction, (over, under, P, x) => {
        const V = P * x;
        const paid = payment(pairOf(over, under), P, V, NONE);
        expect(paid).toBeGreaterThanOrEqual(Math.min(P, V) - tol(P, V));
        expect(paid).toBeLessThanOrEqual(Math.max(P, V) + tol(P, V));
      })
    );
  });

  it("provider gain − change against plan = P − V", () => {
    fc.assert(
      fc.property(table(), table(), plan, fraction, limit, limit, (over, under, P, x, cap, collar) => {
        const V = P * x;
        const [, value, gain, change] = settlementRow(pairOf(over, under), P, V, { cap, collar });
        expect(value).toBe(V);
        expect(Math.abs(gain - change - (P - V))).toBeLessThanOrEqual(tol(P, V));
      })
    );
  });

  it("each scenario row is the settlement of P × (1 + variance)", () => {
    fc.assert(
      fc.property(table(), plan, fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }), limit, (t, P, vs, cap) => {
        const out = scenariosTable({ plan: [[P]], variances: vs.map((v) => [v]), bands: t.grid, cap: [[cap ?? ""]] }) as number[][];
        const b = pairOf(t);
        vs.forEach((v, i) => {
          const s = settlementRow(b, P, P * (1 + v), { cap, collar: null });
          expect(out[i + 1]).toEqual([v, s[1], s[0], s[2], s[3]]);
        });
      })
    );
  });

  it("volume + mix = total (the variance decomposition adds up)", () => {
    const line = fc.record({
      code: fc.integer({ min: 0, max: 21 }),
      plan: fc.double({ min: 0, max: 1e5, noNaN: true }),
      actual: fc.double({ min: 0, max: 1e5, noNaN: true }),
      price: fc.double({ min: 0, max: 1e3, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (lines) => {
        fc.pre(lines.reduce((s, l) => s + l.plan, 0) > 0);
        const out = varianceTable(
          lines.map((l) => [l.code]),
          lines.map((l) => [l.plan]),
          lines.map((l) => [l.actual]),
          lines.map((l) => [l.price])
        ) as number[][];
        const [volume, mix, total] = out[0];
        const P = lines.reduce((s, l) => s + l.plan * l.price, 0);
        const V = lines.reduce((s, l) => s + l.actual * l.price, 0);
        // floating-point error scales with the largest term: volume and mix can each be much
        // larger than the total when they nearly cancel
        expect(Math.abs(volume + mix - total)).toBeLessThanOrEqual(tol(P, V, volume, mix));
        expect(Math.abs(total - (V - P))).toBeLessThanOrEqual(tol(P, V));
      })
    );
  });
});
