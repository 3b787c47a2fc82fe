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
