/** The 18 Mental Health Clustering Tool (MHCT) rating scales, in the order ratings arrive. */

export interface MhctItem {
  /** Label as written on the tool: "1"–"13", then "A"–"E". */
  readonly id: string;
  /** Full scale name (NHS Data Dictionary). */
  readonly name: string;
  /** Short name for messages. */
  readonly short: string;
  readonly part: "current" | "historical";
}

export const ITEMS: readonly MhctItem[] = [
  {
    id: "1",
    name: "Overactive, aggressive, disruptive or agitated behaviour",
    short: "overactive or aggressive behaviour",
    part: "current",
  },
  { id: "2", name: "Non-accidental self-injury", short: "self-injury", part: "current" },
  {
    id: "3",
    name: "Problem drinking or drug taking",
    short: "drinking or drug taking",
    part: "current",
  },
  { id: "4", name: "Cognitive problems", short: "cognitive problems", part: "current" },
  {
    id: "5",
    name: "Physical illness or disability problems",
    short: "physical illness or disability",
    part: "current",
  },
  {
    id: "6",
    name: "Problems associated with hallucinations and delusions",
    short: "hallucinations and delusions",
    part: "current",
  },
  { id: "7", name: "Problems with depressed mood", short: "depressed mood", part: "current" },
  {
    id: "8",
    name: "Other mental and behavioural problems",
    short: "other mental and behavioural problems",
    part: "current",
  },
  { id: "9", name: "Problems with relationships", short: "relationships", part: "current" },
  {
    id: "10",
    name: "Problems with activities of daily living",
    short: "activities of daily living",
    part: "current",
  },
  {
    id: "11",
    name: "Problems with living conditions",
    short: "living conditions",
    part: "current",
  },
  {
    id: "12",
    name: "Problems with occupation and activities",
    short: "occupation and activities",
    part: "current",
  },
  {
    id: "13",
    name: "Strong unreasonable beliefs not psychotic in origin",
    short: "strong unreasonable beliefs",
    part: "current",
  },
  {
    id: "A",
    name: "Agitated behaviour / expansive mood",
    short: "agitated behaviour / expansive mood (history)",
    part: "historical",
  },
  { id: "B", name: "Repeat self-harm", short: "repeat self-harm (history)", part: "historical" },
  {
    id: "C",
    name: "Safeguarding other children and vulnerable adults",
    short: "safeguarding (history)",
    part: "historical",
  },
  { id: "D", name: "Engagement", short: "engagement (history)", part: "historical" },
  { id: "E", name: "Vulnerability", short: "vulnerability (history)", part: "historical" },
];

export const ITEM_COUNT = 18;

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
