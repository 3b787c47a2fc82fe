/**
 * Which text encoding a CSV export is in, worked out from its bytes: a byte-order mark first
 * (UTF-8, UTF-16 LE/BE), then the pattern of zero bytes a UTF-16 file without a mark has, then
 * whether the bytes are valid UTF-8; anything else is read as Windows-1252, which is what Excel's
 * plain "CSV" save writes on a Windows PC in the UK. Pure: the decoding itself is the caller's.
 */

/** Encodings the import can read, by their WHATWG (TextDecoder) labels. */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export const ENCODINGS: readonly TextEncodingName[] = [
  "utf-8",
  "windows-1252",
  "utf-16le",
  "utf-16be",
];

/** How an encoding is named to a user ("read as Windows-1252"). */
export const ENCODING_LABEL: Record<TextEncodingName, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 (little-endian)",
  "utf-16be": "UTF-16 (big-endian)",
  "windows-1252": "Windows-1252 (Western European)",
};

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark at the start (0 when there is none); skip them before decoding. */
  bomBytes: number;
  /** Why this encoding was chosen, in plain English, for the mapping step. */
  reason: string;
}

/** How much of the file the zero-byte test looks at. */
const SNIFF_BYTES = 4096;

export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return {
      encoding: "utf-8",
      bomBytes: 3,
      reason: "the file starts with a UTF-8 byte-order mark",
    };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return {
      encoding: "utf-16le",
      bomBytes: 2,
      reason: "the file starts with a UTF-16 byte-order mark (Excel's “Unicode Text”)",
    };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return {
      encoding: "utf-16be",
      bomBytes: 2,
      reason: "the file starts with a UTF-16 (big-endian) byte-order mark",
    };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16)
    return {
      encoding: utf16,
      bomBytes: 0,
      reason: "every other byte is zero, as in UTF-16 text without a byte-order mark",
    };
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { encoding: "utf-8", bomBytes: 0, reason: "the file is valid UTF-8" };
  return {
    encoding: "windows-1252",
    bomBytes: 0,
    reason: `line ${lineOf(bytes, bad)} is not valid UTF-8, so the file was saved in Windows' own encoding (Excel's plain “CSV”)`,
  };
}

/** 1-based line of a byte offset (line feeds before it, plus one). */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** "utf-16le"/"utf-16be" when zero bytes sit almost only at odd/even positions, else null. */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return "utf-16be";
  return null;
}

/**
 * Index of the first byte that breaks UTF-8 (overlong forms, surrogates and code points past
 * U+10FFFF included), or -1 when every byte is valid. A sequence cut off by the end of the
 * buffer counts as invalid.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** The replacement character a decoder puts where bytes could not be read. */
export const REPLACEMENT_CHARACTER = "\uFFFD";
