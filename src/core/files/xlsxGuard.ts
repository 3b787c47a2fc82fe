/**
 * Checks an .xlsx file must pass before it is unpacked or laid out in memory, shared by the
 * playground's Open workbook, the task pane's Import caseload (which runs inside Excel, where a
 * frozen add-in is restarted after 5 s) and the pbr-toolkit command. Pure (fflate and TextDecoder
 * only), so it lives in core, the one layer all three may import. Each refusal is a FileRefused whose message names the
 * file's kind or the limit it passed, in words for the person who chose the file.
 *
 * - What the bytes are, from their first bytes: a zip (an .xlsx), an OLE compound file (an .xls, or
 *   an encrypted .xlsx, which Office wraps in a compound file with an EncryptionInfo stream:
 *   [MS-OFFCRYPTO] 2.1.1), text (CSV), a web page.
 * - The zip's central directory (read by fflate without inflating anything): how many parts, and
 *   how large they say they unpack; fflate then inflates each part into a buffer of exactly the
 *   size the directory gives, so a part that lies about its size cannot grow past it, and each
 *   part's CRC-32 is checked against the directory's, so a part cut short there reads as damaged
 *   instead of opening half.
 * - Each sheet's cells, counted from its XML before any row is laid out: Excel's own limits of
 *   1,048,576 rows and 16,384 columns, and a cap on the used range this page can hold.
 * - No DTD: an .xlsx never declares one, and a DTD's entities can expand a small part enormously.
 */
import { unzipSync } from "fflate";

/** Rows on an Excel worksheet (workbook/excelRules.ts has the same; core cannot import it). */
const EXCEL_MAX_ROWS = 1_048_576;

export const EXCEL_MAX_COLUMNS = 16_384;

export const FILE_LIMITS = {
  /** Everything the zip unpacks to (the 100,000-person demo caseload is about 60 MB). */
  unpackedBytes: 300 * 1024 * 1024,
  /** Parts in the zip (Excel writes a few per sheet). */
  parts: 20_000,
  /** Sheets in a workbook (Excel's limit is memory; this page's is this). */
  sheets: 1_000,
  /** Cells of used range, all sheets together (Excel on the web reads at most 5,000,000 a time). */
  usedCells: 5_000_000,
};

/** A file this page will not open, with the reason in words for a person. */
export class FileRefused extends Error {}

export type FileKind = "zip" | "xls" | "encrypted" | "ole" | "text" | "html" | "empty" | "other";

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether `bytes` hold `name` as UTF-16LE (how a compound file names its streams). */
function hasUtf16(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let i = 0; i + name.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < name.length; k++)
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/** What a file is, from its bytes. */
export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return "empty";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5)) return "zip";
  if (CFB.every((b, i) => bytes[i] === b)) {
    if (hasUtf16(bytes, "EncryptionInfo") || hasUtf16(bytes, "EncryptedPackage"))
      return "encrypted";
    if (hasUtf16(bytes, "Workbook") || hasUtf16(bytes, "Book")) return "xls";
    return "ole";
  }
  const head = new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.subarray(0, 2048))
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html")) return "html";
  // Text: no NUL bytes in the first 2 KB (UTF-16 text has them, and is rare for a CSV here).
  if (!bytes.subarray(0, 2048).includes(0)) return "text";
  return "other";
}

/** Why a file that is not a zip is not an .xlsx, and what to do. */
export function notXlsxMessage(kind: FileKind): string {
  switch (kind) {
    case "empty":
      return "the file is empty.";
    case "xls":
      return "this is an Excel 97–2003 workbook (.xls). Open it in Excel and save it as an Excel Workbook (.xlsx), then choose that file.";
    case "encrypted":
      return "this workbook is protected with a password (encrypted), so it cannot be read here. Open it in Excel, remove the password (File > Info > Protect Workbook), save a copy and choose that copy.";
    case "ole":
      return "this is an older Office file, not an Excel workbook. Save it from Excel as an Excel Workbook (.xlsx).";
    case "text":
      return "this is a text file (CSV or similar), not an Excel workbook. Import a CSV caseload with Import caseload, or open it in Excel and save it as an Excel Workbook (.xlsx).";
    case "html":
      return "this is a web page (HTML), not an Excel workbook. Save it from Excel as an Excel Workbook (.xlsx).";
    default:
      return "this file is not an Excel workbook, or it is damaged. Save it from Excel as an Excel Workbook (.xlsx).";
  }
}

const mb = (n: number) => `${Math.round(n / (1024 * 1024)).toLocaleString("en-GB")} MB`;
const n = (x: number) => x.toLocaleString("en-GB");

const DAMAGED =
  "this file is damaged or incomplete (its zip is cut short or corrupt). Download or save it from Excel again.";

/**
 * The parts of an .xlsx that `wanted` picks, unpacked after the central directory has been checked
 * against FILE_LIMITS. Throws FileRefused for anything that is not a sound zip within the limits.
 */
