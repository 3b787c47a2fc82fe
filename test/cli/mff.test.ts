/**
 * pbr-toolkit mhnrg with each row's Market Forces Factor from a column: every output row against
 * the pane's answer for the row times core's readMff of the row's cell (blank → --mff), and a
 * refused MFF in error with core's own kind and message, never a failed run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readMff } from "../../src/core/tariff/mff";
import { PbrError } from "../../src/core/errors";
import { isBlank } from "../../src/core/values";
import { compareWithPane, type MffOf } from "./compare";
import { messyExtract, paneAnswer, readCsv, runCli, writeCsv } from "./support";

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "pbr-cli-mff-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** MFF cells as trusts' files hold them, good and bad (the bad ones each a different refusal). */
const MFFS = [
  "",
  "",
  "1.0461",
  " £1.05 ",
  "1,000",
  "£1,000.5",
  "1",
  "1.00",
  "1e0",
  "\u00a01.12\u00a0",
  "\ufeff1.05", // a byte-order mark: blank-trimmed by core's trim, and fetched intact from DuckDB
  "0.99",
  "0",
  "-1.05",
  "abc",
  "£",
  "1e400",
  "1000000000000001",
  "TRUE",
  "1.05.1",
  "   ",
];

/** A messy extract with an MFF column (header `header`), seeded. */
function withMff(n: number, seed: number, header: string): string[][] {
  const grid = messyExtract(n, seed);
  let s = seed;
  return grid.map((row, i) => {
    s = (s * 69069 + 1) % 4294967296;
    return [...row, i === 0 ? header : MFFS[s % MFFS.length]];
  });
}

/** Core's reading of each row's MFF cell (column `c`), blank → `fallback`. */
const coreMff =
  (grid: string[][], c: number, fallback: number): MffOf =>
  (row) => {
    const cell = grid[row - 1][c];
    return isBlank(cell) ? fallback : readMff(cell, row);
  };

async function run(grid: string[][], extra: string[] = []) {
  const input = join(dir, `in-${Math.random().toString(36).slice(2)}.csv`);
  const out = input.replace("in-", "out-");
  writeCsv(input, grid);
  const ran = await runCli(["mhnrg", input, "--out", out, ...extra]);
  expect(ran.err).not.toMatch(/\n\s+at /);
  return { ran, output: ran.code === 0 ? readCsv(out) : [] };
}

describe("pbr-toolkit mhnrg, MFF per row", () => {
  it("prices each row at its own MFF and puts core's error on a row whose MFF core refuses", async () => {
    const grid = withMff(3000, 4242, "MFF");
    const { ran, output } = await run(grid, ["--mff", "1.2"]);
    expect(ran.code).toBe(0);
    const { pre } = paneAnswer(grid);
    const mffOf = coreMff(grid, grid[0].length - 1, 1.2);
    expect(compareWithPane(grid, output, pre, mffOf).slice(0, 10)).toEqual([]);

    // The file reaches every kind of answer: core's refusals, blanks at --mff, own factors.
    const rows = pre.rows.filter((r) => !pre.invalid.some((i) => i.sheetRow === r.sheetRow));
    const refused = rows.filter((r) => mffOf(r.sheetRow) instanceof PbrError);
    expect(refused.length).toBeGreaterThan(100);
    expect(rows.some((r) => r.status === "ok" && mffOf(r.sheetRow) === 1.2)).toBe(true);
    expect(rows.some((r) => r.status === "ok" && mffOf(r.sheetRow) === 1000.5)).toBe(true);
    expect(ran.err).toContain('mff ← "MFF"');
    expect(ran.err).toContain("MFF 1.2 where a row's MFF cell is blank");

    // The summary counts the refused rows as rows in error, and totals the rows at their MFF.
    expect(ran.out).toMatch(
      new RegExp(
        `MFF not a number of at least 1\\.00: ${refused.length.toLocaleString("en-GB")} rows? `
      )
    );
    const value = rows.reduce((t, r) => {
      const f = mffOf(r.sheetRow);
      return t + (f instanceof PbrError || r.status === "left out" ? 0 : r.value * f);
    }, 0);
    const all = /^ {2}All\s+£([\d,.]+)\s/m.exec(ran.out)?.[1].replace(/,/g, "");
    expect(Math.abs(Number(all) - value)).toBeLessThan(0.01);
  });

  it("finds the column by its plain-English name, or by --map, and --map mff= ignores it", async () => {
    const grid = withMff(400, 9, "Market forces factor");
    const c = grid[0].length - 1;
    const plain = await run(grid);
    expect(plain.ran.code).toBe(0);
    expect(compareWithPane(grid, plain.output, paneAnswer(grid).pre, coreMff(grid, c, 1))).toEqual(
      []
    );

    const renamed = grid.map((r, i) => (i === 0 ? [...r.slice(0, c), "Provider index"] : r));
    const mapped = await run(renamed, ["--map", "mff=provider index", "--mff", "1.05"]);
    expect(mapped.ran.code).toBe(0);
    const pre = paneAnswer(renamed).pre;
    expect(compareWithPane(renamed, mapped.output, pre, coreMff(renamed, c, 1.05))).toEqual([]);

    // Not recognised, or mapped to nothing: one MFF for every row, whatever the column holds.
    const cases: [string[][], string[]][] = [
      [renamed, ["--mff", "1.05"]],
      [grid, ["--map", "mff=", "--mff", "1.05"]],
    ];
    for (const [input, args] of cases) {
      const one = await run(input, args);
      expect(one.ran.code).toBe(0);
      expect(compareWithPane(input, one.output, pre, 1.05)).toEqual([]);
      expect(one.ran.err).toContain("MFF 1.05 for every row (no MFF column)");
    }
  });

  it("a bad --mff is still exit 2 with core's message; an unknown --map header too", async () => {
    const grid = withMff(20, 1, "MFF");
    const bad = await run(grid, ["--mff", "0.9"]);
    expect(bad.ran.code).toBe(2);
    expect(bad.ran.err).toContain('--mff: MFF "0.9" must be a number of at least 1.00');
    const unknown = await run(grid, ["--map", "mff=Index"]);
    expect(unknown.ran.code).toBe(2);
    expect(unknown.ran.err).toMatch(/--map mff=Index: .* has no column "Index"/);
  });
});
