/**
 * A deliberately plain reference for resource-group grouping, straight from the source tables
 * (linear scans of tables.json, no maps), used by the benchmark to check the fast path.
 */
import data from "../../src/core/mhnrg/tables.json";

function diagCategory(diag: string): string {
  if (diag === "") return "";
  const d = diag.trim().toUpperCase().slice(0, 3);
  for (const [start, end, cat] of data.diagnosis as string[][]) if (d >= start && d <= end && d[0] === start[0]) return cat;
  return "";
}

export function referenceMhnrg(kind: string, age: number | null, diag: string, service: string, reason: string, crisis: boolean): string {
  const contact = kind === "contact";
  const team = contact ? (data.teams as unknown[][]).find((t) => t[0] === service) : undefined;
  const bed = contact ? undefined : (data.beds as unknown[][]).find((b) => b[0] === service);
  const serviceCat = String((team ?? bed ?? [])[contact ? 1 : 2] ?? "");
  const reasonCat = String(((data.referrals as string[][]).find((r) => r[0] === reason) ?? [])[1] ?? "");
  const dc = diagCategory(diag);
  const groupOf = (cat: string) => String(((data.groups as unknown[][]).find((g) => g[0] === cat) ?? [])[1] ?? "MBU");
  let group: string;
  if (age !== null && age < 18) {
    let cat = "";
    if (contact && serviceCat === "S") cat = "S";
    else cat = dc || serviceCat || reasonCat;
    group = cat === "" || !["C", "S", "Y"].includes(cat) ? "MCG" : groupOf(cat);
  } else {
    const cat = dc || (serviceCat !== "S" ? serviceCat : "") || (reasonCat !== "S" ? reasonCat : "");
    group = cat === "" ? "MBU" : groupOf(cat);
  }
  if (!contact) return group === "MAZ" ? "MAZ99Z" : `${group}98${bed ? String(bed[3]) : "Z"}`;
  if (group === "MCS") return "MCS99Z";
  const settingGroup = team ? String(team[2]) : "";
  const setting = team ? String(team[3]) : "";
  if (group === "MAZ") return `MAZ99${settingGroup === "crisis" ? setting : "Z"}`;
  if (settingGroup === "community") return `${group}96${setting}`;
  if (settingGroup === "crisis") return `${group}97${setting}`;
  return `${group}${crisis || (team ? team[4] === true : false) ? "97" : "96"}Z`;
}
