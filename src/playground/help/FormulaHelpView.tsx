/* Shows formulaHelp while a formula is typed: the functions matching what was typed (the highlighted
   one is what Tab or Enter accepts), or the signature with the current argument in bold and what it
   is for. It floats beside the text being typed, over the grid, so the grid never moves. */
import type { PbrFunctionEntry } from "../../workbook/embedded/registry";
import { formulaHelp } from "./formulaHelp";

/** Where the text being typed is on screen (the cell editor or the formula bar), in viewport pixels. */
export interface HelpAnchor {
  left: number;
  top: number;
  bottom: number;
}

const ROOM_BELOW = 170; // the panel's most height (160 px) and a gap

/** Below the anchor, or above it when the viewport has no room below. */
function placement(at: HelpAnchor | undefined) {
  if (!at) return undefined;
  const below = typeof window === "undefined" || at.bottom + ROOM_BELOW <= window.innerHeight;
  return below ? { left: at.left, top: at.bottom + 2 } : { left: at.left, bottom: window.innerHeight - at.top + 2 };
}

export function FormulaHelpView({
  typing,
  functions,
  highlight = 0,
}: {
  typing: { text: string; caret: number; at?: HelpAnchor } | null;
  functions: readonly PbrFunctionEntry[];
  /** Which listed function Tab or Enter would accept. */
  highlight?: number;
}) {
  const help = typing ? formulaHelp(typing.text, typing.caret, functions) : null;
  const chosen = help?.kind === "functions" ? Math.min(highlight, help.items.length - 1) : -1;
  // A screen reader hears a short line when it changes ("PBR.TARIFF, argument 2 of 6: days"), not
  // the whole list of functions again at every key typed.
  const said =
    help?.kind === "functions"
      ? `${help.items.length} PBR ${help.items.length === 1 ? "function matches" : "functions match"}; Tab or Enter inserts ${help.items[chosen].name}`
      : help?.kind === "argument"
        ? `${help.name}, argument ${help.index + 1} of ${help.signature.length}: ${help.argument}`
        : "";
  return (
    <>
      <div className="pbr-visually-hidden" role="status" aria-live="polite" data-testid="formula-help-announcement">
        {said}
      </div>
      <div
        className="pbr-formula-help"
        data-testid="formula-help"
        data-empty={!help}
        style={help ? placement(typing?.at) : undefined}
      >
        {help?.kind === "functions" && (
          <ul aria-label="PBR functions">
            {help.items.map((f, i) => (
              <li
                key={f.name}
                aria-current={i === chosen ? "true" : undefined}
                className={i === chosen ? "pbr-help-chosen" : undefined}
              >
                <strong>{f.name}</strong> {f.description}
              </li>
            ))}
          </ul>
        )}
        {help?.kind === "functions" && (
          <div className="pbr-help-keys">Tab or Enter inserts {help.items[chosen].name}; ↑ ↓ choose</div>
        )}
        {help?.kind === "argument" && (
          <div>
            <span>
              {help.name}(
              {help.signature.map((p, i) => (
                <span key={p}>
                  {i > 0 ? ", " : ""}
                  {i === help.index ? <strong>{p}</strong> : p}
                </span>
              ))}
              )
            </span>
            <div>
              <strong>{help.argument}</strong>: {help.description}
            </div>
          </div>
        )}
      </div>
    </>
  );
}
