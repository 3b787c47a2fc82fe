/** How the playground grid shows a value under an Excel number format (the common ones). */
import { serialToYmd } from "../core/dates";

const pad = (n: number) => String(n).padStart(2, "0");

function decimalsOf(format: string): number {
  const m = /\.(0+)/.exec(format);
  return m ? m[1].length : 0;
}

function grouped(value: number, decimals: number, group: boolean): string {
  return value.toLocaleString("en-GB", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: group,
  });
}

/** Excel's "General": up to 10 significant digits, no trailing zeros. */
export function general(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

/**
 * The pound sign as Excel files often spell it: quoted ("£"#,##0), escaped (\£#,##0) or as a
 * locale currency ([$£-809]#,##0.00), and accounting's padding (_-, * ) around it; only the first
 * section (positive numbers) is read, the sign is added as for £#,##0.
 */
export function plainPounds(format: string): string {
  const first = format.split(";")[0];
  if (!/£/.test(first)) return format;
  return first
    .replace(/\\£|"£"|\[\$£[^\]]*\]/g, "£")
    .replace(/_.|\*./g, "")
    .trim();
}

export function formatValue(value: unknown, format?: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value !== "number") return String(value);
  if (!format || format === "@") return general(value); // a number in a text cell shows as General
  format = plainPounds(format);
  if (/d+\/m+\/y+/i.test(format)) {
    if (value < 1) return general(value);
    const { year, month, day } = serialToYmd(value);
    return `${pad(day)}/${pad(month)}/${year}`;
  }
  const decimals = decimalsOf(format);
  if (format.endsWith("%")) return `${grouped(value * 100, decimals, false)}%`;
  const group = format.includes(",");
  if (format.startsWith("£")) {
    const text = grouped(Math.abs(value), decimals, group);
    return value < 0 ? `-£${text}` : `£${text}`;
  }
  return grouped(value, decimals, group);
}

/** Numbers and dates line up on the right, text on the left, as in Excel. */
export function alignOf(value: unknown): "left" | "right" | "center" {
  if (typeof value === "number") return "right";
  if (typeof value === "boolean") return "center";
  return "left";
}
