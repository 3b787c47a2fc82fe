/**
 * Accepting a suggested PBR function while typing a formula, as Excel does: the highlighted name in
 * the help list (the first, or one picked with the arrow keys) replaces the partly typed name, and
 * an opening bracket follows, so Tab or Enter after "=PBR.TA" gives "=PBR.TARIFF(" to go on typing,
 * never a committed "=PBR.TA" that can only be #NAME?.
 */
import type { PbrFunctionEntry } from "../../workbook/embedded/registry";
import { formulaHelp } from "./formulaHelp";

/** Text being typed and where its caret is. */
export interface Typed {
  text: string;
  caret: number;
}

/** What a key does to the text while the help lists functions: move the highlight or accept it. */
export type SuggestionKey =
  { kind: "move"; highlight: number } | { kind: "accept"; typed: Typed } | null;

/** The suggested names for `typed` (empty when the help is not listing functions). */
export function suggestions(typed: Typed, functions: readonly PbrFunctionEntry[]): string[] {
  const help = formulaHelp(typed.text, typed.caret, functions);
  return help?.kind === "functions" ? help.items.map((i) => i.name) : [];
}

/** `typed` with the partly typed PBR name before the caret replaced by `name` and "(". */
export function acceptSuggestion(typed: Typed, name: string): Typed {
  const before = typed.text.slice(0, typed.caret);
  const partial = /PBR\.[A-Za-z0-9]*$/i.exec(before);
  const start = partial ? partial.index : typed.caret;
  // An opening bracket already typed after the caret is kept, not doubled.
  const rest = typed.text.slice(typed.caret);
  const head = `${before.slice(0, start)}${name}(`;
  return { text: head + (rest.startsWith("(") ? rest.slice(1) : rest), caret: head.length };
}

/**
 * The effect of `key` on `typed` with the `highlight`ed suggestion: ArrowDown/ArrowUp move the
 * highlight (wrapping), Tab and Enter accept it. Null when the key is not for the list (no list
 * shown, or another key), so the editor does what it always does.
 */
export function suggestionKey(
  key: string,
  typed: Typed,
  highlight: number,
  functions: readonly PbrFunctionEntry[]
): SuggestionKey {
  const names = suggestions(typed, functions);
  if (names.length === 0) return null;
  const at = Math.min(Math.max(0, highlight), names.length - 1);
  if (key === "ArrowDown") return { kind: "move", highlight: (at + 1) % names.length };
  if (key === "ArrowUp") return { kind: "move", highlight: (at - 1 + names.length) % names.length };
  if (key === "Tab" || key === "Enter")
    return { kind: "accept", typed: acceptSuggestion(typed, names[at]) };
  return null;
}
