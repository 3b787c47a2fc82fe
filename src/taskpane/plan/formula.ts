/** Writing formula text: function calls with optional arguments, absolute references, criteria. */
import { parseRange } from "../../workbook/address";

/**
 * `=PBR.NAME(a, b, , d)`: blank/undefined arguments are left empty (Excel passes null, which the
 * PBR functions read as "use the default"); trailing empty arguments are dropped.
 */
export function call(
  name: string,
  args: readonly (string | number | null | undefined)[],
  asFormula = true
): string {
  const parts = args.map((a) => (a === null || a === undefined ? "" : String(a)));
  while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  const text = `${name}(${parts.join(",")})`;
  return asFormula ? `=${text}` : text;
}

/** "B3:D10" → "$B$3:$D$10". */
export function absolute(address: string): string {
  return address
    .split(":")
    .map((a) => a.replace(/^\$?([A-Za-z]{1,3})\$?(\d+)$/, "$$$1$$$2"))
    .join(":");
}

/** A text literal for a formula: "Team ""A""". */
export function text(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** The body (rows below the header) of a table at `address`, e.g. "A4:C10" → "A5:C10". */
export function bodyOf(address: string): {
  top: number;
  left: number;
  bottom: number;
  right: number;
} {
  const r = parseRange(address);
  return { ...r, top: r.top + 1 };
}
