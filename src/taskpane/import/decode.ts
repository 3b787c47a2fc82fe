/**
 * Bytes → text in a chosen encoding, with TextDecoder. One repair: some TextDecoder
 * implementations (Node before 23 among them) decode "windows-1252" as ISO-8859-1, giving
 * control characters for bytes 0x80–0x9F where Windows has € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – —
 * ˜ ™ š › œ ž Ÿ. Those are mapped here, so the same bytes read the same everywhere.
 */
import type { TextEncodingName } from "../../core/caseload/encoding";

/** Windows-1252 characters for bytes 0x80–0x9F (the five undefined bytes stay as they are). */
const CP1252_HIGH =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

/** Decode; a byte-order mark matching the encoding is dropped (TextDecoder does this). */
export function decodeBytes(bytes: Uint8Array, encoding: TextEncodingName): string {
  const text = new TextDecoder(encoding).decode(bytes);
  return encoding === "windows-1252" ? repairWindows1252(text) : text;
}

/** Text TextDecoder gave for "windows-1252", with bytes 0x80–0x9F as Windows has them. */
export function repairWindows1252(text: string): string {
  if (!/[\u0080-\u009F]/.test(text)) return text;
  return text.replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}
