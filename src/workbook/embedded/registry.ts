/** How the embedded engine learns about a PBR.* function: the same description functions.json holds. */

export interface PbrParameter {
  name: string;
  /** "matrix" (a range arrives as rows of cells) or "scalar" (one value). */
  dimensionality: string;
  optional: boolean;
  /** The parameter's JSDoc description (for help while typing a formula). */
  description?: string;
}

export interface PbrFunctionEntry {
  /** The id without the namespace, as in functions.json: "CLUSTER" is called as PBR.CLUSTER. */
  id: string;
  /** The Excel adapter's function: Excel-style arguments in (null when omitted), rows of cells out. */
  fn: (...args: any[]) => any[][];
  parameters: readonly PbrParameter[];
  /** The function's one-line JSDoc description, as functions.json holds it. */
  description?: string;
}

/** The namespace the manifest gives the custom functions. */
export const NAMESPACE = "PBR";

export const qualifiedName = (id: string) => `${NAMESPACE}.${id.toUpperCase()}`;

/**
 * What is wrong with the number of arguments a formula gives a function, in words naming them
 * ("PBR.TARIFF needs at least 3 arguments (code, days, prices); got 1"), or null when it is right.
 * The engine's own message ("Wrong number of arguments.") names none. Excel itself refuses such a
 * formula as it is typed, so this is for the embedded engine only.
 */
export function argumentCountProblem(
  id: string,
  parameters: readonly Pick<PbrParameter, "name" | "optional">[],
  given: number
): string | null {
  const required = parameters.filter((p) => !p.optional);
  const most = parameters.length;
  if (given >= required.length && given <= most) return null;
  const name = qualifiedName(id);
  const plural = (n: number) => `${n} argument${n === 1 ? "" : "s"}`;
  const all = parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
  if (given > most)
    return most === 0
      ? `${name} takes no arguments; got ${given}`
      : `${name} takes at most ${plural(most)} (${all}); got ${given}`;
  const needed = required.map((p) => p.name).join(", ");
  const exact = required.length === most;
  return `${name} needs ${exact ? "" : "at least "}${plural(required.length)} (${needed}${
    exact
      ? ""
      : `; also takes ${parameters
          .filter((p) => p.optional)
          .map((p) => p.name)
          .join(", ")}`
  }); got ${given}`;
}
