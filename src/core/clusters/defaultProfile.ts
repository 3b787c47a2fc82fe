/**
 * The built-in profile used when no profile range is given. INDICATIVE ONLY: authored by PbR
 * Toolkit from the published cluster descriptions (scripts/author-default-profile.mjs), not the
 * national Clustering Booklet grid, whose colour cells could not be read as text; each row's Source
 * column says which published words it follows or that it is ours. A trust loads its own grid.
 */
import data from "./default-profile.json";
import { PbrError } from "../errors";
import { parseProfile, type Profile } from "./profile";

export const DEFAULT_PROFILE_TITLE: string = data.title;
export const DEFAULT_PROFILE_NOTE: string = data.note;

/** The default profile as a worksheet range: header row then one row per (cluster, item). */
export function defaultProfileGrid(): (string | number)[][] {
  return [data.header, ...data.rows.map((r) => [...r])];
}

let compiled: Profile | undefined;

export function defaultProfile(): Profile {
  if (!compiled) {
    const p = parseProfile(defaultProfileGrid());
    if (p instanceof PbrError) throw new Error(`built-in profile is invalid: ${p.message}`);
    compiled = p;
  }
  return compiled;
}
