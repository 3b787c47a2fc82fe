/** Reading what people type into the pane: pounds, percentages, years. NaN when unreadable. */

/** "£80,000", "80000", "80,000.50" → pounds. Blank → NaN. */
export function parseMoney(input: string): number {
  const t = input.trim().replace(/^£/, "").replace(/,/g, "").trim();
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN;
}

/** "10", "10%", "-2.5 %" → a fraction (0.1, -0.025). Blank → NaN. */
export function parsePercent(input: string): number {
  const t = input.trim().replace(/%$/, "").trim().replace(/^−/, "-");
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) ? Math.round(Number(t) * 1e9) / 1e11 : NaN;
}

/** A percentage that may be left blank: null when blank, NaN when unreadable. */
export function parseOptionalPercent(input: string): number | null {
  return input.trim() === "" ? null : parsePercent(input);
}

/** A financial year such as 2025 (or "2025/26"): the year it starts. NaN otherwise. */
export function parseYear(input: string): number {
  const m = /^\s*(\d{4})(?:\s*[/-]\s*\d{2,4})?\s*$/.exec(input);
  const y = m ? Number(m[1]) : NaN;
  return y >= 1900 && y <= 9999 ? y : NaN;
}

/** £1,234.50 in en-GB. */
export function formatMoney(value: number): string {
  return value.toLocaleString("en-GB", { style: "currency", currency: "GBP" });
}
