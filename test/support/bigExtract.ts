/**
 * An activity extract just past Excel's 1,048,576 rows, generated (short lines, an ID per row so
 * rows are distinct but for one planted duplicate), and the Resource groups summary the core
 * functions give for it when its rows are streamed through them one by one (groupRow,
 * priceActivity, readAttended: the code of PBR.MHNRG and PBR.MHNRGPRICE), with the pane's
 * default answers (duplicates and blank units left out). For the browser test of the pane's
 * streamed journey and its benchmark.
 */
import { createWriteStream } from "node:fs";
import { PbrError } from "../../src/core/errors";
import { readAttended } from "../../src/core/mhnrg/attendance";
import { groupRow, readKind } from "../../src/core/mhnrg/group";
import { priceActivity } from "../../src/core/mhnrg/price";
import { defaultMhnrgPrices, defaultMhnrgRules } from "../../src/core/mhnrg/tables";

export const HEADER =
  "ID,Activity,Age,PrimDiag,ServTeamTypeRefToMH,HospitalBedTypeMH,PrimReasonReferralMH,AttendOrDNACode,Units";
/** Row shapes after the ID, cycled: contacts, spells, specialised, MAZ99Z, DNA, unlisted reasons. */
const SHAPES = [
  "contact,40,F20.0,A05,,,5,12",
  "contact,35,F32.1,A05,,,,3",
  "contact,40,,A05,,28,5,2",
  "spell,50,F20,,206,,,10",
  "spell,45,F20,,200,,,30",
  "spell,45,,,200,18,,4",
  "contact,30,,A06,,09,3,1",
  "contact,15,,A06,,31,,1",
  "contact,70,F00,C02,,,,2",
];
export const DATA_ROWS = 1_048_600; // past Excel's 1,048,576 rows (1,048,575 under a header)
/** Planted rows (1-based data row → line): a bad team type, bad units, a duplicate, blank units. */
const BAD_TEAM = 500_000;
const BAD_UNITS = 700_000;
const DUPLICATE = 900_000; // repeats data row 899,999 exactly
const BLANK = 1_000_000;

export function lineOf(i: number): string {
  if (i === BAD_TEAM) return `${i},contact,40,F20,X99,,,,1`;
  if (i === BAD_UNITS) return `${i},contact,40,F20,A05,,,,-2`;
  if (i === DUPLICATE) return lineOf(i - 1);
  if (i === BLANK) return `${i},spell,40,F32,,,,,`;
  return `${i},${SHAPES[i % SHAPES.length]}`;
}

export async function writeExtract(path: string): Promise<void> {
  const out = createWriteStream(path);
  const lines: string[] = [HEADER];
  for (let i = 1; i <= DATA_ROWS; i++) {
    lines.push(lineOf(i));
    if (lines.length === 50_000) {
      if (!out.write(lines.join("\n") + "\n"))
        await new Promise<void>((r) => out.once("drain", () => r()));
      lines.length = 0;
    }
  }
  out.end(lines.join("\n") + "\n");
  await new Promise<void>((r) => out.once("finish", () => r()));
}

/** Values in pence. */
export interface Expected {
  groups: Map<string, { value: number; units: number }>;
  value: number;
  units: number;
  mbu: number;
  unlisted: number;
  specialised: number;
  notAttended: number;
  leftOut: number;
}

/** The same rows streamed through the core functions, with the pane's default answers (leave out). */
export function expected(): Expected {
  const rules = defaultMhnrgRules();
  const prices = defaultMhnrgPrices();
  const e: Expected = {
    groups: new Map(),
    value: 0,
    units: 0,
    mbu: 0,
    unlisted: 0,
    specialised: 0,
    notAttended: 0,
    leftOut: 0,
  };
  const seen = new Set<string>();
  for (let i = 1; i <= DATA_ROWS; i++) {
    const text = lineOf(i);
    const [, kind, age, diag, team, bed, reason, attend, unitsText] = text.split(",");
    const repeat = seen.has(text);
    seen.add(text);
    const units = unitsText === "" ? null : Number(unitsText);
    if (units !== null && !(Number.isInteger(units) && units >= 0)) {
      e.leftOut++;
      continue;
    }
    const spell = readKind(kind) === 1;
    // Cells as the CSV gives them: text, "" when empty; no crisis column.
    const g = groupRow(rules, i + 1, kind, age, diag, spell ? bed : team, reason, null);
    const attended = spell ? true : readAttended(attend);
    if (g instanceof PbrError || typeof attended === "string" || repeat || units === null) {
      e.leftOut++;
      continue;
    }
    const group = e.groups.get(g.code) ?? { value: 0, units: 0 };
    e.groups.set(g.code, group);
    if (!attended) {
      e.notAttended++;
      continue;
    }
    const p = priceActivity(prices, g.code, spell ? bed || "unknown" : null, i + 1, false);
    // In whole pence, as a price list is: the sum of a million rows exact to the penny.
    const value = p instanceof PbrError ? 0 : Math.round(units * p.price * 100);
    group.value += value;
    group.units += units;
    e.value += value;
    e.units += units;
    if (g.code.startsWith("MBU")) e.mbu += units;
    if (p instanceof PbrError) e.specialised += units;
    else if (g.unlisted !== "" && g.tier === "unclassified") e.unlisted++;
  }
  return e;
}

/** The whole extract as one text (for a benchmark in memory). */
export function extractText(): string {
  const lines: string[] = [HEADER];
  for (let i = 1; i <= DATA_ROWS; i++) lines.push(lineOf(i));
  return lines.join("\n") + "\n";
}