export function unzipGuarded(
  bytes: Uint8Array,
  wanted: (name: string) => boolean = () => true
): Record<string, Uint8Array> {
  const kind = fileKind(bytes);
  if (kind !== "zip") throw new FileRefused(notXlsxMessage(kind));
  let parts = 0;
  let unpacked = 0;
  try {
    // First pass: the central directory only (the filter refuses every part).
    unzipSync(bytes, {
      filter: (f) => {
        parts++;
        if (parts > FILE_LIMITS.parts)
          throw new FileRefused(
            `this file holds more than ${n(FILE_LIMITS.parts)} parts, more than an Excel workbook this page opens.`
          );
        if (wanted(f.name)) unpacked += f.originalSize;
        if (f.compression !== 0 && f.compression !== 8)
          throw new FileRefused(
            "this file's zip uses a compression method Excel does not use. Save it from Excel again."
          );
        return false;
      },
    });
  } catch (e) {
    if (e instanceof FileRefused) throw e;
    throw new FileRefused(DAMAGED);
  }
  if (unpacked > FILE_LIMITS.unpackedBytes)
    throw new FileRefused(
      `this file unpacks to ${mb(unpacked)}, more than the ${mb(FILE_LIMITS.unpackedBytes)} this page opens (a file that small unpacking that large is often a "zip bomb").`
    );
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => wanted(f.name) });
  } catch {
    throw new FileRefused(DAMAGED);
  }
  const crcs = directoryCrcs(bytes);
  for (const [name, data] of Object.entries(files)) {
    const recorded = crcs.get(name); // (a zip64 directory is not read here: its parts are not checked)
    if (recorded !== undefined && recorded !== crc32(data)) throw new FileRefused(DAMAGED);
  }
  return files;
}

let table: Uint32Array | undefined;
/** CRC-32 as zip files use it (ISO 3309, polynomial 0xEDB88320). */
export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let i = 0; i < 256; i++) {
      let c = i;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[i] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Each part's CRC-32 as the zip's central directory records it (APPNOTE.TXT 4.3.12). */
function directoryCrcs(bytes: Uint8Array): Map<string, number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end > 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  const out = new Map<string, number>();
  if (end <= 0) return out;
  let at = view.getUint32(end + 16, true);
  const count = view.getUint16(end + 10, true);
  const decoder = new TextDecoder();
  for (let i = 0; i < count && at + 46 <= bytes.length; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const nameLength = view.getUint16(at + 28, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    out.set(name, view.getUint32(at + 16, true));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** Refuse a part that declares a DTD (entity expansion): no Excel file has one. */
export function refuseDtd(part: string, xml: string): void {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw new FileRefused(
      `part ${part} of this file declares XML entities, which no Excel workbook does: it was not opened.`
    );
}

const CELL_REF = /<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,4})(\d{1,8})"/g;
const ROW_REF = /<(?:\w+:)?row\b[^>]*?\br="(\d{1,8})"/g;

/**
 * A sheet's size from its XML, before its cells are laid out: the last row and column any cell
 * names, and how many cells it has. Throws FileRefused past Excel's limits.
 */
export function sheetExtent(
  sheet: string,
  xml: string
): { rows: number; cols: number; cells: number } {
  refuseDtd(sheet, xml);
  let rows = 0;
  let cols = 0;
  let cells = 0;
  for (const m of xml.matchAll(CELL_REF)) {
    cells++;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    const row = Number(m[2]);
    if (col > cols) cols = col;
    if (row > rows) rows = row;
  }
  for (const m of xml.matchAll(ROW_REF)) if (Number(m[1]) > rows) rows = Number(m[1]);
  // Cells without an address follow one another: count them as columns of their row.
  const unaddressed = (xml.match(/<(?:\w+:)?c(?=[\s>/])(?![^>]*\br=)/g) ?? []).length;
  cells += unaddressed;
  if (unaddressed > cols) cols = Math.max(cols, Math.min(unaddressed, EXCEL_MAX_COLUMNS + 1));
  if (rows > EXCEL_MAX_ROWS || cols > EXCEL_MAX_COLUMNS)
    throw new FileRefused(
      `sheet ${sheet} has cells beyond Excel's limits of ${n(EXCEL_MAX_ROWS)} rows and ${n(EXCEL_MAX_COLUMNS)} columns, so it was not made by Excel: it was not opened.`
    );
  return { rows, cols, cells };
}

/** Adds each sheet's used range and refuses past FILE_LIMITS.usedCells or FILE_LIMITS.sheets. */
export class UsedRangeBudget {
  private used = 0;
  private sheets = 0;
  add(sheet: string, extent: { rows: number; cols: number }): void {
    this.sheets++;
    if (this.sheets > FILE_LIMITS.sheets)
      throw new FileRefused(
        `this workbook has more than ${n(FILE_LIMITS.sheets)} sheets, more than this page opens.`
      );
    const area = extent.rows * extent.cols;
    this.used += area;
    if (this.used > FILE_LIMITS.usedCells)
      throw new FileRefused(
        area > FILE_LIMITS.usedCells
          ? `sheet ${sheet} uses ${n(extent.rows)} rows by ${n(extent.cols)} columns (${n(area)} cells from A1), more than the ${n(FILE_LIMITS.usedCells)} cells this page opens. Delete the rows and columns it does not need in Excel (a stray value far down or right makes the range this large), save, and try again.`
          : `the sheets of this workbook together use more than the ${n(FILE_LIMITS.usedCells)} cells this page opens (counted from A1 of each sheet). Open a workbook with only the sheets you need.`
      );
  }
}

/** How many sheets a workbook part lists (before any sheet is read). */
export function countSheets(workbookXml: string): number {
  return (workbookXml.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []).length;
}

/** The sheet names of a workbook part by worksheet path ("xl/worksheets/sheet1.xml" → "Caseload"). */
export function sheetNamesByPath(
  workbookXml: string,
  relsXml: string | undefined
): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of (relsXml ?? "").matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const path = id ? targets.get(id) : undefined;
    if (name !== undefined && path)
      out.set(
        path,
        name
          .replace(/&amp;/g, "&")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'")
      );
  }
  return out;
}
