/**
 * Getting things out of the playground without a server: a sheet as CSV, a chart as SVG or PNG.
 * Everything is made in the page and handed to the browser as a download; nothing is uploaded.
 */
import Papa from "papaparse";
import { formatValue } from "../format";
import { startsLikeFormula } from "../../workbook/cellText";

/** Hand `blob` to the browser as a file download. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from a sheet or chart title: letters, digits, spaces, dashes. */
export function fileNameOf(title: string, extension: string): string {
  const base =
    title
      .replace(/[^\p{L}\p{N} _-]+/gu, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 80) || "export";
  return `${base}.${extension}`;
}

/**
 * A sheet's values as CSV text, as the sheet shows them (numbers in their number format, errors as
 * their code), so the file reads like the grid; a leading BOM so Excel opens it as UTF-8. Text that
 * a spreadsheet would open as a formula (a team called "=HYPERLINK(…)", "+44 …", "-", "@home") gets
 * a leading apostrophe, so Excel and LibreOffice show it as text and nothing in it runs (OWASP
 * "CSV Injection"); numbers, even negative ones, are written as they are.
 */
export function sheetCsv(
  rows: number,
  cols: number,
  value: (r: number, c: number) => unknown,
  format: (r: number, c: number) => string | undefined
): string {
  const data: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: string[] = [];
    for (let c = 0; c < cols; c++) line.push(csvField(value(r, c), format(r, c)));
    data.push(line);
  }
  return "\uFEFF" + Papa.unparse(data, { newline: "\r\n" });
}

/** One cell as `sheetCsv` writes it. */
function csvField(v: unknown, format: string | undefined): string {
  if (v !== null && typeof v === "object" && "value" in v)
    return String((v as { value: unknown }).value);
  if (typeof v === "string") return startsLikeFormula(v) ? `'${v}` : v;
  return v === null || v === undefined ? "" : formatValue(v, format);
}

/** Past this many cells of the used range's rectangle, rows are not padded to its width. */
export const CSV_PAD_LIMIT = 5_000_000;

/**
 * `sheetCsv` sized by the cells that exist (`cells`, row by row, as export/snapshot.ts's
 * existingCells lists them) rather than by the used range's corners: a sheet with cells at A1 and
 * XFD1048576 is 1,048,576 short lines, not 17 billion empty fields. Rows are padded with empty
 * fields to the widest row, as a rectangular CSV, while that is at most CSV_PAD_LIMIT fields;
 * past it each row ends at its last cell (a CSV reader fills the rest of the row with blanks).
 */
export function sheetCellsCsv(
  cells: readonly { row: number; col: number }[],
  value: (r: number, c: number) => unknown,
  format: (r: number, c: number) => string | undefined
): string {
  let rows = 0;
  let width = 0;
  for (const { row, col } of cells) {
    rows = Math.max(rows, row + 1);
    width = Math.max(width, col + 1);
  }
  const data: string[][] = Array.from({ length: rows }, () => []);
  for (const { row, col } of cells) {
    const line = data[row];
    while (line.length < col) line.push("");
    line[col] = csvField(value(row, col), format(row, col));
  }
  if (rows * width <= CSV_PAD_LIMIT)
    for (const line of data) while (line.length < width) line.push("");
  return "\uFEFF" + Papa.unparse(data, { newline: "\r\n" });
}

/** The chart's SVG as a standalone file. */
export function svgText(svg: SVGSVGElement): string {
  const text = new XMLSerializer().serializeToString(svg);
  const withNs = text.includes('xmlns="http://www.w3.org/2000/svg"')
    ? text
    : text.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${withNs}`;
}

/** The chart drawn to a PNG at `scale` times its size (2: sharp in a board paper). */
export function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = svg.viewBox.baseVal?.width || svg.clientWidth || 520;
  const height = svg.viewBox.baseVal?.height || svg.clientHeight || 300;
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: "image/svg+xml" }));
  return new Promise<Blob>((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const ctx = canvas.getContext("2d");
      if (!ctx) return reject(new Error("this browser cannot draw to a canvas"));
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error("the chart could not be drawn as PNG"))),
        "image/png"
      );
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error("the chart could not be drawn as PNG"));
    };
    img.src = url;
  });
}
