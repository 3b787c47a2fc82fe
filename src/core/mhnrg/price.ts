/**
 * PBR.MHNRGPRICE: the 2026/27 indicative unit price of a resource group (per bed day for family
 * 98, per contact otherwise), times the Market Forces Factor. A code with no row in the table is
 * priced at the first of: its group's Z setting, MBU with the same family and setting, MBU's Z
 * setting for the family. A specialised code (listed with no price: commissioned by NHS England)
 * is #N/A saying so, unless the user asks for that same fallback.
 */
import { PbrError } from "../errors";
import { toKey, type CellValue } from "../values";
import { mhnrgErrors } from "./errors";
import { CODE_PATTERN, type MhnrgPrice } from "./tables";

export interface Priced {
  price: number;
  unit: string;
  /** The code whose price was used (differs from the code asked for after a fallback). */
  priced: string;
  note: string;
}

function fallbacks(code: string): string[] {
  const family = code.slice(3, 5);
  const setting = code[5];
  const group = code.slice(0, 3);
  const out = [
    `${group}${family}Z`,
    `MBU${family === "99" ? "97" : family}${setting}`,
    `MBU${family === "99" ? "97" : family}Z`,
  ];
  return out.filter((c) => c !== code);
}

export function priceFor(
  prices: Map<string, MhnrgPrice>,
  value: CellValue,
  row: number,
  fallback: boolean
): Priced | PbrError {
  const code = toKey(value).toUpperCase();
  if (!CODE_PATTERN.test(code)) return mhnrgErrors.unknownCode(row, value);
  const own = prices.get(code);
  if (own && own.price !== null)
    return { price: own.price, unit: own.unit, priced: code, note: "" };
  if (own && !fallback) return mhnrgErrors.specialised(row, code);
  for (const alt of fallbacks(code)) {
    const p = prices.get(alt);
    if (p && p.price !== null) {
      const why = own
        ? `${code} is specialised (out of scope); priced as ${alt} on request`
        : `${code} has no price in the table; priced as ${alt}`;
      return { price: p.price, unit: p.unit, priced: alt, note: why };
    }
  }
  return mhnrgErrors.noPrice(row, code);
}
