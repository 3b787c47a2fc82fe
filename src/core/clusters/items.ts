/** The 18 Mental Health Clustering Tool (MHCT) rating scales, in the order ratings arrive (items.json). */
import data from "./items.json";
import scale from "./rating-scale.json";

export interface MhctItem {
  /** Label as written on the tool: "1"–"13", then "A"–"E". */
  readonly id: string;
  /** Full scale name (NHS Data Dictionary). */
  readonly name: string;
  /** Short name for messages. */
  readonly short: string;
  readonly part: "current" | "historical";
}

export const ITEMS = data as readonly MhctItem[];

export const ITEM_COUNT = 18;

/** What each rating means on every MHCT scale (rating-scale.json): 0–4, and 9 for not known. */
export const RATING_SCALE: Readonly<Record<string, string>> = scale;

/**
 * Index (0–17) of an item label: "1"–"13", "A"–"E" (any case), or "14"–"18" for A–E as some
 * exports number them. -1 when the label is not an MHCT item.
 */
export function itemIndex(label: unknown): number {
  const text =
    typeof label === "number"
      ? String(label)
      : typeof label === "string"
        ? label.trim().toUpperCase()
        : "";
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= 1 && n <= 18 ? n - 1 : -1;
  }
  const letter = "ABCDE".indexOf(text);
  return text.length === 1 && letter >= 0 ? 13 + letter : -1;
}
