/**
 * The optional super class `rules` argument of the cluster functions:
 * - given a range: those rules (parsed once per content and cached);
 * - FALSE or "none": no super class step (every cluster in the profile is a candidate);
 * - omitted: the built-in indicative rules with the built-in profile, and no step with a profile
 *   of your own, so workbooks that load their own grid keep the answers they had.
 */
import { PbrError } from "../core/errors";
import { defaultSuperclassRules } from "../core/clusters/defaultSuperclassRules";
import { parseSuperclassRules, type SuperclassRules } from "../core/clusters/superclass";
import { isOmitted, type Grid } from "../core/values";
import { tableCache } from "./tableCache";

const parse = tableCache(parseSuperclassRules);

function single(arg: unknown): unknown {
  return Array.isArray(arg) && arg.length === 1 && Array.isArray(arg[0]) && arg[0].length === 1
    ? arg[0][0]
    : arg;
}

export function rulesArg(rules: unknown, profile: unknown): SuperclassRules | null | PbrError {
  const v = single(rules);
  if (v === false || (typeof v === "string" && /^\s*(none|false)\s*$/i.test(v))) return null;
  if (isOmitted(rules)) return isOmitted(profile) ? defaultSuperclassRules() : null;
  if (!Array.isArray(rules))
    return new PbrError(
      "#VALUE!",
      "rules must be a range with the header Rule | Super class | When | Reason, or FALSE for no super class step"
    );
  return parse(rules as Grid);
}
