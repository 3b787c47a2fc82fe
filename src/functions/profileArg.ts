/** The optional `profile` argument: omitted → the built-in indicative profile; a range → parsed and cached. */
import { PbrError } from "../core/errors";
import { defaultProfile } from "../core/clusters/defaultProfile";
import { parseProfile, type Profile } from "../core/clusters/profile";
import { isOmitted, type Grid } from "../core/values";

const cache = new Map<string, Profile | PbrError>();
const CACHE_SIZE = 16;

export function profileArg(arg: unknown): Profile | PbrError {
  if (isOmitted(arg)) return defaultProfile();
  if (!Array.isArray(arg)) return new PbrError("#VALUE!", "profile must be a range with the header Cluster | Item | 0 | 1 | 2 | 3 | 4");
  const grid = arg as Grid;
  const key = JSON.stringify(grid);
  let profile = cache.get(key);
  if (!profile) {
    profile = parseProfile(grid);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, profile);
  }
  return profile;
}
