/**
 * Help while typing a formula, from the same metadata as functions.json: after "=PBR." (or a part
 * of a name) the matching functions with their one-line descriptions; inside a PBR call's brackets,
 * the signature with the current argument, its name and what it is for.
 */
import { NAMESPACE, type PbrFunctionEntry } from "../../workbook/embedded/registry";

export type FormulaHelp =
  | { kind: "functions"; items: { name: string; description: string }[] }
  | {
      kind: "argument";
      name: string;
      /** Parameter names, optional ones in [brackets]. */
      signature: string[];
      index: number;
      argument: string;
      description: string;
    }
  | null;

const MAX_LISTED = 8;

/** The innermost PBR call still open at `caret`, and which of its arguments the caret is in. */
function openCall(text: string, caret: number): { id: string; index: number } | null {
  const stack: { id: string | null; index: number }[] = [];
  let quoted = false;
  for (let i = 0; i < caret; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    if (quoted) continue;
    if (c === "(") {
      const name = /([A-Za-z][A-Za-z0-9.]*)\s*$/.exec(text.slice(0, i))?.[1] ?? "";
      const pbr = name.toUpperCase().startsWith(`${NAMESPACE}.`)
        ? name.slice(NAMESPACE.length + 1).toUpperCase()
        : null;
      stack.push({ id: pbr, index: 0 });
    } else if (c === ")") stack.pop();
    else if (c === "," && stack.length > 0) stack[stack.length - 1].index++;
  }
  for (let k = stack.length - 1; k >= 0; k--)
    if (stack[k].id) return { id: stack[k].id!, index: stack[k].index };
  return null;
}

export function formulaHelp(
  text: string,
  caret: number,
  functions: readonly PbrFunctionEntry[]
): FormulaHelp {
  if (!text.startsWith("=")) return null;
  const before = text.slice(0, caret);
  // Typing a name: "=PBR.", "=pbr.tar", "=SUM(PBR.FY"
  const partial = /(?:^|[^A-Za-z0-9.])PBR\.([A-Za-z0-9]*)$/i.exec(before);
  if (partial) {
    const prefix = partial[1].toUpperCase();
    const items = functions
      .filter((f) => f.id.startsWith(prefix))
      .slice(0, MAX_LISTED)
      .map((f) => ({ name: `${NAMESPACE}.${f.id}`, description: f.description ?? "" }));
    return items.length > 0 ? { kind: "functions", items } : null;
  }
  const call = openCall(text, caret);
  if (!call) return null;
  const fn = functions.find((f) => f.id === call.id);
  if (!fn) return null;
  const params = fn.parameters;
  if (params.length === 0) return null;
  const index = Math.min(call.index, params.length - 1);
  const p = params[index];
  return {
    kind: "argument",
    name: `${NAMESPACE}.${fn.id}`,
    signature: params.map((q) => (q.optional ? `[${q.name}]` : q.name)),
    index,
    argument: p.name,
    description: p.description ?? "",
  };
}
