/* Shows formulaHelp under the formula bar while a formula is typed: the functions matching what was
   typed, or the signature with the current argument in bold and what it is for. */
import type { PbrFunctionEntry } from "../../workbook/embedded/registry";
import { formulaHelp } from "./formulaHelp";

export function FormulaHelpView({
  typing,
  functions,
}: {
  typing: { text: string; caret: number } | null;
  functions: readonly PbrFunctionEntry[];
}) {
  const help = typing ? formulaHelp(typing.text, typing.caret, functions) : null;
  // A screen reader hears a short line when it changes ("PBR.TARIFF, argument 2 of 6: days"), not
  // the whole list of functions again at every key typed.
  const said =
    help?.kind === "functions"
      ? `${help.items.length} PBR ${help.items.length === 1 ? "function matches" : "functions match"}`
      : help?.kind === "argument"
        ? `${help.name}, argument ${help.index + 1} of ${help.signature.length}: ${help.argument}`
        : "";
  return (
    <>
      <div
        className="pbr-visually-hidden"
        role="status"
        aria-live="polite"
        data-testid="formula-help-announcement"
      >
        {said}
      </div>
      <div className="pbr-formula-help" data-testid="formula-help" data-empty={!help}>
        {help?.kind === "functions" && (
          <ul aria-label="PBR functions">
            {help.items.map((f) => (
              <li key={f.name}>
                <strong>{f.name}</strong> {f.description}
              </li>
            ))}
          </ul>
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
