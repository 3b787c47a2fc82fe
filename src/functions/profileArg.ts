/** The optional `profile` argument: omitted → the built-in indicative profile; a range → parsed and cached. */
import { PbrError } from "../core/errors";
import { defaultProfile } from "../core/clusters/defaultProfile";
import { parseProfile, type Profile } from "../core/clusters/profile";
import { isOmitted, type Grid } from "../core/values";
import { tableCache } from "./tableCache";

const parse = tableCache(parseProfile);

export function profileArg(arg: unknown): Profile | PbrError {
  if (isOmitted(arg)) return defaultProfile();
  if (!Array.isArray(arg)) {
    return new PbrError(
      "#VALUE!",
      "profile must be a range with the header Cluster | Item | 0 | 1 | 2 | 3 | 4"
    );
  }
  return parse(arg as Grid);
}
