/**
 * The built-in super class rules used when neither a super class nor a profile is given.
 * INDICATIVE ONLY: authored by PbR Toolkit (scripts/author-superclass-rules.mjs) from the public
 * descriptions; a trust loads its own rules as a range (Rule | Super class | When | Reason).
 */
import data from "./default-superclass-rules.json";
import { PbrError } from "../errors";
import { parseSuperclassRules, type SuperclassRules } from "./superclass";

export const DEFAULT_RULES_TITLE: string = data.title;
export const DEFAULT_RULES_NOTE: string = data.note;

/** The default rules as a worksheet range: header row then one row per rule. */
export function defaultSuperclassRulesGrid(): string[][] {
  return [data.header, ...data.rows.map((r) => [...r])];
}

let compiled: SuperclassRules | undefined;

export function defaultSuperclassRules(): SuperclassRules {
  if (!compiled) {
    const rules = parseSuperclassRules(defaultSuperclassRulesGrid());
    if (rules instanceof PbrError)
      throw new Error(`built-in super class rules are invalid: ${rules.message}`);
    compiled = rules;
  }
  return compiled;
}
