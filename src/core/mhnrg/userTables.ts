/**
 * Newer resource-group tables from a worksheet range.
 *
 * Rules: one range with the header Kind | Code | Population | Setting group | Setting | Crisis and
 * one row per rule: Kind "diagnosis" (Code "F20-F25" or "F48"), "team" (an MHSDS team type, its
 * setting group community/crisis/blank, setting letter and Crisis TRUE for a crisis team), "bed"
 * (an admitted patient class and its setting letter) or "referral" (a primary referral reason).
 * Population is the one-letter category (A, B, C, E, F, S, Y, Z) or blank (cannot classify). The
 * kinds given replace the built-in tables of that kind; the others stay built in.
 *
 * Prices: a range with the header Code | Unit price (optionally Unit and Note, as PBR.MHNRGTABLE
 * spills them); a blank price marks a specialised service.
 */
import { PbrError, show } from "../errors";
import {
  headerKey,
  headerMismatch,
  isBlank,
  isBlankRow,
  toKey,
  toNumber,
  type Grid,
} from "../values";
import { mhnrgErrors } from "./errors";
import { compileRules, defaultMhnrgRules, type MhnrgPrice, type MhnrgRules } from "./tables";

const RULE_HEADER = ["kind", "code", "population", "settinggroup", "setting", "crisis"];
const CATEGORIES = new Set(["A", "B", "C", "E", "F", "S", "Y", "Z", ""]);

export function parseMhnrgRules(grid: Grid): MhnrgRules | PbrError {
  const found = headerMismatch(grid, RULE_HEADER);
  if (found !== null) return mhnrgErrors.rulesHeader(found);
  const base = defaultMhnrgRules();
  const diagnosis: [string, string, string][] = [];
  const teams: [string, string, string, string, boolean, boolean][] = [];
  const beds: [string, string, string, string][] = [];
  const referrals: [string, string][] = [];
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r];
    if (!Array.isArray(cells) || isBlankRow(cells)) continue;
    const row = r + 1;
    const kind = toKey(cells[0]).toLowerCase();
    const code = typeof cells[1] === "number" ? String(cells[1]) : toKey(cells[1]).toUpperCase();
    const cat = toKey(cells[2]).toUpperCase();
    if (!CATEGORIES.has(cat))
      return mhnrgErrors.rulesRow(
        row,
        `population ${show(cells[2])} is not A, B, C, E, F, S, Y, Z or blank`
      );
    if (code === "") return mhnrgErrors.rulesRow(row, "Code is blank");
    if (kind === "diagnosis") {
      const m = /^([A-Z]\d{2})(?:\s*[-–]\s*([A-Z]\d{2}))?$/.exec(code);
      if (!m)
        return mhnrgErrors.rulesRow(
          row,
          `diagnosis ${show(cells[1])} is not an ICD-10 code or range such as F20-F25`
        );
      diagnosis.push([m[1], m[2] ?? m[1], cat]);
    } else if (kind === "team") {
      const group = toKey(cells[3]).toLowerCase();
      if (group !== "" && group !== "community" && group !== "crisis")
        return mhnrgErrors.rulesRow(
          row,
          `setting group ${show(cells[3])} is not community, crisis or blank`
        );
      const setting = toKey(cells[4]).toUpperCase();
      if (group !== "" && !/^[A-D]$/.test(setting))
        return mhnrgErrors.rulesRow(row, `setting ${show(cells[4])} is not A–D`);
      const crisis = cells[5] === true || /^true$/i.test(toKey(cells[5]));
      teams.push([code, cat, group, setting, crisis, false]);
    } else if (kind === "bed") {
      const setting = toKey(cells[4]).toUpperCase();
      if (!/^[A-D]$/.test(setting))
        return mhnrgErrors.rulesRow(row, `setting ${show(cells[4])} is not A–D`);
      beds.push([code, "", cat, setting]);
    } else if (kind === "referral") {
      referrals.push([/^\d$/.test(code) ? `0${code}` : code, cat]);
    } else {
      return mhnrgErrors.rulesRow(
        row,
        `kind ${show(cells[0])} is not diagnosis, team, bed or referral`
      );
    }
  }
  const keep = <T>(given: T[], builtIn: () => T[]) => (given.length > 0 ? given : builtIn());
  return compileRules({
    diagnosis: keep(diagnosis, () => {
      const out: [string, string, string][] = [];
      for (const [code, cat] of base.diagnosis) out.push([code, code, cat]);
      return out;
    }),
    groups: [...base.groups].map(
      ([cat, g]) => [cat, g.group, g.name, g.cyp] as [string, string, string, boolean]
    ),
    teams: keep(teams, () =>
      [...base.teams].map(([c, t]) => [
        c,
        t.category,
        t.settingGroup,
        t.settingCode,
        t.crisis,
        t.urgentOnly,
      ])
    ),
    beds: keep(beds, () =>
      [...base.beds].map(([c, b]) => [c, b.version, b.category, b.settingCode])
    ),
    referrals: keep(referrals, () => [...base.referrals]),
    source: "rules from your worksheet range",
  });
}

export function parseMhnrgPrices(grid: Grid): Map<string, MhnrgPrice> | PbrError {
  if (!Array.isArray(grid) || grid.length === 0 || !Array.isArray(grid[0]))
    return new PbrError("#VALUE!", "prices must be a range with the header Code | Unit price");
  const header = grid[0].map(headerKey);
  const codeAt = header.indexOf("code");
  const priceAt = header.findIndex((h) => h === "unitprice" || h === "price" || h === "dayprice");
  const unitAt = header.indexOf("unit");
  const noteAt = header.indexOf("note");
  if (codeAt < 0 || priceAt < 0)
    return new PbrError(
      "#VALUE!",
      "prices must have a Code column and a Unit price column in the header row"
    );
  const out = new Map<string, MhnrgPrice>();
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r];
    if (!Array.isArray(cells) || isBlankRow(cells)) continue;
    const code = toKey(cells[codeAt]).toUpperCase();
    if (code === "") continue;
    const raw = cells[priceAt];
    const price = isBlank(raw) ? null : toNumber(raw);
    if (price !== null && !(price >= 0))
      return new PbrError(
        "#VALUE!",
        `price table row ${r + 1}: price ${show(raw)} is not a number of at least 0`
      );
    const unit =
      unitAt >= 0 ? toKey(cells[unitAt]) : code.slice(3, 5) === "98" ? "Bed Day" : "Contact";
    out.set(code, { code, unit, price, note: noteAt >= 0 ? toKey(cells[noteAt]) : "" });
  }
  return out;
}
